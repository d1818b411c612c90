"""The guided player for one routine."""
import json
from functools import cache
from pathlib import PurePosixPath

from flask import Blueprint, jsonify, render_template, url_for
from flask_babel import lazy_gettext as _l

from app import paths
from app.content import library
from app.content.models import LONG_ON_THE_BACK, POSITIONS, SIDE_ORDER
from app.pages.routines import DOWN_LOW, get_routine_or_404
from app.pages.settings import allowed_choices
from app.plan.schemas import VERDICTS
from app.rules import CLIP_PREFIXES, CUE_CLIPS
from app.site.languages import ENGLISH, current
from app.site.page_cache import same_for_everyone

bp = Blueprint("player", __name__)
VOICE = PurePosixPath("audio/voice")
# Clips made for particular routines; every other clip is a cue word any routine may speak.
PARTICULAR = tuple(CLIP_PREFIXES.values())


@cache
def recorded_clips():
    """The recorded cues (static/audio/voice/clips.json, made by `make voice`): read once."""
    return json.loads((paths.STATIC_DIR / VOICE / "clips.json").read_text())


# What each cue word says, by its name in app/rules.py's CUE_CLIPS (which gives its clip id):
# recorded in English by tools/voice.py, said by the device's own voice in other languages.
CUE_WORDS = {
    "get_ready": _l("Get ready."), "first": _l("First,"), "begin": _l("Begin."), "rest": _l("Rest."),
    "switch_sides": _l("Switch sides."), "next": _l("Next,"), "left": _l("left side."),
    "right": _l("right side."), "halfway": _l("Halfway."), "last_step": _l("Last step."),
    "well_done": _l("Well done. That is the end of the routine."),
}
NUMBER_WORDS = [_l("One."), _l("Two."), _l("Three."), _l("Four."), _l("Five."), _l("Six."), _l("Seven."),
                _l("Eight."), _l("Nine."), _l("Ten."), _l("Eleven."), _l("Twelve."), _l("Thirteen."),
                _l("Fourteen."), _l("Fifteen."), _l("Sixteen."), _l("Seventeen."), _l("Eighteen."),
                _l("Nineteen."), _l("Twenty.")]


def spoken_notes(routine):
    """(step number, step) for each note the player speaks: in a routine whose steps run on with
    no rest between (a walk in stages), where the note is the only cue a person not looking at
    the screen has. Other routines' notes are on screen, and their rests give time to read."""
    if all(step.rest_after != 0 for step in routine.steps[:-1]):
        return []
    return [(index, step) for index, step in enumerate(routine.steps, start=1) if step.note]


def clip_texts(library):
    """Every clip the player can ask for, as {id: words} in the current language, in a stable order
    (tools/voice.py records the English ones)."""
    texts = {CUE_CLIPS[cue]: str(words) for cue, words in CUE_WORDS.items()}
    number, exercise, note = CLIP_PREFIXES["number"], CLIP_PREFIXES["exercise"], CLIP_PREFIXES["note"]
    most_reps = max((step.reps or 0) for routine in library.routines.values() for step in routine.steps)
    texts.update((f"{number}{n}", str(NUMBER_WORDS[n - 1])) for n in range(1, max(most_reps, 3) + 1))
    texts.update((f"{exercise}{item.id}", f"{item.name}.") for item in library.exercises.values())
    for routine in library.routines.values():
        texts.update((f"{note}{routine.slug}-{index}", step.note) for index, step in spoken_notes(routine))
    return texts


def voiced(clips):
    """Clips by id, as the player fetches them: a versioned address and the words. The recordings
    are English: in another language a clip has no address, and the device's voice says its words."""
    recorded = recorded_clips()["clips"]
    english = current().code == ENGLISH
    words = None if english else clip_texts(library())
    address = lambda clip: url_for("static", filename=str(VOICE / recorded[clip]["file"]))  # noqa: E731
    return {clip: {"url": address(clip) if english else None,
                   "words": recorded[clip]["words"] if english else words[clip]}
            for clip in clips if clip in recorded}


