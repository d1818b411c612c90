"""/plan/summary: one printable page to take to a GP or physiotherapist.

It gathers the plan's own answers and figures (app/plan/data.py, app/plan/rules.py): where and
since when, what makes it worse or eases it, the activities and leg pain at the set-up and now,
numbness and weakness at the latest reviews, each week's step, the routines done lately, and the
plan's plain reading of the change. It reports the person's answers; it judges nothing new.
"""
from flask import Blueprint, render_template
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import func

from app.days import person_today, person_zone, start_of
from app.db import db
from app.history.titles import routine_titles
from app.models import PracticeSession, rows_of, utcnow
from app.plan.data import as_lived, plan_for, plan_zone
from app.plan.pages import personal
from app.plan.rules import LEVELS
from app.plan.schemas import AREAS, CHANGES, LEGS, MOVES, SINCE
from app.profiles import current_profile
from app.schemas import CLOCK_SLACK

bp = Blueprint("plan_summary", __name__)

# What fits on one sheet of A4 beside everything else.
SHOWN_REVIEWS = 6
SHOWN_WEEKS = 6
SHOWN_ROUTINES = 6
# How each week went, in the words of the summary's "How the week went" column.
HOW_WEEKS_WENT = {"better": _l("No worse"), "steady": _l("A little mixed"), "worse": _l("Harder"),
                  "urgent": _l("A warning sign, or weakness worse"), "chosen": _l("Chosen by me")}


def routines_done(profile, since, zone):
    """[(routine slug, times started)] since the start of a day where the person is, the most done first,
    counted by the database."""
    started = start_of(since, zone)
    times = func.count(PracticeSession.id)
    return db.session.execute(
        rows_of(PracticeSession, profile, PracticeSession.routine, times)
        # Rows far ahead of the server's clock (saved before such times were refused) are left out.
        .where(PracticeSession.started_at >= started, PracticeSession.started_at <= utcnow() + CLOCK_SLACK)
        .group_by(PracticeSession.routine).order_by(times.desc(), PracticeSession.routine)).all()


def activity_rows(plan, latest):
    """(name, score at the set-up, latest score or None) for each activity."""
    latest_scores = latest.activities if latest else []
    return [(activity["name"], activity["score"],
             latest_scores[index] if index < len(latest_scores) else None)
            for index, activity in enumerate(plan.activities)]


def labels(keys, names):
    """Answers as their words, in the order the person sees the choices ("Sitting, Walking")."""
    return ", ".join(str(label) for key, label in names.items() if key in keys)


def summary(profile, plan, reviews, today, zone):
    """Everything the summary page shows, from a plan that is set up."""
    since = plan.started  # the routines done since the plan began, as its reviews are
    latest = reviews[-1] if reviews else None
    done = routines_done(profile, since, zone)
    titles = routine_titles(profile, {slug for slug, _ in done[:SHOWN_ROUTINES]})
    symptoms = plan.symptoms
    return {
        "areas": labels(symptoms.get("areas", []), AREAS), "since": SINCE.get(symptoms.get("since"), ""),
        "leg": LEGS.get(symptoms.get("leg"), gettext("Not said")),
        "worse": labels(symptoms.get("worse", []), MOVES), "eases": labels(symptoms.get("eases", []), MOVES),
        "activities": activity_rows(plan, latest), "latest": latest,
        "leg_first": symptoms.get("leg_pain"), "walk_first": symptoms.get("walk_minutes"),
        "reviews": reviews[-SHOWN_REVIEWS:][::-1], "earlier_reviews": max(0, len(reviews) - SHOWN_REVIEWS),
        "weeks": [(week, LEVELS[week.level], HOW_WEEKS_WENT[week.went])
                  for week in plan.weeks[-SHOWN_WEEKS:]],
        "earlier_weeks": max(0, len(plan.weeks) - SHOWN_WEEKS),
        "done": [(titles[slug], count) for slug, count in done[:SHOWN_ROUTINES]],
        "done_others": sum(count for _, count in done[SHOWN_ROUTINES:]),
        "done_total": sum(count for _, count in done), "done_since": since,
        "changes": CHANGES, "levels": LEVELS,
    }


@bp.get("/plan/summary")
def page():
    """The one-page summary of the person's answers and trends (a short note before a plan exists)."""
    profile = current_profile()
    plan, parts, reviews, _ = plan_for(profile)
    today, zone = person_today(plan_zone(parts)), person_zone(plan_zone(parts))
    # Each review dated by the person's day, as the plan's weeks are.
    lived = [as_lived(review, zone) for review in reviews]
    shown = summary(profile, plan, lived, today, zone) if plan.status != "none" else {}
    return personal(render_template("plan/summary.html", plan=plan, today=today, **shown))
