"""Own routines through the API: saved by the device's id, the last change winning (a delete too),
checked as app/content/own.py checks them at every bound's edge, exported, deleted with everything,
merged when devices link, and recorded and named by sessions, history and the GP summary."""
import csv
import io
import json
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.content.own import OwnRoutine, slug_of
from app.rules import OWN_ROUTINES
from tests.api.test_api import T0, change, session_body
from tests.content.test_own import CONTEXT, LIBRARY
from tests.plan.test_plan_summary import a_session as a_session_days_ago
from tests.plan.test_plan_summary import set_up
from tests.profiles.test_register import link

ROUTINES = "/api/v1/own-routines"
TIMED, COUNTED, SIDED = "body-scan", "cat-cow", "knee-to-chest-single"
STEPS = [{"exercise": SIDED, "hold": 30, "sides": "left", "rest": 10}, {"exercise": COUNTED, "reps": 8}]
# The same steps as the server keeps them: each dose, side and rest said.
IN_FULL = [{"exercise": SIDED, "hold": 30, "rest": 10, "sides": "left"},
           {"exercise": COUNTED, "reps": 8, "rest": 0}]


def definition(**overrides):
    """A valid definition."""
    return {"name": "Morning stretch", "often": "Every morning", "steps": STEPS, **overrides}


def put(client, routine_id, at=T0, change_id=None, **overrides):
    """Save an own routine; the answer."""
    return client.put(f"{ROUTINES}/{routine_id}", json={**change(at, change_id), **definition(**overrides)})


def delete(client, routine_id, at=T0, change_id=None):
    """Delete an own routine; the answer."""
    return client.delete(f"{ROUTINES}/{routine_id}", json=change(at, change_id))


def listed(client):
    """The own routines the server lists, as {id: name}."""
    response = client.get(ROUTINES)
    assert response.status_code == 200
    return {row["id"]: row["name"] for row in response.json["routines"]}


def one_step(**step):
    """A definition of one step."""
    return definition(steps=[step])


# --- Saving and reading back ------------------------------------------------------------------

def test_a_routine_comes_back_with_every_step_in_full(client):
    routine_id = str(uuid.uuid4())
    answer = put(client, routine_id)
    assert answer.status_code == 200
    assert answer.json == {"id": routine_id, "name": "Morning stretch", "often": "Every morning",
                           "steps": IN_FULL, "deleted": False, "changed_at": T0,
                           "change_id": answer.json["change_id"]}
    assert client.get(ROUTINES).json == {"routines": [answer.json]}


def test_a_left_out_dose_is_the_exercises_own(client):
    answer = put(client, uuid.uuid4(), name="Quiet", often=None, steps=[{"exercise": TIMED}])
    own_hold = LIBRARY.exercises[TIMED].hold
    assert answer.json["steps"] == [{"exercise": TIMED, "hold": own_hold, "rest": 0}]
    assert answer.json["often"] is None


def test_a_null_is_taken_as_left_out(client):
    steps = [{"exercise": TIMED, "hold": None, "reps": None, "sides": None, "rest": None}]
    answer = put(client, uuid.uuid4(), steps=steps)
    assert answer.status_code == 200
    assert answer.json["steps"] == [{"exercise": TIMED, "hold": LIBRARY.exercises[TIMED].hold, "rest": 0}]


def test_an_upper_case_id_is_kept_as_the_device_writes_it(client):
    routine_id = uuid.uuid4()
    assert put(client, str(routine_id).upper()).json["id"] == str(routine_id)


def test_sending_the_same_save_again_changes_nothing(client):
    routine_id, change_id = str(uuid.uuid4()), str(uuid.uuid4())
    first = put(client, routine_id, change_id=change_id)
    again = put(client, routine_id, change_id=change_id)
    assert again.status_code == 200 and again.json == first.json
    assert listed(client) == {routine_id: "Morning stretch"}


@pytest.mark.parametrize("later_first", [False, True])
def test_the_last_change_wins_whichever_arrives_first(client, later_first):
    routine_id = str(uuid.uuid4())
    sends = [(T0, "Old name"), (T0 + 1, "New name")]
    order = sends[::-1] if later_first else sends
    answers = [put(client, routine_id, at=at, name=name) for at, name in order]
    assert answers[-1].status_code == 200
    assert answers[-1].json["name"] == "New name" and answers[-1].json["changed_at"] == T0 + 1
    assert listed(client) == {routine_id: "New name"}


