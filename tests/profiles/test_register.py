"""The register of what a profile owns: every saved model is in it once, and linking a device,
the exports, the caps and "Delete everything" each walk it, so none of them forgets a kind of data."""
import csv
import io
import uuid
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Boolean, func, insert, select

from app.db import db
from app.models import PlanPart, PlanReview, RoutineFeedback
from app.profiles.limits import limiter
from app.profiles.register import PERSONAL_PAGES, REGISTER, Merge, owned
from tests.api.test_api import T0, change, checkin_body, session_body
from tests.plan.test_plan_api import NOW, SCHEDULE, review_body, save_part, set_up

FEEDBACK = {"routine": "in-bed", "verdict": "helped", "recorded_at": NOW.isoformat()}
OWN_ROUTINE = {"name": "Before work", "steps": [{"exercise": "cat-cow"}]}


def link(joiner, maker):
    """Join joiner to maker's profile with a fresh code; the answer."""
    return joiner.post("/api/v1/link", json={"code": maker.post("/api/v1/link-codes").json["code"]})


def owned_models():
    """Every model with a profile_id column."""
    return {mapper.class_ for mapper in db.Model.registry.mappers if "profile_id" in mapper.columns}


def test_every_model_a_profile_owns_is_in_the_register_once():
    listed = [line.model for line in REGISTER]
    missing = owned_models() - set(listed)
    assert not missing, (f"{sorted(m.__name__ for m in missing)} have a profile_id but no line in "
                         "app/register.py: say how linking, the exports, the caps and Delete everything "
                         "treat them")
    assert len(listed) == len(set(listed)), "a model is in the register twice"


@pytest.mark.parametrize("line", REGISTER, ids=lambda line: line.model.__name__)
def test_each_line_says_how_it_is_exported_or_why_not(line):
    if line.export is None:
        assert line.why_not, f"{line.model.__name__}: say in why_not why the exports leave it out"
    else:
        assert line.record and line.shape, f"{line.model.__name__}: name its CSV record and its shape"


@pytest.mark.parametrize("line", REGISTER, ids=lambda line: line.model.__name__)
def test_the_rows_api_finds_each_models_own_line(line):
    assert owned(line.model) is line
    if line.merge is Merge.LATEST:
        assert {"changed_at", "change_id"} <= set(line.model.__table__.c.keys())
    if line.gone:
        assert line.merge is Merge.LATEST, "only last change wins needs a row kept to record a delete"
        assert isinstance(line.model.__table__.c[line.gone].type, Boolean)


def save_everything(client, routine="in-bed"):
    """One of every kind of saved data, from client."""
    client.put(f"/api/v1/favourites/{routine}", json=change())
    client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=session_body())
    client.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body())
    client.put("/api/v1/checklist", json={**change(), "state": {"ticks": {"insured": True}}})
    client.put(f"/api/v1/own-routines/{uuid.uuid4()}", json={**change(), **OWN_ROUTINE})
    set_up(client)
    client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=review_body())
    client.put(f"/api/v1/plan/feedback/{uuid.uuid4()}", json=FEEDBACK)
    assert client.post("/api/v1/plan/calendar-feed").status_code == 201


def counts(export):
    """How many of each kind an export holds."""
    plan = export["plan"]
    return {"favourites": len(export["favourites"]), "sessions": len(export["sessions"]),
            "checkins": len(export["checkins"]), "checklist": export["checklist"] is not None,
            "routines": len(export["routines"]),
            "parts": len(plan["parts"]), "reviews": len(plan["reviews"]), "feedback": len(plan["feedback"]),
            "calendar": len(plan["calendar_subscriptions"])}


@pytest.mark.parametrize("who_saved", ["joiner", "maker"])
def test_after_a_link_both_devices_find_everything_either_saved(app, who_saved):
    maker, joiner = app.test_client(), app.test_client()
    maker.put("/api/v1/favourites/morning-mobility", json=change())  # the maker has a profile
    save_everything(joiner if who_saved == "joiner" else maker)
    assert link(joiner, maker).status_code == 200
    for client in (maker, joiner):
        export = client.get("/api/v1/export.json").json
        assert counts(export) == {"favourites": 2, "sessions": 1, "routines": 1,
                                  "checkins": 1, "checklist": True, "parts": 3, "reviews": 1,
                                  "feedback": 1, "calendar": 1}
        plan = client.get("/api/v1/plan").json
        assert set(plan["parts"]) == {"symptoms", "activities", "schedule"} and len(plan["reviews"]) == 1


def test_a_plan_part_changed_later_on_either_device_wins_the_link(app):
    maker, joiner = app.test_client(), app.test_client()
    save_part(maker, "schedule", {**SCHEDULE, "minutes": 10}, at=T0)
    save_part(joiner, "schedule", {**SCHEDULE, "minutes": 15}, at=T0 + 1)
    assert link(joiner, maker).status_code == 200
    assert maker.get("/api/v1/plan").json["parts"]["schedule"]["answers"]["minutes"] == 15


