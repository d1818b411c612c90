"""My plan's rules: today's suggestion, the step up or back each week, and the safety net.

Pure: the plan's answers (app/plan/schemas.py shapes, as dicts), its weekly reviews, the feedback
after routines, the routines done and the pain check-ins go in, with today's date; a Plan comes
out that says what to do and why. /plan, home, the calendar, the GP summary and the tests all read
the same Plan. How one week went is app/plan/weeks.py; which routines today, app/plan/picks.py.

- A step up after a week that was no worse (nothing worse at all) with at least 2 routines done
  in the 7 days before the review; one step at a time.
- A step back after a worse week when the activities' average fell 2 points or numbness was
  worse; any other worse week (leg pain clearly worse, pain reaching further down the leg in a
  check-in) steps back only when the week before was worse too. Otherwise the plan stays.
- Strength from "Steady", on two or three days a week, never two running: level 1 first, a level
  up after every two weeks that would step the plan up (no worse, routines done), to level 3; a
  step back takes strength back a level, and below "Steady" it stops.
- Walking builds from a little under what is comfortable now, by a small fixed amount a week.
- The time since symptoms started counts from the least the "Since when?" answer allows: at 6
  weeks without a clear improvement, at 3 months in any case (with the lesson on longer-lasting
  sciatica), with leg pain 7 or more at the last two reviews, pain waking most nights, struggling
  to cope or numbness worse, the plan suggests the GP or physiotherapist ("see-someone").
- A warning sign, pain in both legs, one leg's weakness getting worse or a foot that drags:
  "urgent", pointing to the tier of /safety the answer belongs to (app/rules.py URGENT_ANSWERS).
"""
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l

from app.plan.picks import (
    STRENGTH_FROM,
    fits_level,
    pick_routines,
    strength_days,
    swapped_out,
    the_day,
    walk_goal,
)
from app.plan.weeks import (
    activities_averages,
    baselines,
    how_the_week_went,
    improved,
    reading,
    spread_further,
    steps_back_at_once,
    urgent_tier,
    what_changed,
)
from app.rules import HOLD_SCALES, HOLD_SETTING, LEVELS, ON_DAYS, PLAN_DEFAULTS, URGENT_WORDS
from app.site.formats import written_date

__all__ = ["LEVELS", "Plan", "Week", "activities_averages", "fits_level", "make_plan"]

TOP = len(LEVELS) - 1
REVIEW_EVERY = WEEK = timedelta(days=7)
SESSIONS_TO_STEP_UP = 2
SEE_SOMEONE_AFTER = timedelta(weeks=6)
LONG_LASTING_AFTER = timedelta(weeks=13)  # about 3 months
# The least time each answer to "Since when?" allows, so the count never runs ahead of the person.
SINCE_AT_LEAST = {"weeks": timedelta(0), "months": timedelta(weeks=6), "long": LONG_LASTING_AFTER,
                  "years": timedelta(weeks=52)}
HIGH_LEG_PAIN, HIGH_PAIN_REVIEWS = 7, 2
TOP_STRENGTH, WEEKS_PER_STRENGTH_LEVEL = 3, 2
LONGER_LASTING_LESSON = "longer-than-three-months"
LONGER_HOLD = 1.25  # the hold the plan's top level suggests trying: Settings' "A bit longer"
# Why the plan is at its step after a move, and the step: explain_level's sentence.
MOVES = {"up": _l("%(why)s, so the plan has stepped up to “%(step)s”."),
         "stay": _l("%(why)s, so the plan stays at “%(step)s”."),
         "back": _l("%(why)s, so the plan has stepped back to “%(step)s”.")}


@dataclass(frozen=True)
class Week:
    """What one weekly review (or the person's own choice) did to the plan."""

    on: date
    # How the week went against the one before: "better" (no worse), "steady" (a little mixed),
    # "worse", "urgent" (an urgent answer), or "chosen" (the person picked the step themselves).
    went: str
    level: int
    walk_steps: int
    why: str
    move: str = "stay"  # "up", "stay", "back", or "chosen"
    strength_weeks: int = 0  # weeks that would have stepped up, counted since strength began