def test_the_list_shows_the_latest_change_first_and_each_profile_its_own(client, app):
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    put(client, first, at=T0 + 5, name="First")
    put(client, second, at=T0 + 9, name="Second")
    assert list(listed(client)) == [second, first]
    assert listed(app.test_client()) == {}


def test_the_list_answers_304_to_its_etag_until_a_routine_changes(client):
    routine_id = uuid.uuid4()
    put(client, routine_id)
    tag = client.get(ROUTINES).headers["ETag"]
    assert client.get(ROUTINES, headers={"If-None-Match": tag}).status_code == 304
    put(client, routine_id, at=T0 + 1, name="Renamed")
    assert client.get(ROUTINES, headers={"If-None-Match": tag}).status_code == 200


# --- Deleting: a change that wins or loses like any other ---------------------------------------

def test_a_delete_keeps_only_the_id_and_the_change(client):
    routine_id = str(uuid.uuid4())
    put(client, routine_id)
    answer = delete(client, routine_id, at=T0 + 1)
    assert answer.status_code == 200
    assert answer.json == {"id": routine_id, "name": None, "often": None, "steps": [], "deleted": True,
                           "changed_at": T0 + 1, "change_id": answer.json["change_id"]}
    assert listed(client) == {}


def test_a_save_made_before_the_delete_cannot_bring_it_back(client):
    routine_id = str(uuid.uuid4())
    delete(client, routine_id, at=T0 + 1)  # the delete arrived first: the server never had the routine
    answer = put(client, routine_id, at=T0)
    assert answer.json["deleted"] is True and answer.json["changed_at"] == T0 + 1
    assert listed(client) == {}


def test_a_delete_made_before_the_last_save_loses(client):
    routine_id = str(uuid.uuid4())
    put(client, routine_id, at=T0 + 1)
    answer = delete(client, routine_id, at=T0)
    assert answer.json["deleted"] is False and answer.json["name"] == "Morning stretch"
    assert listed(client) == {routine_id: "Morning stretch"}


def test_a_save_made_after_a_delete_brings_it_back(client):
    routine_id = str(uuid.uuid4())
    put(client, routine_id)
    delete(client, routine_id, at=T0 + 1)
    assert put(client, routine_id, at=T0 + 2, name="Back again").json["deleted"] is False
    assert listed(client) == {routine_id: "Back again"}


# --- Every bound at its edge: inside passes, one past fails -------------------------------------

def lasting(seconds):
    """A definition of 20 timed steps of the longest hold whose rests bring it to seconds as laid out."""
    most_hold, steps = OWN_ROUTINES["hold"][1], OWN_ROUTINES["steps"][1]
    rests, extra = divmod(seconds - most_hold * steps, steps - 1)  # the last step's rest is never played
    return definition(steps=[{"exercise": TIMED, "hold": most_hold, "rest": rests + (number < extra)}
                             for number in range(steps)])


def test_the_longest_routine_is_as_long_as_the_rules_allow():
    inside = OwnRoutine.model_validate(lasting(OWN_ROUTINES["most_seconds"]),
                                       context=CONTEXT)
    assert inside.total_seconds == OWN_ROUTINES["most_seconds"]


def sized(field, exercise=None):
    """A definition made from one number: a dose of one step, a count of steps, or a text's length."""
    if field == "steps":
        return lambda count: definition(steps=[{"exercise": COUNTED, "reps": 1}] * count)
    if field in ("name", "often"):
        return lambda length: definition(**{field: "x" * length})
    return lambda value: one_step(exercise=exercise, **{field: value})


def edges():
    """(what, make a definition from a number, the number at the bound, one past it, the field named)."""
    rules = OWN_ROUTINES
    found = [("length", lasting, rules["most_seconds"], rules["most_seconds"] + 1, "steps")]
    for field, exercise in (("steps", None), ("hold", TIMED), ("reps", COUNTED), ("rest", COUNTED)):
        low, high = rules[field]
        named = "steps" if field == "steps" else f"steps.0.{field}"
        found += [(f"fewest {field}", sized(field, exercise), low, low - 1, named),
                  (f"most {field}", sized(field, exercise), high, high + 1, named)]
    return found + [(f"longest {field}", sized(field), rules[field], rules[field] + 1, field)
                    for field in ("name", "often")]


