"""My plan through the JSON API and its pages: parts (last change wins), reviews and feedback
(sent twice, kept once), bad input refused with a plain 4xx, exports, and "Delete everything"."""
import csv
import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from markupsafe import escape

from app.content import warning_signs
from tests.api.test_api import T0, change

NOW = datetime.now(UTC).replace(microsecond=0)
SYMPTOMS = {"areas": ["buttock", "thigh"], "since": "weeks", "worse": ["backward"], "eases": ["walking"],
            "leg_pain": 6, "walk_minutes": 10}
ACTIVITIES = {"activities": [{"name": "Walk to the shops", "score": 3},
                             {"name": "Sit through a film", "score": 2}]}
SCHEDULE = {"days": ["MO", "TH"], "time": "07:45", "minutes": 15, "zone": "Europe/London"}


def save_part(client, part, answers, at=T0):
    return client.put(f"/api/v1/plan/parts/{part}", json={**change(at), "answers": answers})


def review_body(days_ago=0, **overrides):
    body = {"activities": [5, 4], "leg_pain": 4, "numbness": "same", "weakness": "none",
            "warning_sign": False, "recorded_at": (NOW - timedelta(days=days_ago)).isoformat()}
    return {**body, **overrides}


def set_up(client):
    for part, answers in (("symptoms", SYMPTOMS), ("activities", ACTIVITIES), ("schedule", SCHEDULE)):
        assert save_part(client, part, answers).status_code == 200


def test_no_plan_yet(client):
    plan = client.get("/api/v1/plan").json
    assert plan["parts"] == {} and plan["today"]["set_up"] is False
    assert client.get("/api/v1/plan/today").json["summary"] == "Set up a plan in about a minute."


def test_a_set_up_plan_suggests_today_and_leaves_out_backward_bends(client):
    set_up(client)
    today = client.get("/api/v1/plan/today").json
    assert today["set_up"] and today["status"] == "plan" and len(today["routines"]) == 1
    assert today["walk_minutes"] == 8 and "walk 8 minutes" in today["summary"]
    # The walk card opens the guided walk at the plan's length, and the player knows the plan sent it.
    walk = 'href="/routines/guided-walk/play#walk=8&amp;from=plan">Guided walk of 8 minutes</a>'
    assert walk in client.get("/plan").text
    assert today["routines"][0] not in ("before-a-walk", "desk-break")  # both have a standing back bend
    assert client.get("/api/v1/plan").json["parts"]["schedule"]["answers"] == SCHEDULE


def test_each_part_keeps_its_last_change(client):
    save_part(client, "schedule", SCHEDULE, at=T0 + 10)
    older = save_part(client, "schedule", {**SCHEDULE, "minutes": 5}, at=T0)
    assert older.status_code == 200 and older.json["answers"]["minutes"] == 15
    newer = save_part(client, "schedule", {**SCHEDULE, "minutes": 20}, at=T0 + 20)
    assert newer.json["answers"]["minutes"] == 20


def test_answers_are_stored_with_their_defaults(client):
    assert save_part(client, "symptoms", {"areas": ["back"], "since": "weeks"}).json["answers"] == {
        "areas": ["back"], "since": "weeks", "leg": None, "worse": [], "eases": [], "leg_pain": None,
        "walk_minutes": 5}


@pytest.mark.parametrize(("part", "answers", "words"), [
    ("symptoms", {"areas": [], "since": "weeks"}, "answers.areas"),
    ("symptoms", {"areas": ["back", "back"], "since": "weeks"}, "lists each choice once"),
    ("symptoms", {"areas": ["knee"], "since": "weeks"}, "answers.areas.0"),
    ("symptoms", {"areas": ["back"], "since": "weeks", "leg_pain": 11}, "answers.leg_pain"),
    ("activities", {"activities": [{"name": "", "score": 3}]}, "answers.activities.0.name"),
    ("activities", {"activities": [{"name": "Walk", "score": 3}] * 4}, "answers.activities"),
    ("schedule", {"days": ["XX"]}, "answers.days.0"),
    ("schedule", {"time": "25:00"}, "answers.time"),
    ("schedule", {"minutes": 12}, "answers.minutes"),
    ("schedule", {"zone": "Mars/Olympus"}, "not a real time zone"),
    ("choice", {"level": 4}, "answers.level"),
    ("choice", {"level": 1, "extra": True}, "answers.extra"),
])
def test_bad_answers_get_a_422_that_says_what_is_wrong(client, part, answers, words):
    response = save_part(client, part, answers)
    assert response.status_code == 422 and words in response.json["detail"]


@pytest.mark.parametrize("zone", ["America", "Europe", "Etc", "US", "localtime", "posixrules", "Factory",
                                  "Europe/", "../zoneinfo/UTC", "europe/london"])
