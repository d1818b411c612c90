"""My plan's rules: today's suggestion, the step up or back each week, and the safety net.

Pure: the plan's answers (app/plan/schemas.py shapes, as dicts), its weekly reviews and the
feedback after routines go in, with today's date; a Plan comes out that says what to do and
why. /plan, home, the calendar, the GP summary and the tests all read the same Plan.

The numbers follow the evidence on pacing and on what counts as a real change:
- a step up after a week that was no worse, a step back after a worse one, one step at a time;
- walking builds from a little under what is comfortable now, by a small fixed amount a week;
- a change smaller than 2 points (the activities' average, 0-10, or leg pain, 0-10) is within
  ordinary day-to-day ups and downs, so it is not read as better or worse.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import fmean

from app.rules import LEVELS, PLAN_DEFAULTS, URGENT_ANSWERS

TOP = len(LEVELS) - 1
# A change at least this big (0-10 scales) is more than day-to-day noise.
CLEAR_CHANGE = 2
WORSE_PAIN = 2  # leg pain up this much in a week: step back
WORSE_ACTIVITIES = 1  # the activities' average down this much in a week: step back
REVIEW_EVERY = timedelta(days=7)
SEE_SOMEONE_AFTER = timedelta(weeks=6)
WALK_STEP, WALK_STEP_WHEN_WALKING_HURTS, LONGEST_WALK = 2, 1, 60
SLACK_SECONDS = 60  # a routine a minute over the person's minutes still fits
# Not suggested by the plan: a skill to learn once, and the walk, which has its own goal.
NOT_IN_PLAN = frozenset({"floor-transfers", "guided-walk"})
MOSTLY = 0.5


@dataclass(frozen=True)
class Week:
    """What one weekly review did to the plan."""

    on: date
    # How the week went against the one before: "better" (no worse), "steady" (a little mixed),
    # "worse", "urgent" (a warning sign), or "chosen" (the person picked the step themselves).
    went: str
    level: int
    walk_steps: int
    why: str


@dataclass(frozen=True)
class Plan:
    """What the plan says today, and why."""

    status: str  # "none" (not set up), "plan", "urgent" or "see-someone"
    level: int = 0
    routines: tuple = ()
    walk_minutes: int | None = None
    reasons: tuple = ()
    bad_day_routines: tuple = ()
    weeks: tuple = ()
    started: date | None = None
    review_due: bool = False
    reading: tuple = ()
    activities: tuple = ()
    symptoms: dict = field(default_factory=dict)
    schedule: dict = field(default_factory=dict)

    @property
    def level_name(self):
        return LEVELS[self.level]


def urgent(review):
    """A warning sign, or numbness or weakness getting worse: see someone now, not the plan."""
    return any(getattr(review, name) == value for name, value in URGENT_ANSWERS)


def activities_averages(*scores):
    """The average (0-10, higher is easier) of each list of activity scores, over the activities every
    list rated, so a changed list of activities is not read as a change; None for a list without scores."""
    shared = min((len(each) for each in scores if each), default=0)
    return tuple(fmean(each[:shared]) if each else None for each in scores)


def how_the_week_went(before_scores, before_leg, review):
    """(how it went, words) for a week: the review against the week before it (or the set-up)."""
    if urgent(review):
        return "urgent", "you answered a warning sign, or numbness or weakness was worse"
    shown = []
    activity_change = leg_change = None
    before, now = activities_averages(before_scores, review.activities)
    if before is not None and now is not None:
        activity_change = now - before
        shown.append(f"activities {before:.1f} → {now:.1f}")
    if before_leg is not None:
        leg_change = review.leg_pain - before_leg
        shown.append(f"leg pain {before_leg} → {review.leg_pain}")
    figures = f" ({', '.join(shown)})" if shown else ""
    if (leg_change or 0) >= WORSE_PAIN or (activity_change or 0) <= -WORSE_ACTIVITIES:
        return "worse", f"last week was harder{figures}"
    if (leg_change or 0) <= 0 and (activity_change or 0) >= 0:
        return "better", f"last week was no worse{figures}"
    return "steady", f"last week was a little mixed{figures}"


def fold_weeks(symptoms, activities, reviews, choice):
    """Walk through the reviews and the person's own choice in time order: the step after each."""
    events = sorted([(review.recorded_at, review) for review in reviews]
                    + ([choice] if choice else []), key=lambda event: event[0])
    level = walk_steps = 0
    before_scores = [activity["score"] for activity in activities]
    before_leg = symptoms.get("leg_pain")
    weeks = []
    for moment, event in events:
        on = moment.date()
        if isinstance(event, int):
            level = event
            weeks.append(Week(on, "chosen", level, walk_steps, f"you chose “{LEVELS[level]}” yourself"))
            continue
        went, why = how_the_week_went(before_scores, before_leg, event)
        if went in ("worse", "urgent"):
            level, walk_steps = max(0, level - 1), max(0, walk_steps - 1)
        elif went == "better":
            level, walk_steps = min(TOP, level + 1), walk_steps + 1
        weeks.append(Week(on, went, level, walk_steps, why))
        before_scores, before_leg = event.activities or before_scores, event.leg_pain
    return tuple(weeks)


