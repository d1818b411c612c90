"""What a device sends to save an own routine (pydantic); app/own_routines/answers.py has what the
server answers and exports.

Its shape is checked here; their bounds, and which exercises exist and how each is dosed, by
app/content/own.py's OwnRoutine (its messages name the bound), so these only describe the bounds.
"""
from typing import Annotated, Literal

from pydantic import Field, StrictInt, StrictStr

from app.rules import OWN_ROUTINES
from app.schemas import Change, Slug, Strict


def described(**bounds):
    """Bounds the API document states (JSON Schema keywords); OwnRoutine enforces them."""
    return Field(json_schema_extra=bounds)


def dose_range(name):
    """One of OWN_ROUTINES' (lowest, highest) number bounds, described."""
    low, high = OWN_ROUTINES[name]
    return described(minimum=low, maximum=high)


class OwnStepIn(Strict):
    """One step of an own routine: a library exercise; hold (seconds) for a timed exercise or reps for a
    counted one, each the exercise's own when left out; sides only for a one-sided exercise (both when
    left out); rest in seconds after the step (0 when left out). A null is taken as left out."""

    exercise: Slug
    hold: Annotated[StrictInt, dose_range("hold")] | None = None
    reps: Annotated[StrictInt, dose_range("reps")] | None = None
    sides: Literal["both", "left", "right"] | None = None
    rest: Annotated[StrictInt, dose_range("rest")] | None = None


class OwnRoutineIn(Change):
    """An own routine's definition, as its device saved it, with the change's id and time; no longer, as
    the player lays it out (both sides, side switches and rests counted), than app/rules.py allows."""

    name: Annotated[StrictStr, described(minLength=1, maxLength=OWN_ROUTINES["name"])]
    often: Annotated[StrictStr, described(maxLength=OWN_ROUTINES["often"])] | None = None
    steps: Annotated[list[OwnStepIn], described(minItems=OWN_ROUTINES["steps"][0],
                                                   maxItems=OWN_ROUTINES["steps"][1])]

    def definition(self):
        """The definition as sent, for OwnRoutine: what was left out (or null) left out."""
        return self.model_dump(exclude_none=True, exclude={"changed_at", "change_id"})
