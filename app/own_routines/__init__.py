"""Own routines on the server: routines a person builds, or is given by link, saved by their device's
ids (the API is app/api/own_routines.py; the definition's rules are app/content/own.py's)."""