@dataclass(frozen=True)
class Plan:
    """What the plan says today, and why."""

    status: str  # "none" (not set up), "plan", "urgent" or "see-someone"
    level: int = 0
    routines: tuple = ()
    day: tuple = ()  # the routines and the walk (None) in the order they are done
    walk_minutes: int | None = None
    reasons: tuple = ()
    bad_day_routines: tuple = ()
    weeks: tuple = ()
    started: date | None = None
    review_due: bool = False
    reading: tuple = ()
    last_answers: tuple = ((), None)  # (activity scores, leg pain) the next review is compared with
    reviewed_today: str = ""  # what a review made today did to the plan, in one sentence
    activities: tuple = ()
    symptoms: dict = field(default_factory=dict)
    schedule: dict = field(default_factory=dict)
    tier: str | None = None  # the tier of /safety an urgent plan points to ("now", "same-day")
    urgent_because: str = ""
    see_someone: tuple = ()  # why the plan suggests the GP or physiotherapist
    long_lasting: bool = False  # symptoms for 3 months or more: the lesson LONGER_LASTING_LESSON
    strength_level: int = 0  # 1-3 from "Steady", 0 before
    strength_days: tuple = ()  # weekdays ("MO") of strength routines

    @property
    def level_name(self):
        return LEVELS[self.level]

    @property
    def longer_lasting_lesson(self):
        """The lesson on sciatica that lasts longer than 3 months (slug), for a long-lasting plan."""
        return LONGER_LASTING_LESSON


