"""How one week went and how things have changed, for my plan's rules (app/plan/rules.py): what
counts as a clear change, a warning-sign answer and its tier, and pain spreading further down the leg.

- A clear change in leg pain (0-10) is 2 points, or 30% of the figure it started from (a start of
  0 has no share, so there only the 2 points count): 6 → 4, 3 → 2 and 10 → 7 are clear; 5 → 4 is not.
- A clear change in the activities' average (0-10, higher is easier) is 2 points: 1.9 is not.
- Smaller changes are within ordinary day-to-day ups and downs, and read as neither better nor worse.
"""
from statistics import fmean

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from app.rules import LEVELS, PAIN_REACHES, URGENT_ANSWERS
from app.site.formats import one_decimal

CLEAR_CHANGE = 2  # points, on a 0-10 scale
CLEAR_SHARE_PERCENT = 30  # of leg pain's starting figure
# Figures are averages of whole numbers: rounding keeps 3.67 - 1.67 at exactly 2.
PLACES = 9
REACH_ORDER = [reach.value for reach in PAIN_REACHES]  # nearest first
# How far down the leg each area of the set-up reaches ("below the knee" can reach the foot).
AREA_REACHES = {"back": "none", "buttock": "buttock", "thigh": "thigh", "below-knee": "foot"}
WEEK_BEFORE_A_REVIEW_DAYS = 7


def clear_points(before, now):
    """True when a 0-10 figure moved by a clear change (2 points or more), either way."""
    return round(abs(now - before), PLACES) >= CLEAR_CHANGE


def clear_leg_change(before, now):
    """True when leg pain moved by 2 points, or by 30% of where it started, either way."""
    moved = abs(now - before)
    return clear_points(before, now) or (before > 0 and moved * 100 >= CLEAR_SHARE_PERCENT * before)


def urgent_tier(answers):
    """The tier of /safety ("now", "same-day") the first urgent answer among answers (a dict)
    points to, or None."""
    return next((tier for name, value, tier in URGENT_ANSWERS if answers.get(name) == value), None)


def activities_averages(*scores):
    """The average (0-10, higher is easier) of each list of activity scores, over the activities every
    list rated, so a changed list of activities is not read as a change; None for a list without scores."""
    shared = min((len(each) for each in scores if each), default=0)
    return tuple(fmean(each[:shared]) if each else None for each in scores)


def furthest(reaches):
    """The furthest of these reaches down the leg ("none" for none)."""
    return max(reaches, key=REACH_ORDER.index, default="none")


def spread_further(symptoms, checkins, start, end):
    """True when a check-in between start and end reached further down the leg than the last one
    before start (or, before any check-in, than the set-up's areas). checkins: (moment, reach),
    oldest first."""
    earlier = [reach for moment, reach in checkins if moment < start]
    known = earlier[-1] if earlier else furthest(AREA_REACHES[area] for area in symptoms.get("areas", []))
    reached = furthest(reach for moment, reach in checkins if start <= moment <= end)
    return REACH_ORDER.index(reached) > REACH_ORDER.index(known)


def how_the_week_went(before_scores, before_leg, review, spread=False):
    """(how it went, words) for a week: the review against the week before it (or the set-up).

    "urgent": an urgent answer; "worse": activities' average down 2 points, leg pain clearly worse,
    pain spreading further down the leg, or numbness worse; "better": nothing worse at all (no worse);
    "steady": a little worse, within day-to-day ups and downs."""
    if urgent_tier(vars(review)):
        return "urgent", gettext("you answered a warning sign, or weakness was getting worse")
    shown, activity_change, leg_change = [], 0, 0
    before, now = activities_averages(before_scores, review.activities)
    if before is not None and now is not None:
        activity_change = round(now - before, PLACES)
        shown.append(gettext("activities %(before)s → %(now)s", before=one_decimal(before),
                             now=one_decimal(now)))
    if before_leg is not None:
        leg_change = review.leg_pain - before_leg
        shown.append(gettext("leg pain %(before)s → %(now)s", before=before_leg, now=review.leg_pain))
    figures = f" ({', '.join(shown)})" if shown else ""
    if spread:
        return "worse", gettext("your pain reached further down the leg in a check-in last week") + figures
    if review.numbness == "worse":
        return "worse", gettext("numbness was worse last week") + figures
    if activity_change <= -CLEAR_CHANGE or (leg_change > 0 and clear_leg_change(before_leg, review.leg_pain)):
        return "worse", gettext("last week was harder") + figures
    if leg_change <= 0 and activity_change >= 0:
        return "better", gettext("last week was no worse") + figures
    return "steady", gettext("last week was a little mixed") + figures


