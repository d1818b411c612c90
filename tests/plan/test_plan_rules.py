"""My plan's rules over a simulated month and more: good weeks with routines done step up, a clearly
worse week steps back, a routine that made things worse twice is swapped, urgent answers point to
their tier of the warning signs, and symptoms lasting 6 weeks without a clear change, or 3 months,
send the person to their GP or physiotherapist."""
import re
from datetime import date, datetime, time, timedelta
from html import unescape
from itertools import combinations, pairwise
from types import SimpleNamespace

import pytest

from app import paths
from app.content.routines import load_library
from app.plan.picks import next_to, strength_days
from app.plan.rules import LEVELS, make_plan
from app.plan.schemas import DAYS
from app.plan.weeks import clear_leg_change, clear_points

ROUTINES = load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR).routines
DAY_ONE = date(2026, 11, 2)
SYMPTOMS = {"areas": ["buttock", "thigh"], "since": "weeks", "worse": ["sitting"], "eases": ["walking"],
            "leg_pain": 6, "walk_minutes": 10}
ACTIVITIES = {"activities": [{"name": "Walk to the shops", "score": 3},
                             {"name": "Sit through a film", "score": 2},
                             {"name": "Tie my shoes", "score": 4}]}
SCHEDULE = {"days": ["MO", "WE", "FR"], "time": "08:30", "minutes": 15, "zone": "Europe/London"}


# A routine finished every morning for months, so no step up waits for routines to be done.
EVERY_DAY = tuple(datetime.combine(DAY_ONE + timedelta(days=n), time(7)) for n in range(120))


def review(day, scores, leg_pain, numbness="same", weakness="same", warning_sign=False, **more):
    answers = {"foot_drags": False, "woken_most_nights": False, "struggling": False, **more}
    return SimpleNamespace(recorded_at=datetime.combine(day, time(9)), activities=scores, leg_pain=leg_pain,
                           numbness=numbness, weakness=weakness, warning_sign=warning_sign, **answers)


def verdict(day, routine, said):
    return SimpleNamespace(recorded_at=datetime.combine(day, time(10)), routine=routine, verdict=said)


def plan_on(today, reviews=(), feedback=(), symptoms=SYMPTOMS, choice=None, minutes=15, sessions=EVERY_DAY,
            checkins=(), days=SCHEDULE["days"]):
    at = datetime.combine(DAY_ONE, time(8))
    parts = {"symptoms": (symptoms, at), "activities": (ACTIVITIES, at),
             "schedule": ({**SCHEDULE, "minutes": minutes, "days": days}, at)}
    if choice is not None:
        parts["choice"] = choice
    return make_plan(parts, list(reviews), list(feedback), ROUTINES, today, sessions, checkins)


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
    bad = review(week(3), [3, 2, 3], 6)  # the activities' average down 2 points
    better = review(week(4), [5, 5, 5], 4)
    day = week(1)
    assert plan_on(day).review_due, "a week after the set-up the review is due"

    after_one = plan_on(day, [good1])
    assert after_one.level_name == "Building"
    assert after_one.walk_minutes == 10
    assert "no worse" in after_one.reasons[0] and "leg pain 6 → 5" in after_one.reasons[0]
    assert not after_one.review_due

    after_two = plan_on(week(2), [good1, good2])  # a Monday: a strength day
    assert after_two.level_name == "Steady"
    assert after_two.routines[0].slug == "strength-level-1", "a strength routine joins"
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
    assert after_four.reading[2].startswith(
        "Since you started, your everyday activities are easier (3.0 → 5.0")
    assert after_four.reading[3] == "Since you started, leg pain is less (6 → 4 out of 10)."


def test_the_top_step_suggests_longer_holds_and_stops_climbing():
    reviews = [review(week(n), [3 + n] * 3, 6 - n) for n in range(1, 6)]
    plan = plan_on(week(5), reviews)
    assert plan.level_name == LEVELS[-1]
    assert "at its top step" in plan.reasons[0]
    assert any("A bit longer" in reason for reason in plan.reasons)