@pytest.mark.parametrize(("what", "make", "inside", "outside", "field"), edges(),
                         ids=[edge[0] for edge in edges()])
def test_every_bound_holds_at_its_edge(client, what, make, inside, outside, field):
    routine_id = uuid.uuid4()
    kept = make(inside)
    assert client.put(f"{ROUTINES}/{routine_id}", json={**change(), **kept}).status_code == 200, what
    refused = client.put(f"{ROUTINES}/{routine_id}", json={**change(T0 + 1), **make(outside)})
    assert refused.status_code == 422, what
    assert refused.json["detail"].startswith(f"{field}: "), refused.json
    assert listed(client)[str(routine_id)] == kept["name"], "a refused change leaves the kept one alone"


# --- Bad input is a 4xx with a message, never a 500 ---------------------------------------------

BAD = [
    ("a number as text", one_step(exercise=TIMED, hold="30"), "steps.0.hold"),
    ("a fraction", one_step(exercise=TIMED, hold=30.5), "steps.0.hold"),
    ("a yes for a rest", one_step(exercise=TIMED, rest=True), "steps.0.rest"),
    ("steps not a list", definition(steps={"exercise": TIMED}), "steps"),
    ("a name not text", definition(name=5), "name"),
    ("no name", {"steps": STEPS}, "name"),
    ("an empty name", definition(name="   "), "name"),
    ("a name on two lines", definition(name="Morning\nstretch"), "name"),
    ("an unknown exercise", one_step(exercise="handstand"), "steps.0.exercise"),
    ("an exercise id that is no slug", one_step(exercise="Cat Cow"), "steps.0.exercise"),
    ("reps for a timed exercise", one_step(exercise=TIMED, reps=5), "steps.0.reps"),
    ("a hold for a counted exercise", one_step(exercise=COUNTED, hold=30), "steps.0.hold"),
    ("sides for a two-sided exercise", one_step(exercise=TIMED, sides="left"), "steps.0.sides"),
    ("sides that are no side", one_step(exercise=SIDED, sides="middle"), "steps.0.sides"),
    ("a field it does not know", definition(colour="blue"), "colour"),
    ("a step field it does not know", one_step(exercise=TIMED, speed=2), "steps.0.speed"),
]


@pytest.mark.parametrize(("what", "sent", "field"), BAD, ids=[bad[0] for bad in BAD])
def test_bad_input_is_refused_with_a_422_naming_the_field(client, what, sent, field):
    refused = client.put(f"{ROUTINES}/{uuid.uuid4()}", json={**change(), **sent})
    assert refused.status_code == 422, what
    assert refused.json["detail"].startswith(f"{field}: "), refused.json
    assert "default factory" not in refused.json["detail"]


def test_an_unknown_exercise_is_named_once(client):
    refused = client.put(f"{ROUTINES}/{uuid.uuid4()}",
                         json={**change(), **one_step(exercise="handstand", hold=30)})
    assert refused.json["detail"].count(";") == 0 and "'handstand'" in refused.json["detail"]


@pytest.mark.parametrize("path", [f"{ROUTINES}/not-a-uuid", f"{ROUTINES}/{uuid.uuid4()}x",
                                  f"{ROUTINES}/{slug_of(uuid.uuid4())}"])
def test_an_id_that_is_no_uuid_is_a_404(client, path):
    refused = client.put(path, json={**change(), **definition()})
    assert refused.status_code == 404 and refused.json["detail"]


def test_a_change_without_its_time_or_id_is_refused(client):
    routine_id = uuid.uuid4()
    assert client.put(f"{ROUTINES}/{routine_id}", json=definition()).status_code == 422
    assert client.delete(f"{ROUTINES}/{routine_id}", json={"changed_at": T0}).status_code == 422


def test_an_oversized_body_is_a_413(client):
    padded = json.dumps({**change(), **definition()}) + " " * 20_000
    refused = client.put(f"{ROUTINES}/{uuid.uuid4()}", data=padded, content_type="application/json")
    assert refused.status_code == 413 and "too large" in refused.json["detail"]