def test_both_calendar_subscriptions_keep_working_after_a_link(app):
    maker, joiner = app.test_client(), app.test_client()
    set_up(maker)
    set_up(joiner)
    addresses = [client.post("/api/v1/plan/calendar-feed").json["url"] for client in (maker, joiner)]
    assert link(joiner, maker).status_code == 200
    for address in addresses:
        assert maker.get("/" + address.split("/", 3)[3]).status_code == 200


def test_a_device_linked_before_stays_linked_when_its_profile_joins_another(app):
    laptop, phone, tablet = app.test_client(), app.test_client(), app.test_client()
    laptop.put("/api/v1/favourites/in-bed", json=change())
    phone.put("/api/v1/favourites/desk-break", json=change())
    assert link(tablet, phone).status_code == 200
    assert link(phone, laptop).status_code == 200
    assert tablet.put("/api/v1/favourites/bedtime-wind-down", json=change(T0 + 5)).status_code == 200
    for client in (laptop, phone, tablet):
        shown = {row["routine"] for row in client.get("/api/v1/favourites").json["favourites"]}
        assert shown == {"in-bed", "desk-break", "bedtime-wind-down"}
        assert len(client.get("/api/v1/devices").json["devices"]) == 3


def test_a_code_typed_on_the_device_that_made_it_is_refused_and_still_works_elsewhere(app):
    phone, laptop = app.test_client(), app.test_client()
    phone.put("/api/v1/favourites/in-bed", json=change())
    code = phone.post("/api/v1/link-codes").json["code"]
    refused = phone.post("/api/v1/link", json={"code": code})
    assert refused.status_code == 400 and "made on this device" in refused.json["detail"]
    assert "Set-Cookie" not in refused.headers
    assert len(phone.get("/api/v1/devices").json["devices"]) == 1, "no ghost device"
    assert laptop.post("/api/v1/link", json={"code": code}).status_code == 200


# --- Exports hold every row --------------------------------------------------------------------

def many(model, profile_id, count, **values):
    """count rows of model for a profile, written at once."""
    rows = [{"id": str(uuid.uuid4()), "profile_id": profile_id,
             "recorded_at": NOW.replace(tzinfo=None) - timedelta(hours=number), **values}
            for number in range(count)]
    db.session.execute(insert(model), rows)
    db.session.commit()


def profile_id_of(app):
    """The only profile's id."""
    with app.app_context():
        return db.session.execute(select(PlanPart.profile_id)).scalars().first()


def test_exports_hold_every_row_past_any_display_limit(app, client):
    set_up(client)
    profile_id = profile_id_of(app)
    with app.app_context():
        many(RoutineFeedback, profile_id, 1_200, routine="in-bed", session_id=None, verdict="helped")
        many(PlanReview, profile_id, 600, activities=[5, 4], leg_pain=4, numbness="same", weakness="none",
             warning_sign=False)
    plan = client.get("/api/v1/export.json").json["plan"]
    assert (len(plan["feedback"]), len(plan["reviews"])) == (1_200, 600)
    records = [row["record"] for row in csv.DictReader(io.StringIO(client.get("/api/v1/export.csv").text))]
    assert (records.count("routine-feedback"), records.count("plan-review")) == (1_200, 600)


def test_the_csv_holds_every_kind_the_json_holds(client):
    save_everything(client)
    records = {row["record"] for row in csv.DictReader(io.StringIO(client.get("/api/v1/export.csv").text))}
    assert records == {line.record for line in REGISTER if line.record}


# --- Delete everything -----------------------------------------------------------------------

def test_delete_everything_leaves_no_row_of_any_kind(app, client):
    save_everything(client)
    client.post("/api/v1/link-codes")
    assert client.delete("/api/v1/profile").status_code == 204
    with app.app_context():
        left = {line.model.__name__: db.session.scalar(select(func.count()).select_from(line.model))
                for line in REGISTER}
    assert left == dict.fromkeys(left, 0)


# --- Personal pages ----------------------------------------------------------------------------

PAGES = ["/", "/routines", "/routines/in-bed", "/routines/in-bed/play", "/favourites", "/checklist",
         "/safety", "/about", "/settings", "/learn", "/offline", "/history", "/plan", "/plan/setup/symptoms",
         "/plan/setup/activities", "/plan/setup/schedule", "/plan/review", "/plan/summary"]


@pytest.mark.parametrize("url", PAGES)
def test_a_page_that_shows_saved_data_is_a_personal_page(app, url):
    """A page that reads differently for someone with saved data must be in the register's personal
    pages: it is kept private, apart on the device, and dropped by Delete everything."""
    stranger, person = app.test_client(), app.test_client()
    save_everything(person)
    theirs, mine = stranger.get(url), person.get(url)
    endpoint = app.url_map.bind("localhost").match(url)[0]
    if theirs.data != mine.data:
        assert endpoint in PERSONAL_PAGES, f"{url} shows saved data: add {endpoint!r} to PERSONAL_PAGES"
    if endpoint in PERSONAL_PAGES:
        assert mine.headers["Cache-Control"] == "private, no-cache"