def share_in(routine, position):
    """The share of a routine's steps done in one position."""
    return sum(step.exercise.position == position for step in routine.steps) / len(routine.steps)


def left_out(routine, symptoms):
    """Why this routine does not suit the person's answers (None when it does)."""
    worse = symptoms.get("worse", [])
    for way, words in (("forward", "bending forward"), ("backward", "bending backwards")):
        if way in worse and any(step.exercise.bends == way for step in routine.steps):
            return f"It leaves out routines with {words}, because you said {words} makes it worse."
    for position, words in (("sitting", "sitting"), ("lying", "lying down")):
        if position in worse and share_in(routine, position) > MOSTLY:
            return f"It leaves out routines done mostly {words}, because you said {words} makes it worse."
    return None


def fits_level(routine, level):
    """Gentle routines first; nerve glides and massage from "Building"; strength from "Steady"."""
    kinds = {step.exercise.kind for step in routine.steps}
    if level == 0:
        return routine.suits_a_bad_day and "massage" not in routine.goals
    if level == 1:
        return "strength" not in kinds
    return True


def swapped_out(feedback):
    """Routines the person said made things worse twice or more."""
    worse = {}
    for item in feedback:
        if item.verdict == "worse":
            worse[item.routine] = worse.get(item.routine, 0) + 1
    return {routine for routine, times in worse.items() if times >= 2}


def pick_routines(routines, symptoms, minutes, level, swapped, today):
    """One or two routines for today, and the reasons behind the choice."""
    reasons = []
    suitable = []
    for routine in sorted(routines.values(), key=lambda routine: routine.slug):
        if routine.slug in NOT_IN_PLAN or routine.slug in swapped or not fits_level(routine, level):
            continue
        why_not = left_out(routine, symptoms)
        if why_not:
            reasons.append(why_not)
            continue
        suitable.append(routine)
    room = minutes * 60 + SLACK_SECONDS
    fitting = [routine for routine in suitable if routine.total_seconds <= room]
    if not fitting:
        fitting = sorted(suitable, key=lambda routine: routine.total_seconds)[:1]
        if fitting:
            reasons.append(f"None fits in {minutes} minutes, so it suggests the shortest that suits you.")
    if not fitting:
        return (), tuple(dict.fromkeys(reasons))
    strength = [routine for routine in fitting if "strength" in routine.goals]
    others = [routine for routine in fitting if routine not in strength] or fitting
    first = others[today.toordinal() % len(others)]
    picks = [first]
    if level >= 2 and strength:
        # From "Steady" on, a strength routine every day, with another routine if there is room.
        picks = [strength[today.toordinal() % len(strength)]]
        others = [routine for routine in others if routine not in picks]
    left = room - picks[0].total_seconds
    second = [routine for routine in others if routine not in picks and routine.total_seconds <= left]
    if level >= 1 and second:
        picks.append(second[today.toordinal() % len(second)])
    return tuple(picks), tuple(dict.fromkeys(reasons))


