"""A routine a person builds, or is given by link: the library's exercises with its own doses.

It is checked as a built-in routine's step is (the exercise must be in the library, a hold only
for a timed exercise, reps only for a counted one, sides only for a one-sided one) but within the
bounds of app/content/bounds.py (app/rules.py passes them on to the pages), and it is laid out,
cautioned and timed by the same code as a built-in routine (models.LaidOut).

    OwnRoutine.model_validate(data, context={"exercises": library.exercises})
"""
import re
from functools import cached_property
from typing import Annotated, ClassVar
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from app.content.bounds import OWN_ROUTINES
from app.content.fields import problem
from app.content.models import (
    Dosed,
    Exercise,
    LaidOut,
    default_sides,
    from_exercise,
    known_exercise,
    sides_in_order,
)

HOLD, REPS, REST = OWN_ROUTINES["hold"], OWN_ROUTINES["reps"], OWN_ROUTINES["rest"]
FEWEST_STEPS, MOST_STEPS = OWN_ROUTINES["steps"]
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def one_line(value):
    """Refuse line breaks and other control characters."""
    if CONTROL.search(value):
        raise problem("must be one line of text, with no line breaks")
    return value


def line(most, fewest=0):
    """One line of text, no spaces at either end, from fewest to most characters."""
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=fewest, max_length=most),
                     AfterValidator(one_line)]


def within(low, high, unit):
    """A whole number from low to high, refused with a message that names the range."""
    def check(value):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise problem(f"must be a whole number of {unit} from {low} to {high}, not {value!r}")
        return value
    return BeforeValidator(check)


class OwnStep(BaseModel, Dosed):
    """One exercise of an own routine: hold (seconds) or reps, as the exercise is timed or
    counted (each the exercise's own when left out), which sides ("both", "left" or "right",
    only for a one-sided exercise; both when left out), and the seconds of rest after it."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    exercise: Annotated[Exercise, BeforeValidator(known_exercise)]
    hold: Annotated[int, within(*HOLD, "seconds")] | None = Field(default_factory=from_exercise("hold"))
    reps: Annotated[int, within(*REPS, "repetitions")] | None = Field(default_factory=from_exercise("reps"))
    sides: Annotated[tuple[str, ...], BeforeValidator(sides_in_order)] = Field(default_factory=default_sides)
    rest_after: Annotated[int, within(*REST, "seconds")] = Field(0, alias="rest")

    @model_validator(mode="before")
    @classmethod
    def _null_is_left_out(cls, data):
        """A null dose, side or rest is the same as one left out: the exercise's own."""
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value is not None or key == "exercise"}
        return data

    @model_validator(mode="after")
    def _dose_as_the_exercise_allows(self):
        exercise = self.exercise
        if exercise.hold is not None and self.reps is not None:
            raise problem(f"{exercise.name} is timed: give hold (seconds), not reps", "reps")
        if exercise.reps is not None and self.hold is not None:
            raise problem(f"{exercise.name} is counted: give reps, not hold (seconds)", "hold")
        if self.sides and not exercise.sided:
            raise problem(f"{exercise.name} is not one-sided: leave sides out", "sides")
        return self

    @property
    def side_choice(self):
        """The sides as chosen: "both", "left" or "right" (None for an exercise done once)."""
        if not self.exercise.sided:
            return None
        return "both" if len(self.sides) == 2 else self.sides[0]


class OwnRoutine(BaseModel, LaidOut):
    """A named list of steps, with "how often" if the maker says."""

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,))

    name: line(OWN_ROUTINES["name"], fewest=1)
    often: line(OWN_ROUTINES["often"]) | None = None
    steps: Annotated[list[OwnStep], Field(min_length=FEWEST_STEPS, max_length=MOST_STEPS)]

    rest: ClassVar[int] = 0   # every step says its own rest
    switch_sides: ClassVar[int] = OWN_ROUTINES["switch_sides"]

    @model_validator(mode="after")
    def _not_too_long(self):
        most = OWN_ROUTINES["most_seconds"]
        if self.total_seconds > most:
            minutes = -(-self.total_seconds // 60)
            raise problem(f"the routine would last {minutes} minutes; keep it to {most // 60} minutes "
                          "or less (shorter holds, fewer reps or steps, or shorter rests)", "steps")
        return self

    def definition(self):
        """The routine as stored, exported and shared: exercise ids and each step in full."""
        steps = []
        for step in self.steps:
            dose = {"hold": step.hold} if step.hold is not None else {"reps": step.reps}
            entry = {"exercise": step.exercise.id, **dose, "rest": step.rest_after}
            if step.side_choice:
                entry["sides"] = step.side_choice
            steps.append(entry)
        return {"name": self.name, "often": self.often, "steps": steps}


def slug_of(routine_id: UUID | str):
    """An own routine's slug: what history, check-ins and the plan's feedback call it."""
    return f"{OWN_ROUTINES['slug_prefix']}{routine_id}"
