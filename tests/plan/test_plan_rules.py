"""My plan's rules over a simulated month and more: good weeks step up, a bad week steps back,
a routine that made things worse twice is swapped, worsening goes to urgent help, and six
weeks without a clear change send the person to their GP or physiotherapist."""
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

import pytest

from app import paths
from app.content.routines import load_library
from app.plan.rules import LEVELS, make_plan

ROUTINES = load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR).routines
DAY_ONE = date(2026, 11, 2)
SYMPTOMS = {"areas": ["buttock", "thigh"], "since": "months", "worse": ["sitting"], "eases": ["walking"],
            "leg_pain": 6, "walk_minutes": 10}
ACTIVITIES = {"activities": [{"name": "Walk to the shops", "score": 3},
                             {"name": "Sit through a film", "score": 2},
                             {"name": "Tie my shoes", "score": 4}]}
SCHEDULE = {"days": ["MO", "WE", "FR"], "time": "08:30", "minutes": 15, "zone": "Europe/London"}


def review(day, scores, leg_pain, numbness="same", weakness="same", warning_sign=False):
    return SimpleNamespace(recorded_at=datetime.combine(day, time(9)), activities=scores, leg_pain=leg_pain,
                           numbness=numbness, weakness=weakness, warning_sign=warning_sign)


def verdict(day, routine, said):
    return SimpleNamespace(recorded_at=datetime.combine(day, time(10)), routine=routine, verdict=said)


def plan_on(today, reviews=(), feedback=(), symptoms=SYMPTOMS, choice=None, minutes=15):
    at = datetime.combine(DAY_ONE, time(8))
    parts = {"symptoms": (symptoms, at), "activities": (ACTIVITIES, at),
             "schedule": ({**SCHEDULE, "minutes": minutes}, at)}
    if choice is not None:
        parts["choice"] = choice
    return make_plan(parts, list(reviews), list(feedback), ROUTINES, today)


def at(day, hour=12):
    return datetime.combine(day, time(hour))


def week(number):
    return DAY_ONE + timedelta(weeks=number)


def test_no_plan_before_the_set_up():
    assert make_plan({}, [], [], ROUTINES, DAY_ONE).status == "none"


def test_day_one_starts_gently_and_says_how_it_will_move():
    plan = plan_on(DAY_ONE)
    assert (plan.status, plan.level_name) == ("plan", "Starting gently")
    assert len(plan.routines) == 1
    assert all(routine.suits_a_bad_day for routine in plan.routines)
    assert "steps up if the week was no worse" in plan.reasons[0]
    assert plan.walk_minutes == 8  # a little under the 10 comfortable minutes
    assert not plan.review_due


def test_a_simulated_month_good_weeks_a_bad_week_then_building_again():
    good1 = review(week(1), [4, 3, 5], 5)
    good2 = review(week(2), [5, 4, 5], 4)
    bad = review(week(3), [4, 3, 4], 6)
    better = review(week(4), [5, 5, 5], 4)
    day = week(1)
    assert plan_on(day).review_due, "a week after the set-up the review is due"

    after_one = plan_on(day, [good1])
    assert after_one.level_name == "Building"
    assert after_one.walk_minutes == 10
    assert "no worse" in after_one.reasons[0] and "leg pain 6 → 5" in after_one.reasons[0]
    assert not after_one.review_due

    after_two = plan_on(week(2), [good1, good2])
    assert after_two.level_name == "Steady"
    assert any("strength" in routine.goals for routine in after_two.routines), "a strength routine joins"
    assert after_two.walk_minutes == 12

    after_bad = plan_on(week(3), [good1, good2, bad])
    assert after_bad.level_name == "Building"
    assert "harder" in after_bad.reasons[0] and "stepped back" in after_bad.reasons[0]
    assert not any("strength" in routine.goals for routine in after_bad.routines)
    assert after_bad.walk_minutes == 10
    assert after_bad.status == "plan"

    after_four = plan_on(week(4), [good1, good2, bad, better])
    assert after_four.level_name == "Steady"
    assert [week.went for week in after_four.weeks] == ["better", "better", "worse", "better"]
    assert after_four.reading[0].startswith(
        "Your everyday activities are easier than at the start (3.0 → 5.0"
    )
    assert "Leg pain is less than at the start (6 → 4" in after_four.reading[1]


