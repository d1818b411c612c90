"""What the API accepts, pinned on both sides of every bound it states: the value just inside is
taken, the value just outside is refused. Named for what each bound means to a device sending data.
The bounds themselves live in app/schemas.py and app/rules.py (LIMITS)."""
import os
import time
from datetime import datetime, timedelta

import pytest
from pydantic import TypeAdapter, ValidationError

from app import days
from app.content.loading import SLUG_MAX_LENGTH
from app.rules import LIMITS
from app.schemas import AHEAD, CheckInIn, DeviceMillis, LinkIn, PainScore, SessionIn, Slug, UtcDatetime
from tests.api.test_api import checkin_body, session_body

NOW = datetime(2026, 11, 23, 12, 0)
EPOCH = datetime(1970, 1, 1)
MS = timedelta(milliseconds=1)


@pytest.fixture(autouse=True)
def server_clock(monkeypatch):
    """The server's clock held at NOW, so "a day ahead" is a fixed moment."""
    monkeypatch.setattr(days, "utcnow", lambda: NOW)


def accepted(kind, value):
    try:
        TypeAdapter(kind).validate_python(value)
    except ValidationError:
        return False
    return True


def case(meaning, *values):
    return pytest.param(*values, id=meaning)


@pytest.mark.parametrize(("moment", "taken"), [
    case("exactly a day ahead of the server's clock is taken (a fast phone)", NOW + timedelta(days=1), True),
    case("a day and a microsecond ahead is refused", NOW + timedelta(days=1, microseconds=1), False),
    case("the first moment of 2020 is taken", datetime(2020, 1, 1), True),
    case("the last moment of 2019 is refused", datetime(2020, 1, 1) - timedelta(microseconds=1), False),
    case("2020 in Sydney that is still 2019 in UTC is refused",
         datetime.fromisoformat("2020-01-01T05:00+10:00"), False),
    case("a year past 9999 in UTC is refused, not a server error",
         datetime.fromisoformat("9999-12-31T23:00-05:00"), False),
])
def test_a_time_from_2020_to_a_day_ahead(moment, taken):
    assert accepted(UtcDatetime, moment) is taken


@pytest.mark.parametrize(("millis", "taken"), [
    case("a device clock at the start of 2020 is taken", 1_577_836_800_000, True),
    case("a millisecond before 2020 is refused", 1_577_836_799_999, False),
    case("a device clock a day ahead is taken", (NOW + timedelta(days=1) - EPOCH) // MS, True),
    case("a day and a millisecond ahead is refused", (NOW + timedelta(days=1) - EPOCH) // MS + 1, False),
    case("a clock reading sent as a string is refused", "1600000000000", False),
])
def test_a_device_clock_reading(millis, taken):
    assert accepted(DeviceMillis, millis) is taken


@pytest.mark.parametrize(("score", "taken"), [
    case("pain 0 is taken", 0, True), case("pain 10 is taken", 10, True),
    case("pain -1 is refused", -1, False), case("pain 11 is refused", 11, False),
    case("pain 5.0 (not a whole number) is refused", 5.0, False),
])
def test_a_pain_score_is_a_whole_number_from_0_to_10(score, taken):
    assert accepted(PainScore, score) is taken


@pytest.mark.parametrize(("slug", "taken"), [
    case("a routine id of the longest length is taken", "a" * SLUG_MAX_LENGTH, True),
    case("one character longer is refused", "a" * (SLUG_MAX_LENGTH + 1), False),
])
def test_a_routine_id_has_a_longest_length(slug, taken):
    assert accepted(Slug, slug) is taken


def session_taken(**fields):
    try:
        SessionIn.model_validate(session_body(**fields))
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(("fields", "taken"), [
    case("no step done is taken", {"steps_done": 0}, True),
    case("steps done below 0 is refused", {"steps_done": -1}, False),
    case("500 steps done is taken", {"steps_done": 500}, True),
    case("501 steps done is refused", {"steps_done": 501}, False),
    case("a routine of 1 step is taken", {"steps_total": 1}, True),
    case("a routine of 0 steps is refused", {"steps_total": 0}, False),
    case("a routine of 500 steps is taken", {"steps_total": 500}, True),
    case("a routine of 501 steps is refused", {"steps_total": 501}, False),
    case("a session that ends as it starts is taken", {"ended_at": "2026-11-21T08:00:00Z"}, True),
    case("a session that ends a second before it starts is refused",
         {"ended_at": "2026-11-21T07:59:59Z"}, False),
])
def test_a_session_s_counts_and_times(fields, taken):
    assert session_taken(**fields) is taken


@pytest.mark.parametrize(("length", "taken"), [
    case("a note of the longest length is taken", LIMITS["note"], True),
    case("one character longer is refused", LIMITS["note"] + 1, False),
])
def test_a_check_in_note_has_a_longest_length(length, taken):
    try:
        CheckInIn.model_validate(checkin_body(note="n" * length))
    except ValidationError:
        assert not taken
    else:
        assert taken


@pytest.mark.parametrize(("code", "taken"), [
    case("a code of 10 characters, as shown, is taken", "A" * LIMITS["link_code_min"], True),
    case("9 characters are refused", "A" * (LIMITS["link_code_min"] - 1), False),
    case("24 characters (typed with spaces) are taken", "A" * LIMITS["link_code_max"], True),
    case("25 characters are refused", "A" * (LIMITS["link_code_max"] + 1), False),
])
def test_a_link_code_s_length(code, taken):
    try:
        LinkIn.model_validate({"code": code})
    except ValidationError:
        assert not taken
    else:
        assert taken


def refusal(kind, value):
    """The message a device gets for value (None when it is taken)."""
    try:
        TypeAdapter(kind).validate_python(value)
    except ValidationError as error:
        return error.errors()[0]["msg"]
    return None


@pytest.mark.parametrize(("moment", "message"), [
    case("before 2020", datetime(2019, 12, 31, 23, 59), "Value error, must be in the year 2020 or later"),
    case("year 1 an hour east of UTC, before the calendar begins in UTC",
         datetime.fromisoformat("0001-01-01T00:30+01:00"), "Value error, must be in the year 2020 or later"),
    case("more than a day ahead", NOW + timedelta(days=2), f"Value error, {AHEAD}"),
    case("past 9999 in UTC", datetime.fromisoformat("9999-12-31T23:00-05:00"), f"Value error, {AHEAD}"),
])
def test_a_refused_time_says_why(moment, message):
    assert refusal(UtcDatetime, moment) == message


def test_a_device_clock_too_far_ahead_says_why():
    assert refusal(DeviceMillis, (NOW + timedelta(days=2) - EPOCH) // MS) == f"Value error, {AHEAD}"


@pytest.fixture
def server_zone():
    """Run the server in another local time zone (TZ), then put the process's zone back."""
    before = os.environ.get("TZ")

    def move(zone):
        os.environ["TZ"] = zone
        time.tzset()
    yield move
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Australia/Sydney"])
def test_a_time_with_an_offset_is_kept_as_its_utc_moment_whatever_the_servers_zone(zone, server_zone):
    server_zone(zone)
    stored = TypeAdapter(UtcDatetime).validate_python(datetime.fromisoformat("2026-11-23T09:30+02:00"))
    assert stored == datetime(2026, 11, 23, 7, 30)  # naive, in UTC