def test_the_api_document_states_the_bounds_from_the_rules(client):
    schemas = client.get("/api/v1/openapi.json").json["components"]["schemas"]
    for dose in ("hold", "reps", "rest"):
        kinds = schemas["OwnStepIn"]["properties"][dose]["anyOf"]  # a number, or null: left out
        [number] = [kind for kind in kinds if kind["type"] == "integer"]
        assert (number["minimum"], number["maximum"]) == OWN_ROUTINES[dose]
    steps = schemas["OwnRoutineIn"]["properties"]["steps"]
    assert (steps["minItems"], steps["maxItems"]) == OWN_ROUTINES["steps"]


# --- The cap ------------------------------------------------------------------------------------

@pytest.fixture
def capped(make_app):
    """A client of an app that keeps at most 2 own routines per profile."""
    return make_app(MAX_OWN_ROUTINES_PER_PROFILE=2).test_client()


def test_a_full_profile_refuses_a_new_routine_but_takes_changes_and_makes_room_after_a_delete(capped):
    first, second = uuid.uuid4(), uuid.uuid4()
    assert put(capped, first).status_code == 200 and put(capped, second).status_code == 200
    refused = put(capped, uuid.uuid4())
    assert refused.status_code == 409 and "already keeps 2 own routines" in refused.json["detail"]
    assert put(capped, first, at=T0 + 1, name="Renamed").status_code == 200
    assert delete(capped, second, at=T0 + 1).status_code == 200
    assert put(capped, uuid.uuid4()).status_code == 200
    assert put(capped, second, at=T0 + 2).status_code == 409, "bringing one back counts as a new one"


def test_deletes_of_routines_never_held_are_bounded_too(client, monkeypatch):
    monkeypatch.setattr("app.api.own_routines.DEFAULT_CAP", 2)
    assert delete(client, uuid.uuid4()).status_code == 200
    assert delete(client, uuid.uuid4()).status_code == 200
    assert delete(client, uuid.uuid4()).status_code == 409
    assert put(client, uuid.uuid4()).status_code == 200, "saves are held to the routines' own cap"


def test_the_cap_is_a_few_hundred_by_default(app):
    from app.models import SavedRoutine
    from app.profiles.register import owned

    line = owned(SavedRoutine)
    assert line.cap not in app.config and line.most >= 200


# --- Exports, Delete everything and linking -------------------------------------------------------

def test_both_exports_hold_the_routines_but_not_the_deleted_ones(client):
    kept, gone = str(uuid.uuid4()), str(uuid.uuid4())
    put(client, kept)
    put(client, gone)
    delete(client, gone, at=T0 + 1)
    exported = client.get("/api/v1/export.json").json["routines"]
    assert exported == [{"id": kept, "definition": {"name": "Morning stretch", "often": "Every morning",
                                                     "steps": IN_FULL},
                         "changed_at": T0, "change_id": exported[0]["change_id"]}]
    records = [row for row in csv.DictReader(io.StringIO(client.get("/api/v1/export.csv").text))
               if row["record"] == "routine"]
    assert [row["id"] for row in records] == [kept]
    assert json.loads(records[0]["definition"])["steps"] == IN_FULL


def test_delete_everything_removes_the_routines_and_their_deletes(client, app):
    from app.db import db
    from app.models import SavedRoutine

    put(client, uuid.uuid4())
    delete(client, uuid.uuid4())
    assert client.delete("/api/v1/profile").status_code == 204
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(SavedRoutine)) == 0


def test_linking_two_devices_keeps_each_routines_last_change(app):
    phone, laptop = app.test_client(), app.test_client()
    shared, phones, deleted = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    put(phone, shared, at=T0, name="Phone's older name")
    put(laptop, shared, at=T0 + 1, name="Laptop's newer name")
    put(phone, phones, name="Only on the phone")
    put(laptop, deleted, at=T0, name="Deleted on the phone later")
    delete(phone, deleted, at=T0 + 1)
    assert link(phone, laptop).status_code == 200
    for client in (phone, laptop):
        assert listed(client) == {shared: "Laptop's newer name", phones: "Only on the phone"}
    assert put(laptop, deleted, at=T0).json["deleted"] is True, "the phone's delete came across as a change"


