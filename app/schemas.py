"""The shapes the JSON API accepts and returns (pydantic).

The same models validate requests and generate the OpenAPI document, so the
two can never disagree.
"""
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Literal

from flask_babel import lazy_gettext as _l
from pydantic import (
    UUID4,
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)

from app import days
from app.own_routines.answers import OwnRoutineExport
from app.rules import LIMITS, PAIN_REACHES, SLUG_MAX_LENGTH, SLUG_PATTERN

if TYPE_CHECKING:  # app.plan.schemas imports this module, then completes Export with PlanExport
    from app.plan.schemas import PlanExport

EPOCH = datetime(1970, 1, 1)
FIRST_MOMENT = datetime(2020, 1, 1)
# A phone's clock may be a little fast; one a day or more ahead is wrong, and a time
# from the future would sort after every real one for years (history, last change wins).
CLOCK_SLACK = timedelta(days=1)
# Said to the person, whose device's clock is wrong (lazy: in the language of the request it refuses).
AHEAD = _l("is more than a day ahead of the server's clock; check the date and time on this device")


def _not_ahead(moment):
    """Refuse a naive UTC time more than a day ahead of the server's clock."""
    if moment > days.utcnow() + CLOCK_SLACK:
        raise ValueError(str(AHEAD))
    return moment


def _millis_not_ahead(millis):
    """Refuse a device clock reading (ms since 1970) more than a day ahead of the server's clock."""
    if millis > (days.utcnow() + CLOCK_SLACK - EPOCH) // timedelta(milliseconds=1):
        raise ValueError(str(AHEAD))
    return millis


# A device's clock in ms since 1970: from 2020 to a day ahead of the server's clock.
# Numbers and yes/no must be sent as JSON numbers and booleans, not strings.
DeviceMillis = Annotated[StrictInt,
                         Field(ge=1_577_836_800_000,
                               description="ms since 1970, from 2020 to a day ahead of the server's clock"),
                         AfterValidator(_millis_not_ahead)]
PainScore = Annotated[StrictInt, Field(ge=0, le=10)]
Reach = Literal[tuple(reach.value for reach in PAIN_REACHES)]
# A routine's or exercise's id, checked with content's own pattern.
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH)]


def _as_utc(value):
    """Store every time as naive UTC; a time without a zone is taken as UTC."""
    if value.tzinfo is not None:
        try:
            value = value.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:  # the calendar ends within a day of year 1 and of year 9999 in UTC
            value = datetime.min if value.year == 1 else datetime.max
    if value < FIRST_MOMENT:
        raise ValueError("must be in the year 2020 or later")
    return _not_ahead(value)


UtcDatetime = Annotated[datetime, AfterValidator(_as_utc),
                        Field(description="from 2020 (UTC) to a day ahead of the server's clock")]


class Strict(BaseModel):
    """Refuse unknown fields, so a typo is an error instead of silently lost data."""

    model_config = ConfigDict(extra="forbid")


class Change(Strict):
    """One change made on a device, with its own id so a retry is not a second change."""

    change_id: UUID4
    changed_at: DeviceMillis


class FavouriteOut(BaseModel):
    """A routine's favourite state on the server."""

    routine: str
    favourite: bool
    changed_at: int
    change_id: str


class FavouriteList(BaseModel):
    """The profile's favourite routines."""

    favourites: list[FavouriteOut]


class SessionIn(Strict):
    """A routine session as the device recorded it."""

    routine: Slug
    started_at: UtcDatetime
    ended_at: UtcDatetime
    steps_done: Annotated[StrictInt, Field(ge=0, le=500)]
    steps_total: Annotated[StrictInt, Field(ge=1, le=500)]
    completed: StrictBool
    updated_at: DeviceMillis

    @model_validator(mode="after")
    def _ends_after_it_starts(self):
        """A session cannot end before it started (a device clock changed part-way, or a bug)."""
        if self.ended_at < self.started_at:
            raise ValueError("ended_at is before started_at; a session must end after it starts")
        return self


class SessionOut(BaseModel):
    """A routine session on the server."""

    id: str
    routine: str
    started_at: datetime
    ended_at: datetime
    steps_done: int
    steps_total: int
    completed: bool
    updated_at: int


class SessionList(BaseModel):
    """The profile's sessions, newest first."""

    sessions: list[SessionOut]


