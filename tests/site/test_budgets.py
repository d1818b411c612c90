"""The byte budgets of the product brief, which (unlike timings) are the same on every machine:
a first visit to any page at most 100 KB compressed, the JavaScript one page loads at most 30 KB,
all JavaScript together at most 45 KB."""
from bench import transfer


def test_first_visits_and_all_javascript_stay_within_budget(app):
    pages, js_bytes, js_files = transfer.measure(app)
    for page, sizes in pages.items():
        assert sum(sizes.values()) <= transfer.PAGE_BUDGET, (page, sizes)
        assert 0 < sizes["js"] <= transfer.PAGE_JS_BUDGET, (
            f"{page}: its scripts and their imports: {sizes['js']} bytes")
    assert js_bytes <= transfer.JS_BUDGET, f"all {js_files} scripts: {js_bytes / 1024:.1f} KB"


def test_a_page_counts_the_modules_its_scripts_import(app):
    """The player imports lib/ and parts/ modules with "../" paths: they are part of its weight."""
    pages, _, _ = transfer.measure(app)
    assert pages["/routines/morning-mobility/play"]["js"] > 10 * 1024