# --- Sessions, feedback, history and the GP summary name an own routine ---------------------------

def test_a_session_favourite_and_feedback_may_name_an_own_routine_not_yet_sent(client):
    slug = slug_of(uuid.uuid4())
    assert client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=session_body(routine=slug)).status_code == 201
    assert client.put(f"/api/v1/favourites/{slug}", json=change()).status_code == 200
    feedback = {"routine": slug, "verdict": "helped", "recorded_at": datetime.now(UTC).isoformat()}
    assert client.put(f"/api/v1/plan/feedback/{uuid.uuid4()}", json=feedback).status_code == 201
    assert client.get("/api/v1/sessions").json["sessions"][0]["routine"] == slug


@pytest.mark.parametrize("slug", ["own-1234", "own-" + "0" * 36, "own-" + str(uuid.uuid4()).replace("-", ""),
                                  "own-" + str(uuid.uuid4()) + "-1", "own-routine"])
def test_a_malformed_own_slug_is_still_an_unknown_routine(client, slug):
    refused = client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=session_body(routine=slug))
    assert refused.status_code == 404 and slug in refused.json["detail"]


def history_titles(client):
    """The session headings /history shows, newest first."""
    html = client.get("/history").get_data(as_text=True)
    return re.findall(r"<h3>(.*?)</h3>", html[html.index('id="sessions-heading"'):])


def a_session(client, slug, hours_ago):
    started = datetime.now(UTC) - timedelta(hours=hours_ago)
    body = session_body(routine=slug, started_at=started.isoformat(),
                        ended_at=(started + timedelta(minutes=5)).isoformat())
    assert client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=body).status_code == 201


def test_history_names_an_own_routine_by_its_saved_name_or_says_it_was_ones_own(client, app):
    named, unsent, deleted = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    put(client, named, name="Sofa <stretch>")
    put(client, deleted, name="Gone now")
    delete(client, deleted, at=T0 + 1)
    for hours_ago, routine_id in enumerate((named, unsent, deleted), start=1):
        a_session(client, slug_of(routine_id), hours_ago)
    a_session(app.test_client(), slug_of(named), 1)  # another profile's session names it too
    assert history_titles(client) == ["Sofa &lt;stretch&gt;", "Your own routine", "Your own routine"]


# Both sides of the first step, the second, the left side of the third: four stops the player
# records, three steps the person sees.
SIDES = [{"exercise": SIDED, "hold": 30}, {"exercise": COUNTED, "reps": 8},
         {"exercise": SIDED, "hold": 30, "sides": "left"}]


@pytest.mark.parametrize(("recorded", "shown"), [
    ((1, 4), "Stopped after 0 of 3 steps"),  # one side of the first step is not a whole step
    ((2, 4), "Stopped after 1 of 3 steps"),
    ((3, 4), "Stopped after 2 of 3 steps"),
    ((2, 3), "Stopped after 2 of 3 steps"),  # already in steps
])
def test_a_stopped_own_routine_counts_its_steps_as_its_overview_shows_them(client, recorded, shown):
    routine_id = uuid.uuid4()
    put(client, routine_id, steps=SIDES)
    done, total = recorded
    body = session_body(routine=slug_of(routine_id), steps_done=done, steps_total=total, completed=False)
    assert client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=body).status_code == 201
    assert shown in client.get("/history").get_data(as_text=True)


def test_another_profile_never_sees_the_name(client, app):
    routine_id = uuid.uuid4()
    put(client, routine_id, name="Mine alone")
    other = app.test_client()
    a_session(other, slug_of(routine_id), 1)
    assert history_titles(other) == ["Your own routine"]


def test_the_gp_summary_names_own_routines_done(client):
    set_up(client)
    named = uuid.uuid4()
    put(client, named, name="Desk stretches")
    for routine, days_ago in ((slug_of(named), 1), (slug_of(named), 2), (slug_of(uuid.uuid4()), 3)):
        a_session_days_ago(client, routine, days_ago)
    html = client.get("/plan/summary").get_data(as_text=True)
    assert "3 in all: Desk stretches (2), Your own routine (1)." in html