class CheckInIn(Strict):
    """A pain check-in as the device recorded it."""

    session_id: UUID4 | None = None
    moment: Literal["before", "after", "any"]
    back_pain: PainScore
    leg_pain: PainScore
    reach: Reach
    note: Annotated[str, Field(max_length=LIMITS["note"])] = ""
    recorded_at: UtcDatetime


class CheckInOut(BaseModel):
    """A pain check-in on the server."""

    id: str
    session_id: str | None
    moment: str
    back_pain: int
    leg_pain: int
    reach: str
    note: str
    recorded_at: datetime


class CheckInList(BaseModel):
    """The profile's check-ins, newest first."""

    checkins: list[CheckInOut]


# The checklist page's own limits (templates/checklist.html): textareas, one-line fields, a
# therapist's details.
LongText = Annotated[StrictStr, Field(max_length=LIMITS["long_text"])]
LineText = Annotated[StrictStr, Field(max_length=LIMITS["line_text"])]
ShortText = Annotated[StrictStr, Field(max_length=LIMITS["short_text"])]
# Item and section ids; the checklist has a few dozen, so hundreds is plenty of room.
Ticks = Annotated[dict[Slug, StrictBool], Field(max_length=300)]


class Symptoms(Strict):
    """"My symptoms in brief", to hand over at a first visit."""

    where: LongText = ""
    side: LineText = ""
    duration: LineText = ""
    helps: LongText = ""
    worse: LongText = ""
    diagnosis: LongText = ""


class TherapistCard(Strict):
    """One therapist on the comparison cards."""

    name: ShortText = ""
    clinic: ShortText = ""
    techniques: ShortText = ""
    cost: ShortText = ""
    registered: StrictBool = False
    ticks: Ticks = {}
    notes: LongText = ""


class ChecklistEntries(Strict):
    """Everything entered on the checklist page, shaped like its form's field names
    (see app/checklist.py); every part may be missing, as on a page never touched."""

    ticks: Ticks = {}
    notes: Annotated[dict[Slug, LongText], Field(max_length=100)] = {}
    symptoms: Symptoms = Symptoms()
    questions: LongText = ""
    therapists: Annotated[list[TherapistCard], Field(max_length=3)] = []

    def as_stored(self):
        """The entries as plain JSON, with only the parts that were sent."""
        # Every field is a string, a boolean or a map of them, so a mutant changing the mode cannot
        # change what is stored (README, Mutation testing); the mode keeps it JSON if that changes.
        return self.model_dump(mode="json", exclude_unset=True)  # pragma: no mutate


class ChecklistIn(Change):
    """The whole therapist checklist, as entered on the device."""

    state: ChecklistEntries


class ChecklistOut(BaseModel):
    """The therapist checklist on the server (state is empty when never saved)."""

    state: dict
    changed_at: int
    change_id: str | None  # None when never saved


class LinkCodeOut(BaseModel):
    """A one-time code to type on another device."""

    code: str
    expires_at: datetime


class LinkIn(Strict):
    """The code from the other device: 10 characters, as shown (XXXXX-XXXXX) or typed with spaces."""

    code: Annotated[str, Field(min_length=LIMITS["link_code_min"], max_length=LIMITS["link_code_max"])]


class Linked(BaseModel):
    """The result of linking this device."""

    linked: bool


class ChecklistExport(BaseModel):
    """The therapist checklist in an export: the whole document as saved, and its last change."""

    state: dict
    changed_at: int
    change_id: str


class Export(BaseModel):
    """Everything the profile has saved."""

    exported_at: datetime
    favourites: list[FavouriteOut]
    sessions: list[SessionOut]
    checkins: list[CheckInOut]
    checklist: "ChecklistExport | None"  # None: never saved
    routines: list[OwnRoutineExport]
    plan: "PlanExport"  # defined with my plan's shapes (app/plan/schemas.py), which completes this model


class Error(BaseModel):
    """What went wrong, in words."""

    error: str
    detail: str


class DeviceOut(BaseModel):
    """One device linked to the profile: when it joined and when it was last used, nothing more."""

    id: int
    linked_at: datetime
    last_used_at: datetime | None
    this_device: bool


class DeviceList(BaseModel):
    """The devices linked to this profile, oldest first."""

    devices: list[DeviceOut]
