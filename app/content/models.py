"""Exercises and routines: their vocabularies and the models their files are read into.

The models are the documented file formats (routines/README.md) and, once checked, the
frozen objects the pages use. Rules that need another file (a routine's exercises, a
picture on disk) read it from the validation context that routines.load_library passes.
"""
from functools import cached_property
from types import MappingProxyType
from typing import Annotated

from flask_babel import lazy_gettext as _l
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    Strict,
    ValidationInfo,
    field_validator,
    model_validator,
)

from app.content.fields import (
    Count,
    Day,
    FileId,
    Table,
    Text,
    listing,
    one_of,
    problem,
    seconds_within,
    sentences,
    table,
)
from app.content.timing import build_segments

# Their labels are lazy: each page reads them in its own language.
POSITIONS = MappingProxyType({"lying": _l("Lying down"), "sitting": _l("Sitting"), "standing": _l("Standing"),
                              "kneeling": _l("On hands and knees")})
GOALS = MappingProxyType({"mobility": _l("Ease stiffness"), "flare-up": _l("Calm a flare-up"),
                          "relaxation": _l("Relax and breathe"), "strength": _l("Gentle strength"),
                          "massage": _l("Self-massage"), "everyday": _l("Everyday moves")})
TIMES_OF_DAY = ("morning", "daytime", "evening", "night")
KINDS = ("stretch", "mobility", "strength", "nerve-glide", "breathing", "massage", "rest-position",
         "movement")
# Kinds to leave for a better day: a flare is no time to load the back or tension the nerve.
NOT_ON_A_BAD_DAY = ("strength", "nerve-glide")
BENDS = ("forward", "backward")
LYING_ON = ("back", "front", "side")
# Pregnancy: after about 16 weeks, long spells flat on the back are best avoided. A spell this long
# (rests and side switches within it included) earns the routine the pregnancy caution.
LONG_ON_THE_BACK = 60
SIDE_CHOICES = ("both", "left", "right")
# One-sided pictures show the right side; the left is the same file mirrored.
SIDE_ORDER = ("right", "left")
MIN_ROUTINE_SECONDS, MAX_ROUTINE_SECONDS = 3 * 60, 20 * 60
STRETCH_HOLD = range(20, 46)
REST_RANGE, SWITCH_RANGE = range(5, 16), range(3, 11)


def _stretch_hold(kind, hold):
    """Refuse a stretch held too briefly to work or long enough to strain."""
    if kind == "stretch" and hold is not None and hold not in STRETCH_HOLD:
        raise problem(f"stretches hold {STRETCH_HOLD.start} to {STRETCH_HOLD.stop - 1} seconds, not {hold}")


def _picture_exists(value, info: ValidationInfo):
    pictures_dir = (info.context or {}).get("pictures_dir")
    if pictures_dir is not None and not (pictures_dir / value).is_file():
        raise problem(f"no file {value!r} in {pictures_dir}")
    return value


@table
class Exercise(Table):
    """One exercise from the library, as a person will read it."""

    id: FileId
    name: Text
    code: Annotated[str, Strict(), Field(min_length=2, max_length=2, pattern=r"^[a-z0-9]+$")]
    kind: one_of(KINDS)
    position: one_of(POSITIONS)
    instructions: sentences(3)
    breathing: Text
    ease_off_if: Text
    sided: Annotated[bool, Strict()]
    picture: Annotated[Text, AfterValidator(_picture_exists)]
    picture_alt: Text
    skip_if: sentences(1) | None = None
    """When not to do it at all, e.g. if bending backwards makes the leg worse."""
    bends: one_of(BENDS) | None = None
    """Which way it bends the lower back, if it clearly does: my plan leaves it out for someone whose
    leg is worse bending that way."""
    lying_on: one_of(LYING_ON) | None = None
    """Which way up a lying exercise is done: the pregnancy caution counts the time on the back."""
    holds_nerve_tension: Annotated[bool, Strict()] = False
    """True for a position held with the sciatic nerve on a stretch (a leg raised straight): like
    strength work and nerve glides, it waits for a better day than a flare."""
    hold: Count | None = None
    reps: Count | None = None
    seconds_per_rep: Count | None = None
    translated: Day | None = None  # the day its translation was made from the English file

    @property
    def suits_a_bad_day(self):
        """False for what loads the back or tensions the nerve: NOT_ON_A_BAD_DAY kinds, held nerve tension."""
        return self.kind not in NOT_ON_A_BAD_DAY and not self.holds_nerve_tension

    @field_validator("hold")
    @classmethod
    def _hold_suits_kind(cls, hold, info: ValidationInfo):
        _stretch_hold(info.data.get("kind"), hold)
        return hold

    @model_validator(mode="after")
    def _hold_or_reps(self):
        if (self.hold is None) == (self.reps is None):
            raise problem("give either hold (seconds) or reps (times), not both or neither", "hold")
        if self.reps is not None and self.seconds_per_rep is None:
            raise problem("missing required key", "seconds_per_rep")
        if self.reps is None and self.seconds_per_rep is not None:
            raise problem("only goes with reps", "seconds_per_rep")
        return self

    @model_validator(mode="after")
    def _bends_as_skip_if_says(self):
        """An exercise to skip when bending one way hurts must say it bends that way, or my plan
        would offer it to the very people it tells to skip it."""
        for way in BENDS:
            if self.skip_if and f"bending {way}" in self.skip_if and self.bends != way:
                raise problem(f'skip_if is about bending {way}: add bends = "{way}"', "bends")
        return self

    @model_validator(mode="after")
    def _lying_on_says_which_way_up(self):
        if self.position == "lying" and self.lying_on is None:
            raise problem('say which way up: lying_on = "back", "front" or "side"', "lying_on")
        if self.position != "lying" and self.lying_on is not None:
            raise problem('only goes with position = "lying"', "lying_on")
        return self