# --- Any saves on two devices, then a link: the export finds every one ----------------------------

ROUTINES = ["in-bed", "desk-break", "morning-mobility"]
PARTS = {"symptoms": {"areas": ["buttock"], "since": "weeks"}, "schedule": SCHEDULE}
saves = st.lists(st.tuples(st.sampled_from(["a", "b"]),
                           st.sampled_from(["favourite", "session", "checkin", "checklist", "part", "review",
                                            "feedback", "routine"]),
                           st.sampled_from(ROUTINES), st.booleans(), st.integers(0, 20)), max_size=14)


def send(client, kind, routine, flag, tick, number):
    """One save of kind from client; what the export should then hold of it (id or last-change key)."""
    at, change_id = T0 + tick * 1000, str(uuid.UUID(int=number, version=4))
    if kind in ("favourite", "checklist", "part", "routine"):
        path = {"favourite": f"/api/v1/favourites/{routine}", "checklist": "/api/v1/checklist",
                "part": f"/api/v1/plan/parts/{'symptoms' if flag else 'schedule'}",
                "routine": f"/api/v1/own-routines/{own_routine_id(routine)}"}[kind]
        body = {"changed_at": at, "change_id": change_id}
        if kind == "checklist":
            body["state"] = {"ticks": {routine: flag}}
        elif kind == "part":
            body["answers"] = PARTS["symptoms" if flag else "schedule"]
        elif kind == "routine" and flag:
            body.update(OWN_ROUTINE, name=routine)
        method = client.delete if kind in ("favourite", "routine") and not flag else client.put
        assert method(path, json=body).status_code == 200
        return
    row_id = str(uuid.uuid4())
    path, body = {"session": (f"/api/v1/sessions/{row_id}", session_body()),
                  "checkin": (f"/api/v1/checkins/{row_id}", checkin_body()),
                  "review": (f"/api/v1/plan/reviews/{row_id}", review_body()),
                  "feedback": (f"/api/v1/plan/feedback/{row_id}", {**FEEDBACK, "routine": routine})}[kind]
    assert client.put(path, json=body).status_code == 201
    return row_id


def own_routine_id(routine):
    """The id of the own routine the random saves name after a routine (one per name)."""
    return str(uuid.UUID(int=ROUTINES.index(routine) + 1, version=4))


def last_changes(sent):
    """What last-change-wins leaves of the favourites, own routines, the checklist and the plan's parts:
    {key: (at, id, value)}."""
    kept = {}
    for kind, routine, flag, tick, number in sent:
        key = {"favourite": ("favourite", routine), "routine": ("routine", routine),
               "checklist": ("checklist",), "part": ("part", "symptoms" if flag else "schedule")}.get(kind)
        if key is not None:
            change = (T0 + tick * 1000, str(uuid.UUID(int=number, version=4)), (routine, flag))
            kept[key] = max(kept.get(key, change), change)
    return kept


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sent=saves, joiner=st.sampled_from(["a", "b"]))
def test_random_saves_on_two_devices_then_a_link_keep_every_row(app, sent, joiner):
    with app.app_context():
        db.drop_all()
        db.create_all()
    limiter.reset()
    devices = {"a": app.test_client(), "b": app.test_client()}
    for client in devices.values():
        client.put("/api/v1/favourites/gentle-strength", json=change(T0 - 1))  # each has a profile
    ids, numbered = set(), [(who, *rest, number) for number, (who, *rest) in enumerate(sent, start=1)]
    for who, kind, routine, flag, tick, number in numbered:
        ids.add(send(devices[who], kind, routine, flag, tick, number))
    maker = "b" if joiner == "a" else "a"
    assert link(devices[joiner], devices[maker]).status_code == 200
    kept = last_changes([item[1:] for item in numbered])
    for client in devices.values():
        export = client.get("/api/v1/export.json").json
        plan = export["plan"]
        kinds = (export["sessions"], export["checkins"], plan["reviews"], plan["feedback"])
        found = {row["id"] for rows in kinds for row in rows}
        assert found == ids - {None}
        favourites = {row["routine"]: row["favourite"] for row in export["favourites"]}
        routines = {row["id"]: row for row in export["routines"]}
        for (kind, *key), (_, change_id, (routine, flag)) in kept.items():
            if kind == "favourite":
                assert favourites[key[0]] is flag
            elif kind == "routine":  # kept when saved last, left out of the export when deleted last
                kept_routine = routines.get(own_routine_id(routine))
                assert (kept_routine and kept_routine["change_id"]) == (change_id if flag else None)
            elif kind == "checklist":
                assert export["checklist"]["state"] == {"ticks": {routine: flag}}
                assert export["checklist"]["change_id"] == change_id
            else:
                assert key[0] in plan["parts"]