def walk_goal(symptoms, walk_steps):
    """Minutes of walking today: a little under what is comfortable now, then a small fixed step."""
    comfortable = symptoms.get("walk_minutes", PLAN_DEFAULTS["walk_minutes"])
    start = max(2, comfortable * 4 // 5)
    step = WALK_STEP_WHEN_WALKING_HURTS if "walking" in symptoms.get("worse", []) else WALK_STEP
    return min(LONGEST_WALK, start + step * walk_steps)


def reading(activities, symptoms, reviews):
    """A plain reading of the change since the set-up: only changes bigger than day-to-day noise."""
    if not reviews:
        return ()
    latest = max(reviews, key=lambda review: review.recorded_at)
    lines = []
    before, now = activities_averages([activity["score"] for activity in activities], latest.activities)
    if before is not None and now is not None:
        lines.append(describe("Your everyday activities", before, now, higher_is_better=True))
    if symptoms.get("leg_pain") is not None:
        lines.append(describe("Leg pain", symptoms["leg_pain"], latest.leg_pain, higher_is_better=False))
    return tuple(lines)


def describe(what, before, now, higher_is_better):
    """One sentence on a change from the set-up to now, honest about noise."""
    figures = f"{before:.1f} → {now:.1f}" if isinstance(before, float) else f"{before} → {now}"
    change = now - before
    if abs(change) < CLEAR_CHANGE:
        return (f"{what}: no clear change yet ({figures}). A change this small is within ordinary "
                "day-to-day ups and downs.")
    better = (change > 0) == higher_is_better
    if what == "Leg pain":
        return f"Leg pain is {'less' if better else 'worse'} than at the start ({figures} out of 10)."
    return f"{what} are {'easier' if better else 'harder'} than at the start ({figures} out of 10)."


def improved(activities, symptoms, latest):
    """True when the latest review shows a clear improvement on the set-up."""
    before, now = activities_averages([activity["score"] for activity in activities], latest.activities)
    if before is not None and now is not None and now - before >= CLEAR_CHANGE:
        return True
    baseline = symptoms.get("leg_pain")
    return baseline is not None and baseline - latest.leg_pain >= CLEAR_CHANGE


def make_plan(parts, reviews, feedback, routines, today):
    """The plan for today from its parts ({name: (answers, when last changed)}), reviews and feedback,
    their times naive on the person's own clock (so each one's date is the person's day)."""
    if "symptoms" not in parts:
        return Plan(status="none")
    symptoms, set_up_at = parts["symptoms"]
    activities = parts.get("activities", ({}, None))[0].get("activities", [])
    schedule = parts.get("schedule", ({}, None))[0]
    choice = parts.get("choice")
    reviews = sorted(reviews, key=lambda review: review.recorded_at)
    started = min([set_up_at, *(review.recorded_at for review in reviews)]).date()
    weeks = fold_weeks(symptoms, activities, reviews, (choice[1], choice[0]["level"]) if choice else None)
    level = weeks[-1].level if weeks else 0
    walk_steps = weeks[-1].walk_steps if weeks else 0
    swapped = swapped_out(feedback)
    minutes = schedule.get("minutes", PLAN_DEFAULTS["minutes"])
    picks, left_out_reasons = pick_routines(routines, symptoms, minutes, level, swapped, today)
    reasons = [explain_level(weeks, level)]
    reasons += [f"You said {routines[slug].title} made things worse twice, so the plan no longer suggests it "
                "and offers gentler ones instead. You can still choose it from Routines."
                for slug in sorted(swapped) if slug in routines]
    reasons += left_out_reasons
    if level == TOP:
        reasons.append("If stretches feel easy now, try holding them a bit longer: Settings, Hold time, "
                       "“A bit longer”.")
    gentle = tuple(routine for routine in routines.values()
                   if "flare-up" in routine.goals and routine.suits_a_bad_day and routine.slug not in swapped)
    last_look = reviews[-1].recorded_at.date() if reviews else started
    status = "plan"
    if reviews and urgent(reviews[-1]):
        status = "urgent"
    elif reviews and today - started >= SEE_SOMEONE_AFTER and not improved(activities, symptoms, reviews[-1]):
        status = "see-someone"
    return Plan(status=status, level=level, routines=picks, walk_minutes=walk_goal(symptoms, walk_steps),
                reasons=tuple(reasons), bad_day_routines=gentle, weeks=weeks, started=started,
                review_due=today - last_look >= REVIEW_EVERY, reading=reading(activities, symptoms, reviews),
                activities=tuple(activities), symptoms=symptoms, schedule=schedule)


def explain_level(weeks, level):
    """Why the plan is at its step today, in one sentence."""
    if not weeks:
        return (f"The plan starts at “{LEVELS[level]}”. After each weekly review it steps up if the week "
                "was no worse, and back if it was harder.")
    last = weeks[-1]
    if last.went == "chosen":
        return (f"You chose “{LEVELS[level]}” yourself on {last.on:%-d %B}; "
                "the weekly reviews carry on from it.")
    moves = {"better": "so the plan has stepped up to", "steady": "so the plan stays at",
             "worse": "so the plan has stepped back to", "urgent": "so the plan has stepped back to"}
    why = f"{last.why[0].upper()}{last.why[1:]}"
    if last.went == "better" and level == TOP:
        return f"{why}, and the plan is at its top step, “{LEVELS[level]}”."
    if last.went == "worse" and level == 0 and weeks[:-1] and weeks[-2].level == 0:
        return f"{why}, so the plan stays at its gentlest step, “{LEVELS[level]}”."
    return f"{why}, {moves[last.went]} “{LEVELS[level]}”."