def known_exercise(value, info: ValidationInfo):
    """Turn a step's exercise id into the exercise, which must be in the library."""
    if isinstance(value, Exercise):
        return value
    if not isinstance(value, str):
        raise problem("must be a non-empty string")
    exercise = (info.context or {}).get("exercises", {}).get(value)
    if exercise is None:
        raise problem(f"unknown exercise {value!r} (no routines/exercises/{value}.toml)")
    return exercise


def sides_in_order(value):
    """Read `sides` ("both", "left" or "right") as the sides in the order they are done."""
    if value not in SIDE_CHOICES:
        raise problem(f"{value!r} is not one of: {', '.join(SIDE_CHOICES)}")
    return SIDE_ORDER if value == "both" else (value,)


def _rest_after(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= REST_RANGE.stop - 1:
        raise problem(f"must be 0 to {REST_RANGE.stop - 1} seconds, not {value!r}")
    return value


def from_exercise(name):
    """A step's default: the exercise's own value (data holds the fields already read)."""
    return lambda data: getattr(data.get("exercise"), name, None)


def default_sides(data):
    exercise = data.get("exercise")
    return SIDE_ORDER if exercise is not None and exercise.sided else ()


class Dosed:
    """A step's length from its dose: needs exercise, hold and reps."""

    @property
    def seconds_per_side(self):
        """How long one side (or the whole step when not sided) lasts."""
        if self.hold is not None:
            return self.hold
        return self.reps * self.exercise.seconds_per_rep


@table
class Step(Table, Dosed):
    """An exercise as a routine uses it, with the routine's own timing."""

    exercise: Annotated[Exercise, BeforeValidator(known_exercise)]
    hold: Count | None = Field(default_factory=from_exercise("hold"))
    reps: Count | None = Field(default_factory=from_exercise("reps"))
    sides: Annotated[tuple[str, ...], BeforeValidator(sides_in_order)] = Field(default_factory=default_sides)
    rest_after: Annotated[int, BeforeValidator(_rest_after)] | None = None
    """Seconds of rest after this step; None means the routine's own rest."""
    note: Text | None = None

    @field_validator("hold")
    @classmethod
    def _timed(cls, hold, info: ValidationInfo):
        exercise = info.data.get("exercise")
        if exercise is not None:
            if exercise.hold is None:
                raise problem(f"{exercise.id} is counted in reps, so use reps")
            _stretch_hold(exercise.kind, hold)
        return hold

    @field_validator("reps")
    @classmethod
    def _counted(cls, reps, info: ValidationInfo):
        exercise = info.data.get("exercise")
        if exercise is not None and exercise.reps is None:
            raise problem(f"{exercise.id} is timed, so use hold")
        return reps

    @field_validator("sides")
    @classmethod
    def _sided(cls, sides, info: ValidationInfo):
        exercise = info.data.get("exercise")
        if exercise is not None and not exercise.sided:
            raise problem(f"{exercise.id} is not one-sided")
        return sides


class LaidOut:
    """What a routine's steps add up to, for a built-in routine and one a person builds alike:
    needs steps (each with exercise, seconds_per_side, sides, rest_after), rest and switch_sides."""

    @cached_property
    def segments(self):
        """The routine laid out in time, worked out once."""
        return build_segments(self.steps, self.rest, self.switch_sides)

    @property
    def total_seconds(self):
        """The routine's length, rests and side switches included."""
        return sum(segment.seconds for segment in self.segments)

    @property
    def rests(self):
        """How many rests the routine has between its steps (a step may run straight on)."""
        return sum(1 for segment in self.segments if segment.kind == "rest")

    @property
    def suits_a_bad_day(self):
        """True when every step suits a flare (Exercise.suits_a_bad_day)."""
        return all(step.exercise.suits_a_bad_day for step in self.steps)

    @property
    def longest_on_the_back(self):
        """Seconds of the longest spell lying on the back, counting the rests and switches within it."""
        longest = spell = 0
        for segment in self.segments:
            on_the_back = self.steps[segment.step].exercise.lying_on == "back"
            spell = spell + segment.seconds if on_the_back else 0
            longest = max(longest, spell)
        return longest

    @property
    def long_on_the_back(self):
        """True when the routine keeps a person on their back long enough for the pregnancy caution."""
        return self.longest_on_the_back >= LONG_ON_THE_BACK

    @property
    def positions(self):
        """The positions the routine uses, in the order they first appear."""
        return tuple(dict.fromkeys(step.exercise.position for step in self.steps))


@table
class Routine(Table, LaidOut):
    """A named sequence of steps with its cautions and sources."""

    slug: FileId
    title: Text
    summary: sentences(2)
    for_whom: Text
    skip_if: listing(Text)
    goals: listing(one_of(GOALS))
    time_of_day: listing(one_of(TIMES_OF_DAY))
    rest: seconds_within(REST_RANGE)
    switch_sides: seconds_within(SWITCH_RANGE)
    sources: listing(Text)
    steps: listing(Step, "a routine needs at least one step")
    walk: one_of(("before", "after")) | None = None  # made for just before or after a walk
    translated: Day | None = None  # the day its translation was made from the English file

    @model_validator(mode="after")
    def _length(self):
        total = self.total_seconds
        if not MIN_ROUTINE_SECONDS <= total <= MAX_ROUTINE_SECONDS:
            raise problem(f"the routine lasts {total} s; keep it between 3 and 20 minutes", "steps")
        return self
