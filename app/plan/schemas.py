"""The shapes my plan's answers, reviews and feedback take in the JSON API (pydantic).

The set-up's forms (templates/plan/) name their fields after these models, and app/plan/rules.py
reads the same shapes, so a form, the API and the rules cannot disagree.
"""
from datetime import datetime
from typing import Annotated, Literal

from flask_babel import lazy_gettext as _l
from pydantic import UUID4, AfterValidator, BaseModel, Field, StrictBool, StrictInt, StrictStr

from app import schemas
from app.days import is_real_zone
from app.rules import DAYS, LEVELS, LIMITS, PLAN_DEFAULTS, URGENT_ANSWERS
from app.schemas import Change, PainScore, Slug, Strict, UtcDatetime

# Each choice's label is lazy: the forms and the GP summary read it in the page's language.
AREAS = {"back": _l("Lower back"), "buttock": _l("Buttock"), "thigh": _l("Thigh"),
         "below-knee": _l("Below the knee")}
SINCE = {"weeks": _l("Less than 6 weeks"), "months": _l("6 weeks to 3 months"), "long": _l("3 to 12 months"),
         "years": _l("More than a year")}
LEGS = {"left": _l("Left"), "right": _l("Right"), "both": _l("Both legs"),
        "moves": _l("It moves from side to side")}
MOVES = {"forward": _l("Bending forward"), "backward": _l("Bending backwards"), "sitting": _l("Sitting"),
         "walking": _l("Walking"), "lying": _l("Lying down")}
MINUTES = (5, 10, 15, 20)
CHANGES = {"better": _l("Better"), "same": _l("The same"), "worse": _l("Worse"), "none": _l("I have none")}
VERDICTS = {"helped": _l("Helped"), "same": _l("No change"), "worse": _l("Worse")}
TIERS = tuple(dict.fromkeys(tier for _, _, tier in URGENT_ANSWERS))
Score = Annotated[StrictInt, Field(ge=0, le=10)]


def _no_repeats(values):
    """A choice ticked twice is a mistake in the sender, not two answers."""
    if len(set(values)) != len(values):
        raise ValueError("lists each choice once")
    return values


def _real_zone(name):
    """A real IANA time zone name (the calendar's events and the person's days are in it)."""
    if not is_real_zone(name):
        raise ValueError(f"{name!r} is not a real time zone name (such as Europe/London)")
    return name


def choices(names):
    """A list of some of these choices, each at most once."""
    return Annotated[list[Literal[tuple(names)]], Field(max_length=len(names)), AfterValidator(_no_repeats)]


class Symptoms(Strict):
    """Where the symptoms are, since when, what makes them worse or eases them, and two baselines."""

    areas: Annotated[choices(AREAS), Field(min_length=1)]
    since: Literal[tuple(SINCE)]
    leg: Literal[tuple(LEGS)] | None = None
    worse: choices(MOVES) = []
    eases: choices(MOVES) = []
    leg_pain: Score | None = None
    walk_minutes: Annotated[StrictInt, Field(ge=0, le=LIMITS["walk_minutes"])] = PLAN_DEFAULTS["walk_minutes"]


class Activity(Strict):
    """An everyday activity that matters and is hard now, and how well it can be done (0-10)."""

    name: Annotated[StrictStr, Field(min_length=1, max_length=LIMITS["activity_name"])]
    score: Score


class Activities(Strict):
    """Up to three activities (the Patient-Specific Functional Scale's shape)."""

    activities: Annotated[list[Activity], Field(max_length=LIMITS["activities"])] = []


class Schedule(Strict):
    """The days and time that suit, how many minutes a day, and the device's time zone."""

    days: choices(DAYS) = []
    time: Annotated[StrictStr, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] = PLAN_DEFAULTS["time"]
    minutes: Literal[MINUTES] = PLAN_DEFAULTS["minutes"]
    zone: Annotated[StrictStr, Field(max_length=64), AfterValidator(_real_zone)] = PLAN_DEFAULTS["zone"]


class Choice(Strict):
    """The step the person chose (0, the gentlest, to the top); the weekly reviews move on from it."""

    level: Annotated[StrictInt, Field(ge=0, le=len(LEVELS) - 1)]


PARTS = {"symptoms": Symptoms, "activities": Activities, "schedule": Schedule, "choice": Choice}
PartName = Literal[tuple(PARTS)]


class PartIn(Change):
    """One part of the plan, as answered on the device (checked against that part's shape)."""

    answers: dict


class PartOut(BaseModel):
    """One part of the plan on the server."""

    answers: dict
    changed_at: int


class ReviewIn(Strict):
    """A weekly review as the device recorded it; the activities' scores in the set-up's order."""

    activities: Annotated[list[Score], Field(max_length=LIMITS["activities"])] = []
    leg_pain: PainScore
    numbness: Literal[tuple(CHANGES)]
    weakness: Literal[tuple(CHANGES)]
    warning_sign: StrictBool
    foot_drags: StrictBool = False
    woken_most_nights: StrictBool = False
    struggling: StrictBool = Field(False, description="the person said they are struggling to cope")
    recorded_at: UtcDatetime


class ReviewOut(BaseModel):
    """A weekly review on the server."""

    id: str
    activities: list[int]
    leg_pain: int
    numbness: str
    weakness: str
    warning_sign: bool
    foot_drags: bool
    woken_most_nights: bool
    struggling: bool
    recorded_at: datetime


class FeedbackIn(Strict):
    """After a routine: helped, no change, or worse."""

    routine: Slug
    session_id: UUID4 | None = None
    verdict: Literal[tuple(VERDICTS)]
    recorded_at: UtcDatetime


class FeedbackOut(BaseModel):
    """Feedback after a routine, on the server."""

    id: str
    routine: str
    session_id: str | None
    verdict: str
    recorded_at: datetime


class TodayOut(BaseModel):
    """Today's suggestion, as home shows it (empty routines before a plan is set up)."""

    set_up: bool
    routines: list[str]
    walk_minutes: int | None
    status: Literal["plan", "urgent", "see-someone", "none"]
    tier: Literal[tuple(TIERS)] | None = Field(
        None, description="when urgent, the tier of the warning signs page it points to (/safety#now)")
    summary: str = Field(description="today's suggestion in one sentence, as home shows it")


class PlanOut(BaseModel):
    """Everything saved for the plan (reviews and feedback oldest first), and today's suggestion."""

    parts: dict[str, PartOut]
    reviews: list[ReviewOut]
    feedback: list[FeedbackOut]
    today: TodayOut


class CalendarFeedOut(BaseModel):
    """A calendar subscription: its address (given once, when made) or only whether one exists."""

    active: bool
    url: str | None = None
    created_at: datetime | None = None


class CalendarFeedExport(BaseModel):
    """A calendar subscription in an export: when it was made (its address cannot be given
    again: only its hash is kept)."""

    created_at: datetime


class PlanExport(BaseModel):
    """My plan in an export: every part, review and feedback, oldest first, and each calendar
    subscription."""

    parts: dict[str, PartOut]
    reviews: list[ReviewOut]
    feedback: list[FeedbackOut]
    calendar_subscriptions: list[CalendarFeedExport]


schemas.Export.model_rebuild(_types_namespace={"PlanExport": PlanExport})

