"""Routine content: read the TOML files under routines/ once, validate, freeze.

A broken file stops start-up with ``path: field: what is wrong`` so that the
person editing it knows exactly what to change.
"""
import re
import tomllib
from pathlib import Path
from types import MappingProxyType

from flask import current_app

from app.schemas import SLUG_PATTERN
from app.content_model import (
    GOALS,
    KINDS,
    POSITIONS,
    SIDE_CHOICES,
    SIDE_ORDER,
    TIMES_OF_DAY,
    ContentError,
    Exercise,
    Library,
    Routine,
    Step,
    build_segments,
)

SLUG = re.compile(SLUG_PATTERN)
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
MIN_ROUTINE_SECONDS, MAX_ROUTINE_SECONDS = 3 * 60, 20 * 60
STRETCH_HOLD = range(20, 46)
REST_RANGE = range(5, 16)
SWITCH_RANGE = range(3, 11)
MAX_SECONDS = 600



class Fields:
    """Reads one TOML table, rejecting unknown keys and wrongly typed values."""

    def __init__(self, path, data, allowed, prefix=""):
        self.path, self.data, self.prefix = path, data, prefix
        for key in data:
            if key not in allowed:
                self.fail(key, f"unknown key (allowed: {', '.join(allowed)})")

    def fail(self, key, message):
        """Raise a ContentError for this key."""
        raise ContentError(self.path, self.prefix + key, message)

    def get(self, key, kind, required=True):
        """Return the value of key, checked against kind."""
        if key not in self.data:
            if required:
                self.fail(key, "missing required key")
            return None
        value = self.data[key]
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                self.fail(key, f"must be a whole number of seconds or times, not {value!r}")
            if not 0 < value <= MAX_SECONDS:
                self.fail(key, f"must be between 1 and {MAX_SECONDS}, not {value}")
        elif kind is str:
            if not isinstance(value, str) or not value.strip():
                self.fail(key, "must be a non-empty string")
            value = " ".join(value.split())
        elif not isinstance(value, kind):
            self.fail(key, f"must be {kind.__name__}, not {type(value).__name__}")
        return value

    def choice(self, key, choices, required=True, default=None):
        """Return a value that must be one of choices."""
        value = self.get(key, str, required)
        if value is None:
            return default
        if value not in choices:
            self.fail(key, f"{value!r} is not one of: {', '.join(choices)}")
        return value

    def strings(self, key, choices=None):
        """Return a non-empty tuple of strings, each from choices if given."""
        values = self.get(key, list)
        if not values:
            self.fail(key, "must list at least one item")
        for number, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                self.fail(f"{key}[{number}]", "must be a non-empty string")
            if choices is not None and value not in choices:
                self.fail(f"{key}[{number}]", f"{value!r} is not one of: {', '.join(choices)}")
        return tuple(" ".join(value.split()) for value in values)

    def sentences(self, key, most):
        """Return prose of one to `most` sentences."""
        text = self.get(key, str)
        count = len(SENTENCE_END.findall(text))
        if not 1 <= count <= most:
            self.fail(key, f"write 1 to {most} full sentences ending in '.', found {count}")
        return text


def read_toml(path):
    """Parse one TOML file, naming the file in any syntax error."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, "syntax", str(error)) from error


def _hold_or_reps(fields):
    """Return (hold, reps): exactly one of the two must be given."""
    hold = fields.get("hold", int, required=False)
    reps = fields.get("reps", int, required=False)
    if (hold is None) == (reps is None):
        fields.fail("hold", "give either hold (seconds) or reps (times), not both or neither")
    return hold, reps


EXERCISE_KEYS = ("id", "name", "kind", "position", "instructions", "breathing", "ease_off_if",
                 "sided", "hold", "reps", "seconds_per_rep", "picture", "picture_alt")


def _check_id(fields, key, path, seen):
    """Check a file's id: unique, and the same as its file name."""
    value = fields.get(key, str)
    if value in seen:
        fields.fail(key, f"duplicate {key} {value!r}, already used by {seen[value].name}")
    if value != path.stem:
        fields.fail(key, f"{value!r} does not match the file name; rename one so both say the same")
    seen[value] = path
    return value


def load_exercise(path, pictures_dir, seen):
    """Read and check one exercise file."""
    fields = Fields(path, read_toml(path), EXERCISE_KEYS)
    exercise_id = _check_id(fields, "id", path, seen)
    kind = fields.choice("kind", KINDS)
    hold, reps = _hold_or_reps(fields)
    seconds_per_rep = fields.get("seconds_per_rep", int, required=reps is not None)
    if reps is None and seconds_per_rep is not None:
        fields.fail("seconds_per_rep", "only goes with reps")
    if kind == "stretch" and hold is not None and hold not in STRETCH_HOLD:
        fields.fail("hold", f"stretches hold {STRETCH_HOLD.start} to {STRETCH_HOLD.stop - 1} seconds, not {hold}")
    picture = fields.get("picture", str)
    if not (pictures_dir / picture).is_file():
        fields.fail("picture", f"no file {picture!r} in {pictures_dir}")
    return Exercise(
        id=exercise_id, name=fields.get("name", str), kind=kind,
        position=fields.choice("position", tuple(POSITIONS)),
        instructions=fields.sentences("instructions", 3),
        breathing=fields.get("breathing", str), ease_off_if=fields.get("ease_off_if", str),
        sided=fields.get("sided", bool), hold=hold, reps=reps, seconds_per_rep=seconds_per_rep,
        picture=picture, picture_alt=fields.get("picture_alt", str),
    )


STEP_KEYS = ("exercise", "hold", "reps", "sides", "rest_after", "note")