def test_a_zone_that_is_no_place_gets_a_422(client, zone):
    response = save_part(client, "schedule", {**SCHEDULE, "zone": zone})
    assert response.status_code == 422 and "not a real time zone" in response.json["detail"]


@pytest.mark.parametrize("zone", ["Europe/London", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_real_zones_are_kept(client, zone):
    assert save_part(client, "schedule", {**SCHEDULE, "zone": zone}).status_code == 200
    assert client.get("/api/v1/plan").json["parts"]["schedule"]["answers"]["zone"] == zone


def test_an_unknown_part_is_a_404(client):
    response = save_part(client, "diary", {})
    assert response.status_code == 404 and "symptoms" in response.json["detail"]


def test_a_review_sent_twice_is_kept_once(client):
    set_up(client)
    review_id = uuid.uuid4()
    first = client.put(f"/api/v1/plan/reviews/{review_id}", json=review_body())
    again = client.put(f"/api/v1/plan/reviews/{review_id}", json=review_body(leg_pain=9))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json["leg_pain"] == 4
    assert len(client.get("/api/v1/plan").json["reviews"]) == 1


@pytest.mark.parametrize(("answers", "status", "tier"), [
    ({"weakness": "worse"}, "urgent", "same-day"),
    ({"foot_drags": True}, "urgent", "same-day"),
    ({"warning_sign": True}, "urgent", "now"),
    ({"numbness": "worse"}, "see-someone", None),
    ({"struggling": True}, "see-someone", None),
])
def test_a_review_with_a_worrying_answer_says_so_and_names_the_tier(client, answers, status, tier):
    set_up(client)
    client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=review_body(**answers))
    today = client.get("/api/v1/plan/today").json
    assert (today["status"], today["tier"]) == (status, tier)
    assert ("doctor" in today["summary"]) == (status == "urgent")
    page = client.get("/plan").get_data(as_text=True)
    assert (f'href="/safety#{tier}">What to do now</a>' in page) == (tier is not None)
    if tier:
        # The screen says what the tier says, in the warning-signs file's words and numbers.
        with client.application.app_context():
            words = warning_signs().by_id[tier]
        assert f'<h2 id="urgent-heading">{escape(words.heading)}</h2>' in page
        assert all(escape(paragraph) in page for paragraph in words.after)
        assert all(f'href="tel:{number}"' in page for number in words.calls)
    # Numbness worse on its own is no 999 box: the GP prompt, with the sign it could become.
    assert ('href="tel:999"' in page) == (tier == "now")
    assert ('href="/safety#same-day">Get help the same day</a>' in page) == (answers == {"numbness": "worse"})


def test_pain_in_both_legs_at_the_set_up_shows_the_urgent_screen_not_a_plan(client):
    assert save_part(client, "symptoms", {**SYMPTOMS, "leg": "both"}).status_code == 200
    assert client.get("/api/v1/plan/today").json["tier"] == "now"
    page = client.get("/plan").get_data(as_text=True)
    assert "You said you feel it in both legs." in page and 'href="/safety#now"' in page
    assert "Why this plan" not in page
    assert save_part(client, "symptoms", {**SYMPTOMS, "leg": "sideways"}).status_code == 422


def test_symptoms_over_3_months_link_the_longer_lasting_lesson_and_the_gp(client):
    save_part(client, "symptoms", {**SYMPTOMS, "since": "long"})
    page = client.get("/plan").get_data(as_text=True)
    assert "Time to see your GP or physiotherapist" in page
    assert 'href="/learn/longer-than-three-months"' in page
    assert client.get("/api/v1/plan/today").json["status"] == "see-someone"


def test_a_review_keeps_its_new_answers_and_an_older_device_may_leave_them_out(client):
    set_up(client)
    answers = {"foot_drags": True, "woken_most_nights": True, "struggling": True}
    client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=review_body(days_ago=1, **answers))
    assert client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=review_body()).status_code == 201
    older, newer = client.get("/api/v1/plan").json["reviews"]
    assert {name: older[name] for name in answers} == answers
    assert not any(newer[name] for name in answers)


@pytest.mark.parametrize(("overrides", "words"), [
    ({"leg_pain": -1}, "leg_pain"),
    ({"numbness": "tingly"}, "numbness"),
    ({"warning_sign": "no"}, "warning_sign"),
    ({"struggling": "yes"}, "struggling"),
    ({"recorded_at": (NOW + timedelta(days=3)).isoformat()}, "ahead"),
    ({"activities": [1, 2, 3, 4]}, "activities"),
])
def test_bad_reviews_are_refused(client, overrides, words):
    response = client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=review_body(**overrides))
    assert response.status_code == 422 and words in response.json["detail"]


