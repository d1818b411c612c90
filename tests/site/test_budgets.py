"""The byte budgets of the product brief, which (unlike timings) are the same on every machine:
a first visit to any page at most 100 KB compressed, the JavaScript one page loads (with the words
it hands its scripts) at most 30 KB, all JavaScript together with one language's catalogue of words
at most 45 KB."""
import pytest

from app import create_app
from app.db import db
from app.site.languages import CODES
from bench import transfer


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    """The pages measured once for these tests, on an app with an empty database of its own."""
    folder = tmp_path_factory.mktemp("budgets")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'budgets.sqlite3'}"})
    with app.app_context():
        db.create_all()
    return transfer.measure(app)


def test_first_visits_and_each_pages_javascript_stay_within_budget(measured):
    pages, _, _, _ = measured
    for page, sizes in pages.items():
        assert transfer.first_visit(sizes) <= transfer.PAGE_BUDGET, (page, sizes)
        assert 0 < sizes["js"] + sizes["words"] <= transfer.PAGE_JS_BUDGET, (
            f"{page}: its scripts and their imports: {sizes['js']} bytes, its words {sizes['words']}")


def test_all_javascript_with_each_languages_catalogue_stays_within_budget(measured):
    _, js_bytes, js_files, catalogues = measured
    assert catalogues.keys() == set(CODES) and all(catalogues.values())
    for code, catalogue in catalogues.items():
        assert js_bytes + catalogue <= transfer.JS_BUDGET, (
            f"all {js_files} scripts, {js_bytes / 1024:.1f} KB, with the {code} words, "
            f"{catalogue / 1024:.1f} KB")


def test_a_page_counts_the_modules_its_scripts_import(measured):
    """The player imports lib/ and parts/ modules with "../" paths: they are part of its weight."""
    pages, _, _, _ = measured
    assert pages["/routines/morning-mobility/play"]["js"] > 10 * 1024


def test_a_page_hands_its_scripts_only_the_words_they_say(measured):
    """The player's words ride on the player's page, and a routine's checks on the pages that check
    one, not on every page."""
    pages, _, _, catalogues = measured
    assert pages["/about"]["words"] < catalogues["en"] * 0.6
    assert pages["/about"]["words"] < pages["/routines/new"]["words"]
    assert pages["/about"]["words"] < pages["/routines/morning-mobility/play"]["words"]
