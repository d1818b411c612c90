"""/history as a person reads it: the trend first, only weeks with sessions, and steps counted as
the routine counts them."""
import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.content import library
from app.history.chart import short_date
from app.history.pages import steps_reached

NOW = datetime.now(UTC)


def iso(moment):
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def a_session(client, started_at=NOW - timedelta(hours=1), **overrides):
    body = {"routine": "desk-break", "started_at": iso(started_at),
            "ended_at": iso(started_at + timedelta(minutes=5)), "steps_done": 8, "steps_total": 8,
            "completed": True, "updated_at": 1_795_000_000_000, **overrides}
    assert client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=body).status_code == 201


def a_checkin(client):
    body = {"moment": "any", "back_pain": 5, "leg_pain": 3, "reach": "thigh", "note": "",
            "recorded_at": iso(NOW)}
    assert client.put(f"/api/v1/checkins/{uuid.uuid4()}", json=body).status_code == 201


def page(client):
    return client.get("/history").get_data(as_text=True)


def test_the_trend_comes_before_the_check_in_form(client):
    a_checkin(client)
    text = page(client)
    check_in_form = text.index("How do you feel right now?")
    assert text.index("Pain over time") < check_in_form < text.index('id="sessions-heading"')
    assert text.index('role="img"') < check_in_form


def test_a_new_person_sees_no_weeks_of_zeros(client):
    text = page(client)
    assert "Sessions per week" not in text and "<progress" not in text
    assert "No sessions yet" in text


def test_only_weeks_with_sessions_are_listed(client):
    monday = datetime.combine((NOW - timedelta(days=NOW.weekday())).date(), datetime.min.time(), UTC)
    for share in (2, 3):  # two sessions this week, so far
        a_session(client, started_at=monday + (NOW - monday) / share)
    a_session(client, started_at=monday - timedelta(weeks=2))
    text = page(client)
    assert text.count("<progress") == 2
    assert f"Week of {short_date(monday)}</span>" in text and "2 sessions" in text and "1 session<" in text


@pytest.mark.parametrize(("recorded", "shown"), [
    ((2, 8), "Stopped after 2 of 6 steps"),  # the player counts each side: 8 stops for 6 steps
    ((3, 8), "Stopped after 2 of 6 steps"),  # one side of the sided third step is not a whole step
    ((4, 8), "Stopped after 3 of 6 steps"),
    ((0, 8), "Stopped after 0 of 6 steps"),
    ((4, 6), "Stopped after 4 of 6 steps"),  # already in steps
])
def test_a_stopped_session_counts_the_routines_steps(client, recorded, shown):
    done, total = recorded
    a_session(client, steps_done=done, steps_total=total, completed=False)
    assert shown in page(client)


@pytest.mark.parametrize(("slug", "recorded", "expected"), [
    ("desk-break", (8, 8), (6, 6)),
    ("desk-break", (7, 8), (5, 6)),
    ("desk-break", (5, 9), (5, 9)),  # neither its stops nor its steps: the routine has changed since
    ("no-longer-here", (2, 8), (2, 8)),
])
def test_steps_reached(app, slug, recorded, expected):
    with app.app_context():
        routine = library().routines.get(slug)
    session = SimpleNamespace(steps_done=recorded[0], steps_total=recorded[1])
    assert steps_reached(session, routine) == expected


def test_dates_are_written_one_way_whatever_the_browsers_language(client):
    a_checkin(client)
    text = page(client)
    assert "data-month-names='[\"Jan\"," in text  # history.js writes local times with these names
    assert text.count(f'text-anchor="middle">{short_date(NOW.date())}</text>') == 1  # the chart's only date