def test_feedback_is_kept_once_and_two_worse_swap_the_routine(client):
    set_up(client)
    first = client.get("/api/v1/plan/today").json["routines"][0]
    feedback_id = uuid.uuid4()
    body = {"routine": first, "verdict": "worse", "recorded_at": NOW.isoformat()}
    assert client.put(f"/api/v1/plan/feedback/{feedback_id}", json=body).status_code == 201
    assert client.put(f"/api/v1/plan/feedback/{feedback_id}", json=body).status_code == 200
    assert client.get("/api/v1/plan/today").json["routines"][0] == first, "one feedback sent twice is one"
    client.put(f"/api/v1/plan/feedback/{uuid.uuid4()}", json=body)
    assert first not in client.get("/api/v1/plan/today").json["routines"]


def test_feedback_on_an_unknown_routine_is_a_404(client):
    body = {"routine": "cartwheels", "verdict": "helped", "recorded_at": NOW.isoformat()}
    assert client.put(f"/api/v1/plan/feedback/{uuid.uuid4()}", json=body).status_code == 404


def test_exports_carry_the_plan_and_delete_everything_removes_it(client):
    set_up(client)
    client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=review_body())
    client.put(f"/api/v1/plan/feedback/{uuid.uuid4()}",
               json={"routine": "in-bed", "verdict": "helped", "recorded_at": NOW.isoformat()})
    client.post("/api/v1/plan/calendar-feed")
    plan = client.get("/api/v1/export.json").json["plan"]
    assert plan["parts"]["symptoms"]["answers"]["areas"] == ["buttock", "thigh"]
    assert list(plan["calendar_subscriptions"][0]) == ["created_at"], "the address is never kept"
    assert plan["reviews"][0]["activities"] == [5, 4] and plan["feedback"][0]["verdict"] == "helped"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/export.csv").text)))
    records = [row["record"] for row in rows]
    assert records.count("plan-part") == 3 and "plan-review" in records and "routine-feedback" in records
    assert "calendar-subscription" in records
    review = next(row for row in rows if row["record"] == "plan-review")
    assert (review["activities"], review["numbness"], review["warning_sign"]) == ("[5,4]", "same", "False")
    assert client.delete("/api/v1/profile").status_code == 204
    client.delete_cookie("easeback_device")
    assert client.get("/api/v1/export.json").json["plan"] == {
        "parts": {}, "reviews": [], "feedback": [], "calendar_subscriptions": []}


def test_delete_everything_leaves_no_plan_rows(client, app):
    from app.db import db
    from app.models import PlanPart, PlanReview, RoutineFeedback

    set_up(client)
    client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=review_body())
    client.put(f"/api/v1/plan/feedback/{uuid.uuid4()}",
               json={"routine": "in-bed", "verdict": "helped", "recorded_at": NOW.isoformat()})
    client.delete("/api/v1/profile")
    with app.app_context():
        for model in (PlanPart, PlanReview, RoutineFeedback):
            assert db.session.query(model).count() == 0, model.__name__


def a_session(client, days_ago):
    started = NOW - timedelta(days=days_ago)
    body = {"routine": "desk-break", "started_at": started.isoformat(),
            "ended_at": (started + timedelta(minutes=5)).isoformat(), "steps_done": 4, "steps_total": 4,
            "completed": True, "updated_at": T0}
    assert client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=body).status_code == 201


def test_a_month_through_the_api_adapts_and_explains_itself(client):
    """Set up four weeks ago, then weekly reviews: two good weeks, a harder one, then numbness worse."""
    four_weeks_ago = int((NOW - timedelta(weeks=4, hours=1)).timestamp() * 1000)
    for part, answers in (("symptoms", SYMPTOMS), ("activities", ACTIVITIES), ("schedule", SCHEDULE)):
        save_part(client, part, answers, at=four_weeks_ago)

    def week(days_ago, **answers):
        client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=review_body(days_ago, **answers))
        return client.get("/plan").get_data(as_text=True)

    a_session(client, 23)
    page = week(21, activities=[4, 3], leg_pain=5)
    assert "<strong>Starting gently</strong>" in page and "but 1 routine in the week before it" in page
    a_session(client, 16)
    a_session(client, 15)
    page = week(14, activities=[5, 4], leg_pain=4)
    assert "<strong>Building</strong>" in page and "stepped up to “Building”" in page
    page = week(7, activities=[3, 2], leg_pain=6)
    assert "<strong>Starting gently</strong>" in page and "stepped back to “Starting gently”" in page
    page = week(0, activities=[3, 2], leg_pain=6, numbness="worse")
    assert "Numbness was worse in your last review" in page and "stays at its gentlest step" in page
    assert 'id="urgent-heading"' not in page
