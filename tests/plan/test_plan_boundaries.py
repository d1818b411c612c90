"""My plan's numbers, each pinned on both sides of its boundary: a table a clinician can check against
the lessons without reading the code. Each case is named for what it means to the person.

The plan's own module docstrings (app/plan/rules.py, weeks.py, picks.py) state the same rules in words.
"""
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.plan.picks import left_out, next_to, pick_routines, strength_days, swapped_out, the_day, walk_goal
from app.plan.rules import (
    Week,
    explain_level,
    fold_weeks,
    moved,
    next_move,
    see_someone,
    strength_at,
    strength_words,
    why_it_stayed,
)
from app.plan.weeks import (
    activities_averages,
    baselines,
    clear_leg_change,
    clear_points,
    furthest,
    how_the_week_went,
    reading,
    spread_further,
    steps_back_at_once,
    what_changed,
)

MONDAY = date(2026, 11, 23)


def review(activities=(5, 5), leg_pain=5, numbness="same", **answers):
    """A weekly review's answers, as the plan's rules read them."""
    calm = {"weakness": "none", "warning_sign": False, "foot_drags": False}
    return SimpleNamespace(activities=list(activities), leg_pain=leg_pain, numbness=numbness,
                           **(calm | answers))


def case(meaning, *values):
    return pytest.param(*values, id=meaning)


# --- A clear change: 2 points, or 30% of leg pain's starting figure ---------------------------------

@pytest.mark.parametrize(("before", "now", "clear"), [
    case("activities 2 points easier is a clear change", 4.0, 6.0, True),
    case("activities 1.9 points easier is not", 4.0, 5.9, False),
    case("activities 2 points harder is a clear change", 6.0, 4.0, True),
    case("activities 1.9 points harder is not", 6.0, 4.1, False),
    case("averages of whole scores that differ by exactly 2 are clear", 4 + 2 / 3, 2 + 2 / 3, True),
])
def test_a_clear_change_in_a_0_to_10_figure(before, now, clear):
    assert clear_points(before, now) is clear


@pytest.mark.parametrize(("before", "now", "clear"), [
    case("leg pain 6 to 4 (2 points) is clear", 6, 4, True),
    case("leg pain 6 to 5 (1 point, 17%) is not", 6, 5, False),
    case("leg pain 10 to 7 (30% exactly) is clear", 10, 7, True),
    case("leg pain 10 to 8 (20%, 2 points) is clear by its points", 10, 8, True),
    case("leg pain 3 to 2 (33%) is clear", 3, 2, True),
    case("leg pain 4 to 3 (25%) is not", 4, 3, False),
    case("leg pain 0 to 1 has no share to count: not clear", 0, 1, False),
    case("leg pain 0 to 2 is clear by its points", 0, 2, True),
    case("leg pain 1 to 0 (100%) is clear", 1, 0, True),
])
def test_a_clear_change_in_leg_pain(before, now, clear):
    assert clear_leg_change(before, now) is clear


# --- How a week went, against the week before ------------------------------------------------------

@pytest.mark.parametrize(("before_scores", "before_leg", "week", "went"), [
    case("activities and leg pain the same: no worse", [5, 5], 5, review((5, 5), 5), "better"),
    case("activities half a point easier, leg pain the same: no worse",
         [5, 5], 5, review((5, 6), 5), "better"),
    case("activities half a point harder: a little mixed", [5, 5], 5, review((5, 4), 5), "steady"),
    case("leg pain 1 point higher (20%): a little mixed", [5, 5], 5, review((5, 5), 6), "steady"),
    case("leg pain 1 point lower, activities the same: no worse", [5, 5], 5, review((5, 5), 4), "better"),
    case("leg pain 5 to 7 (2 points): harder", [5, 5], 5, review((5, 5), 7), "worse"),
    case("activities 2 points harder on average: harder", [5, 5], 5, review((3, 3), 5), "worse"),
    case("activities 1.5 points harder on average: a little mixed", [5, 5], 5, review((3, 4), 5), "steady"),
    case("numbness worse alone: harder", [5, 5], 5, review((5, 5), 5, numbness="worse"), "worse"),
    case("a warning sign: urgent", [5, 5], 5, review((5, 5), 5, warning_sign=True), "urgent"),
    case("leg pain 3 to 4 (1 point, 33%): harder", [5, 5], 3, review((5, 5), 4), "worse"),
    case("no leg pain figure to compare, activities the same: no worse", [5, 5], None, review((5, 5), 8),
         "better"),
    case("no activities at the start: read by leg pain alone", [], 5, review((5, 5), 5), "better"),
])
def test_how_a_week_went(before_scores, before_leg, week, went):
    assert how_the_week_went(before_scores, before_leg, week)[0] == went


