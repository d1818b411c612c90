"""The content model: vocabularies and the frozen objects routines are made of."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

POSITIONS = MappingProxyType({
    "lying": "Lying down",
    "sitting": "Sitting",
    "standing": "Standing",
    "kneeling": "On hands and knees",
})
GOALS = MappingProxyType({
    "mobility": "Ease stiffness",
    "flare-up": "Calm a flare-up",
    "relaxation": "Relax and breathe",
    "strength": "Gentle strength",
    "massage": "Self-massage",
    "everyday": "Everyday moves",
})
TIMES_OF_DAY = ("morning", "daytime", "evening", "night")
KINDS = ("stretch", "mobility", "strength", "breathing", "massage", "rest-position", "movement")
SIDE_CHOICES = ("both", "left", "right")
# One-sided pictures show the right side; the left is the same file mirrored.
SIDE_ORDER = ("right", "left")

class ContentError(ValueError):
    """A content file breaks a rule; the message says where and what."""

    def __init__(self, path, field, message):
        super().__init__(f"{_shown(path)}: {field}: {message}")
        self.path, self.field, self.detail = path, field, message


def _shown(path):
    """Show a path relative to the working folder when it is inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd())
    except ValueError:
        return path


@dataclass(frozen=True)
class Exercise:
    """One exercise from the library, as a person will read it."""

    id: str
    name: str
    kind: str
    position: str
    instructions: str
    breathing: str
    ease_off_if: str
    sided: bool
    hold: int | None
    reps: int | None
    seconds_per_rep: int | None
    picture: str
    picture_alt: str


@dataclass(frozen=True)
class Segment:
    """A stretch of time in a routine: an exercise side, a rest or a side switch."""

    kind: str  # "exercise", "rest" or "switch"
    seconds: int
    step: int  # index of the step it belongs to
    side: str | None = None


@dataclass(frozen=True)
class Step:
    """An exercise as a routine uses it, with the routine's own timing."""

    exercise: Exercise
    hold: int | None
    reps: int | None
    sides: tuple[str, ...]
    rest_after: int
    note: str | None

    @property
    def seconds_per_side(self):
        """How long one side (or the whole step when not sided) lasts."""
        if self.hold is not None:
            return self.hold
        return self.reps * self.exercise.seconds_per_rep


@dataclass(frozen=True)
class Routine:
    """A named sequence of steps with its cautions and sources."""

    slug: str
    title: str
    summary: str
    for_whom: str
    skip_if: tuple[str, ...]
    goals: tuple[str, ...]
    time_of_day: tuple[str, ...]
    rest: int
    switch_sides: int
    sources: tuple[str, ...]
    steps: tuple[Step, ...]
    segments: tuple[Segment, ...]

    @property
    def total_seconds(self):
        """The routine's length, rests and side switches included."""
        return sum(segment.seconds for segment in self.segments)

    @property
    def positions(self):
        """The positions the routine uses, in the order they first appear."""
        return tuple(dict.fromkeys(step.exercise.position for step in self.steps))


@dataclass(frozen=True)
class Library:
    """All exercises and routines, checked and read-only."""

    exercises: MappingProxyType
    routines: MappingProxyType


def build_segments(steps, switch_sides):
    """Lay a routine's steps out in time: sides, side switches and rests."""
    segments = []
    for index, step in enumerate(steps):
        for side_number, side in enumerate(step.sides or (None,)):
            if side_number:
                segments.append(Segment("switch", switch_sides, index, side))
            segments.append(Segment("exercise", step.seconds_per_side, index, side))
        if index < len(steps) - 1 and step.rest_after:
            segments.append(Segment("rest", step.rest_after, index))
    return tuple(segments)
