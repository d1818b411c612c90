"""The guided player for one routine."""
import json
from functools import cache
from pathlib import PurePosixPath

from flask import Blueprint, render_template, url_for

from app import paths
from app.pages.routines import get_routine_or_404
from app.pages.settings import allowed_choices
from app.plan.schemas import VERDICTS
from app.rules import CLIP_PREFIXES
from app.site.page_cache import same_for_everyone

bp = Blueprint("player", __name__)
VOICE = PurePosixPath("audio/voice")
# Clips made for particular routines; every other clip is a cue word any routine may speak.
PARTICULAR = tuple(CLIP_PREFIXES.values())


@cache
def recorded_clips():
    """The recorded cues (static/audio/voice/clips.json, made by `make voice`): read once."""
    return json.loads((paths.STATIC_DIR / VOICE / "clips.json").read_text())


def voice_for(routine):
    """The clips this routine's cues can ask for, by id: each one's versioned address and words,
    and the quiet track that holds the lock screen. Counting goes up to the routine's most reps."""
    recorded = recorded_clips()
    most_reps = max([3, *(step.reps or 0 for step in routine.steps)])
    words = [clip for clip in recorded["clips"] if not clip.startswith(PARTICULAR)]
    number, exercise, note = CLIP_PREFIXES["number"], CLIP_PREFIXES["exercise"], CLIP_PREFIXES["note"]
    wanted = [*words, *(f"{number}{n}" for n in range(1, most_reps + 1)),
              *(f"{exercise}{step.exercise.id}" for step in routine.steps),
              *(f"{note}{routine.slug}-{n}" for n in range(1, len(routine.steps) + 1))]
    clips = {clip: recorded["clips"][clip] for clip in wanted if clip in recorded["clips"]}
    return {
        "clips": {clip: {"url": url_for("static", filename=str(VOICE / entry["file"])),
                         "words": entry["words"]}
                  for clip, entry in clips.items()},
        "holder": url_for("static", filename=str(VOICE / recorded["holder"])),
    }


def player_data(routine):
    """Everything the player script needs, as plain JSON-ready data."""
    return {
        "slug": routine.slug,
        "title": routine.title,
        "steps": [
            {
                "exercise": step.exercise.id,
                "name": step.exercise.name,
                "instructions": step.exercise.instructions,
                "breathing": step.exercise.breathing,
                "easeOffIf": step.exercise.ease_off_if,
                "skipIf": step.exercise.skip_if,
                "note": step.note,
                "picture": url_for("static", filename=f"pictures/{step.exercise.picture}"),
                "alt": step.exercise.picture_alt,
                # Square, raster: what a lock screen shows (make pictures draws it from the SVG).
                "artwork": url_for("static",
                                   filename=f"pictures/artwork/{PurePosixPath(step.exercise.picture).stem}.png"),
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
        "voice": voice_for(routine),
    }


@bp.get("/routines/<slug>/play")
@same_for_everyone()
def play(slug):
    """Guide a person through a routine, one step at a time."""
    routine = get_routine_or_404(slug)
    return render_template("player/play.html", routine=routine, data=player_data(routine),
                           settings_choices=allowed_choices(), verdicts=VERDICTS)