@pytest.mark.parametrize(("before_scores", "before_leg", "week", "spread", "words"), [
    case("urgent", [5], 5, review((5,), 5, foot_drags=True), False,
         "you answered a warning sign, or weakness was getting worse"),
    case("spreading", [5, 5], 5, review((5, 6), 5), True,
         "your pain reached further down the leg in a check-in last week"
         " (activities 5.0 → 5.5, leg pain 5 → 5)"),
    case("numbness", [5], None, review((5,), 5, numbness="worse"), False,
         "numbness was worse last week (activities 5.0 → 5.0)"),
    case("harder", [5], 5, review((3,), 5), False,
         "last week was harder (activities 5.0 → 3.0, leg pain 5 → 5)"),
    case("no worse", [], 5, review((), 4), False, "last week was no worse (leg pain 5 → 4)"),
    case("mixed", [5], 5, review((5,), 6), False,
         "last week was a little mixed (activities 5.0 → 5.0, leg pain 5 → 6)"),
    case("nothing to compare", [], None, review((), 5), False, "last week was no worse"),
])
def test_what_the_plan_says_about_a_week(before_scores, before_leg, week, spread, words):
    assert how_the_week_went(before_scores, before_leg, week, spread)[1] == words


NOT_CLEAR = "“About the same” means a change within ordinary day-to-day ups and downs."
KEEPS_RISING = "If it keeps rising, see your GP."


@pytest.mark.parametrize(("scores", "later", "leg_pains", "lines"), [
    case("both clearly better", [4, 5], [7, 7], (6, 2), (
        "Since you started, your everyday activities are easier (4.5 → 7.0 out of 10).",
        "Since you started, leg pain is less (6 → 2 out of 10).")),
    case("both clearly worse", [7, 7], [4, 4], (4, 7), (
        "Since you started, your everyday activities are harder (7.0 → 4.0 out of 10). If they keep "
        "getting harder, see your GP.",
        f"Since you started, leg pain is worse (4 → 7 out of 10). {KEEPS_RISING}")),
    case("neither clear", [5, 4, 5], [5, 5, 6], (5, 6), (
        "Since you started, your everyday activities: about the same (4.7 → 5.3 out of 10).",
        "Since you started, leg pain: about the same (5 → 6 out of 10).", NOT_CLEAR)),
    case("a 2-point rise in leg pain is never ordinary", [5], [5], (5, 7), (
        "Since you started, your everyday activities: about the same (5.0 → 5.0 out of 10).",
        f"Since you started, leg pain is worse (5 → 7 out of 10). {KEEPS_RISING}", NOT_CLEAR)),
])
def test_the_reading_since_the_start(scores, later, leg_pains, lines):
    start, now = leg_pains
    activities = [{"name": f"Activity {n}", "score": score} for n, score in enumerate(scores)]
    latest = SimpleNamespace(**vars(review(later, now)), recorded_at=datetime(2026, 12, 1))
    assert reading(activities, {"leg_pain": start}, [latest]) == lines


def test_after_two_reviews_the_reading_says_since_last_week_then_since_you_started():
    activities = [{"name": "Walk", "score": 4}, {"name": "Sit", "score": 4}]
    week_one = reviewed(datetime(2026, 11, 28), (5, 5), 5)
    week_two = reviewed(datetime(2026, 12, 5), (3, 3), 7)
    # read in time order, whatever the order given
    assert reading(activities, {"leg_pain": 6}, [week_two, week_one]) == (
        "Since last week, your everyday activities are harder (5.0 → 3.0 out of 10). If they keep getting "
        "harder, see your GP.",
        f"Since last week, leg pain is worse (5 → 7 out of 10). {KEEPS_RISING}",
        "Since you started, your everyday activities: about the same (4.0 → 3.0 out of 10).",
        "Since you started, leg pain: about the same (6 → 7 out of 10).", NOT_CLEAR)


def test_the_reading_since_last_week_uses_the_numbers_the_week_was_judged_on():
    """A review that rated no activities is compared, as the week is, with the scores before it."""
    activities = [{"name": "Walk", "score": 2}]
    rated = reviewed(datetime(2026, 11, 28), (6,), 5)
    unrated = reviewed(datetime(2026, 12, 5), (), 5)
    later = reviewed(datetime(2026, 12, 12), (3,), 5)
    lines = reading(activities, {"leg_pain": 5}, [rated, unrated, later])
    assert lines[0].startswith("Since last week, your everyday activities are harder (6.0 → 3.0")
    assert how_the_week_went([6], 5, later)[1].startswith("last week was harder (activities 6.0 → 3.0")


