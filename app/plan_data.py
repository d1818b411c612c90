"""My plan's saved data for one profile, read once per request, and the Plan made from it.

The page (app/plan.py), the API (app/api_plan.py), the calendar (app/plan_calendar.py), the
GP summary and /history all read a profile's plan through here.
"""
from datetime import datetime, timezone

from app.content import library
from app.db import db
from app.models import PlanPart, PlanReview, RoutineFeedback, rows_of
from app.plan_rules import make_plan
from app.plan_schemas import PARTS, FeedbackOut, PartOut, ReviewOut

# Years of weekly reviews; feedback older than the newest this many is no longer read.
SHOWN_REVIEWS = 520
SHOWN_FEEDBACK = 500


def moment_of(millis):
    """A device time (ms since 1970) as naive UTC, the form reviews' times take."""
    return datetime.fromtimestamp(millis / 1000, timezone.utc).replace(tzinfo=None)


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


def as_saved(parts, reviews, feedback):
    """A plan's parts, reviews and feedback (oldest first) as plain data in the API's shapes
    (PartOut, ReviewOut, FeedbackOut), for GET /api/v1/plan and the exports alike."""
    def fields(row, shape):
        return {name: getattr(row, name) for name in shape.model_fields}
    return {"parts": {name: fields(row, PartOut) for name, row in parts.items()},
            "reviews": [fields(row, ReviewOut) for row in reviews],
            "feedback": [fields(row, FeedbackOut) for row in feedback[::-1]]}


def plan_for(profile, today=None):
    """(Plan for today, parts, reviews, feedback) for a profile (a plan of status "none" without one)."""
    today = today or datetime.now(timezone.utc).date()
    parts, reviews, feedback = parts_of(profile), reviews_of(profile), feedback_of(profile)
    plan = make_plan({name: (row.answers, moment_of(row.changed_at)) for name, row in parts.items()},
                     reviews, feedback, library().routines, today)
    return plan, parts, reviews, feedback
