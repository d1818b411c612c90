"""The plumbing every page uses: the pages cache, assets, the PWA, security headers, errors, filters."""