@pytest.mark.parametrize(("activities", "symptoms", "reviews", "found"), [
    case("before any review: the set-up", [{"score": 3}, {"score": 5}], {"leg_pain": 6}, [],
         [([3, 5], 6)]),
    case("no set-up answers", [], {}, [], [([], None)]),
    case("each review after the one before it", [{"score": 3}], {"leg_pain": 6},
         [review((4,), 5), review((6,), 2)], [([3], 6), ([4], 5), ([6], 2)]),
    case("a review that rated nothing keeps the scores before it", [{"score": 3}], {"leg_pain": 6},
         [review((), 5)], [([3], 6), ([3], 5)]),
])
def test_what_each_review_is_compared_with(activities, symptoms, reviews, found):
    assert [(list(scores), leg) for scores, leg in baselines(activities, symptoms, reviews)] == found


@pytest.mark.parametrize(("lists", "averages"), [
    case("only the activities every list rated count", ([5, 5, 2], [7, 7]), (5.0, 7.0)),
    case("a list with no scores has no average", ([5], []), (5.0, None)),
])
def test_activities_are_averaged_over_the_ones_both_weeks_rated(lists, averages):
    assert activities_averages(*lists) == averages


def test_how_far_down_the_leg_follows_the_leg_not_the_alphabet():
    assert furthest(["foot", "thigh", "buttock"]) == "foot"
    assert furthest([]) == "none"


WEEK_START, WEEK_END = datetime(2026, 11, 23), datetime(2026, 11, 30)


@pytest.mark.parametrize(("checkins", "symptoms", "spread"), [
    case("the calf this week after the thigh before it: spreading",
         [(WEEK_START - timedelta(days=1), "thigh"), (WEEK_START + timedelta(days=2), "calf")], {}, True),
    case("a check-in at the very start belongs to the week",
         [(WEEK_START - timedelta(days=1), "thigh"), (WEEK_START, "calf")], {}, True),
    case("a check-in at the very end belongs to the week",
         [(WEEK_START - timedelta(days=1), "thigh"), (WEEK_END, "calf")], {}, True),
    case("after the week's end: not this week's",
         [(WEEK_START - timedelta(days=1), "thigh"), (WEEK_END + timedelta(seconds=1), "calf")], {}, False),
    case("no check-in before: the set-up's areas are the start",
         [(WEEK_START, "calf")], {"areas": ["back", "below-knee"]}, False),
    case("no check-in before and no areas: anything down the leg is further",
         [(WEEK_START, "buttock")], {}, True),
])
def test_pain_spreading_further_within_a_week(checkins, symptoms, spread):
    assert spread_further(symptoms, checkins, WEEK_START, WEEK_END) is spread


def test_pain_reaching_further_down_the_leg_makes_a_week_harder_whatever_the_figures():
    assert how_the_week_went([5, 5], 5, review((6, 6), 4), spread=True)[0] == "worse"


@pytest.mark.parametrize(("week", "at_once"), [
    case("activities 2 points harder: back at once", review((3, 3)), True),
    case("activities 1.5 points harder: not at once", review((3, 4)), False),
    case("numbness worse: back at once", review(numbness="worse"), True),
    case("leg pain clearly worse alone: not at once", review(leg_pain=8), False),
])
def test_which_harder_weeks_step_back_at_once(week, at_once):
    assert steps_back_at_once([5, 5], week) is at_once


# --- Stepping up and back ----------------------------------------------------------------------------

@pytest.mark.parametrize(("went", "week_before", "at_once", "done", "move"), [
    case("no worse with 2 routines done: up", "better", None, False, 2, "up"),
    case("no worse with 1 routine done: stays", "better", None, False, 1, "stay"),
    case("a little mixed with 5 routines: stays", "steady", None, False, 5, "stay"),
    case("one harder week (leg pain): stays", "worse", "better", False, 3, "stay"),
    case("a second harder week running: back", "worse", "worse", False, 3, "back"),
    case("a harder week after an urgent one: back", "worse", "urgent", False, 3, "back"),
    case("a harder week that steps back at once: back", "worse", "better", True, 3, "back"),
    case("an urgent answer: back", "urgent", "better", False, 3, "back"),
])
def test_the_move_after_a_week(went, week_before, at_once, done, move):
    assert next_move(went, week_before, at_once, done) == move


