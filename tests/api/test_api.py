"""The JSON API: every endpoint, idempotency, the profile cookie and bad input."""
import csv
import io
import json
import re
import uuid

import pytest
from sqlalchemy import event

from app.db import db, engines
from app.profiles import COOKIE

T0 = 1_795_000_000_000  # a device clock reading in ms (Nov 2026)


def change(at=T0, change_id=None):
    """A favourite change body."""
    return {"change_id": change_id or str(uuid.uuid4()), "changed_at": at}


def session_body(**overrides):
    """A valid session body."""
    body = {"routine": "desk-break", "started_at": "2026-11-21T08:00:00Z", "ended_at": "2026-11-21T08:05:00Z",
            "steps_done": 8, "steps_total": 8, "completed": True, "updated_at": T0}
    return {**body, **overrides}


def checkin_body(**overrides):
    """A valid check-in body."""
    body = {"moment": "before", "back_pain": 6, "leg_pain": 4, "reach": "calf", "note": "stiff after sitting",
            "recorded_at": "2026-11-21T07:58:00+00:00"}
    return {**body, **overrides}


def favourites(client):
    """The routine slugs the server has as favourites."""
    return [row["routine"] for row in client.get("/api/v1/favourites").json["favourites"]]


# --- The profile cookie -----------------------------------------------------------

def test_reading_makes_no_profile(client):
    response = client.get("/api/v1/favourites")
    assert response.json == {"favourites": []}
    assert "Set-Cookie" not in response.headers


def test_first_save_makes_a_profile_with_a_safe_cookie(client):
    response = client.put("/api/v1/favourites/in-bed", json=change())
    assert response.status_code == 200
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE}=")
    for flag in ("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=34560000"):
        assert flag in cookie
    assert "Secure" not in cookie  # plain HTTP in tests; HTTPS gets Secure (next test)
    assert favourites(client) == ["in-bed"]
    assert "Set-Cookie" not in client.put("/api/v1/favourites/desk-break", json=change()).headers


def test_cookie_is_secure_under_https(client):
    response = client.put("/api/v1/favourites/in-bed", json=change(), base_url="https://localhost")
    assert "Secure" in response.headers["Set-Cookie"]


def test_only_a_hash_of_the_secret_is_stored(client, app):
    from app.models import DeviceKey

    client.put("/api/v1/favourites/in-bed", json=change())
    secret = client.get_cookie(COOKIE).value
    with app.app_context():
        stored = db.session.execute(db.select(DeviceKey.secret_hash)).scalar_one()
    assert secret not in stored and len(stored) == 64


def test_another_device_sees_nothing(client, app):
    client.put("/api/v1/favourites/in-bed", json=change())
    assert favourites(app.test_client()) == []


# --- Favourites ------------------------------------------------------------------------

def test_favourite_on_and_off(client):
    client.put("/api/v1/favourites/in-bed", json=change(T0))
    off = change(T0 + 1000)
    response = client.delete("/api/v1/favourites/in-bed", json=off)
    assert response.json == {"routine": "in-bed", "favourite": False, "changed_at": T0 + 1000,
                             "change_id": off["change_id"]}
    assert favourites(client) == []


def test_same_change_sent_twice_is_applied_once(client):
    body = change(T0)
    client.put("/api/v1/favourites/in-bed", json=body)
    client.delete("/api/v1/favourites/in-bed", json=change(T0 + 1))
    client.put("/api/v1/favourites/in-bed", json=body)  # a retry of the first change
    assert favourites(client) == []


def test_older_change_arriving_late_loses(client):
    later = change(T0 + 5000)
    client.delete("/api/v1/favourites/in-bed", json=later)
    response = client.put("/api/v1/favourites/in-bed", json=change(T0))
    assert response.json == {"routine": "in-bed", "favourite": False, "changed_at": T0 + 5000,
                             "change_id": later["change_id"]}  # what the server keeps
    assert favourites(client) == []


@pytest.mark.parametrize("first", ["put", "delete"])
def test_of_two_changes_in_one_millisecond_the_larger_id_wins_in_either_order(client, first):
    """As a merge of two devices decides (models.wins_over), comparing the ids as Python compares text."""
    sent = {"put": change(T0, "0aaaaaaa-0000-4000-8000-000000000000"),
            "delete": change(T0, "fa000000-0000-4000-8000-000000000000")}
    second = "delete" if first == "put" else "put"
    for method in (first, second):
        getattr(client, method)("/api/v1/favourites/in-bed", json=sent[method])
    assert favourites(client) == []


