"""The strength routines: three levels that never bend the lower back, each asking no less than the
one before."""
from itertools import pairwise

import pytest

from app import paths
from app.content.routines import load_library

LIBRARY = load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR)
LEVELS = [LIBRARY.routines[f"strength-level-{number}"] for number in (1, 2, 3)]
# The moves the strength routines were asked to bring in, all of them by the top level.
PROGRESSIONS = {"side-lying-hip-lift", "calf-raise", "wall-sit", "supported-split-squat", "step-up",
                "bird-dog"}
GENTLE = {"glute-bridge", "side-lying-hip-lift", "calf-raise", "sit-to-stand"}


def work(routine):
    """What a routine asks of each exercise: reps, or seconds held, over every set and side."""
    done = {}
    for step in routine.steps:
        amount = (step.reps or step.hold) * (len(step.sides) or 1)
        done[step.exercise.id] = done.get(step.exercise.id, 0) + amount
    return done


def working_seconds(routine):
    """Seconds spent exercising, without rests and side switches."""
    return sum(step.seconds_per_side * (len(step.sides) or 1) for step in routine.steps)


@pytest.mark.parametrize("number", [1, 2, 3])
def test_each_level_is_strength_work_that_bends_the_back_neither_way(number):
    routine = LEVELS[number - 1]
    where = f"routines/{routine.slug}.toml"
    assert routine.title == f"Strength without back bends: level {number}"
    assert "strength" in routine.goals
    for step in routine.steps:
        assert step.exercise.kind == "strength", f"{where}: {step.exercise.id} is not strength work"
        bends = step.exercise.bends
        assert bends is None, f"{where}: {step.exercise.id} bends the back {bends}"
    assert 3 * 60 <= routine.total_seconds <= 20 * 60


def test_level_one_keeps_to_the_gentle_moves_and_level_three_has_them_all():
    assert set(work(LEVELS[0])) == GENTLE, \
        "level 1: side-lying hip lift, small bridges, calf raises and sit to stand"
    assert PROGRESSIONS <= set(work(LEVELS[2])), "level 3 brings in every progression"


@pytest.mark.parametrize(("easier", "harder"), list(pairwise(LEVELS)), ids=["1-to-2", "2-to-3"])
def test_each_level_asks_no_less_of_any_exercise_than_the_one_before(easier, harder):
    before, after = work(easier), work(harder)
    for exercise, amount in before.items():
        assert after.get(exercise, 0) >= amount, f"{harder.slug} asks less {exercise} than {easier.slug}"
    assert set(after) > set(before), f"{harder.slug} should add an exercise"
    assert working_seconds(harder) > working_seconds(easier)


@pytest.mark.parametrize("number", [1, 2, 3])
def test_each_level_says_where_to_start_and_when_to_move_up(number):
    for_whom = LEVELS[number - 1].for_whom
    assert "two weeks" in for_whom and "no worse the next day" in for_whom
    if number == 1:
        assert for_whom.startswith("Start here") and "level 2" in for_whom
    else:
        assert f"after about two weeks of level {number - 1}" in for_whom \
            or f"after at least two weeks of level {number - 1}" in for_whom


@pytest.mark.parametrize("routine", LEVELS, ids=lambda routine: routine.slug)
def test_every_step_says_when_to_ease_off_and_when_to_stop(routine):
    assert any("warning sign" in reason for reason in routine.skip_if)
    for step in routine.steps:
        ease_off_if = step.exercise.ease_off_if
        assert "Stop if" in ease_off_if and "leg" in ease_off_if.split("Stop if")[1], \
            f"routines/exercises/{step.exercise.id}.toml: say when to ease off and when to stop"


# Cautions a physiotherapist asked for, each in the field a person reads it in.
CAUTIONS = [
    ("wall-sit", "instructions", "knees bend only partly"),
    ("wall-sit", "ease_off_if", "pain in your knee"),
    ("wall-sit", "skip_if", "knees hurt"),
    ("step-up", "instructions", "bottom stair"),
    ("step-up", "instructions", "hand on the banister"),
    ("step-up", "skip_if", "unsteady"),
    ("supported-split-squat", "instructions", "back of a sturdy chair"),
    ("calf-raise", "instructions", "back of a sturdy chair"),
    ("bird-dog", "instructions", "keep your back level"),
    ("bird-dog", "ease_off_if", "back sags"),
    ("side-lying-hip-lift", "instructions", "hips stacked"),
]


@pytest.mark.parametrize(("exercise_id", "field", "words"), CAUTIONS)
def test_strength_exercise_keeps_its_caution(exercise_id, field, words):
    text = getattr(LIBRARY.exercises[exercise_id], field) or ""
    assert words in text, f"routines/exercises/{exercise_id}.toml: {field}: keep {words!r}"

