"""Saving and reading my plan through the JSON API.

Each part of the plan carries a change id and the device time of the change (the last change
wins, part by part); reviews and feedback carry ids made on the device, so sending the same
thing twice can never double it.
"""
from flask import Blueprint, abort
from flask_babel import gettext
from pydantic import ValidationError

from app import profiles
from app.api.bodies import body, known_routine, retry_once_on_conflict, send
from app.api.declare import documented
from app.api.rows import record_once, store_change
from app.db import db
from app.models import PlanPart, PlanReview, RoutineFeedback
from app.plan.data import as_saved, plan_for
from app.plan.schemas import (
    PARTS,
    FeedbackIn,
    FeedbackOut,
    PartIn,
    PartName,
    PartOut,
    PlanOut,
    ReviewIn,
    ReviewOut,
    TodayOut,
)

bp = Blueprint("plan", __name__)


def checked_answers(part, answers):
    """The answers checked against their part's shape, as stored; a 422 that says what is wrong."""
    try:
        return PARTS[part].model_validate(answers).model_dump(mode="json")
    except ValidationError as error:
        problems = "; ".join(f"answers.{'.'.join(str(bit) for bit in problem['loc'])}: {problem['msg']}"
                             for problem in error.errors()[:5])
        abort(422, description=problems)


def today_in_words(plan):
    """Today's suggestion in one sentence, as home shows it."""
    if plan.status == "none":
        return gettext("Set up a plan in about a minute.")
    if plan.status == "urgent":
        return gettext("Your answers need a doctor's view before you carry on. Open your plan to see why.")
    things = [gettext("“%(routine)s”", routine=routine.title) if routine
              else gettext("walk %(minutes)s minutes", minutes=plan.walk_minutes)
              for routine in plan.day]  # in the order they are done
    sentence = gettext(", then ").join(things) + "."
    sentence = sentence[0].upper() + sentence[1:]
    if plan.status == "see-someone":
        sentence += " " + gettext("It is also time to see your GP or physiotherapist.")
    return sentence


def today_out(plan):
    """Today's suggestion, as home shows it."""
    return TodayOut(set_up=plan.status != "none", routines=[routine.slug for routine in plan.routines],
                    walk_minutes=plan.walk_minutes, status=plan.status, tier=plan.tier,
                    summary=today_in_words(plan))


def plan_out(profile):
    """Everything saved for the plan, and today's suggestion."""
    plan, parts, reviews, feedback = plan_for(profile)
    return PlanOut(**as_saved(parts, reviews, feedback), today=today_out(plan))


@bp.get("/plan")
@documented(answers={200: PlanOut})
def get_plan():
    """The plan's answers, reviews and feedback, and today's suggestion."""
    return send(plan_out(profiles.current_profile()))


@bp.get("/plan/today")
@documented(answers={200: TodayOut})
def get_plan_today():
    """Today's suggestion only, for home."""
    return send(today_out(plan_for(profiles.current_profile())[0]))


@bp.put("/plan/parts/<part>")
@documented(body=PartIn, answers={200: PartOut}, path={"part": PartName})
@retry_once_on_conflict
def put_plan_part(part):
    """Save one part of the plan, unless a later change already won."""
    if part not in PARTS:
        abort(404, description=f"A plan has no part called {part!r}; it has {', '.join(PARTS)}.")
    change = body(PartIn)
    answers = checked_answers(part, change.answers)
    if store_change(PlanPart, {"part": part, "answers": answers, "changed_at": change.changed_at,
                               "change_id": str(change.change_id)}):
        return send(PartOut(answers=answers, changed_at=change.changed_at))
    # A later change (or this very one) was there first: answer with what the server keeps.
    row = db.session.get(PlanPart, (profiles.current_profile_id(), part))
    return send(PartOut(answers=row.answers, changed_at=row.changed_at))


@bp.put("/plan/reviews/<uuid:review_id>")
@documented(body=ReviewIn, answers={200: ReviewOut, 201: ReviewOut})
@retry_once_on_conflict
def put_plan_review(review_id):
    """Record a weekly review once; sending it again changes nothing."""
    return send(*record_once(PlanReview, review_id, body(ReviewIn).model_dump(), ReviewOut))


@bp.put("/plan/feedback/<uuid:feedback_id>")
@documented(body=FeedbackIn, answers={200: FeedbackOut, 201: FeedbackOut})
@retry_once_on_conflict
def put_routine_feedback(feedback_id):
    """Record how a routine went once; sending it again changes nothing."""
    values = body(FeedbackIn).model_dump()
    known_routine(values["routine"])
    values["session_id"] = str(values["session_id"]) if values["session_id"] else None
    return send(*record_once(RoutineFeedback, feedback_id, values, FeedbackOut))