@pytest.mark.parametrize(("answers", "tier"), [
    ({"warning_sign": True}, "now"),
    ({"weakness": "worse"}, "same-day"),
    ({"foot_drags": True}, "same-day"),
    ({"numbness": "worse", "weakness": "worse"}, "same-day"),
    ({"warning_sign": True, "weakness": "worse"}, "now"),
])
def test_urgent_answers_point_to_their_tier_of_the_warning_signs(answers, tier):
    good = review(week(1), [4, 3, 5], 5)
    plan = plan_on(week(2), [good, review(week(2), [5, 4, 5], 4, **answers)])
    assert (plan.status, plan.tier) == ("urgent", tier)
    assert plan.weeks[-1].move == "back"


def test_pain_in_both_legs_at_the_set_up_is_urgent_now_not_a_plan():
    plan = plan_on(DAY_ONE, symptoms={**SYMPTOMS, "leg": "both"})
    assert (plan.status, plan.tier) == ("urgent", "now")
    assert plan.urgent_because == "You said you feel it in both legs."
    for leg in ("left", "right", "moves", None):
        assert plan_on(DAY_ONE, symptoms={**SYMPTOMS, "leg": leg}).status == "plan", leg


def test_numbness_worse_alone_steps_back_and_suggests_the_gp_never_the_urgent_screen():
    good = review(week(1), [4, 3, 5], 5)
    plan = plan_on(week(2), [good, review(week(2), [5, 4, 5], 4, numbness="worse")])
    assert (plan.status, plan.tier) == ("see-someone", None)
    assert plan.weeks[-1].went == "worse" and plan.level_name == "Starting gently"
    assert any("Numbness was worse" in reason for reason in plan.see_someone)
    assert plan_on(week(2), [good, review(week(2), [5, 4, 5], 4, numbness="better")]).status == "plan"


def test_six_weeks_without_a_clear_change_says_see_your_gp_or_physiotherapist():
    flat = [review(week(n), [3, 3, 4], 6 - (n % 2)) for n in range(1, 7)]
    assert plan_on(week(5), flat[:5]).status == "plan"
    assert plan_on(week(6), flat).status == "see-someone"
    improving = [review(week(n), [3 + n, 3 + n, 4 + n], 6) for n in range(1, 7)]
    assert plan_on(week(6), improving).status == "plan"


@pytest.mark.parametrize(("since", "status", "long_lasting"), [
    ("weeks", "plan", False), ("months", "see-someone", False), ("long", "see-someone", True),
    ("years", "see-someone", True),
])
def test_symptoms_already_6_weeks_or_3_months_old_at_the_set_up_count(since, status, long_lasting):
    plan = plan_on(DAY_ONE, symptoms={**SYMPTOMS, "since": since})
    assert (plan.status, plan.long_lasting) == (status, long_lasting)
    assert plan.longer_lasting_lesson == "longer-than-three-months"


def test_the_count_runs_on_from_the_least_the_answer_allows():
    months = {**SYMPTOMS, "since": "months"}  # at least 6 weeks: 3 months after 7 more weeks
    assert not plan_on(DAY_ONE + timedelta(weeks=7) - timedelta(days=1), symptoms=months).long_lasting
    assert plan_on(DAY_ONE + timedelta(weeks=7), symptoms=months).long_lasting
    assert plan_on(DAY_ONE + timedelta(weeks=6) - timedelta(days=1)).status == "plan"
    assert plan_on(DAY_ONE + timedelta(weeks=6)).status == "see-someone"


@pytest.mark.parametrize(("leg_pain", "clear"), [(4, True), (5, False)])
def test_a_clear_improvement_in_leg_pain_ends_the_six_week_prompt(leg_pain, clear):
    """From 6: 4 is 2 points, clear; 5 is 1 point and 17%, not clear."""
    reviews = [review(week(n), [3, 3, 4], 6) for n in range(1, 6)] + [review(week(6), [3, 3, 4], leg_pain)]
    assert (plan_on(week(6), reviews).status == "plan") == clear


