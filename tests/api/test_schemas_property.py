"""Property-based tests of our own rules in the request validators of app/schemas.py.

Hypothesis builds many inputs, valid and not, and these tests show that:

- every valid body is accepted and comes back as sent: whole numbers and text
  unchanged, times as naive UTC at the same instant whatever offset they were
  sent with, checklist parts left out kept out;
- our time limits hold exactly at their edges: device clocks from 2020-01-01 to
  a day ahead of the server's clock in ms, times from 2020 (UTC) to a day ahead
  whatever their offset; routine slugs are lower-case words joined by single
  hyphens, up to 80; a session never ends before it starts;
- no input at all makes a validator raise anything but a ValidationError, and
  through the HTTP API no body gets a 5xx: each gets a 2xx, or a 4xx whose JSON
  body has just "error" and "detail".

Limits that pydantic itself enforces from a declaration (Field(ge=0, le=10),
max_length, strict types, extra="forbid", Literal choices, UUID4) are not
re-tested here; tests/api/test_bad_input.py checks the ones a person meets, by field.

The server's clock is fixed (NOW) for the whole module, so the edges are exact.
"""
import math
import re
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from app.content import library
from app.pages.checklist import SYMPTOMS, THERAPIST_FIELDS
from app.profiles.limits import limiter
from app.schemas import (
    PAIN_REACHES,
    Change,
    CheckInIn,
    ChecklistIn,
    DeviceMillis,
    LinkIn,
    SessionIn,
    Slug,
    UtcDatetime,
)
from tests.api.test_api import checkin_body, session_body

pure = settings(max_examples=100, deadline=None)
over_http = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])

NOW = datetime(2026, 11, 25, 12, 0)  # the server's clock, in naive UTC, for every test here
FIRST_TIME, LAST_TIME = datetime(2020, 1, 1), NOW + timedelta(days=1)
AFTER_LAST_TIME = LAST_TIME + timedelta(microseconds=1)
FIRST_MS = 1_577_836_800_000  # 2020-01-01, UTC
LAST_MS = (LAST_TIME - datetime(1970, 1, 1)) // timedelta(milliseconds=1)
T0 = 1_795_000_000_000
EPOCH = datetime(2000, 1, 1)  # times are compared as timedeltas from here, which never overflow
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MODELS = [SessionIn, CheckInIn, Change, ChecklistIn, LinkIn]
as_device_millis = TypeAdapter(DeviceMillis).validate_python
as_slug = TypeAdapter(Slug).validate_python
as_utc = TypeAdapter(UtcDatetime).validate_python


@pytest.fixture(autouse=True, scope="module")
def server_clock():
    """Fix the server's clock, which decides how far ahead a time may be."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("app.days.utcnow", lambda: NOW)
        yield


def length_limits(model, field):
    """The shortest and longest text a model's field takes, from its JSON Schema."""
    schema = model.model_json_schema()["properties"][field]
    return schema["minLength"], schema["maxLength"]


CODE_MIN, CODE_MAX = length_limits(LinkIn, "code")


def accepts(validate, value):
    """True if validate takes value, False if it refuses it with a ValidationError."""
    try:
        validate(value)
    except ValidationError:
        return False
    return True


def change_body(**overrides):
    """A valid favourite change body."""
    return {"change_id": "8f1b7c1e-4a5d-4c3b-9e2f-0a1b2c3d4e5f", "changed_at": T0, **overrides}


def checklist_body(**overrides):
    """A valid checklist body."""
    return change_body(state={"ticks": {"asked-about-training": True}}, **overrides)


VALID_BODIES = {SessionIn: session_body, CheckInIn: checkin_body, Change: change_body,
                ChecklistIn: checklist_body, LinkIn: lambda **overrides: {"code": "K7P2Q-X8M4N", **overrides}}

TIME_FIELDS = [(SessionIn, "started_at"), (SessionIn, "ended_at"), (CheckInIn, "recorded_at")]


# --- Strategies -------------------------------------------------------------------------

def offset_text(minutes):
    """An ISO 8601 offset such as +05:30, or Z for UTC."""
    if minutes == 0:
        return "Z"
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59)
# Any wall-clock reading, weighted towards the allowed span and its edges.
wall_clocks = st.one_of(
    st.datetimes(),
    st.datetimes(min_value=FIRST_TIME - timedelta(days=2), max_value=LAST_TIME + timedelta(days=2)),
    st.sampled_from([datetime.min, datetime.max, FIRST_TIME, LAST_TIME, AFTER_LAST_TIME]),
)