@pytest.mark.parametrize(("move", "before", "after"), [
    case("up from Starting gently: Building, one walk step more", "up", (0, 0, 0), (1, 1, 0)),
    case("up at the top step stays at the top", "up", (3, 5, 4), (3, 6, 5)),
    case("up from Steady counts a strength week", "up", (2, 2, 1), (3, 3, 2)),
    case("back from Building: Starting gently, a walk step less", "back", (1, 2, 0), (0, 1, 0)),
    case("back at the gentlest step stays there, walk never below its start", "back", (0, 0, 0), (0, 0, 0)),
    case("back from Stronger takes strength back a level", "back", (3, 4, 5), (2, 3, 2)),
    case("back below Steady stops strength", "back", (2, 3, 3), (1, 2, 0)),
    case("staying changes nothing", "stay", (2, 3, 3), (2, 3, 3)),
    case("back from Steady after strength weeks clears them", "back", (2, 3, 4), (1, 2, 0)),
    case("back from Stronger after 1 strength week: strength starts over", "back", (3, 4, 1), (2, 3, 0)),
])
def test_what_a_move_does(move, before, after):
    assert moved(move, *before) == after


@pytest.mark.parametrize(("went", "done", "words"), [
    case("no worse but 1 routine done", "better", 1,
         ", but 1 routine in the week before it, and a step up needs at least 2"),
    case("no worse but none done", "better", 0,
         ", but 0 routines in the week before it, and a step up needs at least 2"),
    case("no worse with 2 done: nothing to add", "better", 2, ""),
    case("one harder week", "worse", 0,
         ", but a step back needs two harder weeks in a row"),
    case("a little mixed", "steady", 5, ""),
])
def test_why_the_plan_stayed_where_it_was(went, done, words):
    assert why_it_stayed(went, done) == words


@pytest.mark.parametrize(("level", "strength_weeks", "strength"), [
    case("below Steady: no strength work", 1, 5, 0),
    case("at Steady, first weeks: level 1", 2, 0, 1),
    case("1 good week is not yet 2: still level 1", 2, 1, 1),
    case("after 2 good weeks: level 2", 2, 2, 2),
    case("after 4 good weeks: level 3", 3, 4, 3),
    case("never above level 3", 3, 9, 3),
])
def test_the_strength_level(level, strength_weeks, strength):
    assert strength_at(level, strength_weeks) == strength


# --- When the plan suggests the GP or physiotherapist ----------------------------------------------

SYMPTOMS = {"leg_pain": 6}
ACTIVITIES = [{"name": "Walk", "score": 5}]


@pytest.mark.parametrize(("lasted", "prompted"), [
    case("6 weeks less a day without a clear change: not yet", timedelta(weeks=6) - timedelta(days=1), False),
    case("6 weeks without a clear change: suggests a check", timedelta(weeks=6), True),
])
def test_six_weeks_without_a_clear_improvement(lasted, prompted):
    reasons = see_someone(SYMPTOMS, ACTIVITIES, [review((5,), 6)], lasted)
    assert any("6 weeks" in reason for reason in reasons) is prompted


@pytest.mark.parametrize(("lasted", "prompted"), [
    case("13 weeks less a day: not yet the 3-month review", timedelta(weeks=13) - timedelta(days=1), False),
    case("13 weeks (about 3 months): a review is worth having", timedelta(weeks=13), True),
])
def test_three_months_in_any_case(lasted, prompted):
    better = review((8,), 2)  # a clear improvement does not stop the 3-month prompt
    reasons = see_someone(SYMPTOMS, ACTIVITIES, [better], lasted)
    assert any("3 months" in reason for reason in reasons) is prompted


@pytest.mark.parametrize(("leg_pains", "prompted"), [
    case("leg pain 7 at the last two reviews: suggests the GP", (7, 7), True),
    case("leg pain 6 then 7: not yet", (6, 7), False),
    case("leg pain 7 at one review only: not yet", (7,), False),
])
def test_high_leg_pain_at_two_reviews_running(leg_pains, prompted):
    reasons = see_someone(SYMPTOMS, ACTIVITIES, [review((5,), pain) for pain in leg_pains], timedelta(0))
    assert any("7 or more" in reason for reason in reasons) is prompted


# --- Walking, strength days and what is left out ------------------------------------------------------

@pytest.mark.parametrize(("comfortable", "worse", "steps", "minutes"), [
    case("starts at four fifths of what is comfortable: 10 gives 8", 10, [], 0, 8),
    case("four fifths rounds down: 9 gives 7", 9, [], 0, 7),
    case("never under 2 minutes: 2 gives 2", 2, [], 0, 2),
    case("each step up adds 2 minutes", 10, [], 3, 14),
    case("when walking makes it worse, 1 minute a step", 10, ["walking"], 3, 11),
    case("60 minutes exactly is allowed", 60, [], 6, 60),
    case("never over 60 minutes", 60, [], 7, 60),
])
def test_the_walking_goal(comfortable, worse, steps, minutes):
    assert walk_goal({"walk_minutes": comfortable, "worse": worse}, steps) == minutes