def steps_back_at_once(before_scores, review):
    """True when a worse week steps the plan back at once: the activities' average fell 2 points or
    numbness was worse (any other worse week steps back when the week before was worse too)."""
    before, now = activities_averages(before_scores, review.activities)
    fell = before is not None and now is not None and round(before - now, PLACES) >= CLEAR_CHANGE
    return fell or review.numbness == "worse"


def baselines(activities, symptoms, reviews):
    """What each review (oldest first) is compared with, and last what the next review will be:
    (activity scores, leg pain) from the review before it (or its earlier scores when it rated no
    activities), or the set-up's for the first. The weeks, the reading and the review form share it."""
    scores, leg = [activity["score"] for activity in activities], symptoms.get("leg_pain")
    found = [(scores, leg)]
    for review in reviews:
        scores, leg = review.activities or scores, review.leg_pain
        found.append((scores, leg))
    return found


ABOUT_THE_SAME = _l("“About the same” means a change within ordinary day-to-day ups and downs.")
# The moments a reading looks back to, as its sentences name them ("Since last week, ...").
SINCE = {"last week": _l("last week"), "you started": _l("you started")}
# The reading's sentences, by measure and by what the change was: "same" for a change within
# day-to-day noise, "better" or "worse" for a clear one.
READINGS = {
    ("your everyday activities", "same"):
        _l("Since %(since)s, your everyday activities: about the same (%(figures)s out of 10)."),
    ("your everyday activities", "better"):
        _l("Since %(since)s, your everyday activities are easier (%(figures)s out of 10)."),
    ("your everyday activities", "worse"):
        _l("Since %(since)s, your everyday activities are harder (%(figures)s out of 10). If they keep "
           "getting harder, see your GP."),
    ("leg pain", "same"): _l("Since %(since)s, leg pain: about the same (%(figures)s out of 10)."),
    ("leg pain", "better"): _l("Since %(since)s, leg pain is less (%(figures)s out of 10)."),
    ("leg pain", "worse"):
        _l("Since %(since)s, leg pain is worse (%(figures)s out of 10). If it keeps rising, see your GP."),
}


def reading(activities, symptoms, reviews):
    """A plain reading of the latest review, since last week (when there was a review before it) and
    since the set-up, from the numbers the weeks use: only changes bigger than day-to-day noise."""
    if not reviews:
        return ()
    reviews = sorted(reviews, key=lambda review: review.recorded_at)
    bases = baselines(activities, symptoms, reviews)
    lines, all_clear = [], True
    for since, (scores, leg) in [("last week", bases[-2])] * (len(reviews) > 1) + [("you started", bases[0])]:
        before, now = activities_averages(scores, reviews[-1].activities)
        if before is not None and now is not None:
            clear = clear_points(before, now)
            all_clear = all_clear and clear
            lines.append(describe("your everyday activities", before, now, True, clear, since))
        if leg is not None:
            clear = clear_leg_change(leg, reviews[-1].leg_pain)
            all_clear = all_clear and clear
            lines.append(describe("leg pain", leg, reviews[-1].leg_pain, False, clear, since))
    # A line that says "about the same" is explained once, after them all.
    return tuple(lines) + (str(ABOUT_THE_SAME),) * (not all_clear)


def describe(what, before, now, higher_is_better, clear, since):
    """One sentence on a change since a moment ("last week", "you started"), honest about noise; a
    clear change for the worse says when to see the GP."""
    shown = one_decimal if isinstance(before, float) else str
    figures = f"{shown(before)} → {shown(now)}"
    if not clear:
        change = "same"
    else:
        change = "better" if (now > before) == higher_is_better else "worse"
    return str(READINGS[what, change]) % {"since": SINCE[since], "figures": figures}


def improved(activities, symptoms, latest):
    """True when the latest review shows a clear improvement on the set-up."""
    before, now = activities_averages([activity["score"] for activity in activities], latest.activities)
    if before is not None and now is not None and now > before and clear_points(before, now):
        return True
    baseline = symptoms.get("leg_pain")
    return baseline is not None and latest.leg_pain < baseline and clear_leg_change(baseline, latest.leg_pain)


def what_changed(weeks):
    """What the latest review did to the plan, its move first ("Stepped back to “Starting gently”
    because last week was harder (…)"); empty after the person's own choice."""
    last, before = weeks[-1], weeks[-2].level if weeks[:-1] else 0
    step = LEVELS[last.level]
    if last.move == "up" and before < last.level:
        return gettext("Stepped up to “%(step)s” because %(why)s.", step=step, why=last.why)
    if last.move == "back" and before > last.level:
        return gettext("Stepped back to “%(step)s” because %(why)s.", step=step, why=last.why)
    if last.move in ("up", "back", "stay"):
        return gettext("Staying at “%(step)s”: %(why)s.", step=step, why=last.why)
    return ""