@pytest.mark.parametrize(("start", "now", "clear"), [
    (10, 7, True), (3, 2, True), (4, 3, False), (0, 1, False), (0, 2, True), (6, 4, True), (6, 5, False)])
def test_clear_leg_change_boundaries(start, now, clear):
    """30% exactly (10 → 7) is clear; 25% (4 → 3) is not; a start of 0 has no share, so 1 point is not."""
    assert clear_leg_change(start, now) is clear


@pytest.mark.parametrize(("scores", "went", "level"), [
    ([3, 2, 3], "worse", "Building"),  # 4.67 → 2.67: exactly 2 points down, a step back
    ([3, 3, 3], "steady", "Steady"),  # 1.67 down: within day-to-day ups and downs
])
def test_a_step_back_needs_the_activities_average_down_2_points(scores, went, level):
    good = [review(week(1), [4, 3, 5], 6), review(week(2), [5, 4, 5], 6)]
    plan = plan_on(week(3), [*good, review(week(3), scores, 6)])
    assert (plan.weeks[-1].went, plan.level_name) == (went, level)


def test_an_average_fall_of_1_9_is_not_clear_and_2_is():
    assert clear_points(5.0, 3.0) and clear_points(4 + 2 / 3, 2 + 2 / 3)
    assert not clear_points(5.0, 3.1)


def test_leg_pain_clearly_worse_steps_back_only_on_the_second_week_in_a_row():
    good = [review(week(1), [4, 3, 5], 4), review(week(2), [5, 4, 5], 4)]
    once = plan_on(week(3), [*good, review(week(3), [5, 4, 5], 6)])
    assert (once.weeks[-1].went, once.level_name) == ("worse", "Steady")
    assert once.reasons[0].endswith("needs two harder weeks in a row, so the plan stays at “Steady”.")
    twice = plan_on(week(4), [*good, review(week(3), [5, 4, 5], 6), review(week(4), [5, 4, 5], 8)])
    assert twice.level_name == "Building" and "stepped back" in twice.reasons[0]


def test_a_check_in_with_pain_further_down_the_leg_makes_a_worse_week():
    reviews = [review(week(1), [4, 3, 5], 5), review(week(2), [5, 4, 5], 4)]
    calf = [(at(week(2) - timedelta(days=2)), "calf")]  # the set-up said buttock and thigh
    assert plan_on(week(2), reviews, checkins=calf).weeks[-1].went == "worse"
    thigh = [(at(week(2) - timedelta(days=2)), "thigh")]
    assert plan_on(week(2), reviews, checkins=thigh).weeks[-1].went == "better"
    already = [(at(week(1) - timedelta(days=1)), "calf"), *calf]  # the calf the week before too
    assert plan_on(week(2), reviews, checkins=already).weeks[-1].went == "better"


@pytest.mark.parametrize(("done", "level"), [(1, "Starting gently"), (2, "Building")])
def test_a_step_up_needs_routines_done_in_the_week_before(done, level):
    sessions = [at(week(1) - timedelta(days=day)) for day in range(1, done + 1)]
    plan = plan_on(week(1), [review(week(1), [4, 3, 5], 5)], sessions=sessions)
    assert plan.level_name == level
    too_few = "but 1 routine in the week before it, and a step up needs at least 2"
    assert (too_few in plan.reasons[0]) == (done == 1)


@pytest.mark.parametrize(("extra", "words"), [
    ({"woken_most_nights": True}, "woke you on most nights"),
    ({"struggling": True}, "struggling to cope"),
])
def test_pain_waking_most_nights_or_struggling_to_cope_suggests_the_gp(extra, words):
    assert plan_on(week(1), [review(week(1), [4, 3, 5], 5)]).status == "plan"
    plan = plan_on(week(1), [review(week(1), [4, 3, 5], 5, **extra)])
    assert plan.status == "see-someone" and any(words in reason for reason in plan.see_someone)


@pytest.mark.parametrize(("pains", "status"), [((7, 7), "see-someone"), ((6, 7), "plan"), ((7, 6), "plan")])
def test_leg_pain_7_or_more_on_the_last_two_reviews_suggests_the_gp(pains, status):
    reviews = [review(week(n + 1), [4, 3, 5], pain) for n, pain in enumerate(pains)]
    assert plan_on(week(2), reviews, symptoms={**SYMPTOMS, "leg_pain": 7}).status == status