def strength_at(level, strength_weeks):
    """The strength routine's level (1-3) at a step of the plan, 0 below "Steady"."""
    return min(TOP_STRENGTH, 1 + strength_weeks // WEEKS_PER_STRENGTH_LEVEL) if level >= STRENGTH_FROM else 0


def next_move(went, week_before, at_once, done):
    """"up", "stay" or "back" after a week that went as it did."""
    if went == "urgent" or (went == "worse" and (at_once or week_before in ("worse", "urgent"))):
        return "back"
    if went == "better" and done >= SESSIONS_TO_STEP_UP:
        return "up"
    return "stay"


def moved(move, level, walk_steps, strength_weeks):
    """(level, walk steps, strength weeks) after a move."""
    if move == "up":
        strength_weeks += level >= STRENGTH_FROM
        return min(TOP, level + 1), walk_steps + 1, strength_weeks
    if move == "back":
        level = max(0, level - 1)
        back_a_level = (strength_weeks // WEEKS_PER_STRENGTH_LEVEL - 1) * WEEKS_PER_STRENGTH_LEVEL
        return level, max(0, walk_steps - 1), max(0, back_a_level) if level >= STRENGTH_FROM else 0
    return level, walk_steps, strength_weeks


def why_it_stayed(went, done):
    """The words added when a week that was no worse, or harder, leaves the step where it was."""
    if went == "better" and done < SESSIONS_TO_STEP_UP:
        return ngettext(", but %(num)s routine in the week before it, and a step up needs at least %(need)s",
                        ", but %(num)s routines in the week before it, and a step up needs at least %(need)s",
                        done, need=SESSIONS_TO_STEP_UP)
    if went == "worse":
        return gettext(", but a step back needs two harder weeks in a row")
    return ""


def fold_weeks(symptoms, activities, reviews, choice, sessions=(), checkins=()):
    """Walk through the reviews and the person's own choice in time order: the step after each."""
    reviews = sorted(reviews, key=lambda review: review.recorded_at)
    bases = baselines(activities, symptoms, reviews)
    events = sorted([(review.recorded_at, (bases[n], review)) for n, review in enumerate(reviews)]
                    + ([choice] if choice else []), key=lambda event: event[0])
    level = walk_steps = strength_weeks = 0
    week_before, weeks = None, []
    for moment, event in events:
        if isinstance(event, int):
            level, week_before = event, None  # a fresh start: the week before it no longer counts
            strength_weeks = strength_weeks if level >= STRENGTH_FROM else 0
            why = gettext("you chose “%(step)s” yourself", step=LEVELS[level])
            weeks.append(Week(moment.date(), "chosen", level, walk_steps, why, "chosen", strength_weeks))
            continue
        (before_scores, before_leg), review = event
        start = moment - WEEK
        spread = spread_further(symptoms, checkins, start, moment)
        went, why = how_the_week_went(before_scores, before_leg, review, spread)
        done = sum(start <= session <= moment for session in sessions)
        move = next_move(went, week_before, steps_back_at_once(before_scores, review), done)
        level, walk_steps, strength_weeks = moved(move, level, walk_steps, strength_weeks)
        why += why_it_stayed(went, done) if move == "stay" else ""
        weeks.append(Week(moment.date(), went, level, walk_steps, why, move, strength_weeks))
        week_before = went
    return tuple(weeks)


def see_someone(symptoms, activities, reviews, lasted):
    """Why the plan suggests the GP or physiotherapist, given how long symptoms have lasted."""
    latest = reviews[-1] if reviews else None
    reasons = []
    if lasted >= LONG_LASTING_AFTER:
        reasons.append(gettext("Your symptoms have lasted 3 months or more. A review with your GP or "
                               "physiotherapist is worth having, if you have not had one since then."))
    elif lasted >= SEE_SOMEONE_AFTER and not (latest and improved(activities, symptoms, latest)):
        reasons.append(gettext("It has been 6 weeks or more since your symptoms started, without a clear "
                               "improvement yet. That is common, and worth a check."))
    recent = reviews[-HIGH_PAIN_REVIEWS:]
    if len(recent) == HIGH_PAIN_REVIEWS and all(review.leg_pain >= HIGH_LEG_PAIN for review in recent):
        reasons.append(gettext("Your leg pain was %(high)s or more out of 10 in your last %(reviews)s "
                               "reviews. Your GP can talk through what else might ease it.",
                               high=HIGH_LEG_PAIN, reviews=HIGH_PAIN_REVIEWS))
    if latest and getattr(latest, "woken_most_nights", False):
        reasons.append(gettext("Leg pain woke you on most nights last week."))
    if latest and getattr(latest, "struggling", False):
        reasons.append(gettext("You said you are struggling to cope. That is worth saying to your GP: there "
                               "is help for the pain, and for how it is making you feel."))
    if latest and latest.numbness == "worse":
        reasons.append(gettext("Numbness was worse in your last review, so the plan has eased off. A GP or "
                               "physiotherapist can check the nerve."))
    return tuple(reasons)


def strength_words(routines, strength_level, days):
    """Why and when the plan suggests strength work, in one sentence (none before "Steady")."""
    routine = routines.get(f"strength-level-{strength_level}") if strength_level else None
    if routine is None:
        return ()
    names = [str(ON_DAYS[day]) for day in days]
    when = gettext("%(days)s and %(last)s", days=", ".join(names[:-1]), last=names[-1])
    return (gettext("Strength: “%(routine)s” on %(when)s, %(count)s days a week and never two days running, "
                    "so your muscles have a day to recover. It moves up a level after every %(weeks)s weeks "
                    "that step the plan up (up to level %(top)s), and back a level when the plan steps back.",
                    routine=routine.title, when=when, count=len(days), weeks=WEEKS_PER_STRENGTH_LEVEL,
                    top=TOP_STRENGTH),)


def make_plan(parts, reviews, feedback, routines, today, sessions=(), checkins=()):
    """The plan for today from its parts ({name: (answers, when last changed)}), reviews, feedback,
    the moments routines were done and the check-ins ((moment, reach), oldest first), their times
    naive on the person's own clock (so each one's date is the person's day)."""
    if "symptoms" not in parts:
        return Plan(status="none")
    symptoms, set_up_at = parts["symptoms"]
    activities = parts.get("activities", ({}, None))[0].get("activities", [])
    schedule = parts.get("schedule", ({}, None))[0]
    choice = parts.get("choice")
    reviews = sorted(reviews, key=lambda review: review.recorded_at)
    started = min([set_up_at, *(review.recorded_at for review in reviews)]).date()
    weeks = fold_weeks(symptoms, activities, reviews, (choice[1], choice[0]["level"]) if choice else None,
                       sessions, checkins)
    level, walk_steps, strength_weeks = 0, 0, 0  # where a plan starts, before any review or choice
    if weeks:
        level, walk_steps, strength_weeks = weeks[-1].level, weeks[-1].walk_steps, weeks[-1].strength_weeks
    swapped = swapped_out(feedback)
    strength = (strength_at(level, strength_weeks), strength_days(schedule.get("days", [])))
    minutes = schedule.get("minutes", PLAN_DEFAULTS["minutes"])
    picks, left_out_reasons = pick_routines(routines, symptoms, minutes, level, swapped, today, strength)
    reasons = [explain_level(weeks, level), *strength_words(routines, *strength)]
    reasons += [gettext("You said %(routine)s made things worse twice, so the plan no longer suggests it and "
                        "offers gentler ones instead. You can still choose it from Routines.",
                        routine=routines[slug].title)
                for slug in sorted(swapped) if slug in routines]
    reasons += left_out_reasons
    if level == TOP:
        reasons.append(gettext("If stretches feel easy now, try holding them a bit longer: in Settings, "
                               "under “%(setting)s”, choose “%(choice)s”.", setting=HOLD_SETTING,
                               choice=dict(HOLD_SCALES)[LONGER_HOLD]))
    gentle = tuple(routine for routine in routines.values()
                   if "flare-up" in routine.goals and routine.suits_a_bad_day and routine.slug not in swapped)
    last_look = reviews[-1].recorded_at.date() if reviews else started
    lasted = SINCE_AT_LEAST.get(symptoms.get("since"), timedelta(0)) + (today - started)
    gp = see_someone(symptoms, activities, reviews, lasted)
    urgent_answers = [symptoms] + ([vars(reviews[-1])] if reviews else [])
    tier = next((urgent_tier(answers) for answers in urgent_answers if urgent_tier(answers)), None)
    because = " ".join(str(URGENT_WORDS[name]) for name in URGENT_WORDS
                       if any(urgent_tier({name: answers.get(name)}) for answers in urgent_answers))
    status = "urgent" if tier else "see-someone" if gp else "plan"
    return Plan(status=status, level=level, routines=picks, day=the_day(picks),
                walk_minutes=walk_goal(symptoms, walk_steps),
                reasons=tuple(reasons), bad_day_routines=gentle, weeks=weeks, started=started,
                review_due=today - last_look >= REVIEW_EVERY, reading=reading(activities, symptoms, reviews),
                last_answers=baselines(activities, symptoms, reviews)[-1],
                reviewed_today=what_changed(weeks) if weeks and weeks[-1].on == today else "",
                activities=tuple(activities), symptoms=symptoms, schedule=schedule, tier=tier,
                urgent_because=because, see_someone=gp, long_lasting=lasted >= LONG_LASTING_AFTER,
                strength_level=strength[0], strength_days=strength[1])


def explain_level(weeks, level):
    """Why the plan is at its step today, in one sentence."""
    step = LEVELS[level]
    if not weeks:
        return gettext("The plan starts at “%(step)s”. After each weekly review it steps up if the week was "
                       "no worse and you did at least %(least)s routines in it, and back if it was harder.",
                       step=step, least=SESSIONS_TO_STEP_UP)
    last = weeks[-1]
    if last.went == "chosen":
        return gettext("You chose “%(step)s” yourself on %(day)s; the weekly reviews carry on from it.",
                       step=step, day=written_date(last.on, "day_month"))
    why = f"{last.why[0].upper()}{last.why[1:]}"
    if last.move == "up" and level == TOP:
        return gettext("%(why)s, and the plan is at its top step, “%(step)s”.", why=why, step=step)
    if last.move == "back" and level == 0 and (weeks[-2].level if weeks[:-1] else 0) == 0:
        return gettext("%(why)s, so the plan stays at its gentlest step, “%(step)s”.", why=why, step=step)
    return str(MOVES[last.move]) % {"why": why, "step": step}
