"""The register of what a profile owns: every saved model with a profile_id, once, and how
linking a device, the two exports, the row caps and "Delete everything" treat it.

Each of those operations walks this table; none lists tables of its own, so a new kind of
saved data is handled everywhere by adding one line here (a test fails until it is added).
"""
from dataclasses import dataclass
from enum import Enum

from flask_babel import lazy_gettext as _l
from pydantic import BaseModel

from app.models import (
    CalendarFeed,
    CheckIn,
    ChecklistState,
    DeviceKey,
    Favourite,
    LinkCode,
    PlanPart,
    PlanReview,
    PracticeSession,
    RoutineFeedback,
    SavedRoutine,
)
from app.own_routines.answers import OwnRoutineExport
from app.plan.schemas import CalendarFeedExport, FeedbackOut, PartOut, ReviewOut
from app.schemas import CheckInOut, ChecklistExport, FavouriteOut, SessionOut

# A cap's default (its config setting unset): years of several rows a day.
DEFAULT_CAP = 10_000


class Merge(Enum):
    """How linking a device brings one profile's rows into the other's."""

    MOVE = "move: every row is kept once (its id was made on a device, or it is a way in)"
    LATEST = "last change wins: of the two rows with one key, the later change is kept"


class Gather(Enum):
    """How the JSON export holds one kind's rows."""

    LIST = "a list, oldest first"
    BY_KEY = "an object by the row's key"
    ONE = "one document (null when never saved)"


@dataclass(frozen=True)
class Owned:
    """One kind of saved data: its model and how merge, export, caps and delete treat it."""

    model: type
    merge: Merge
    # Where the JSON export puts it and its CSV record's name; None: not exported, and why_not says why.
    export: tuple[str, ...] | None
    record: str | None
    shape: type[BaseModel] | None
    key: tuple[str, ...] = ()  # besides the profile: the columns that name one row, for LATEST
    cap: str | None = None  # the config setting of its row cap, for rows made on a device
    most: int = DEFAULT_CAP  # the cap when its setting is unset
    called: str = ""  # what the cap's message calls the rows (lazy: in the person's language)
    order: str | None = None  # the column the exports read it in (oldest first)
    gather: Gather = Gather.LIST
    why_not: str = ""
    # A yes/no column that marks a row kept only to record a delete (so an older change arriving later
    # loses to it); such a row holds no content, and the exports leave it out.
    gone: str | None = None


REGISTER = (
    Owned(DeviceKey, Merge.MOVE, None, None, None,
          why_not="a device's way in: only a hash of its secret is kept (Settings lists the devices)"),
    Owned(LinkCode, Merge.MOVE, None, None, None,
          why_not="a one-time code lives ten minutes and only its hash is kept"),
    Owned(Favourite, Merge.LATEST, ("favourites",), "favourite", FavouriteOut, key=("routine",),
          order="changed_at"),
    Owned(PracticeSession, Merge.MOVE, ("sessions",), "session", SessionOut, cap="MAX_SESSIONS_PER_PROFILE",
          called=_l("sessions"), order="started_at"),
    Owned(CheckIn, Merge.MOVE, ("checkins",), "checkin", CheckInOut, cap="MAX_CHECKINS_PER_PROFILE",
          called=_l("check-ins"), order="recorded_at"),
    Owned(SavedRoutine, Merge.LATEST, ("routines",), "routine", OwnRoutineExport, key=("id",),
          cap="MAX_OWN_ROUTINES_PER_PROFILE", most=200, called=_l("own routines"), order="changed_at",
          gone="deleted"),
    Owned(ChecklistState, Merge.LATEST, ("checklist",), "checklist", ChecklistExport, gather=Gather.ONE),
    Owned(PlanPart, Merge.LATEST, ("plan", "parts"), "plan-part", PartOut, key=("part",), order="part",
          gather=Gather.BY_KEY),
    Owned(PlanReview, Merge.MOVE, ("plan", "reviews"), "plan-review", ReviewOut,
          cap="MAX_CHECKINS_PER_PROFILE", called=_l("weekly reviews"), order="recorded_at"),
    Owned(RoutineFeedback, Merge.MOVE, ("plan", "feedback"), "routine-feedback", FeedbackOut,
          cap="MAX_CHECKINS_PER_PROFILE", called=_l("routine feedback"), order="recorded_at"),
    Owned(CalendarFeed, Merge.MOVE, ("plan", "calendar_subscriptions"), "calendar-subscription",
          CalendarFeedExport, order="created_at"),
)

# Pages drawn from the person's own saved data (endpoints). They are sent "private, no-cache", and
# the service worker keeps them apart, in a cache "Delete everything" drops whole (app/rules.py
# names it).
PERSONAL_PAGES = ("history.page", "plan.page", "plan.setup", "plan.review", "plan_summary.page")


def owned(model):
    """The register's line for model."""
    return next(line for line in REGISTER if line.model is model)


def exported():
    """The lines of the register that the exports hold, in the order they write them."""
    return [line for line in REGISTER if line.export is not None]