@pytest.mark.parametrize("chosen", [[], list(DAYS), ["SA"], ["MO", "TU"], ["TU", "FR"]])
def test_strength_days_are_two_or_three_never_two_running(chosen):
    days = strength_days(chosen)
    assert 2 <= len(days) <= 3 and not any(next_to(a, b) for a, b in combinations(days, 2)), days


@pytest.mark.parametrize("days", [["MO", "WE", "FR"], ["TU", "TH", "SA", "SU"]])
def test_a_strength_routine_comes_on_two_or_three_days_a_week_not_daily(days):
    reviews = [review(week(n), [3 + n] * 3, 5) for n in range(1, 3)]
    week_of = [plan_on(week(2) + timedelta(days=n), reviews, days=days) for n in range(7)]
    strong = [n for n, plan in enumerate(week_of)
              if any("strength" in routine.goals for routine in plan.routines)]
    assert 2 <= len(strong) <= 3 and all(b - a > 1 for a, b in pairwise(strong)), strong
    assert any("never two days running" in reason for reason in week_of[0].reasons)


def test_strength_climbs_a_level_every_two_good_weeks_and_back_with_the_plan():
    good = [review(week(n), [3 + n] * 3, 5) for n in range(1, 9)]
    levels = [plan_on(week(n), good[:n]).strength_level for n in range(1, 9)]
    assert levels == [0, 1, 1, 2, 2, 3, 3, 3]
    back = [*good[:6], review(week(7), [1, 1, 1], 5)]  # the average down 2 points or more
    plan = plan_on(week(7), back)
    assert (plan.level_name, plan.strength_level) == ("Steady", 2)
    again = plan_on(week(8), [*back, review(week(8), [1, 1, 1], 8)])  # a second worse week in a row
    assert (again.level_name, again.strength_level) == ("Building", 0)


def test_before_steady_there_is_no_strength_routine():
    for day in range(7):
        plan = plan_on(DAY_ONE + timedelta(days=day))
        assert not any("strength" in routine.goals for routine in plan.routines)


def test_no_reading_where_the_change_is_within_day_to_day_noise():
    plan = plan_on(week(1), [review(week(1), [4, 3, 4], 5)])
    *lines, note = plan.reading
    assert all("about the same" in line for line in lines) and "ordinary day-to-day ups and downs" in note


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


# --- What a plan holds, from a set-up with parts missing or given ---------------------------------------

def test_a_plan_from_symptoms_alone_uses_the_defaults():
    plan = make_plan({"symptoms": ({"leg_pain": 5}, at(DAY_ONE, 8))}, [], [], ROUTINES, DAY_ONE)
    assert (plan.status, plan.level, plan.activities, plan.schedule) == ("plan", 0, (), {})
    assert (plan.strength_level, plan.strength_days) == (0, ("MO", "WE", "FR"))  # days kept for later
    assert plan.walk_minutes == 4  # four fifths of the 5 minutes a set-up starts with
    assert sum(routine.total_seconds for routine in plan.routines) <= 11 * 60  # 10 minutes and one spare
    assert plan.weeks == () and plan.started == DAY_ONE
    assert plan.reasons[0].startswith("The plan starts at “Starting gently”.")


def test_a_plan_keeps_what_the_set_up_said():
    plan = plan_on(DAY_ONE, minutes=5, days=["TU", "TH"])
    assert plan.symptoms == SYMPTOMS
    assert plan.activities == tuple(ACTIVITIES["activities"])
    assert (plan.schedule["minutes"], plan.schedule["days"]) == (5, ["TU", "TH"])
    assert sum(routine.total_seconds for routine in plan.routines) <= 6 * 60


def test_the_schedules_minutes_are_what_limit_the_routines():
    def longest(minutes):
        return max(sum(routine.total_seconds for routine in plan_on(DAY_ONE + timedelta(days=day),
                                                                     minutes=minutes).routines)
                   for day in range(7))
    assert longest(5) <= 6 * 60 < longest(10)  # the same days, a longer choice: longer routines


