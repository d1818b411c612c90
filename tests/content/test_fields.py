"""The content files' field checks, each pinned on both sides of its boundary, with the message an
author reads. The checks are built here, at test time, from the same factories the models use, so a
change to a factory shows up even though the models built theirs when the app was imported.
"""
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from app.content.fields import (
    MAX_SECONDS,
    Count,
    Day,
    FileId,
    Table,
    Text,
    checked,
    listing,
    one_of,
    past_day,
    problem,
    seconds_within,
    sentences,
    table,
)


def case(meaning, *values):
    return pytest.param(*values, id=meaning)


def refusal(kind, value, context=None):
    """The message a content author would read for value, or None when it is accepted."""
    try:
        TypeAdapter(kind).validate_python(value, context=context)
    except ValidationError as error:
        return error.errors()[0]["msg"]
    return None


def accepted(kind, value, context=None):
    return TypeAdapter(kind).validate_python(value, context=context)


# --- Text -------------------------------------------------------------------------------------------

def test_text_collapses_runs_of_white_space():
    assert accepted(Text, "  Lie on   your\nback.  ") == "Lie on your back."


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_text_that_is_only_white_space_is_refused(blank):
    assert refusal(Text, blank) == "must be a non-empty string"


# --- Counts of seconds or times: 1 to 600 -----------------------------------------------------------

@pytest.mark.parametrize(("value", "message"), [
    case("0 is refused: nothing to time", 0, f"must be between 1 and {MAX_SECONDS}, not 0"),
    case("1 is the least", 1, None),
    case("600 (ten minutes) is the most", 600, None),
    case("601 is refused", 601, "must be between 1 and 600, not 601"),
])
def test_a_count_runs_from_1_to_600(value, message):
    assert refusal(Count, value) == message


@pytest.mark.parametrize("value", [True, 30.0, "30"])
def test_a_count_is_a_whole_number_written_as_one(value):
    assert refusal(Count, value) is not None


@pytest.mark.parametrize(("value", "message"), [
    case("4 s below a 5-120 s range is refused", 4, "must be 5 to 120 seconds, not 4"),
    case("5 s, the range's start, is allowed", 5, None),
    case("120 s, the range's end, is allowed", 120, None),
    case("121 s is refused", 121, "must be 5 to 120 seconds, not 121"),
])
def test_seconds_within_a_range_keep_both_ends(value, message):
    assert refusal(seconds_within(range(5, 121)), value) == message


# --- Sentences --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("most", "text", "message"), [
    case("one sentence where one is allowed", 1, "Breathe out slowly.", None),
    case("two where one is allowed is refused", 1, "Breathe out. Rest.",
         "write one full sentence ending in '.', found 2"),
    case("words with no full stop are refused", 1, "Breathe out slowly",
         "write one full sentence ending in '.', found 0"),
    case("three where three are allowed", 3, "One. Two! Three?", None),
    case("four where three are allowed is refused", 3, "One. Two. Three. Four.",
         "write 1 to 3 full sentences ending in '.', found 4"),
    case("none where three are allowed is refused", 3, "No ending",
         "write 1 to 3 full sentences ending in '.', found 0"),
    case("a dot inside a number ends no sentence", 1, "Hold for 2.5 breaths.", None),
])
def test_prose_has_between_one_and_the_most_sentences(most, text, message):
    assert refusal(sentences(most), text) == message


# --- Choices, lists, checks -------------------------------------------------------------------------

def test_one_of_accepts_a_choice_and_lists_them_all_when_refusing():
    kind = one_of(iter(["lying", "sitting", "standing"]))  # any iterable: read once, kept
    assert accepted(kind, "sitting") == "sitting"
    assert refusal(kind, "kneeling") == "'kneeling' is not one of: lying, sitting, standing"
    assert refusal(kind, "lying") is None


def test_a_listing_needs_at_least_one_item():
    assert accepted(listing(Text), ["a", "b"]) == ("a", "b")
    assert refusal(listing(Text), []) == "must list at least one item"
    assert refusal(listing(Text, "name at least one source"), []) == "name at least one source"


def test_a_check_words_its_message_from_the_refused_value():
    even = checked(int, lambda value: value % 2 == 0, lambda value: f"{value} is odd")
    assert accepted(even, 4) == 4
    assert refusal(even, 3) == "3 is odd"


# --- Days -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    case("a TOML date", date(2026, 12, 2), date(2026, 12, 2)),
    case("the same day in quotes", "2026-12-02", date(2026, 12, 2)),
])
def test_a_day_is_a_date(value, expected):
    assert accepted(Day, value) == expected


@pytest.mark.parametrize("value", [
    case("a time of day is refused", datetime(2026, 12, 2, 9, 0)),
    case("words are refused", "yesterday"),
    case("a number is refused", 20261202),
])
def test_anything_but_a_day_is_refused_with_the_way_to_write_one(value):
    assert refusal(Day, value) == (f"{value!r} is not a date: write the day as YYYY-MM-DD, e.g. 2026-12-02")


def test_a_past_day_may_be_today_but_not_tomorrow():
    today = date.today()
    kind = past_day("the day it was checked")
    assert accepted(kind, today) == today
    assert accepted(kind, today - timedelta(days=1)) == today - timedelta(days=1)
    tomorrow = today + timedelta(days=1)
    assert refusal(kind, tomorrow) == (f"{tomorrow} is in the future: write the day it was checked, "
                                       f"today ({today}) or earlier")


def test_a_past_day_has_a_plain_default_wording():
    tomorrow = date.today() + timedelta(days=1)
    assert "write a day that has happened" in refusal(past_day(), tomorrow)


# --- A file's id, and keys ------------------------------------------------------------------------

@table
class Named(Table):
    id: FileId


def test_a_file_id_matches_its_file_name_and_no_earlier_file():
    path = Path("routines/morning-ease.toml")
    assert accepted(Named, {"id": "morning-ease"}, {"path": path, "seen": {}}).id == "morning-ease"
    assert accepted(Named, {"id": "morning-ease"}).id == "morning-ease"  # no file to compare with
    assert refusal(Named, {"id": "morning"}, {"path": path}) == (
        "'morning' does not match the file name; rename one so both say the same")
    earlier = {"morning-ease": Path("routines/other.toml")}
    assert refusal(Named, {"id": "morning-ease"}, {"path": path, "seen": earlier}) == (
        "duplicate id 'morning-ease', already used by other.toml")


def test_a_problem_is_a_content_error_that_carries_its_field():
    error = problem("must be a non-empty string", "name")
    assert (error.type, error.message()) == ("content", "must be a non-empty string")
    assert error.context == {"message": "must be a non-empty string", "field": "name"}


def test_an_unknown_key_is_named_with_the_keys_allowed():
    @table
    class Step(Table):
        name: Text
        seconds: Count

    assert Step(name="Rest", seconds=5).seconds == 5
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(Step).validate_python({"name": "Rest", "second": 5})
    assert "unknown key (allowed: name, seconds)" in str(raised.value)
    with pytest.raises(ValidationError):  # made in code rather than read from a file: refused too
        Step(name="Rest", seconds=5, second=5)
