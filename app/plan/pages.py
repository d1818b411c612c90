"""/plan: a one-minute set-up, today's suggestion with its reasons, and the weekly review.

The pages are drawn by the server from what the device has synced (app/plan/data.py); their
forms are kept on the device first and sent through the outbox like every other save
(static/js/parts/plan-forms.js). The rules are in app/plan/rules.py.
"""
from datetime import timedelta

from flask import Blueprint, abort, make_response, render_template
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.content import library
from app.days import day_of, person_zone
from app.plan.data import parts_of, plan_for, plan_zone
from app.plan.rules import LEVELS
from app.plan.schemas import AREAS, CHANGES, DAYS, LEGS, MINUTES, MOVES, SINCE, VERDICTS
from app.profiles import current_profile
from app.site.formats import written_date

bp = Blueprint("plan", __name__)

# The set-up's screens in order: the first is needed for a plan, the others may be skipped.
SCREENS = ("symptoms", "activities", "schedule")
SCREEN_TITLES = {"symptoms": _l("Where and when it hurts"), "activities": _l("What matters to you"),
                 "schedule": _l("When suits you")}


def personal(html):
    """A page for this device only: no shared cache may keep it; the service worker keeps a copy
    for offline use and asks the server first when online."""
    response = make_response(html)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def choices():
    """Every list of choices the plan's forms offer, from app/plan/schemas.py."""
    return {"areas": AREAS, "since": SINCE, "legs": LEGS, "moves": MOVES, "days": DAYS,
            "minute_choices": {minutes: ngettext("%(num)s minute", "%(num)s minutes", minutes)
                               for minutes in MINUTES},
            "changes": CHANGES, "verdicts": VERDICTS, "levels_by_number": dict(enumerate(LEVELS))}


def next_review(plan, reviews, zone):
    """The day the next weekly review is due ("Monday 7 December"): a week after the last, by their clock."""
    due = (day_of(reviews[-1].recorded_at, zone) if reviews else plan.started) + timedelta(weeks=1)
    return written_date(due, "weekday")


@bp.get("/plan")
def page():
    """Today's suggestion and why, the walking goal, the weekly review when due, and reminders."""
    plan, parts, reviews, _ = plan_for(current_profile())
    due = next_review(plan, reviews, person_zone(plan_zone(parts))) if plan.started else None
    return personal(render_template("plan/index.html", plan=plan, parts=parts, reviews=reviews, due=due,
                                    routines=library().routines, **choices()))


@bp.get("/plan/setup/<screen>")
def setup(screen):
    """One short screen of the set-up, filled in with the answers already saved."""
    if screen not in SCREENS:
        abort(404)
    parts = parts_of(current_profile())
    saved = parts[screen].answers if screen in parts else {}
    position = SCREENS.index(screen)
    following = SCREENS[position + 1] if position + 1 < len(SCREENS) else None
    return personal(render_template("plan/setup.html", screen=screen, saved=saved, position=position,
                                    screens=SCREENS, titles=SCREEN_TITLES, following=following, **choices()))


@bp.get("/plan/review")
def review():
    """The weekly review: the activities re-rated, leg pain, numbness, weakness, warning signs."""
    plan, _, _, _ = plan_for(current_profile())
    return personal(render_template("plan/review.html", plan=plan, **choices()))
