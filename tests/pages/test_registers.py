"""Registers where you live: the file's rules, its dates, and its section on the checklist page."""
import shutil
from datetime import date, timedelta

import pytest
from markupsafe import escape

from app import create_app, paths
from app.content.checklists import MAX_AGE_DAYS, load_registers
from app.content.loading import ContentError
from tests.content.content_checks import assert_refused

REAL_FILE = paths.ROUTINES_DIR / "checklist" / "registers.toml"
REGISTERS = load_registers(REAL_FILE)
TODAY = date.today()
FIRST_CHECKED = f"checked = {REGISTERS.places[0].checked.isoformat()}\n"


def test_real_file_covers_the_promised_places():
    names = [place.name for place in REGISTERS.places]
    assert names == ["United Kingdom", "Canada", "United States", "Australia"]
    for place in REGISTERS.places:
        assert "sciatica" in place.does_not, (
            f"registers.toml: {place.name}: does_not: say it shows no sciatica skill")
        assert TODAY - timedelta(days=MAX_AGE_DAYS) <= place.checked <= TODAY, (
            f"registers.toml: {place.name}: checked over 2 years ago: "
            "check the rules again and update the date")


def test_uk_says_plainly_that_massage_is_not_regulated_by_law():
    rules = REGISTERS.places[0].rules
    assert "not regulated by law in the UK" in rules
    assert "voluntary" in rules and "Professional Standards Authority" in rules and "CNHC" in rules


def test_rules_that_vary_say_to_check_the_current_rules():
    for place in REGISTERS.places[1:3]:
        assert "check the current rules" in place.rules.lower(), place.name


@pytest.fixture
def copy(tmp_path):
    """A copy of the real registers file to break in one place."""
    target = tmp_path / "registers.toml"
    shutil.copy(REAL_FILE, target)
    return target


BROKEN = [
    # (text to replace, replacement, field named in the error, words in the error)
    ('id = "registers"', 'id = "registers"\ncolour = "red"', "colour", "unknown key"),
    ('id = "registers"', 'id = "register"', "id", "does not match the file name"),
    ('name = "Canada"', 'name = "United Kingdom"', "places[1].name", "already places[0]"),
    ('name = "Canada"', 'nation = "Canada"', "places[1].nation", "unknown key"),
    (FIRST_CHECKED, "", "places[0].checked", "missing required key"),
    (FIRST_CHECKED, f"checked = {TODAY + timedelta(days=1)}\n", "places[0].checked",
     f"in the future: write the day the register was checked, today ({TODAY}) or earlier"),
    (FIRST_CHECKED, 'checked = "last week"\n', "places[0].checked", "write the day as YYYY-MM-DD"),
    (FIRST_CHECKED, "checked = 2026-12-02T10:00:00\n", "places[0].checked", "is not a date"),
    (FIRST_CHECKED, "checked = 20261202\n", "places[0].checked", "is not a date"),
    (f'source = "{REGISTERS.places[0].source}"', 'source = "  "', "places[0].source", "non-empty string"),
    ('how = "Search the CNHC', 'how = "No. No. Search the CNHC', "places[0].how",
     "write 1 to 2 full sentences ending in '.', found 4"),
]


@pytest.mark.parametrize(("old", "new", "field", "words"), BROKEN,
                         ids=[case[2] + case[3][:20] for case in BROKEN])
def test_broken_file_names_file_field_and_problem(copy, old, new, field, words):
    assert_refused(copy, old, new, lambda: load_registers(copy), field, words)


@pytest.mark.parametrize(("checked", "stale"), [(f'"{TODAY}"', False), (str(TODAY), False),
                                               (str(TODAY - timedelta(days=MAX_AGE_DAYS)), False),
                                               (str(TODAY - timedelta(days=MAX_AGE_DAYS + 1)), True)])
def test_any_past_date_loads_and_an_old_one_is_marked_stale(copy, checked, stale):
    """An old check never stops the app; the page says the rules may have changed."""
    copy.write_text(copy.read_text().replace(FIRST_CHECKED, f"checked = {checked}\n", 1))
    place = load_registers(copy).places[0]
    assert place.checked <= TODAY and place.stale is stale


def test_start_up_stops_without_the_registers_file(tmp_path):
    routines = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, routines)
    (routines / "checklist" / "registers.toml").unlink()
    with pytest.raises(ContentError, match=r"registers.toml: file: missing"):
        create_app({"TESTING": True, "ROUTINES_DIR": str(routines)})


def test_checklist_page_shows_each_place_with_its_source_and_date(client):
    page = client.get("/checklist").text
    after_start = page.split('<section class="checklist-registers" id="registers"', 1)[1]
    section = after_start.split("</section>", 1)[0]
    assert '<h2 id="registers-heading">Check a register where you live</h2>' in section
    for place in REGISTERS.places:
        assert f"<h3>{escape(place.name)}</h3>" in section
        for label, text in (("The rules", place.rules), ("How to check", place.how),
                            ("What a listing tells you", place.proves),
                            ("What it does not tell you", place.does_not)):
            assert f"<dt>{label}</dt>\n      <dd>{escape(text)}</dd>" in section
        checked = place.checked
        assert (f"Source: {escape(place.source)}, checked <time datetime=\"{checked.isoformat()}\">"
                f"{checked.day} {checked:%B %Y}</time>.") in section


def test_the_page_says_when_a_register_entry_is_old(make_app, tmp_path):
    content = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, content)
    registers = content / "checklist" / "registers.toml"
    old = TODAY - timedelta(days=MAX_AGE_DAYS + 30)
    registers.write_text(registers.read_text().replace(FIRST_CHECKED, f"checked = {old}\n", 1))
    html = make_app(ROUTINES_DIR=str(content)).test_client().get("/checklist").get_data(as_text=True)
    assert html.count("the rules may have changed") == 1
    fresh = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"}).test_client()
    assert "the rules may have changed" not in fresh.get("/checklist").get_data(as_text=True)
