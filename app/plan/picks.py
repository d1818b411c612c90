"""Which routines my plan suggests today, for app/plan/rules.py.

Gentle routines first; nerve glides and massage from "Building"; strength routines from "Steady",
on two or three days a week and never two days running, so muscles have a day to recover. The
strength routines come in levels (strength-level-1 to strength-level-3): rules.py says which
level, and this module which days and which routine.
"""
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from app.rules import DAYS, GUIDED_WALK, LEVELS, PLAN_DEFAULTS

SLACK_SECONDS = 60  # a routine a minute over the person's minutes still fits
# Not suggested by the plan: a skill to learn once, and the walk, which has its own goal.
NOT_IN_PLAN = frozenset({"floor-transfers", GUIDED_WALK["routine"]})
MOSTLY = 0.5
STRENGTH_FROM = LEVELS.index("Steady")
STRENGTH_ROUTINE = "strength-level-{}"
WEEKDAYS = list(DAYS)  # MO..SU, in the order of date.weekday()
# Days tried for strength after the person's own days: spread out across the week.
SPREAD_OUT = ("MO", "WE", "FR", "TU", "TH", "SA", "SU")
MOST_STRENGTH_DAYS = 3
WALK_STEP, WALK_STEP_WHEN_WALKING_HURTS, LONGEST_WALK = 2, 1, 60
# Why routines are left out, by the answer to "What makes it worse?" that leaves them out.
LEFT_OUT = {
    "forward": _l("It leaves out routines with bending forward, because you said bending forward makes it "
                  "worse."),
    "backward": _l("It leaves out routines with bending backwards, because you said bending backwards makes "
                   "it worse."),
    "sitting": _l("It leaves out routines done mostly sitting, because you said sitting makes it worse."),
    "lying": _l("It leaves out routines done mostly lying down, because you said lying down makes it worse."),
}


def share_in(routine, position):
    """The share of a routine's steps done in one position."""
    return sum(step.exercise.position == position for step in routine.steps) / len(routine.steps)


def left_out(routine, symptoms):
    """Why this routine does not suit the person's answers (None when it does)."""
    worse = symptoms.get("worse", [])
    for way in ("forward", "backward"):
        if way in worse and any(step.exercise.bends == way for step in routine.steps):
            return str(LEFT_OUT[way])
    for position in ("sitting", "lying"):
        if position in worse and share_in(routine, position) > MOSTLY:
            return str(LEFT_OUT[position])
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


def next_to(day, other):
    """True when two weekdays are one day apart (Sunday and Monday too)."""
    return (WEEKDAYS.index(day) - WEEKDAYS.index(other)) % 7 in (1, 6)


def strength_days(chosen):
    """Two or three weekdays for strength, never two running: the person's chosen days first."""
    days = []
    for day in [*[day for day in WEEKDAYS if day in chosen], *SPREAD_OUT]:
        if len(days) < MOST_STRENGTH_DAYS and day not in days and not any(next_to(day, d) for d in days):
            days.append(day)
    return tuple(sorted(days, key=WEEKDAYS.index))


def suitable(routines, symptoms, level, swapped):
    """(the routines that suit today's step and the person's answers, the reasons some were left out);
    strength routines are not among them: they come on strength days only."""
    reasons, found = [], []
    for routine in sorted(routines.values(), key=lambda routine: routine.slug):
        if (routine.slug in NOT_IN_PLAN or routine.slug in swapped or "strength" in routine.goals
                or not fits_level(routine, level)):
            continue
        why_not = left_out(routine, symptoms)
        if why_not:
            reasons.append(why_not)
        else:
            found.append(routine)
    return found, reasons


def strength_today(routines, symptoms, strength_level, swapped, days, today):
    """(today's strength routine or None, a reason it was left out or None)."""
    routine = routines.get(STRENGTH_ROUTINE.format(strength_level)) if strength_level else None
    if routine is None or WEEKDAYS[today.weekday()] not in days or routine.slug in swapped:
        return None, None
    why_not = left_out(routine, symptoms)
    return (None, why_not) if why_not else (routine, None)


def pick_routines(routines, symptoms, minutes, level, swapped, today, strength=(0, ())):
    """One or two routines for today, and the reasons behind the choice. strength: (level 0-3, days)."""
    strength_level, days = strength
    pool, reasons = suitable(routines, symptoms, level, swapped)
    strong, why_not = strength_today(routines, symptoms, strength_level, swapped, days, today)
    reasons += [why_not] if why_not else []
    room = minutes * 60 + SLACK_SECONDS
    fitting = [routine for routine in pool if routine.total_seconds <= room]
    if not fitting and not strong:
        fitting = sorted(pool, key=lambda routine: routine.total_seconds)[:1]
        if fitting:
            reasons.append(gettext("None fits in %(minutes)s minutes, so it suggests the shortest that suits "
                                   "you.", minutes=minutes))
    if not fitting and not strong:
        return (), tuple(dict.fromkeys(reasons))
    picks = [strong] if strong else [fitting[today.toordinal() % len(fitting)]]
    left = room - picks[0].total_seconds
    second = [routine for routine in fitting if routine not in picks and routine.total_seconds <= left]
    if level >= 1 and second:
        picks.append(second[today.toordinal() % len(second)])
    return tuple(picks), tuple(dict.fromkeys(reasons))


def walk_goal(symptoms, walk_steps):
    """Minutes of walking today: a little under what is comfortable now, then a small fixed step."""
    comfortable = symptoms.get("walk_minutes", PLAN_DEFAULTS["walk_minutes"])
    start = max(2, comfortable * 4 // 5)
    step = WALK_STEP_WHEN_WALKING_HURTS if "walking" in symptoms.get("worse", []) else WALK_STEP
    return min(LONGEST_WALK, start + step * walk_steps)


# The day's order, around the walk: a routine for any time, one made for before a walk (content's
# `walk`), the walk itself, one made for after it, then one for the evening or night only.
DAY_ORDER = ("any time", "before", "walk", "after", "late")
LATE = {"evening", "night"}


def in_the_day(routine):
    """Where a routine (None: the walk) falls in DAY_ORDER."""
    if routine is None:
        place = "walk"
    elif routine.walk:
        place = routine.walk
    else:
        place = "late" if set(routine.time_of_day) <= LATE else "any time"
    return DAY_ORDER.index(place)


def the_day(routines):
    """Today's routines and the walk (None) in the order they are done (in_the_day), the plan's
    own order kept among equals."""
    return tuple(sorted([*routines, None], key=in_the_day))