def test_a_favourite_from_a_known_device_is_two_statements(client, app):
    """Its device key, then one statement that stores the change unless a later one is there:
    no read of the row first (it was three statements, and an ORM transaction around them)."""
    client.put("/api/v1/favourites/in-bed", json=change(T0))
    statements = []
    with app.app_context():
        for engine in engines():
            event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    off = change(T0 + 1)
    response = client.delete("/api/v1/favourites/in-bed", json=off)
    assert response.json == {"routine": "in-bed", "favourite": False, "changed_at": T0 + 1,
                             "change_id": off["change_id"]}
    assert [s.split()[0] for s in statements] == ["SELECT", "INSERT"], statements


@pytest.mark.parametrize(("method", "url", "payload", "status", "words"), [
    ("put", "/api/v1/favourites/no-such-routine", change(), 404, "no routine called"),
    ("put", "/api/v1/favourites/in-bed", {"change_id": "not-a-uuid", "changed_at": T0}, 422, "change_id"),
    ("put", "/api/v1/favourites/in-bed", {"change_id": str(uuid.uuid4()), "changed_at": "soon"}, 422,
     "changed_at"),
    ("put", "/api/v1/favourites/in-bed", {"change_id": str(uuid.uuid4())}, 422, "changed_at: Field required"),
    ("put", "/api/v1/favourites/in-bed", {**change(), "colour": "red"}, 422, "colour: Extra inputs"),
    ("put", "/api/v1/favourites/in-bed", [1, 2, 3], 422, "body"),
    ("put", "/api/v1/sessions/" + str(uuid.uuid4()), session_body(routine="nope"), 404, "no routine called"),
    ("put", "/api/v1/sessions/" + str(uuid.uuid4()), session_body(steps_total=0), 422, "steps_total"),
    ("put", "/api/v1/sessions/" + str(uuid.uuid4()), session_body(started_at="yesterday"), 422, "started_at"),
    ("put", "/api/v1/sessions/" + str(uuid.uuid4()), session_body(started_at="1999-01-01T00:00:00Z"), 422,
     "2020 or later"),
    ("put", "/api/v1/sessions/not-a-uuid", session_body(), 404, "Not Found"),
    ("put", "/api/v1/checkins/" + str(uuid.uuid4()), checkin_body(back_pain=11), 422, "back_pain"),
    ("put", "/api/v1/checkins/" + str(uuid.uuid4()), checkin_body(leg_pain=-1), 422, "leg_pain"),
    ("put", "/api/v1/checkins/" + str(uuid.uuid4()), checkin_body(back_pain="7"), 422, "back_pain"),
    ("put", "/api/v1/checkins/" + str(uuid.uuid4()), checkin_body(reach="knee"), 422, "reach"),
    ("put", "/api/v1/checkins/" + str(uuid.uuid4()), checkin_body(note="x" * 281), 422, "note"),
    ("put", "/api/v1/checklist", {**change(), "state": "ticked"}, 422, "state"),
    ("post", "/api/v1/link", {"code": ""}, 422, "code"),
])
def test_bad_input_gets_a_clear_4xx(client, method, url, payload, status, words):
    response = getattr(client, method)(url, json=payload)
    assert response.status_code == status
    assert set(response.json) == {"error", "detail"}
    assert words in response.json["detail"] or words in response.json["error"]


