"""Run axe-core in the page and describe any violation readably."""
from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


def violations(page):
    """Return a readable report of axe-core violations, or "" if there are none."""
    results = _axe.run(page)
    if results.violations_count == 0:
        return ""
    return results.generate_report()