@pytest.mark.parametrize(("day", "other", "next_door"), [
    case("Monday and Tuesday run on", "MO", "TU", True),
    case("Sunday and Monday run on", "SU", "MO", True),
    case("Monday and Wednesday have a day between", "MO", "WE", False),
])
def test_strength_days_never_run_on(day, other, next_door):
    assert next_to(day, other) is next_door


@pytest.mark.parametrize(("chosen", "days"), [
    case("three chosen days apart are kept", ["MO", "WE", "FR"], ("MO", "WE", "FR")),
    case("at most three days", ["MO", "WE", "FR", "SU"], ("MO", "WE", "FR")),
    case("a day next to a chosen one is skipped", ["MO", "TU"], ("MO", "WE", "FR")),
])
def test_strength_days(chosen, days):
    assert strength_days(chosen) == days


def routine(slug, seconds, positions=("standing",), bends=None, kind="stretch", goals=("mobility",),
            bad_day=True):
    steps = [SimpleNamespace(exercise=SimpleNamespace(position=position, bends=bends, kind=kind))
             for position in positions]
    return SimpleNamespace(slug=slug, total_seconds=seconds, steps=steps, goals=list(goals),
                           suits_a_bad_day=bad_day, title=slug)


@pytest.mark.parametrize(("positions", "left"), [
    case("half the steps sitting is not 'mostly sitting'", ("sitting", "standing"), False),
    case("two of three steps sitting is mostly sitting", ("sitting", "sitting", "standing"), True),
])
def test_mostly_sitting_is_more_than_half(positions, left):
    assert bool(left_out(routine("r", 300, positions), {"worse": ["sitting"]})) is left


@pytest.mark.parametrize(("seconds", "fits"), [
    case("a routine a minute over the person's 10 minutes fits", 11 * 60, True),
    case("a routine a minute and a second over does not", 11 * 60 + 1, False),
])
def test_a_routine_fits_the_minutes_with_a_minute_to_spare(seconds, fits):
    shortest = routine("a-short-one", 60)
    picks, _ = pick_routines({"long": routine("long", seconds), "short": shortest}, {}, 10, 1, set(), MONDAY)
    chosen = {pick.slug for pick in picks}
    assert ("long" in chosen) is fits


@pytest.mark.parametrize(("times", "swapped"), [
    case("said worse twice: swapped for a gentler one", 2, True),
    case("said worse once: still suggested", 1, False),
])
def test_a_routine_said_worse_twice_is_swapped(times, swapped):
    feedback = [SimpleNamespace(routine="desk-break", verdict="worse")] * times
    assert ("desk-break" in swapped_out(feedback)) is swapped


# --- Weeks in time order, and the person's own choice of step -----------------------------------------

def reviewed(on, activities=(5, 5), leg_pain=5, **answers):
    return SimpleNamespace(**vars(review(activities, leg_pain, **answers)), recorded_at=on)


SUNDAY = datetime(2026, 11, 29, 18, 0)
EASY_WEEK = [SUNDAY - timedelta(days=2), SUNDAY - timedelta(days=1)]  # two routines: enough to step up


def fold(reviews, choice=None, sessions=()):
    return fold_weeks({"leg_pain": 5}, [{"name": "Walk", "score": 5}, {"name": "Sit", "score": 5}],
                      reviews, choice, sessions)


def test_reviews_are_read_in_time_order_whatever_order_they_come_in():
    later, first = reviewed(SUNDAY + timedelta(weeks=1)), reviewed(SUNDAY)
    sessions = [*EASY_WEEK, *(moment + timedelta(weeks=1) for moment in EASY_WEEK)]
    weeks = fold([later, first], sessions=sessions)
    assert [(week.on, week.level) for week in weeks] == [(first.recorded_at.date(), 1),
                                                         (later.recorded_at.date(), 2)]


@pytest.mark.parametrize(("sessions", "move"), [
    case("a routine exactly a week before the review counts", [SUNDAY - timedelta(weeks=1), SUNDAY], "up"),
    case("a routine at the very moment of the review counts", [SUNDAY - timedelta(days=3), SUNDAY], "up"),
    case("a routine a second more than a week before does not",
         [SUNDAY - timedelta(weeks=1, seconds=1), SUNDAY - timedelta(days=3)], "stay"),
    case("a routine a second after the review does not",
         [SUNDAY - timedelta(days=3), SUNDAY + timedelta(seconds=1)], "stay"),
])
def test_which_routines_count_for_a_week(sessions, move):
    (week,) = fold([reviewed(SUNDAY)], sessions=sessions)
    assert week.move == move


