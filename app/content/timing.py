"""A routine laid out in time: each side of each step, the side switches and the rests between."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A stretch of time in a routine: an exercise side, a rest or a side switch."""

    kind: str  # "exercise", "rest" or "switch"
    seconds: int
    step: int  # index of the step it belongs to
    side: str | None = None


def build_segments(steps, rest, switch_sides):
    """Lay a routine's steps out in time: sides, side switches and rests."""
    segments = []
    for index, step in enumerate(steps):
        for side_number, side in enumerate(step.sides or (None,)):
            if side_number:
                segments.append(Segment("switch", switch_sides, index, side))
            segments.append(Segment("exercise", step.seconds_per_side, index, side))
        rest_after = rest if step.rest_after is None else step.rest_after
        if index < len(steps) - 1 and rest_after:
            segments.append(Segment("rest", rest_after, index))
    return tuple(segments)