def voice_for(routine):
    """The clips this routine's cues can ask for, by id: each one's versioned address and words,
    and the quiet track that holds the lock screen. Counting goes up to the routine's most reps.
    (static/js/lib/own-routine.js picks an own routine's clips from the catalogue by this rule.)"""
    recorded = recorded_clips()
    most_reps = max([3, *(step.reps or 0 for step in routine.steps)])
    words = [clip for clip in recorded["clips"] if not clip.startswith(PARTICULAR)]
    number, exercise, note = CLIP_PREFIXES["number"], CLIP_PREFIXES["exercise"], CLIP_PREFIXES["note"]
    wanted = [*words, *(f"{number}{n}" for n in range(1, most_reps + 1)),
              *(f"{exercise}{step.exercise.id}" for step in routine.steps),
              *(f"{note}{routine.slug}-{n}" for n in range(1, len(routine.steps) + 1))]
    return {"clips": voiced(wanted), "holder": url_for("static", filename=str(VOICE / recorded["holder"]))}


def catalogue(library):
    """The library's exercises as routines a person builds use them: what the player shows of
    each, its own dose, whether it is one-sided, what the catalogue filters and the cautions
    read, and every recorded clip but the routines' own notes (static/js/lib/own-routine.js
    builds an own routine's player data from it, as player_data does for a built-in one)."""
    recorded = recorded_clips()
    return {
        "exercises": {
            exercise.id: {"player": exercise_for_player(exercise), "code": exercise.code,
                          "hold": exercise.hold, "reps": exercise.reps, "sided": exercise.sided,
                          "kind": exercise.kind, "position": exercise.position,
                          "downLow": exercise.position in DOWN_LOW, "lyingOn": exercise.lying_on,
                          "suitsABadDay": exercise.suits_a_bad_day}
            for exercise in library.exercises.values()
        },
        "sideOrder": list(SIDE_ORDER),
        "positions": {position: str(label) for position, label in POSITIONS.items()},
        # A spell this long on the back (rests and switches within it counted) earns the pregnancy caution.
        "longOnTheBack": LONG_ON_THE_BACK,
        "voice": {
            "clips": voiced(clip for clip in recorded["clips"] if not clip.startswith(CLIP_PREFIXES["note"])),
            "holder": url_for("static", filename=str(VOICE / recorded["holder"])),
        },
    }


def exercise_for_player(exercise):
    """What the player shows of an exercise, whatever routine it is in (a step adds its dose and
    note). The catalogue of exercises for routines a person builds is made of the same."""
    return {
        "exercise": exercise.id,
        "name": exercise.name,
        "instructions": exercise.instructions,
        "breathing": exercise.breathing,
        "easeOffIf": exercise.ease_off_if,
        "skipIf": exercise.skip_if,
        "picture": url_for("static", filename=f"pictures/{exercise.picture}"),
        "alt": exercise.picture_alt,
        # Square, raster: what a lock screen shows (make pictures draws it from the SVG).
        "artwork": url_for("static", filename=f"pictures/artwork/{PurePosixPath(exercise.picture).stem}.png"),
        "secondsPerRep": exercise.seconds_per_rep,
    }


def player_data(routine):
    """Everything the player script needs, as plain JSON-ready data."""
    return {
        "slug": routine.slug,
        "title": routine.title,
        "steps": [
            {**exercise_for_player(step.exercise), "note": getattr(step, "note", None),
             "hold": step.hold, "reps": step.reps}
            for step in routine.steps
        ],
        "segments": [
            {"kind": segment.kind, "seconds": segment.seconds, "step": segment.step, "side": segment.side}
            for segment in routine.segments
        ],
        "voice": voice_for(routine),
    }


@bp.get("/routines/catalogue.json")
@same_for_everyone()
def exercise_catalogue():
    """The exercise catalogue for routines a person builds (see catalogue)."""
    return jsonify(catalogue(library()))


# The first step's fields before an own routine's player has read the device (all filled in then).
BLANK_EXERCISE = {"name": "", "picture": None, "picture_alt": "", "skip_if": None, "ease_off_if": "",
                  "instructions": "", "breathing": ""}


@bp.get("/routines/mine/play")
@same_for_everyone()
def play_mine():
    """The player for a routine of one's own (#<id>): the same page, its routine read on the device."""
    return render_template("player/play.html", routine=None, data=None, blank_exercise=BLANK_EXERCISE,
                           settings_choices=allowed_choices(), verdicts=VERDICTS)


@bp.get("/routines/<slug>/play")
@same_for_everyone()
def play(slug):
    """Guide a person through a routine, one step at a time."""
    routine = get_routine_or_404(slug)
    return render_template("player/play.html", routine=routine, data=player_data(routine),
                           settings_choices=allowed_choices(), verdicts=VERDICTS)