def test_the_persons_own_choice_of_step_is_a_week_of_its_own_in_time_order():
    chosen = (SUNDAY + timedelta(days=3), 3)
    weeks = fold([reviewed(SUNDAY + timedelta(weeks=1)), reviewed(SUNDAY)], chosen, sessions=EASY_WEEK)
    why = "you chose “Stronger” yourself"
    assert weeks[1] == Week((SUNDAY + timedelta(days=3)).date(), "chosen", 3, 1, why, "chosen", 0)
    assert [week.went for week in weeks] == ["better", "chosen", "better"]


def test_a_choice_made_as_a_review_is_saved_comes_after_it():
    weeks = fold([reviewed(SUNDAY)], (SUNDAY, 0), sessions=EASY_WEEK)
    assert [(week.went, week.level) for week in weeks] == [("better", 1), ("chosen", 0)]


@pytest.mark.parametrize(("chosen_level", "strength_weeks"), [
    case("choosing Steady keeps the strength weeks counted", 2, 2),
    case("choosing Building (below Steady) clears them", 1, 0),
])
def test_a_chosen_step_keeps_strength_weeks_only_from_steady(chosen_level, strength_weeks):
    ups = [SUNDAY + timedelta(weeks=n) for n in range(4)]  # four good weeks: up to Stronger, 2 strength weeks
    sessions = [moment - timedelta(days=day) for moment in ups for day in (1, 2)]
    weeks = fold([reviewed(moment) for moment in ups], (ups[-1] + timedelta(days=1), chosen_level), sessions)
    assert (weeks[-2].level, weeks[-2].strength_weeks) == (3, 2)
    assert (weeks[-1].level, weeks[-1].strength_weeks) == (chosen_level, strength_weeks)


# --- What the plan says about its step, and strength work ---------------------------------------------

def week(level, move, went="better", why="last week was no worse"):
    return Week(date(2026, 11, 29), went, level, 0, why, move)


HARDER = "last week was harder"


@pytest.mark.parametrize(("weeks", "level", "words"), [
    case("no review yet", [], 0,
         "The plan starts at “Starting gently”. After each weekly review it steps up if the week was no "
         "worse and you did at least 2 routines in it, and back if it was harder."),
    case("the person's own choice", [week(3, "chosen", "chosen", "you chose")], 3,
         "You chose “Stronger” yourself on 29 November; the weekly reviews carry on from it."),
    case("a step up", [week(1, "up")], 1,
         "Last week was no worse, so the plan has stepped up to “Building”."),
    case("a step up at the top", [week(3, "up")], 3,
         "Last week was no worse, and the plan is at its top step, “Stronger”."),
    case("back from Building to the gentlest step", [week(1, "up"), week(0, "back", "worse", HARDER)], 0,
         "Last week was harder, so the plan has stepped back to “Starting gently”."),
    case("back at the gentlest step, after one review", [week(0, "back", "worse", HARDER)], 0,
         "Last week was harder, so the plan stays at its gentlest step, “Starting gently”."),
    case("back at the gentlest step, after two", [week(0, "stay"), week(0, "back", "worse", "x harder")], 0,
         "X harder, so the plan stays at its gentlest step, “Starting gently”."),
])
def test_why_the_plan_is_at_its_step(weeks, level, words):
    assert explain_level(weeks, level) == words


@pytest.mark.parametrize(("days", "when"), [
    case("two days", ("TU", "FR"), "Tuesdays and Fridays, 2 days a week"),
    case("three days", ("MO", "WE", "FR"), "Mondays, Wednesdays and Fridays, 3 days a week"),
])
def test_when_strength_work_comes(days, when):
    routines = {"strength-level-2": SimpleNamespace(title="Strength, level 2")}
    (words,) = strength_words(routines, 2, days)
    assert words == (f"Strength: “Strength, level 2” on {when} and never two days running, so your "
                     "muscles have a day to recover. It moves up a level after every 2 weeks that step the "
                     "plan up (up to level 3), and back a level when the plan steps back.")
    assert strength_words(routines, 0, days) == ()


# --- Which routines each step offers ---------------------------------------------------------------------

