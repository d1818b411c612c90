"""Bad input, abuse and time: every request a script or a wrong clock can send gets a
clear 4xx, nothing is stored that cannot be read back, and a profile cannot grow without bound.

Run on SQLite, and on PostgreSQL with TEST_DATABASE_URL (which refuses NUL characters and
non-finite numbers that SQLite would keep).
"""
import csv
import io
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.db import db
from app.models import CheckIn, ChecklistState, PracticeSession
from app.pages.checklist import COMPARED, SYMPTOMS, THERAPIST_FIELDS, THERAPISTS, checklist
from tests.api.test_api import change, checkin_body, session_body

CHECKLIST = "/api/v1/checklist"
READERS = [CHECKLIST, "/checklist", "/api/v1/export.json", "/api/v1/export.csv", "/history"]


def nested(depth):
    """A JSON object nested depth levels deep."""
    value = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def deep_text(depth):
    """JSON text nested far deeper than Python's own reader can follow."""
    return '{"a":' * depth + "1" + "}" * depth


def put_json(client, url, text):
    """PUT raw JSON text, as a script could."""
    return client.put(url, data=text, content_type="application/json")


def a_new_checkin(client, **overrides):
    """PUT a check-in with a fresh id."""
    return client.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body(**overrides))


def a_new_session(client, **overrides):
    """PUT a session with a fresh id."""
    return client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=session_body(**overrides))


