"""Sessions per week, counted once (by the database, app/history/pages.py's sessions_per_week): each
week from the person's own Monday midnight, oldest first, empty weeks included."""
import uuid
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert

from app import days
from app.db import db
from app.history.pages import sessions_per_week
from app.models import PracticeSession, Profile

TODAY = date(2026, 11, 19)  # a Thursday; that week's Monday is 16 Nov


@pytest.fixture
def person(app, monkeypatch):
    """A profile, and a way to give it sessions started at aware instants; the clock stands at TODAY."""
    monkeypatch.setattr(days, "clock", lambda: datetime.combine(TODAY, time(12), UTC))
    with app.app_context():
        profile = Profile()
        db.session.add(profile)
        db.session.commit()

        def started(*moments):
            rows = [{"id": str(uuid.uuid4()), "profile_id": profile.id, "routine": "desk-break",
                     "started_at": moment.astimezone(UTC).replace(tzinfo=None),
                     "ended_at": (moment + timedelta(minutes=5)).astimezone(UTC).replace(tzinfo=None),
                     "steps_done": 8, "steps_total": 8, "completed": True, "updated_at": 1}
                    for moment in moments]
            if rows:
                db.session.execute(insert(PracticeSession), rows)
                db.session.commit()
            return profile
        yield started


def noon(day):
    return datetime.combine(day, time(12), UTC)


def test_each_week_oldest_first_with_empty_weeks(person):
    started = (date(2026, 11, 16), date(2026, 11, 19), date(2026, 11, 2), date(2026, 9, 1))
    profile = person(*map(noon, started))
    assert sessions_per_week(profile, "UTC", weeks=4) == [
        (date(2026, 10, 26), 0), (date(2026, 11, 2), 1), (date(2026, 11, 9), 0), (date(2026, 11, 16), 2),
    ]


@pytest.mark.parametrize(("zone", "wall_clock", "monday"), [
    ("UTC", datetime(2026, 11, 15, 23, 59), date(2026, 11, 9)),  # Sunday night
    ("UTC", datetime(2026, 11, 16, 0, 0), date(2026, 11, 16)),  # Monday, first minute
    ("UTC", datetime(2026, 11, 8, 23, 30), None),  # before the first week shown
    # Monday's first minutes at UTC+13 and Sunday's last at UTC-10 are on the other day in UTC.
    ("Pacific/Auckland", datetime(2026, 11, 16, 0, 30), date(2026, 11, 16)),
    ("Pacific/Auckland", datetime(2026, 11, 15, 23, 30), date(2026, 11, 9)),
    ("Pacific/Honolulu", datetime(2026, 11, 15, 23, 30), date(2026, 11, 9)),
])
def test_weeks_start_at_the_persons_monday_midnight(person, zone, wall_clock, monday):
    profile = person(wall_clock.replace(tzinfo=ZoneInfo(zone)))
    counts = sessions_per_week(profile, zone, weeks=2)
    assert [day for day, count in counts if count] == ([monday] if monday else [])


@pytest.mark.parametrize("weeks", [1, 3, 8, 52])
def test_as_many_weeks_as_asked_ending_this_week(person, weeks):
    counts = sessions_per_week(person(), "UTC", weeks=weeks)
    assert len(counts) == weeks and counts[-1] == (date(2026, 11, 16), 0)


def test_no_profile_has_weeks_of_nothing(app, monkeypatch):
    monkeypatch.setattr(days, "clock", lambda: noon(TODAY))
    with app.app_context():
        assert sessions_per_week(None, "UTC", weeks=2) == [(date(2026, 11, 9), 0), (date(2026, 11, 16), 0)]


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"])
def test_hundreds_of_sessions_each_in_the_persons_week(person, zone):
    """550 sessions three hours apart over ten weeks, against a count made here one at a time."""
    first = noon(TODAY) - timedelta(weeks=10)
    moments = [first + timedelta(hours=3 * n) for n in range(550)]
    counted = Counter(days.monday_of(moment.astimezone(ZoneInfo(zone)).date()) for moment in moments)
    counts = sessions_per_week(person(*moments), zone)
    assert counts == [(monday, counted[monday]) for monday, _ in counts]
    assert sum(count for _, count in counts) > 300
