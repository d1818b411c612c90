"""The guided player for one routine."""
from flask import Blueprint, render_template, url_for

from app.routines import get_routine_or_404
from app.settings import allowed_choices

bp = Blueprint("player", __name__)


def player_data(routine):
    """Everything the player script needs, as plain JSON-ready data."""
    return {
        "slug": routine.slug,
        "title": routine.title,
        "steps": [
            {
                "name": step.exercise.name,
                "instructions": step.exercise.instructions,
                "breathing": step.exercise.breathing,
                "easeOffIf": step.exercise.ease_off_if,
                "skipIf": step.exercise.skip_if,
                "note": step.note,
                "picture": url_for("static", filename=f"pictures/{step.exercise.picture}"),
                "alt": step.exercise.picture_alt,
                "hold": step.hold,
                "reps": step.reps,
                "secondsPerRep": step.exercise.seconds_per_rep,
            }
            for step in routine.steps
        ],
        "segments": [
            {"kind": segment.kind, "seconds": segment.seconds, "step": segment.step, "side": segment.side}
            for segment in routine.segments
        ],
    }


@bp.get("/routines/<slug>/play")
def play(slug):
    """Guide a person through a routine, one step at a time."""
    routine = get_routine_or_404(slug)
    return render_template("player/play.html", routine=routine, data=player_data(routine),
                           settings_choices=allowed_choices())