def assert_refused(response, status, words):
    """A JSON error with this status whose detail says words."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert set(response.json) == {"error", "detail"}
    assert words in response.json["detail"], response.json["detail"]


def assert_all_readable(client):
    """Every page and download that shows saved data answers 200."""
    for url in READERS:
        assert client.get(url).status_code == 200, url


def front_end_state(app, text, ticked):
    """Every field of the real page, as static/js/pages/checklist.js collects it: each box ticked or
    not, each text field holding text."""
    with app.app_context():
        content = checklist()
    therapist = {**{key: text for key, _label in THERAPIST_FIELDS}, "registered": ticked,
                 "ticks": {item_id: ticked for item_id, _label in COMPARED}, "notes": text}
    return {"ticks": {item.id: ticked for item in content.items},
            "notes": {section.id: text for section in content.sections},
            "symptoms": {key: text for key, _label, _rows in SYMPTOMS},
            "questions": text, "therapists": [therapist] * THERAPISTS}


# --- 1. The checklist's real shape; JSON nobody can read back --------------------------------

@pytest.mark.parametrize("state", [
    {},
    {"ticks": {}},
    {"ticks": {"registered": True}},
    {"notes": {"credentials": "ring Tuesday"}},
    {"ticks": {"insured": True}, "notes": {"practicalities": "Ask about parking."},
     "therapists": [{"name": "Ana Ruiz", "registered": True}]},
    {"ticks": {"insured": False}, "notes": {"practicalities": ""}, "questions": "",
     "symptoms": {"where": "", "side": "Left", "duration": "", "helps": "", "worse": "", "diagnosis": ""},
     "therapists": [{"name": "", "clinic": "", "registered": False, "techniques": "", "cost": "",
                     "ticks": {"checks-pressure": False}, "notes": ""}] * 3},
])
def test_states_the_page_makes_are_kept_as_sent(client, state):
    assert client.put(CHECKLIST, json={**change(), "state": state}).status_code == 200
    assert client.get(CHECKLIST).json["state"] == state


@pytest.mark.parametrize(("text", "ticked"), [
    ("", False), ("Ask about parking, and whether they see GPs.", True)])
def test_the_whole_page_empty_or_filled_in_is_kept(client, app, text, ticked):
    state = front_end_state(app, text, ticked)
    assert client.put(CHECKLIST, json={**change(), "state": state}).status_code == 200
    assert client.get(CHECKLIST).json["state"] == state


@pytest.mark.parametrize(("state", "words"), [
    ({"ticks": {"registered": "yes"}}, "state.ticks.registered"),
    ({"ticks": {"Not An Id": True}}, "state.ticks.Not An Id"),
    ({"ticks": {"registered": 1}}, "state.ticks.registered"),
    ({"notes": {"credentials": 5}}, "state.notes.credentials"),
    ({"notes": {"credentials": "x" * 2001}}, "state.notes.credentials"),
    ({"notes": "ring Tuesday"}, "state.notes"),
    ({"questions": ["why?"]}, "state.questions"),
    ({"symptoms": {"mood": "low"}}, "state.symptoms.mood"),
    ({"symptoms": {"side": "x" * 201}}, "state.symptoms.side"),
    ({"therapists": [{}] * 4}, "state.therapists"),
    ({"therapists": [{"name": "x" * 121}]}, "state.therapists.0.name"),
    ({"therapists": [{"registered": "true"}]}, "state.therapists.0.registered"),
    ({"therapists": [{"phone": "0123"}]}, "state.therapists.0.phone"),
    ({"asked-about-training": True}, "state.asked-about-training"),
    ({"ticks": {"registered": 1.5}}, "state.ticks.registered"),
])
def test_a_checklist_of_another_shape_is_refused_by_field(client, state, words):
    assert_refused(client.put(CHECKLIST, json={**change(), "state": state}), 422, words)
    assert client.get(CHECKLIST).json == {"state": {}, "changed_at": 0, "change_id": None}


def test_a_checklist_nested_256_deep_is_refused_and_everything_still_reads(client):
    client.put("/api/v1/favourites/in-bed", json=change())
    response = client.put(CHECKLIST, json={**change(), "state": {"notes": nested(256)}})
    assert_refused(response, 400, "nested")
    assert_all_readable(client)
    assert client.get(CHECKLIST).json == {"state": {}, "changed_at": 0, "change_id": None}


@pytest.mark.parametrize("url", [CHECKLIST, "/api/v1/favourites/in-bed", f"/api/v1/sessions/{uuid.uuid4()}",
                                 f"/api/v1/checkins/{uuid.uuid4()}"])
@pytest.mark.parametrize("depth", [21, 5000, 10_000])  # 10,000 deep is just under 64 KB
def test_json_nested_thousands_deep_is_a_400(client, url, depth):
    assert_refused(put_json(client, url, deep_text(depth)), 400, "nested")


def test_json_nested_thousands_deep_is_a_400_when_linking(client):
    response = client.post("/api/v1/link", data=deep_text(5000), content_type="application/json")
    assert_refused(response, 400, "nested")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "-1e400"])
@pytest.mark.parametrize("where", ["state", "ticks", "changed_at"])
def test_a_number_that_is_not_finite_is_a_400(client, number, where):
    body = json.dumps({**change(), "state": {"ticks": {"registered": True}}})
    if where == "state":
        text = body.replace('{"ticks"', f'{{"x": {number}, "ticks"')
    elif where == "ticks":
        text = body.replace("true", number)
    else:
        text = body.replace(str(change()["changed_at"]), number)
    assert_refused(put_json(client, CHECKLIST, text), 400, "JSON")
    assert client.get(CHECKLIST).json == {"state": {}, "changed_at": 0, "change_id": None}


@pytest.mark.parametrize(("url", "payload", "words"), [
    (f"/api/v1/checkins/{uuid.uuid4()}", checkin_body(note="sore\u0000"), "note"),
    (CHECKLIST, {**change(), "state": {"notes": {"credentials": "\u0000ring"}}}, "state.notes.credentials"),
    (CHECKLIST, {**change(), "state": {"therapists": [{"name": "A\u0000"}]}}, "state.therapists.0.name"),
    (CHECKLIST, {**change(), "state": {"notes": {"cred\u0000entials": "x"}}}, "state.notes"),
    (f"/api/v1/sessions/{uuid.uuid4()}", session_body(routine="desk-break\u0000"), "routine"),
])
def test_a_nul_character_is_refused_wherever_text_is_taken(client, url, payload, words):
    assert_refused(client.put(url, json=payload), 422, words)
    assert_refused(client.put(url, json=payload), 422, "NUL")
    assert client.get("/api/v1/checkins").json == {"checkins": []}
    assert_all_readable(client)


def test_a_nul_character_in_a_link_code_is_refused(client):
    assert_refused(client.post("/api/v1/link", json={"code": "ABCDE-\u0000FGHI"}), 422, "NUL")


def test_a_checklist_saved_before_its_shape_was_checked_reads_as_never_saved(client, app):
    client.put("/api/v1/favourites/in-bed", json=change())
    with app.app_context():
        db.session.add(ChecklistState(profile_id=1, state={"x": nested(300)},
                                      changed_at=change()["changed_at"], change_id=str(uuid.uuid4())))
        db.session.commit()
    assert client.get(CHECKLIST).json == {"state": {}, "changed_at": 0, "change_id": None}
    assert_all_readable(client)
    later = change(at=change()["changed_at"] + 1)  # the device's next change replaces it
    replaced = client.put(CHECKLIST, json={**later, "state": {"questions": "Do you work with GPs?"}})
    assert replaced.status_code == 200
    assert client.get(CHECKLIST).json["state"] == {"questions": "Do you work with GPs?"}


# --- 2. Times ahead of the server's clock -------------------------------------------------------

def iso(moment):
    """A time as a device sends it."""
    return moment.isoformat().replace("+00:00", "Z")


def millis(moment):
    """A device clock reading in ms."""
    return int(moment.timestamp() * 1000)


SOON = timedelta(hours=23)  # a phone's clock a little fast: still taken
TOO_FAR = timedelta(days=1, minutes=5)


def time_bodies(when):
    """(url, body) for every time field the API takes, set to when."""
    start = when - timedelta(minutes=5)
    return [
        (f"/api/v1/checkins/{uuid.uuid4()}", checkin_body(recorded_at=iso(when))),
        (f"/api/v1/sessions/{uuid.uuid4()}",
         session_body(started_at=iso(when), ended_at=iso(when + timedelta(1)))),
        (f"/api/v1/sessions/{uuid.uuid4()}", session_body(started_at=iso(start), ended_at=iso(when))),
        (f"/api/v1/sessions/{uuid.uuid4()}", session_body(updated_at=millis(when))),
        ("/api/v1/favourites/in-bed", change(at=millis(when))),
        (CHECKLIST, {**change(at=millis(when)), "state": {}}),
    ]


@pytest.mark.parametrize("index", range(len(time_bodies(datetime.now(UTC)))))
def test_a_time_more_than_a_day_ahead_is_refused_everywhere(client, index):
    url, body = time_bodies(datetime.now(UTC) + TOO_FAR)[index]
    assert_refused(client.put(url, json=body), 422, "more than a day ahead of the server's clock")


@pytest.mark.parametrize("index", [0, 2, 3, 4, 5])
def test_a_clock_a_little_fast_is_fine(client, index):
    url, body = time_bodies(datetime.now(UTC) + SOON)[index]
    assert client.put(url, json=body).status_code in (200, 201)


def test_a_2099_check_in_is_refused_and_later_ones_still_get_notes(client):
    refused = a_new_checkin(client, recorded_at="2099-01-01T08:00:00Z", reach="none")
    assert_refused(refused, 422, "a day ahead")
    now = datetime.now(UTC)
    for hours_ago, leg, reach in ((3, 2, "thigh"), (2, 4, "thigh"), (1, 6, "foot")):
        a_new_checkin(client, recorded_at=iso(now - timedelta(hours=hours_ago)), leg_pain=leg, reach=reach)
    page = client.get("/history").get_data(as_text=True)
    assert "Worth a look" in page and "reached further down (to the foot)" in page


def test_a_far_future_check_in_saved_before_the_fix_hides_no_notes(client, app):
    now = datetime.now(UTC)
    for hours_ago, leg, reach in ((3, 2, "thigh"), (2, 4, "thigh"), (1, 6, "foot")):
        a_new_checkin(client, recorded_at=iso(now - timedelta(hours=hours_ago)), leg_pain=leg, reach=reach)
    with app.app_context():
        db.session.add(CheckIn(id=str(uuid.uuid4()), profile_id=1, moment="any", back_pain=0, leg_pain=0,
                               reach="none", note="", recorded_at=datetime(2099, 1, 1)))
        db.session.commit()
    assert "reached further down (to the foot)" in client.get("/history").get_data(as_text=True)


def test_a_session_cannot_end_before_it_starts(client):
    response = a_new_session(client, started_at="2026-11-21T08:05:00Z", ended_at="2026-11-21T08:00:00Z")
    assert_refused(response, 422, "ended_at is before started_at")
    assert a_new_session(client, started_at="2026-11-21T08:05:00Z",
                         ended_at="2026-11-21T08:05:00Z").status_code == 201


# --- 3. The CSV export keeps formulas as text ------------------------------------------------------

@pytest.mark.parametrize("note", ["=HYPERLINK(\"http://x.example\",\"ok\")", "+1+1", "-2+3", "@SUM(A1)",
                                  "\tindented", "\rback"])
def test_a_note_a_spreadsheet_would_run_is_exported_as_text(client, note):
    a_new_checkin(client, note=note)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/export.csv").text)))
    assert rows[0]["note"] == "'" + note
    assert client.get("/api/v1/export.json").json["checkins"][0]["note"] == note  # the JSON keeps it as typed


@pytest.mark.parametrize("note", ["ok = better", "2 - 1", "", "'quoted'"])
def test_other_notes_are_exported_as_typed(client, note):
    a_new_checkin(client, note=note)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/export.csv").text)))
    assert rows[0]["note"] == note


def test_each_csv_record_fills_only_its_own_columns(client):
    favourite = change()
    client.put("/api/v1/favourites/in-bed", json=favourite)
    a_new_session(client)
    a_new_checkin(client)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/export.csv").text)))
    assert rows[0] == {**dict.fromkeys(rows[0], ""), "record": "favourite", "routine": "in-bed",
                       "favourite": "True", "changed_at": str(favourite["changed_at"]),
                       "change_id": favourite["change_id"]}
    assert rows[1]["started_at"] == "2026-11-21T08:00:00" and rows[1]["completed"] == "True"
    assert rows[1]["note"] == ""
    assert rows[2]["recorded_at"] == "2026-11-21T07:58:00" and rows[2]["session_id"] == ""


def test_json_export_has_the_documented_shape(client):
    from app.schemas import Export

    client.put("/api/v1/favourites/in-bed", json=change())
    a_new_session(client)
    a_new_checkin(client, session_id=str(uuid.uuid4()))
    client.put(CHECKLIST, json={**change(), "state": {"ticks": {"insured": True}}})
    data = client.get("/api/v1/export.json").json
    assert Export.model_validate(data).model_dump(mode="json") == data


# --- 4. A profile cannot grow without bound ---------------------------------------------------------

@pytest.fixture
def capped(make_app):
    """A client of an app that keeps at most 3 sessions and 3 check-ins per profile."""
    return make_app(MAX_SESSIONS_PER_PROFILE=3, MAX_CHECKINS_PER_PROFILE=3).test_client()


@pytest.mark.parametrize(("send", "what"), [(a_new_checkin, "check-ins"), (a_new_session, "sessions")])
def test_a_full_profile_refuses_new_rows_with_a_409_that_says_what_to_do(capped, send, what):
    for _ in range(3):
        assert send(capped).status_code == 201
    response = send(capped)
    assert_refused(response, 409, f"already keeps 3 {what}")
    for words in ("This device keeps", "download your data", "delete"):
        assert words in response.json["detail"]


def test_a_full_profile_still_takes_retries_and_updates(capped):
    url = f"/api/v1/sessions/{uuid.uuid4()}"
    checkin_url = f"/api/v1/checkins/{uuid.uuid4()}"
    assert capped.put(url, json=session_body(completed=False)).status_code == 201
    assert capped.put(checkin_url, json=checkin_body()).status_code == 201
    for _ in range(2):
        a_new_session(capped)
        a_new_checkin(capped)
    assert capped.put(url, json=session_body(updated_at=change()["changed_at"] + 1)).status_code == 200
    assert capped.put(checkin_url, json=checkin_body()).status_code == 200
    assert capped.get("/api/v1/sessions").json["sessions"][0]["completed"] is True


def test_the_cap_is_generous_by_default(app):
    with app.test_request_context():
        from flask import current_app

        from app.profiles.register import DEFAULT_CAP as DEFAULT_MOST_ROWS

        assert current_app.config.get("MAX_CHECKINS_PER_PROFILE", DEFAULT_MOST_ROWS) >= 10_000
        assert current_app.config.get("MAX_SESSIONS_PER_PROFILE", DEFAULT_MOST_ROWS) >= 10_000


def fill(app, count, start=None):
    """Give profile 1 count sessions, each with an after check-in, three hours apart, newest now."""
    from sqlalchemy import insert

    start = start or datetime.now(UTC).replace(tzinfo=None) - timedelta(hours=3 * count)
    sessions = [dict(id=str(uuid.uuid4()), profile_id=1, routine="desk-break",
                     started_at=start + timedelta(hours=3 * n),
                     ended_at=start + timedelta(hours=3 * n, minutes=5),
                     steps_done=8, steps_total=8, completed=True, updated_at=change()["changed_at"])
                for n in range(count)]
    with app.app_context():
        db.session.execute(insert(PracticeSession), sessions)
        db.session.execute(insert(CheckIn), [
            dict(id=str(uuid.uuid4()), profile_id=1, session_id=row["id"], moment="after", back_pain=n % 11,
                 leg_pain=n % 7, reach="calf", note="", recorded_at=row["ended_at"])
            for n, row in enumerate(sessions)])
        db.session.commit()
    return sessions


def test_history_shows_only_the_latest_check_ins_and_says_so(client, app):
    from app.history.pages import SHOWN_CHECKINS

    client.put("/api/v1/favourites/in-bed", json=change())
    fill(app, SHOWN_CHECKINS + 5)
    page = client.get("/history").get_data(as_text=True)
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("<tr>") == SHOWN_CHECKINS
    assert f"Your latest {SHOWN_CHECKINS} check-ins" in page
    assert f"{SHOWN_CHECKINS} check-ins from" in page  # the chart's description


# --- 5. Personal answers are kept out of shared caches -------------------------------------------------

def test_history_is_private_but_kept_for_offline(client):
    assert client.get("/history").headers["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize("url", ["/api/v1/export.json", "/api/v1/export.csv", CHECKLIST, "/api/v1/checkins"])
def test_exports_and_the_api_are_never_stored(client, url):
    client.put("/api/v1/favourites/in-bed", json=change())
    assert client.get(url).headers["Cache-Control"] == "no-store"