@pytest.mark.parametrize("data", [b"{not json", b"", b"\xff\xfe", b"null"])
def test_malformed_json_is_a_400(client, data):
    response = client.put("/api/v1/favourites/in-bed", data=data, content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.json["detail"]


def test_json_without_the_content_type_is_a_400(client):
    response = client.put("/api/v1/favourites/in-bed", data='{"a": 1}', content_type="text/plain")
    assert response.status_code == 400


def test_huge_body_is_refused_with_413(client):
    response = client.put("/api/v1/checklist", json={**change(), "state": {"notes": "x" * 100_000}})
    assert response.status_code == 413
    assert response.json["error"] == "Request Entity Too Large"


def test_unknown_api_address_is_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.is_json


@pytest.mark.parametrize("headers", [
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
    {"Origin": "https://evil.example"},
])
def test_cross_site_writes_are_refused(client, headers):
    response = client.put("/api/v1/favourites/in-bed", json=change(), headers=headers)
    assert response.status_code == 403
    assert "own pages" in response.json["detail"]


def test_same_origin_writes_pass(client):
    headers = {"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"}
    assert client.put("/api/v1/favourites/in-bed", json=change(), headers=headers).status_code == 200


# --- Sessions and check-ins ----------------------------------------------------------

def test_session_is_created_once_and_updated_by_the_latest_change(client):
    url = f"/api/v1/sessions/{uuid.uuid4()}"
    assert client.put(url, json=session_body(completed=False, steps_done=3)).status_code == 201
    assert client.put(url, json=session_body(completed=False, steps_done=3)).status_code == 200
    client.put(url, json=session_body(steps_done=8, updated_at=T0 + 60_000))
    client.put(url, json=session_body(steps_done=5, updated_at=T0 + 30_000))  # older, arrives late
    sessions = client.get("/api/v1/sessions").json["sessions"]
    assert len(sessions) == 1
    assert sessions[0]["steps_done"] == 8 and sessions[0]["completed"] is True
    assert sessions[0]["started_at"] == "2026-11-21T08:00:00"


def test_checkin_is_recorded_once(client):
    session_id = str(uuid.uuid4())
    url = f"/api/v1/checkins/{uuid.uuid4()}"
    assert client.put(url, json=checkin_body(session_id=session_id)).status_code == 201
    assert client.put(url, json=checkin_body(session_id=session_id, back_pain=2)).status_code == 200
    checkins = client.get("/api/v1/checkins").json["checkins"]
    assert len(checkins) == 1
    assert checkins[0]["back_pain"] == 6 and checkins[0]["session_id"] == session_id
    assert checkins[0]["recorded_at"] == "2026-11-21T07:58:00"


def test_someone_elses_id_is_a_conflict(client, app):
    url = f"/api/v1/checkins/{uuid.uuid4()}"
    client.put(url, json=checkin_body())
    response = app.test_client().put(url, json=checkin_body())
    assert response.status_code == 409


# --- Checklist -------------------------------------------------------------------------

def test_checklist_last_change_wins(client):
    assert client.get("/api/v1/checklist").json == {"state": {}, "changed_at": 0, "change_id": None}
    client.put("/api/v1/checklist", json={**change(T0 + 10), "state": {"ticks": {"registered": True}}})
    client.put("/api/v1/checklist", json={**change(T0), "state": {"ticks": {}}})
    assert client.get("/api/v1/checklist").json["state"] == {"ticks": {"registered": True}}


# --- Export, delete everything, link a device -------------------------------------------

def save_some(client):
    """One of everything."""
    client.put("/api/v1/favourites/in-bed", json=change())
    client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=session_body())
    client.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body(note='says "ouch", then rests'))
    client.put("/api/v1/checklist", json={**change(), "state": {"notes": {"credentials": "ring Tuesday"}}})


def test_export_json_has_everything(client):
    save_some(client)
    response = client.get("/api/v1/export.json")
    assert 'attachment; filename="easeback-export.json"' == response.headers["Content-Disposition"]
    data = response.json
    assert [f["routine"] for f in data["favourites"]] == ["in-bed"]
    assert len(data["sessions"]) == 1 and len(data["checkins"]) == 1
    assert data["checklist"]["state"] == {"notes": {"credentials": "ring Tuesday"}}