GENTLE = routine("gentle", 300)
NOT_FOR_A_BAD_DAY = routine("brisker", 300, bad_day=False)
MASSAGE = routine("self-massage", 300, goals=("massage",))
GLIDES = routine("nerve-glides", 300, bad_day=False, kind="nerve glide")
STRONG_STEP = routine("strong-step", 300, bad_day=False, kind="strength")
STRENGTH = {f"strength-level-{n}": routine(f"strength-level-{n}", 300, kind="strength", goals=("strength",))
            for n in (1, 2, 3)}
EVERY_KIND = {each.slug: each for each in (GENTLE, NOT_FOR_A_BAD_DAY, MASSAGE, GLIDES, STRONG_STEP)}


@pytest.mark.parametrize(("level", "offered"), [
    case("Starting gently: only routines that suit a bad day, and no massage", 0, {"gentle"}),
    case("Building: massage, nerve glides and the rest, but no strength steps", 1,
         {"gentle", "brisker", "self-massage", "nerve-glides"}),
    case("Steady: every kind", 2, {"gentle", "brisker", "self-massage", "nerve-glides", "strong-step"}),
    case("Stronger: every kind", 3, {"gentle", "brisker", "self-massage", "nerve-glides", "strong-step"}),
])
def test_what_each_step_of_the_plan_offers(level, offered):
    offers = set()
    for day in range(14):  # a routine is picked by the day, so a fortnight shows every one offered
        picks, _ = pick_routines(EVERY_KIND | STRENGTH, {}, 60, level, set(), MONDAY + timedelta(days=day))
        offers |= {pick.slug for pick in picks}
    assert offers == offered


def test_routines_left_out_or_swapped_are_never_offered():
    pool = {"gentle": GENTLE, "guided-walk": routine("guided-walk", 300), "other": routine("other", 300)}
    for day in range(14):
        picks, _ = pick_routines(pool, {}, 60, 1, {"other"}, MONDAY + timedelta(days=day))
        assert {pick.slug for pick in picks} == {"gentle"}


@pytest.mark.parametrize(("strength_level", "today", "picked"), [
    case("a strength day at Steady: the strength routine of its level", 2, MONDAY, "strength-level-2"),
    case("not a strength day: no strength routine", 2, MONDAY + timedelta(days=1), None),
    case("strength level 0 (below Steady): none", 0, MONDAY, None),
])
def test_strength_routines_come_on_strength_days(strength_level, today, picked):
    strength = (strength_level, ("MO",))
    picks, _ = pick_routines({"gentle": GENTLE} | STRENGTH, {}, 10, 2, set(), today, strength)
    strong = [pick.slug for pick in picks if pick.slug.startswith("strength-")]
    assert strong == ([picked] if picked else [])


def test_a_strength_routine_that_does_not_suit_the_answers_is_left_out_with_the_reason():
    lying = {slug: routine(slug, 300, positions=("lying",), kind="strength", goals=("strength",))
             for slug in STRENGTH}
    picks, reasons = pick_routines({"gentle": GENTLE} | lying, {"worse": ["lying"]}, 10, 2, set(), MONDAY,
                                   (1, ("MO",)))
    assert [pick.slug for pick in picks] == ["gentle"]
    assert reasons == ("It leaves out routines done mostly lying down, because you said lying down makes it "
                       "worse.",)


@pytest.mark.parametrize(("pool", "picked", "reasons"), [
    case("nothing fits: the shortest that suits, said so", {"a": routine("a", 1500), "b": routine("b", 900)},
         ["b"], ("None fits in 10 minutes, so it suggests the shortest that suits you.",)),
    case("nothing suits at all: nothing, without that sentence", {}, [], ()),
])
def test_when_no_routine_fits_the_minutes(pool, picked, reasons):
    picks, why = pick_routines(pool, {}, 10, 1, set(), MONDAY)
    assert ([pick.slug for pick in picks], why) == (picked, reasons)


def test_on_a_strength_day_nothing_else_fitting_the_strength_routine_is_enough():
    pool = {"long": routine("long", 1500)} | STRENGTH
    picks, why = pick_routines(pool, {}, 10, 2, set(), MONDAY, (1, ("MO",)))
    assert ([pick.slug for pick in picks], why) == (["strength-level-1"], ())