def load_step(path, number, data, exercises, rest):
    """Read and check one [[steps]] table of a routine."""
    if not isinstance(data, dict):
        raise ContentError(path, f"steps[{number}]", "must be a table ([[steps]])")
    fields = Fields(path, data, STEP_KEYS, prefix=f"steps[{number}].")
    exercise_id = fields.get("exercise", str)
    exercise = exercises.get(exercise_id)
    if exercise is None:
        fields.fail("exercise", f"unknown exercise {exercise_id!r} (no routines/exercises/{exercise_id}.toml)")
    hold = fields.get("hold", int, required=False)
    reps = fields.get("reps", int, required=False)
    if hold is not None and exercise.hold is None:
        fields.fail("hold", f"{exercise_id} is counted in reps, so use reps")
    if reps is not None and exercise.reps is None:
        fields.fail("reps", f"{exercise_id} is timed, so use hold")
    if exercise.kind == "stretch" and hold is not None and hold not in STRETCH_HOLD:
        fields.fail("hold", f"stretches hold {STRETCH_HOLD.start} to {STRETCH_HOLD.stop - 1} seconds, not {hold}")
    sides = fields.choice("sides", SIDE_CHOICES, required=False, default="both")
    if not exercise.sided and "sides" in data:
        fields.fail("sides", f"{exercise_id} is not one-sided")
    rest_after = data.get("rest_after", rest)
    if isinstance(rest_after, bool) or not isinstance(rest_after, int) or not 0 <= rest_after <= REST_RANGE.stop - 1:
        fields.fail("rest_after", f"must be 0 to {REST_RANGE.stop - 1} seconds, not {rest_after!r}")
    return Step(
        exercise=exercise,
        hold=hold if hold is not None else (exercise.hold if reps is None else None),
        reps=reps if reps is not None else (exercise.reps if hold is None else None),
        sides=(SIDE_ORDER if sides == "both" else (sides,)) if exercise.sided else (),
        rest_after=rest_after, note=fields.get("note", str, required=False),
    )


ROUTINE_KEYS = ("slug", "title", "summary", "for_whom", "skip_if", "goals", "time_of_day",
                "rest", "switch_sides", "sources", "steps")


def _in_range(fields, key, allowed):
    """Return an int setting that must lie in the allowed range."""
    value = fields.get(key, int)
    if value not in allowed:
        fields.fail(key, f"must be {allowed.start} to {allowed.stop - 1} seconds, not {value}")
    return value


def load_routine(path, exercises, seen):
    """Read and check one routine file."""
    fields = Fields(path, read_toml(path), ROUTINE_KEYS)
    slug = _check_id(fields, "slug", path, seen)
    rest = _in_range(fields, "rest", REST_RANGE)
    switch_sides = _in_range(fields, "switch_sides", SWITCH_RANGE)
    raw_steps = fields.get("steps", list)
    if not raw_steps:
        fields.fail("steps", "a routine needs at least one step")
    steps = tuple(load_step(path, n, data, exercises, rest) for n, data in enumerate(raw_steps))
    segments = build_segments(steps, switch_sides)
    total = sum(segment.seconds for segment in segments)
    if not MIN_ROUTINE_SECONDS <= total <= MAX_ROUTINE_SECONDS:
        fields.fail("steps", f"the routine lasts {total} s; keep it between 3 and 20 minutes")
    return Routine(
        slug=slug, title=fields.get("title", str), summary=fields.sentences("summary", 2),
        for_whom=fields.get("for_whom", str), skip_if=fields.strings("skip_if"),
        goals=fields.strings("goals", tuple(GOALS)), time_of_day=fields.strings("time_of_day", TIMES_OF_DAY),
        rest=rest, switch_sides=switch_sides, sources=fields.strings("sources"),
        steps=steps, segments=segments,
    )


def _content_files(folder):
    """List a folder's TOML files in a stable order, checking their names."""
    files = sorted(folder.glob("*.toml"))
    for path in files:
        if not SLUG.match(path.stem):
            raise ContentError(path, "file name", "use lower-case words joined by hyphens")
    return files


def _check_unique(folder, key, pairs):
    """Refuse two files that would show a person the same heading."""
    owners = {}
    for file_id, value in pairs:
        if value in owners:
            raise ContentError(folder / f"{file_id}.toml", key,
                               f"duplicate {key} {value!r}, also used by {owners[value]}.toml")
        owners[value] = file_id


def load_library(routines_dir, pictures_dir):
    """Load every exercise and routine, or raise ContentError on the first problem."""
    routines_dir, pictures_dir = Path(routines_dir), Path(pictures_dir)
    seen = {}
    exercises = {}
    for path in _content_files(routines_dir / "exercises"):
        exercise = load_exercise(path, pictures_dir, seen)
        exercises[exercise.id] = exercise
    if not exercises:
        raise ContentError(routines_dir / "exercises", "files", "no exercises found")
    # Routine slugs share the namespace with exercise ids, so a link or a
    # saved favourite can never be ambiguous.
    routines = [load_routine(path, exercises, seen) for path in _content_files(routines_dir)]
    if not routines:
        raise ContentError(routines_dir, "files", "no routines found")
    _check_unique(routines_dir, "title", ((r.slug, r.title) for r in routines))
    _check_unique(routines_dir / "exercises", "name", ((e.id, e.name) for e in exercises.values()))
    routines.sort(key=lambda routine: routine.title)
    return Library(
        exercises=MappingProxyType(exercises),
        routines=MappingProxyType({routine.slug: routine for routine in routines}),
    )


def init_app(app):
    """Load the content once at start-up; a broken file stops the app."""
    pictures_dir = Path(app.static_folder) / "pictures"
    app.extensions["easeback_library"] = load_library(app.config["ROUTINES_DIR"], pictures_dir)


def library():
    """Return the current app's content library."""
    return current_app.extensions["easeback_library"]
