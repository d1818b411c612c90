"""Own routines: checked like a built-in routine's steps, within app/rules.py OWN_ROUTINES, and laid
out, cautioned and timed by the same code as a built-in routine."""
import pytest
from pydantic import ValidationError

from app import paths
from app.content.models import Routine
from app.content.own import OwnRoutine, slug_of
from app.content.routines import load_library
from app.rules import OWN_ROUTINES

LIBRARY = load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR)
CONTEXT = {"exercises": LIBRARY.exercises}
TIMED, COUNTED, SIDED = "body-scan", "cat-cow", "knee-to-chest-single"


def own(steps, name="My routine", **more):
    return OwnRoutine.model_validate({"name": name, "steps": steps, **more}, context=CONTEXT)


def refusal(steps, name="My routine", **more):
    with pytest.raises(ValidationError) as refused:
        own(steps, name, **more)
    return "; ".join(error["msg"] for error in refused.value.errors())


def test_left_out_doses_are_the_exercises_own_and_the_definition_says_them_in_full():
    routine = own([{"exercise": COUNTED}, {"exercise": SIDED, "rest": 10}, {"exercise": TIMED}])
    assert routine.definition() == {"name": "My routine", "often": None, "steps": [
        {"exercise": COUNTED, "reps": LIBRARY.exercises[COUNTED].reps, "rest": 0},
        {"exercise": SIDED, "hold": LIBRARY.exercises[SIDED].hold, "rest": 10, "sides": "both"},
        {"exercise": TIMED, "hold": LIBRARY.exercises[TIMED].hold, "rest": 0}]}


def test_it_is_laid_out_as_a_built_in_routine_is():
    routine = own([{"exercise": SIDED, "hold": 30, "rest": 12}, {"exercise": COUNTED, "reps": 5}])
    kinds = [(segment.kind, segment.seconds, segment.side) for segment in routine.segments]
    switch = OWN_ROUTINES["switch_sides"]
    per_rep = LIBRARY.exercises[COUNTED].seconds_per_rep
    assert kinds == [("exercise", 30, "right"), ("switch", switch, "left"), ("exercise", 30, "left"),
                     ("rest", 12, None), ("exercise", 5 * per_rep, None)]
    assert routine.total_seconds == 60 + switch + 12 + 5 * per_rep
    assert Routine.segments is not None and type(routine).segments is Routine.segments


def test_one_side_only_and_the_cautions_come_from_its_exercises():
    routine = own([{"exercise": SIDED, "sides": "left"}])
    assert [segment.side for segment in routine.segments] == ["left"]
    assert own([{"exercise": TIMED}]).suits_a_bad_day
    assert not own([{"exercise": "glute-bridge"}]).suits_a_bad_day   # strength waits for a better day


@pytest.mark.parametrize(("field", "inside", "outside"), [
    ("hold", OWN_ROUTINES["hold"], (OWN_ROUTINES["hold"][0] - 1, OWN_ROUTINES["hold"][1] + 1)),
    ("reps", OWN_ROUTINES["reps"], (OWN_ROUTINES["reps"][0] - 1, OWN_ROUTINES["reps"][1] + 1)),
    ("rest", OWN_ROUTINES["rest"], (OWN_ROUTINES["rest"][0] - 1, OWN_ROUTINES["rest"][1] + 1)),
])
def test_every_dose_bound_holds_at_its_edges(field, inside, outside):
    exercise = COUNTED if field == "reps" else TIMED
    for value in inside:
        own([{"exercise": exercise, field: value}])
    for value in outside:
        message = refusal([{"exercise": exercise, field: value}])
        assert f"from {inside[0]} to {inside[1]}, not {value}" in message


def test_a_yes_or_no_is_not_a_number_of_seconds():
    assert "not True" in refusal([{"exercise": TIMED, "rest": True}])


def test_between_one_and_twenty_steps():
    fewest, most = OWN_ROUTINES["steps"]
    own([{"exercise": COUNTED, "reps": 1}] * most)
    assert "at least 1 item" in refusal([])
    assert f"at most {most} items" in refusal([{"exercise": COUNTED, "reps": 1}] * (most + 1))


def test_an_hour_at_most_as_laid_out():
    most = OWN_ROUTINES["most_seconds"]
    hold, rest = OWN_ROUTINES["hold"][1], OWN_ROUTINES["rest"][1]

    def steps(last_rest):
        # 14 steps of a 120 s hold and a 120 s rest, one more with last_rest, and a 5 s hold.
        return ([{"exercise": TIMED, "hold": hold, "rest": rest}] * 14
                + [{"exercise": TIMED, "hold": hold, "rest": last_rest}, {"exercise": TIMED, "hold": 5}])

    fits = most - 14 * (hold + rest) - hold - 5
    assert own(steps(fits)).total_seconds == most
    assert f"would last 61 minutes; keep it to {most // 60} minutes or less" in refusal(steps(fits + 1))


def test_doses_as_the_exercise_allows_and_sides_only_when_one_sided():
    assert "is counted: give reps" in refusal([{"exercise": COUNTED, "hold": 30}])
    assert "is timed: give hold" in refusal([{"exercise": TIMED, "reps": 5}])
    assert "is not one-sided" in refusal([{"exercise": COUNTED, "sides": "left"}])
    assert "unknown exercise 'lifting-a-car'" in refusal([{"exercise": "lifting-a-car"}])


def test_the_name_is_one_line_of_at_most_sixty_characters():
    assert own([{"exercise": TIMED}], name="  Evening  ").name == "Evening"
    own([{"exercise": TIMED}], name="x" * OWN_ROUTINES["name"])
    assert "at most 60 characters" in refusal([{"exercise": TIMED}], name="x" * (OWN_ROUTINES["name"] + 1))
    assert "one line" in refusal([{"exercise": TIMED}], name="Two\nlines")
    assert "at least 1 character" in refusal([{"exercise": TIMED}], name="   ")


def test_unknown_keys_are_refused():
    assert "Extra inputs are not permitted" in refusal([{"exercise": TIMED, "hold_for": 30}])


def test_an_own_routines_slug_is_its_prefix_and_id():
    assert slug_of("0b6c8f5e-1d2a-4f3b-9c4d-5e6f7a8b9c0d") == "own-0b6c8f5e-1d2a-4f3b-9c4d-5e6f7a8b9c0d"


def test_a_null_dose_side_or_rest_is_the_same_as_one_left_out():
    routine = own([{"exercise": SIDED, "hold": None, "sides": None, "rest": None},
                   {"exercise": COUNTED, "reps": None}])
    assert routine.definition() == own([{"exercise": SIDED}, {"exercise": COUNTED}]).definition()
