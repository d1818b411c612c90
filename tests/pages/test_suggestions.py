"""Home's suggestions: chosen by rule, and never floor work for someone who has not said they can get down."""
from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from app.content import library
from app.content.models import TIMES_OF_DAY
from app.pages.home import NEEDS, need_suggestions, suggestions
from app.pages.routines import DOWN_LOW

A_WEEK = [date(2026, 11, 23) + timedelta(days=offset) for offset in range(7)]


@pytest.fixture
def routines(app):
    """The real routines, as home sees them."""
    with app.app_context():
        return list(library().routines.values())


def floor_work(routine):
    """The positions of a routine that need getting down low, if any."""
    return [position for position in routine.positions if position in DOWN_LOW]


@pytest.mark.parametrize("day", A_WEEK)
def test_no_time_of_day_suggestion_involves_the_floor(routines, day):
    picks = suggestions(routines, day)
    assert set(picks) == set(TIMES_OF_DAY), "every part of the day needs a suggestion"
    for part, routine in picks.items():
        assert floor_work(routine) == [], f"{part}: {routine.slug} goes down to the floor"


def test_no_answer_suggestion_involves_the_floor(routines):
    picks = need_suggestions(routines)
    assert [need.key for need, _ in picks] == [need.key for need in NEEDS], "every answer needs a suggestion"
    for need, routine in picks:
        assert floor_work(routine) == [], f"{need.key}: {routine.slug} goes down to the floor"


def test_a_part_of_day_picks_a_routine_meant_for_it_when_one_stays_off_the_floor(routines):
    for day in A_WEEK:
        for part, routine in suggestions(routines, day).items():
            meant = [other for other in routines if part in other.time_of_day and not floor_work(other)]
            if meant:
                assert routine in meant, f"{part}: {routine.slug} is not meant for the {part}"


def test_a_part_of_day_with_nothing_off_the_floor_gets_a_gentle_routine(routines):
    """Every night routine is done lying down, so night falls back to a gentle one done sitting or
    standing."""
    night = [routine for routine in routines
             if "night" in routine.time_of_day and not floor_work(routine)]
    assert night == [], "a floor-free night routine exists now: this fallback test can go"
    pick = suggestions(routines, A_WEEK[0])["night"]
    assert pick.suits_a_bad_day


def test_the_morning_suggestion_still_changes_from_day_to_day(routines):
    assert len({suggestions(routines, day)["morning"].slug for day in A_WEEK}) > 1


def picks_by_need(routines):
    return {need.key: routine for need, routine in need_suggestions(routines)}


def test_a_flare_up_gets_a_routine_that_suits_a_bad_day(routines):
    assert picks_by_need(routines)["flare-up"].suits_a_bad_day


def test_a_desk_break_is_short_and_starts_in_the_chair(routines):
    pick = picks_by_need(routines)["desk"]
    assert "sitting" in pick.positions
    assert set(pick.positions) <= {"sitting", "standing"}
    assert pick.total_seconds <= 5 * 60


def test_feeling_stiff_gets_a_routine_that_eases_stiffness(routines):
    assert "mobility" in picks_by_need(routines)["stiff"].goals


def test_no_floor_gets_a_routine_done_in_a_chair(routines):
    assert picks_by_need(routines)["no-floor"].positions == ("sitting",)


def test_each_answer_gets_its_own_routine_when_there_are_enough(routines):
    picks = picks_by_need(routines)
    assert len({routine.slug for routine in picks.values()}) == len(picks), picks


def made_up(slug, positions, goals=("everyday",), seconds=300, bad_day=True, times=("daytime",),
            kinds=("mobility",)):
    """A stand-in routine with only what the rule reads."""
    steps = [SimpleNamespace(exercise=SimpleNamespace(kind=kind)) for kind in kinds]
    return SimpleNamespace(slug=slug, positions=positions, goals=goals, total_seconds=seconds,
                           suits_a_bad_day=bad_day, time_of_day=times, steps=steps)


def test_the_rule_prefers_a_floor_free_flare_up_routine_once_there_is_one():
    seated_flare = made_up("seated-flare", ("sitting",), goals=("flare-up",),
                           kinds=("breathing", "mobility"))
    lying_flare = made_up("lying-flare", ("lying",), goals=("flare-up",),
                          kinds=("breathing", "rest-position"))
    walk = made_up("walk", ("standing",), kinds=("movement",))
    picks = picks_by_need([lying_flare, walk, seated_flare])
    assert picks["flare-up"].slug == "seated-flare"
    assert "lying-flare" not in {routine.slug for routine in picks.values()}


def test_with_nothing_off_the_floor_there_is_nothing_to_suggest():
    assert need_suggestions([made_up("down", ("lying",)), made_up("kneel", ("standing", "kneeling"))]) == []
    assert suggestions([made_up("down", ("lying",), times=TIMES_OF_DAY)], A_WEEK[0]) == {}