def test_the_first_review_is_read_against_the_set_ups_activities():
    weeks = plan_on(week(1), [review(week(1), [1, 0, 1], 6)]).weeks
    assert (weeks[0].went, weeks[0].move) == ("worse", "back")  # a clear fall from the set-up's 3.0
    assert weeks[0].why == "last week was harder (activities 3.0 → 0.7, leg pain 6 → 6)"


def test_a_week_that_steps_back_or_up_says_only_why():
    reviews = [review(week(1), [3, 2, 4], 8), review(week(2), [1, 0, 1], 8)]
    first, second = plan_on(week(2), reviews).weeks
    assert first.why.endswith(", but a step back needs two harder weeks in a row")
    assert second.move == "back"
    assert second.why == "last week was harder (activities 3.0 → 0.7, leg pain 8 → 8)"
    up = plan_on(week(1), [review(week(1), [5, 5, 5], 5)]).weeks[0]
    assert (up.move, up.why) == ("up", "last week was no worse (activities 3.0 → 5.0, leg pain 6 → 5)")


def test_strength_days_come_from_the_schedule_from_steady():
    good = [review(week(n), [5, 5, 5], 5) for n in (1, 2)]  # two good weeks: up to Steady
    plan = plan_on(week(2), good, days=["TU", "TH"])
    assert plan.level_name == "Steady"
    assert (plan.strength_level, plan.strength_days) == (1, ("TU", "TH", "SA"))  # theirs first, then spread


@pytest.mark.parametrize(("since", "today", "long_lasting"), [
    pytest.param("weeks", DAY_ONE + timedelta(weeks=13) - timedelta(days=1), False,
                 id="started weeks ago: 3 months less a day after the set-up is not yet long-lasting"),
    pytest.param("weeks", DAY_ONE + timedelta(weeks=13), True, id="started weeks ago: 13 weeks after set-up"),
    pytest.param("months", DAY_ONE + timedelta(weeks=7) - timedelta(days=1), False,
                 id="started months ago: counted as 6 weeks, so 7 weeks less a day later is not yet"),
    pytest.param("months", DAY_ONE + timedelta(weeks=7), True, id="started months ago: 7 weeks later it is"),
    pytest.param(None, DAY_ONE + timedelta(weeks=13) - timedelta(days=1), False,
                 id="no answer to since when: counted from the set-up"),
])
def test_how_long_symptoms_have_lasted_counts_the_answer_to_since_when(since, today, long_lasting):
    symptoms = {key: value for key, value in SYMPTOMS.items() if key != "since"} | (
        {"since": since} if since else {})
    assert plan_on(today, symptoms=symptoms).long_lasting is long_lasting


def test_the_plan_says_why_it_suggests_the_gp_in_its_own_words():
    hard = review(week(1), [3, 3, 3], 7, numbness="worse", woken_most_nights=True, struggling=True)
    plan = plan_on(week(1), [review(week(0) + timedelta(days=3), [4, 3, 5], 7), hard])
    assert plan.see_someone == (
        "Your leg pain was 7 or more out of 10 in your last 2 reviews. Your GP can talk through what else "
        "might ease it.",
        "Leg pain woke you on most nights last week.",
        "You said you are struggling to cope. That is worth saying to your GP: there is help for the pain, "
        "and for how it is making you feel.",
        "Numbness was worse in your last review, so the plan has eased off. A GP or physiotherapist can "
        "check the nerve.",
    )
    assert plan.status == "see-someone"


@pytest.mark.parametrize(("since", "words"), [
    pytest.param("months", "It has been 6 weeks or more since your symptoms started, without a clear "
                 "improvement yet. That is common, and worth a check.", id="six weeks"),
    pytest.param("long", "Your symptoms have lasted 3 months or more. A review with your GP or "
                 "physiotherapist is worth having, if you have not had one since then.", id="three months"),
])
def test_the_time_based_reasons_to_see_someone_word_for_word(since, words):
    assert plan_on(DAY_ONE, symptoms=SYMPTOMS | {"since": since}).see_someone == (words,)