@pytest.mark.parametrize(("worse", "each", "reason"), [
    case("bending forward", ["forward"], routine("r", 300, bends="forward"),
         "It leaves out routines with bending forward, because you said bending forward makes it worse."),
    case("bending backwards", ["backward"], routine("r", 300, bends="backward"),
         "It leaves out routines with bending backwards, because you said bending backwards makes it worse."),
    case("sitting", ["sitting"], routine("r", 300, positions=("sitting",)),
         "It leaves out routines done mostly sitting, because you said sitting makes it worse."),
    case("lying down", ["lying"], routine("r", 300, positions=("lying",)),
         "It leaves out routines done mostly lying down, because you said lying down makes it worse."),
    case("bending forward is fine when only bending backwards hurts", ["backward"],
         routine("r", 300, bends="forward"), None),
    case("a routine that bends no way suits someone who cannot bend forward", ["forward"],
         routine("r", 300), None),
    case("a routine that bends forward suits someone who said nothing of bending", [],
         routine("r", 300, bends="forward"), None),
])
def test_what_the_persons_answers_leave_out(worse, each, reason):
    assert left_out(each, {"worse": worse}) == reason


@pytest.mark.parametrize(("level", "seconds", "picked"), [
    case("Building: a second routine when both fit", 1, (300, 300), 2),
    case("Building: a second routine that fills the minutes and the spare minute exactly", 1, (300, 360), 2),
    case("Building: no second routine when the two together would not fit", 1, (400, 400), 1),
    case("Starting gently: one routine, even when two fit", 0, (300, 300), 1),
])
def test_when_a_second_routine_is_added(level, seconds, picked):
    pool = {f"r{n}": routine(f"r{n}", each) for n, each in enumerate(seconds)}
    for day in range(4):
        picks, _ = pick_routines(pool, {}, 10, level, set(), MONDAY + timedelta(days=day))
        assert len(picks) == picked


def test_the_walking_goal_without_answers_starts_from_five_minutes():
    assert walk_goal({}, 0) == 4  # four fifths of the 5 minutes a set-up starts with
    assert walk_goal({}, 1) == 6


def test_the_reading_with_no_activities_given_is_leg_pain_alone():
    latest = reviewed(datetime(2026, 12, 1), (5, 5), 2)
    less = "Since you started, leg pain is less (6 → 2 out of 10)."
    assert reading([], {"leg_pain": 6}, [latest]) == (less,)


WHY = "last week was no worse (activities 4.0 → 5.0, leg pain 5 → 4)"


def weeks_to(*steps, move="up", why=WHY):
    """Weeks whose steps were `steps`, the last one reached by `move`."""
    return [Week(date(2026, 11, 2 + 7 * n), "better", level, 0, why, move if n == len(steps) - 1 else "stay")
            for n, level in enumerate(steps)]


@pytest.mark.parametrize(("weeks", "words"), [
    case("a step up", weeks_to(0, 1), f"Stepped up to “Building” because {WHY}."),
    case("the first review steps up from the start", weeks_to(1), f"Stepped up to “Building” because {WHY}."),
    case("a step back", weeks_to(2, 1, move="back", why="last week was harder"),
         "Stepped back to “Building” because last week was harder."),
    case("back at the gentlest step stays there", weeks_to(0, 0, move="back", why="last week was harder"),
         "Staying at “Starting gently”: last week was harder."),
    case("up at the top step stays there", weeks_to(3, 3), f"Staying at “Stronger”: {WHY}."),
    case("a week that leaves the step", weeks_to(1, 1, move="stay"), f"Staying at “Building”: {WHY}."),
    case("the person's own choice is not a review", weeks_to(0, 2, move="chosen"), ""),
])
def test_what_a_review_changed_is_said_first(weeks, words):
    assert what_changed(weeks) == words


def made_for(title, walk=None, times=("morning", "daytime")):
    return SimpleNamespace(title=title, walk=walk, time_of_day=list(times))


ANY_TIME = made_for("Desk break")
BEFORE = made_for("Before a walk", walk="before")
AFTER = made_for("After a walk", walk="after", times=("daytime", "evening"))
LATE = made_for("Bedtime wind-down", times=("evening", "night"))
MOSTLY_LATE = made_for("Breathing", times=("evening", "night", "daytime"))


@pytest.mark.parametrize(("picked", "order"), [
    case("the walk alone", [], [None]),
    case("a routine for any time comes first", [ANY_TIME], [ANY_TIME, None]),
    case("before a walk, the walk, after it", [AFTER, BEFORE], [BEFORE, None, AFTER]),
    case("any time before the walk's own routines", [BEFORE, ANY_TIME], [ANY_TIME, BEFORE, None]),
    case("a routine for the evening or night only comes last", [LATE, AFTER], [None, AFTER, LATE]),
    case("one also for the daytime is not late", [MOSTLY_LATE], [MOSTLY_LATE, None]),
    case("equals keep the plan's order", [MOSTLY_LATE, ANY_TIME], [MOSTLY_LATE, ANY_TIME, None]),
])
def test_the_days_cards_come_in_the_order_they_are_done(picked, order):
    assert list(the_day(picked)) == order