def test_the_top_step_suggests_longer_holds_and_stops_climbing():
    reviews = [review(week(n), [3 + n] * 3, 6 - n) for n in range(1, 6)]
    plan = plan_on(week(5), reviews)
    assert plan.level_name == LEVELS[-1]
    assert "at its top step" in plan.reasons[0]
    assert any("A bit longer" in reason for reason in plan.reasons)


def test_numbness_or_weakness_worse_or_a_warning_sign_leads_to_urgent_help():
    good = review(week(1), [4, 3, 5], 5)
    for worse in ({"numbness": "worse"}, {"weakness": "worse"}, {"warning_sign": True}):
        plan = plan_on(week(2), [good, review(week(2), [5, 4, 5], 4, **worse)])
        assert plan.status == "urgent", worse
    assert plan_on(week(2), [good, review(week(2), [5, 4, 5], 4, numbness="better")]).status == "plan"


def test_six_weeks_without_a_clear_change_says_see_your_gp_or_physiotherapist():
    flat = [review(week(n), [3, 3, 4], 6 - (n % 2)) for n in range(1, 7)]
    assert plan_on(week(5), flat[:5]).status == "plan"
    assert plan_on(week(6), flat).status == "see-someone"
    improving = [review(week(n), [3 + n, 3 + n, 4 + n], 6) for n in range(1, 7)]
    assert plan_on(week(6), improving).status == "plan"


def test_no_reading_where_the_change_is_within_day_to_day_noise():
    plan = plan_on(week(1), [review(week(1), [4, 3, 4], 5)])
    assert all("no clear change yet" in line for line in plan.reading)


def test_a_routine_that_made_things_worse_twice_is_swapped_with_an_honest_note():
    first = plan_on(DAY_ONE).routines[0]
    feedback = [verdict(DAY_ONE, first.slug, "worse"),
                verdict(DAY_ONE + timedelta(days=1), first.slug, "worse")]
    once = plan_on(DAY_ONE, feedback=feedback[:1])
    assert first in once.routines, "once can be a bad day: it stays"
    for day in range(7):
        plan = plan_on(DAY_ONE + timedelta(days=day), feedback=feedback)
        assert first not in plan.routines and plan.routines
    assert any(f"You said {first.title} made things worse twice" in reason for reason in plan.reasons)


@pytest.mark.parametrize(("worse", "bends"), [("backward", "backward"), ("forward", "forward")])
def test_a_bend_that_makes_the_leg_worse_is_left_out_every_day(worse, bends):
    symptoms = {**SYMPTOMS, "worse": [worse]}
    reviews = [review(week(n), [4 + n] * 3, 5) for n in range(1, 4)]
    for day in range(14):
        plan = plan_on(week(3) + timedelta(days=day), reviews, symptoms=symptoms, minutes=20)
        for routine in plan.routines:
            assert all(step.exercise.bends != bends for step in routine.steps), routine.slug
    bending = f"bending {'backwards' if worse == 'backward' else 'forward'}"
    assert any(bending in reason for reason in plan.reasons)


def test_the_person_can_override_the_step_and_the_reviews_carry_on_from_it():
    good = review(week(1), [4, 3, 5], 5)
    chosen_at = at(week(1) + timedelta(days=1))
    chosen = plan_on(week(1) + timedelta(days=2), [good], choice=({"level": 0}, chosen_at))
    assert chosen.level_name == "Starting gently"
    assert "You chose “Starting gently” yourself" in chosen.reasons[0]
    later = plan_on(week(2), [good, review(week(2), [5, 4, 5], 4)], choice=({"level": 0}, chosen_at))
    assert later.level_name == "Building"


def test_routines_fit_the_minutes_chosen():
    for minutes in (5, 10, 15, 20):
        for day in range(7):
            plan = plan_on(DAY_ONE + timedelta(days=day), minutes=minutes)
            total = sum(routine.total_seconds for routine in plan.routines)
            assert total <= minutes * 60 + 60 or len(plan.routines) == 1


def test_walking_that_hurts_builds_by_smaller_steps():
    symptoms = {**SYMPTOMS, "worse": ["walking"], "walk_minutes": 5}
    reviews = [review(week(n), [4 + n] * 3, 5) for n in range(1, 4)]
    assert plan_on(week(3), reviews, symptoms=symptoms).walk_minutes == 4 + 3


def test_bad_day_routines_are_gentle():
    plan = plan_on(DAY_ONE)
    assert plan.bad_day_routines
    assert all(routine.suits_a_bad_day and "flare-up" in routine.goals for routine in plan.bad_day_routines)