def test_export_csv_has_a_row_per_record(client):
    save_some(client)
    response = client.get("/api/v1/export.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["record"] for row in rows] == ["favourite", "session", "checkin", "checklist"]
    assert rows[2]["note"] == 'says "ouch", then rests' and rows[2]["reach"] == "calf"
    assert json.loads(rows[3]["state"]) == {"notes": {"credentials": "ring Tuesday"}}


def test_delete_everything_removes_all_and_the_cookie(client):
    save_some(client)
    response = client.delete("/api/v1/profile")
    assert response.status_code == 204
    assert f"{COOKIE}=;" in response.headers["Set-Cookie"]
    assert response.headers["Clear-Site-Data"] == '"cache"', "the browser's HTTP cache may hold /history"
    client.delete_cookie(COOKIE)
    assert client.get("/api/v1/export.json").json["sessions"] == []


def test_link_a_second_device_with_a_one_time_code(client, app):
    save_some(client)
    code = client.post("/api/v1/link-codes").json["code"]
    assert re.fullmatch(r"[2-9A-Z]{5}-[2-9A-Z]{5}", code)
    phone = app.test_client()
    assert phone.post("/api/v1/link", json={"code": code.lower().replace("-", " ")}).json == {"linked": True}
    assert favourites(phone) == ["in-bed"]
    phone.put("/api/v1/favourites/desk-break", json=change())
    assert sorted(favourites(client)) == ["desk-break", "in-bed"]
    third = app.test_client()
    assert third.post("/api/v1/link", json={"code": code}).status_code == 400  # works once


def test_linking_brings_this_devices_own_saves_along(client, app):
    code = client.post("/api/v1/link-codes").json["code"]
    phone = app.test_client()
    phone.put("/api/v1/favourites/gentle-strength", json=change())
    phone.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body())
    phone.post("/api/v1/link", json={"code": code})
    assert favourites(client) == ["gentle-strength"]
    assert len(client.get("/api/v1/checkins").json["checkins"]) == 1


def test_link_code_expires_after_ten_minutes(client, app, monkeypatch):
    from datetime import timedelta

    from app.profiles import linking

    code = client.post("/api/v1/link-codes").json["code"]
    later = linking.utcnow() + timedelta(minutes=10, seconds=1)
    monkeypatch.setattr(linking, "utcnow", lambda: later)
    assert app.test_client().post("/api/v1/link", json={"code": code}).status_code == 400


def test_only_a_few_wrong_tries(client, app):
    code = client.post("/api/v1/link-codes").json["code"]
    guesser = app.test_client()
    for _ in range(5):
        assert guesser.post("/api/v1/link", json={"code": "AAAAA-AAAAA"}).status_code == 400
    response = guesser.post("/api/v1/link", json={"code": code})
    assert response.status_code == 429
    assert response.json["error"] == "Too Many Requests"


@pytest.mark.parametrize("path", [
    "/api/v1/favourites", "/api/v1/checklist", "/api/v1/sessions", "/api/v1/plan"])
def test_a_read_answers_304_to_the_etag_it_gave_until_the_data_changes(client, path):
    """Browsers keep no copy of a no-store answer: the device sends If-None-Match itself."""
    assert client.put("/api/v1/favourites/morning-mobility", json=change()).status_code == 200
    first = client.get(path)
    assert first.status_code == 200 and first.headers["Cache-Control"] == "no-store"
    tag = first.headers["ETag"]
    again = client.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == tag
    assert again.headers["Cache-Control"] == "no-store"
    client.put("/api/v1/checklist", json={**change(T0 + 1), "state": {"ticks": {"registered": True}}})
    client.put("/api/v1/sessions/" + str(uuid.uuid4()), json=session_body())
    client.put("/api/v1/plan/parts/schedule", json={**change(T0 + 1), "answers": {
        "days": ["MO"], "time": "07:00", "minutes": 5, "zone": "Europe/London"}})
    client.put("/api/v1/favourites/bedtime-wind-down", json=change(T0 + 1))
    changed = client.get(path, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["ETag"] != tag and changed.json


def test_the_etag_is_the_same_however_the_answer_is_compressed(client):
    """Long enough to be compressed: the tag is weak, so compression leaves it alone."""
    notes = {"notes": {"credentials": "ring on Tuesday about the register " * 20}}
    client.put("/api/v1/checklist", json={**change(), "state": notes})
    compressed = client.get("/api/v1/checklist", headers={"Accept-Encoding": "br"})
    assert compressed.headers["Content-Encoding"] == "br"
    assert compressed.headers["ETag"] == client.get("/api/v1/checklist").headers["ETag"]
    tag = compressed.headers["ETag"]
    again = client.get("/api/v1/checklist", headers={"If-None-Match": tag, "Accept-Encoding": "br"})
    assert again.status_code == 304


def test_another_profiles_data_never_matches_an_etag(client, app):
    client.put("/api/v1/favourites/morning-mobility", json=change())
    tag = client.get("/api/v1/favourites").headers["ETag"]
    other = app.test_client()
    other.put("/api/v1/favourites/bedtime-wind-down", json=change())
    assert other.get("/api/v1/favourites", headers={"If-None-Match": tag}).status_code == 200