def test_a_review_without_the_later_questions_suggests_nothing_for_them():
    plain = SimpleNamespace(recorded_at=at(week(1), 9), activities=[3, 2, 4], leg_pain=5, numbness="same",
                            weakness="same", warning_sign=False, foot_drags=False)
    assert plan_on(week(1), [plain]).see_someone == ()


def test_urgent_answers_are_named_one_after_another():
    both = review(week(1), [3, 2, 4], 5, weakness="worse", foot_drags=True)
    plan = plan_on(week(1), [both])
    assert plan.status == "urgent"
    assert plan.urgent_because == (
        "In your last weekly review you said weakness in your leg or foot was getting worse. In your last "
        "weekly review you said your foot drags or slaps down when you walk.")


def test_a_swapped_routine_and_the_top_step_are_explained():
    chosen = ({"level": 3}, at(DAY_ONE, 9))
    first = next(slug for slug, routine in ROUTINES.items() if "flare-up" in routine.goals)
    worse = [verdict(DAY_ONE, first, "worse"), verdict(DAY_ONE + timedelta(days=1), first, "worse")]
    plan = plan_on(DAY_ONE + timedelta(days=2), feedback=worse, choice=chosen)
    title = ROUTINES[first].title
    assert (f"You said {title} made things worse twice, so the plan no longer suggests it and offers gentler "
            "ones instead. You can still choose it from Routines.") in plan.reasons
    assert plan.reasons[-1] == ("If stretches feel easy now, try holding them a bit longer: in Settings, "
                                "under “How long to hold each stretch”, choose “A bit longer”.")


def test_the_advice_to_hold_longer_names_the_setting_and_choice_settings_shows(client):
    """The plan and Settings read one name for each (app/rules.py): "Hold time" had drifted."""
    reviews = [review(week(n), [3 + n] * 3, 6 - n) for n in range(1, 6)]
    advice = plan_on(week(5), reviews).reasons[-1]
    named = re.findall(r"“([^”]+)”", advice)
    settings = unescape(client.get("/settings").get_data(as_text=True))
    assert len(named) == 2 and all(name in settings for name in named), named


def test_todays_words_follow_the_order_the_day_is_done_in():
    """Home's sentence and /plan's cards read the same order: before a walk, the walk, after it."""
    from app.api.plan import today_in_words
    after_walk = plan_on(week(1) + timedelta(days=6), [review(week(1), [5, 5, 5], 5)], minutes=20)
    day = [routine.slug if routine else "walk" for routine in after_walk.day]
    assert day == ["walk", "after-a-walk", "woken-by-leg-pain"]  # a routine for the night comes last
    assert today_in_words(after_walk) == "Walk 10 minutes, then “After a walk”, then “Woken by leg pain”."
    before_walk = plan_on(DAY_ONE)
    assert [routine.slug if routine else "walk" for routine in before_walk.day] == ["before-a-walk", "walk"]
    assert today_in_words(before_walk) == "“Before a walk”, then walk 8 minutes."
    assert set(after_walk.day) - {None} == set(after_walk.routines)  # every routine is on the day once


def test_a_review_made_today_is_said_at_the_top_that_day_only():
    good = [review(week(1), [5, 5, 5], 5)]
    assert plan_on(week(1), good).reviewed_today == (
        "Stepped up to “Building” because last week was no worse (activities 3.0 → 5.0, leg pain 6 → 5).")
    assert plan_on(week(1) + timedelta(days=1), good).reviewed_today == ""
    assert plan_on(DAY_ONE).reviewed_today == ""  # no review yet


def test_the_review_form_shows_what_the_next_review_is_compared_with():
    assert plan_on(DAY_ONE).last_answers == ([3, 2, 4], 6)  # the set-up's, before any review
    reviews = [review(week(1), [5, 5, 5], 5), review(week(2), [], 4)]  # the second rated no activities
    assert plan_on(week(2), reviews).last_answers == ([5, 5, 5], 4)