@st.composite
def instants(draw):
    """A (value to send, the UTC instant it means) pair, for an instant from 2020 to LAST_TIME.

    The value is an ISO 8601 string or a datetime, with any offset or none (taken as UTC).
    """
    utc = draw(st.datetimes(min_value=FIRST_TIME, max_value=AFTER_LAST_TIME - timedelta(microseconds=1)))
    minutes = draw(st.none() | offsets)
    if minutes is None:
        local, suffix = utc, ""
    else:
        local = (utc.replace(tzinfo=UTC)
                 .astimezone(timezone(timedelta(minutes=minutes))).replace(tzinfo=None))
        suffix = offset_text(minutes)
    if draw(st.booleans()):
        return local.isoformat() + suffix, utc
    zone = None if minutes is None else timezone(timedelta(minutes=minutes))
    return local.replace(tzinfo=zone), utc


slugs = st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12),
                 min_size=1, max_size=7).map("-".join).filter(lambda slug: len(slug) <= 80)
device_millis = st.integers(min_value=FIRST_MS, max_value=LAST_MS)
pain = st.integers(min_value=0, max_value=10)
uuid4s = st.uuids(version=4)
json_leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
texts = st.text(max_size=30)  # short: the limits are tested by field in tests/api/test_bad_input.py
json_values = st.recursive(
    json_leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def sessions(draw, routines=slugs):
    """A valid session body and the values it should validate to."""
    # A session ends when or after it starts.
    (started, started_utc), (ended, ended_utc) = sorted([draw(instants()), draw(instants())],
                                                        key=lambda p: p[1])
    body = {"routine": draw(routines), "started_at": started, "ended_at": ended,
            "steps_done": draw(st.integers(0, 500)), "steps_total": draw(st.integers(1, 500)),
            "completed": draw(st.booleans()), "updated_at": draw(device_millis)}
    return body, {**body, "started_at": started_utc, "ended_at": ended_utc}


@st.composite
def checkins(draw):
    """A valid check-in body and the values it should validate to."""
    recorded, recorded_utc = draw(instants())
    session_id = draw(st.none() | uuid4s)
    body = {"session_id": None if session_id is None else str(session_id),
            "moment": draw(st.sampled_from(["before", "after", "any"])),
            "back_pain": draw(pain), "leg_pain": draw(pain),
            "reach": draw(st.sampled_from([reach.value for reach in PAIN_REACHES])),
            "note": draw(st.text(max_size=280)), "recorded_at": recorded}
    return body, {**body, "session_id": session_id, "recorded_at": recorded_utc}


ticks = st.dictionaries(slugs, st.booleans(), max_size=6)
therapist_cards = st.fixed_dictionaries({}, optional={
    **{key: texts for key, _label in THERAPIST_FIELDS},
    "registered": st.booleans(), "ticks": ticks, "notes": texts})
# Any part of the page's state may be missing, as on a page never touched.
checklist_states = st.fixed_dictionaries({}, optional={
    "ticks": ticks, "notes": st.dictionaries(slugs, texts, max_size=4),
    "symptoms": st.fixed_dictionaries({}, optional={key: texts for key, _label, _rows in SYMPTOMS}),
    "questions": texts, "therapists": st.lists(therapist_cards, max_size=3)})


@st.composite
def checklists(draw):
    """A valid checklist body and the values it should validate to."""
    change_id = draw(uuid4s)
    body = {"change_id": str(change_id), "changed_at": draw(device_millis), "state": draw(checklist_states)}
    return body, {**body, "change_id": change_id}


links = st.text(min_size=CODE_MIN, max_size=CODE_MAX).map(lambda code: ({"code": code}, {"code": code}))


def field_values():
    """Values for a model's own fields: garbage, and near misses of the real thing."""
    near_misses = st.one_of(
        st.integers(min_value=-2, max_value=12),
        st.integers(min_value=FIRST_MS - 2, max_value=FIRST_MS + 2),
        st.integers(min_value=LAST_MS - 2, max_value=LAST_MS + 2),
        slugs, uuid4s.map(str), st.uuids().map(str),
        st.builds(lambda clock, minutes: clock.isoformat() + offset_text(minutes), wall_clocks, offsets),
        st.sampled_from(["before", "after", "any", "calf", "foot", "knee", "", "x" * 281]),
    )
    return json_values | near_misses


@st.composite
def garbage_for(draw, model):
    """Anything JSON-like, often a dict that uses (some of) the model's field names."""
    names = list(model.model_fields)
    shaped = st.fixed_dictionaries({}, optional={name: field_values() for name in names})
    body = draw(json_values | shaped | shaped.map(lambda fields: {**VALID_BODIES[model](), **fields}))
    if isinstance(body, dict) and draw(st.booleans()):
        body.pop(draw(st.sampled_from(names)), None)
    return body


# --- Valid input is accepted and comes back as sent --------------------------------------

@pytest.mark.parametrize(("model", "bodies"), [
    (SessionIn, sessions()), (CheckInIn, checkins()), (ChecklistIn, checklists()), (LinkIn, links),
])
@pure
@given(data=st.data())
def test_every_valid_body_is_accepted_and_round_trips(model, bodies, data):
    """Each field comes back unchanged, except times, which come back as naive UTC; parts left
    out of a checklist stay out."""
    body, expected = data.draw(bodies)
    assert model.model_validate(body).model_dump(exclude_unset=True) == expected


@pure
@given(instant=instants())
def test_a_time_comes_back_as_naive_utc_at_the_same_instant(instant):
    sent, utc = instant
    stored = as_utc(sent)
    assert stored.tzinfo is None
    assert stored == utc


# --- Our limits hold exactly at their edges ------------------------------------------------

@pure
@given(n=st.integers() | st.integers(FIRST_MS - 3, FIRST_MS + 3) | st.integers(LAST_MS - 3, LAST_MS + 3))
def test_device_millis_are_taken_from_2020_to_a_day_ahead_only(n):
    assert accepts(as_device_millis, n) == (FIRST_MS <= n <= LAST_MS)


@pytest.mark.parametrize(("n", "allowed"), [
    (FIRST_MS - 1, False), (FIRST_MS, True), (LAST_MS, True), (LAST_MS + 1, False),
])
def test_device_millis_edges(n, allowed):
    assert accepts(as_device_millis, n) == allowed


slug_like_text = st.one_of(
    st.text(),
    st.text("az09-_A \n.", max_size=90),
    slugs.map(lambda slug: slug + "\n"),
    st.lists(slugs, min_size=5, max_size=12).map("-".join),  # often longer than 80
)


@pure
@example(text="desk-break\n")  # a trailing newline must not slip past the end-of-text anchor
@given(text=slug_like_text)
def test_a_slug_is_lower_case_words_joined_by_single_hyphens_up_to_80(text):
    allowed = SLUG.fullmatch(text) is not None and len(text) <= 80
    assert accepts(as_slug, text) == allowed
    assert accepts(SessionIn.model_validate, session_body(routine=text)) == allowed


# --- Times: any offset, the same instant, 2020 to a day ahead only ----------------------

@pure
@example(clock=datetime(1, 1, 1), minutes=60, as_text=True)  # a UTC instant before year 1
@example(clock=datetime(9999, 12, 31, 23, 59), minutes=-60, as_text=False)  # one after year 9999
@example(clock=datetime(2019, 12, 31, 23, 30), minutes=-60, as_text=True)  # 2019 there, 2020 in UTC
@example(clock=LAST_TIME + timedelta(minutes=30), minutes=60, as_text=True)  # too late there, in time in UTC
@example(clock=LAST_TIME, minutes=-60, as_text=True)  # in time there, too late in UTC
@given(clock=wall_clocks, minutes=st.none() | offsets, as_text=st.booleans())
def test_a_time_is_taken_when_its_utc_instant_is_from_2020_to_a_day_ahead(clock, minutes, as_text):
    """Whatever the wall clock and offset, the year that counts is the one in UTC; out of range is a
    ValidationError, even where the UTC instant cannot be shown as a Python datetime at all."""
    offset = timedelta(minutes=minutes or 0)
    since_epoch = clock - EPOCH - offset
    in_range = FIRST_TIME - EPOCH <= since_epoch < AFTER_LAST_TIME - EPOCH
    if as_text:
        sent = clock.isoformat() + ("" if minutes is None else offset_text(minutes))
    else:
        sent = clock if minutes is None else clock.replace(tzinfo=timezone(offset))
    if in_range:
        assert as_utc(sent) == EPOCH + since_epoch
    else:
        assert not accepts(as_utc, sent)


@pytest.mark.parametrize(("sent", "allowed"), [
    ("2019-12-31T23:59:59.999999Z", False),
    ("2020-01-01T00:00:00Z", True),
    ("2020-01-01T00:30:00+01:00", False),  # 2019-12-31T23:30 in UTC
    (LAST_TIME.isoformat() + "Z", True),
    (AFTER_LAST_TIME.isoformat() + "Z", False),
    ((LAST_TIME + timedelta(hours=1)).isoformat() + "+01:00", True),
    ("2099-01-01T08:00:00Z", False),  # a phone whose clock is decades out
])
def test_time_edges(sent, allowed):
    assert accepts(as_utc, sent) == allowed


@pure
@given(first=instants(), second=instants())
def test_a_session_never_ends_before_it_starts(first, second):
    (started, started_utc), (ended, ended_utc) = first, second
    body = session_body(started_at=started, ended_at=ended)
    assert accepts(SessionIn.model_validate, body) == (ended_utc >= started_utc)


@pytest.mark.parametrize(("model", "field"), TIME_FIELDS)
@pure
@given(instant=instants())
def test_each_time_field_stores_naive_utc(model, field, instant):
    sent, utc = instant
    times = {name: sent for owner, name in TIME_FIELDS if owner is model}  # a session may end as it starts
    stored = getattr(model.model_validate(VALID_BODIES[model](**times)), field)
    assert stored.tzinfo is None and stored == utc


# --- Garbage in, ValidationError out ------------------------------------------------------

@pytest.mark.parametrize("model", MODELS)
@pure
@given(data=st.data())
def test_garbage_only_ever_raises_a_validation_error(model, data):
    """Any other exception (TypeError, OverflowError, ...) would escape the API's handler as a 500."""
    garbage = data.draw(garbage_for(model))
    try:
        model.model_validate(garbage)
    except ValidationError as error:
        assert error.errors()


# --- Through the HTTP API: never a 5xx --------------------------------------------------

def put(client, url, body):
    """PUT body as JSON, as the app's own pages would send it."""
    limiter.reset()  # these tests are about validation; a write limit must not answer instead
    return client.put(url, json=body, headers={"Sec-Fetch-Site": "same-origin"})


def assert_json_error(response, status):
    """The response is status, with a JSON body of just a title and a description."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    assert set(response.json) == {"error", "detail"}
    assert all(isinstance(text, str) and text for text in response.json.values())


def leaves_and_keys(value):
    """Every value and key inside value, itself included."""
    yield value
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from leaves_and_keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves_and_keys(item)


def expected_status(model, body, known_routines=None):
    """What the API should answer to body: 400 for no JSON object or a number that is not finite
    (NaN and Infinity are not JSON), 422 for invalid or a NUL character anywhere, 404 for an
    unknown routine, else 2xx (None)."""
    found = list(leaves_and_keys(body))
    if body is None or any(isinstance(leaf, float) and not math.isfinite(leaf) for leaf in found):
        return 400
    if any(isinstance(leaf, str) and "\x00" in leaf for leaf in found):
        return 422
    try:
        data = model.model_validate(body)
    except ValidationError:
        return 422
    if known_routines is not None and data.routine not in known_routines:
        return 404
    return None


def check_answer(response, status):
    """Never a 5xx: the expected 4xx with a JSON error, or a 2xx."""
    event(f"answered {response.status_code}")
    assert response.status_code < 500, response.get_data(as_text=True)
    if status is None:
        assert response.status_code in (200, 201), response.get_data(as_text=True)
    else:
        assert_json_error(response, status)


def body_for_http(model, valid_bodies):
    """Garbage, or valid bodies in the JSON text form a device would send."""
    return garbage_for(model) | valid_bodies.map(lambda pair: {
        name: value.isoformat() if isinstance(value, datetime) else value for name, value in pair[0].items()})


@over_http
@example(checkin_id=uuid.UUID("3b0f6a51-2c8e-4d7a-9f41-6e2d8c0b1a37"),
         body=checkin_body(recorded_at="0001-01-01T00:00:00+01:00"))  # before year 1 in UTC: a 422, not a 500
@given(checkin_id=uuid4s, body=body_for_http(CheckInIn, checkins()))
def test_any_checkin_body_gets_a_2xx_or_a_json_4xx(client, checkin_id, body):
    check_answer(put(client, f"/api/v1/checkins/{checkin_id}", body), expected_status(CheckInIn, body))


@over_http
@given(session_id=uuid4s, data=st.data())
def test_any_session_body_gets_a_2xx_or_a_json_4xx(app, client, session_id, data):
    with app.app_context():
        known = set(library().routines)
    body = data.draw(body_for_http(SessionIn, sessions(routines=st.sampled_from(sorted(known)) | slugs)))
    check_answer(put(client, f"/api/v1/sessions/{session_id}", body), expected_status(SessionIn, body, known))
