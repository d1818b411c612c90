"""My plan's saved data for one profile, read once per request, and the Plan made from it.

The pages (app/plan/pages.py), the API (app/api/plan.py), the calendar (app/plan/calendar.py), the
GP summary and /history all read a profile's plan through here.
"""
from datetime import UTC, datetime
from types import SimpleNamespace

from app.content import library
from app.days import local_moment, person_today, person_zone
from app.db import db
from app.models import CheckIn, PlanPart, PlanReview, PracticeSession, RoutineFeedback, rows_of
from app.plan.rules import make_plan
from app.plan.schemas import PARTS, FeedbackOut, PartOut, ReviewOut

# Years of weekly reviews; feedback older than the newest this many is no longer read.
SHOWN_REVIEWS = 520
SHOWN_FEEDBACK = 500
# Routines done and check-ins, newest first: enough for years of weeks.
READ_SESSIONS = READ_CHECKINS = 2000


def moment_of(millis):
    """A device time (ms since 1970) as naive UTC, the form reviews' times take."""
    return datetime.fromtimestamp(millis / 1000, UTC).replace(tzinfo=None)


def parts_of(profile):
    """The plan's parts as {name: row}; parts no longer in the shape are left out."""
    if profile is None:
        return {}
    rows = db.session.execute(rows_of(PlanPart, profile)).scalars()
    return {row.part: row for row in rows if row.part in PARTS}


def reviews_of(profile):
    """The profile's weekly reviews, oldest first."""
    if profile is None:
        return []
    found = db.session.execute(rows_of(PlanReview, profile).order_by(PlanReview.recorded_at.desc())
                               .limit(SHOWN_REVIEWS)).scalars().all()
    return found[::-1]


def feedback_of(profile):
    """The profile's feedback after routines, newest first."""
    if profile is None:
        return []
    return db.session.execute(rows_of(RoutineFeedback, profile).order_by(RoutineFeedback.recorded_at.desc())
                              .limit(SHOWN_FEEDBACK)).scalars().all()


def done_and_felt(profile, zone):
    """(when each finished routine started, [(when, how far down the leg)] of each check-in), oldest
    first, on the person's own clock: the rules count routines and read spreading pain week by week."""
    if profile is None:
        return [], []
    done = db.session.execute(rows_of(PracticeSession, profile, PracticeSession.started_at)
                              .where(PracticeSession.completed).order_by(PracticeSession.started_at.desc())
                              .limit(READ_SESSIONS)).scalars().all()
    felt = db.session.execute(rows_of(CheckIn, profile, CheckIn.recorded_at, CheckIn.reach)
                              .order_by(CheckIn.recorded_at.desc()).limit(READ_CHECKINS)).all()
    return ([local_moment(moment, zone) for moment in done[::-1]],
            [(local_moment(moment, zone), reach) for moment, reach in felt[::-1]])


def as_saved(parts, reviews, feedback):
    """A plan's parts, reviews and feedback (oldest first) as plain data in the API's shapes
    (PartOut, ReviewOut, FeedbackOut), for GET /api/v1/plan and the exports alike."""
    def fields(row, shape):
        return {name: getattr(row, name) for name in shape.model_fields}
    return {"parts": {name: fields(row, PartOut) for name, row in parts.items()},
            "reviews": [fields(row, ReviewOut) for row in reviews],
            "feedback": [fields(row, FeedbackOut) for row in feedback[::-1]]}


def plan_zone(parts):
    """The zone saved with the plan's schedule, or None."""
    return parts["schedule"].answers.get("zone") if "schedule" in parts else None


def as_lived(review, zone):
    """A review as the rules read it: its time on the person's own clock, so its day is theirs."""
    fields = {name: getattr(review, name) for name in ReviewOut.model_fields}
    return SimpleNamespace(**{**fields, "recorded_at": local_moment(review.recorded_at, zone)})


def plan_for(profile, today=None):
    """(Plan for today, parts, reviews, feedback) for a profile (a plan of status "none" without one)."""
    parts, reviews, feedback = parts_of(profile), reviews_of(profile), feedback_of(profile)
    # The rules count days on the person's own clock: today, the set-up's day and each review's.
    zone = person_zone(plan_zone(parts))
    answered = {name: (row.answers, local_moment(moment_of(row.changed_at), zone))
                for name, row in parts.items()}
    plan = make_plan(answered, [as_lived(review, zone) for review in reviews], feedback, library().routines,
                     today or person_today(plan_zone(parts)), *done_and_felt(profile, zone))
    return plan, parts, reviews, feedback
