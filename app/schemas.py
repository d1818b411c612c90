"""The shapes the JSON API accepts and returns (pydantic).

The same models validate requests and generate the OpenAPI document, so the
two can never disagree.
"""
from datetime import datetime, timezone
from typing import Annotated, Literal

from pydantic import UUID4, AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictInt

# A device's clock in ms since 1970: between 2020 and 2100.
# Numbers and yes/no must be sent as JSON numbers and booleans, not strings.
DeviceMillis = Annotated[StrictInt, Field(ge=1_577_836_800_000, le=4_102_444_800_000)]
PainScore = Annotated[StrictInt, Field(ge=0, le=10)]
Reach = Literal["none", "buttock", "thigh", "calf", "foot"]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]


def _as_utc(value):
    """Store every time as naive UTC; a time without a zone is taken as UTC."""
    if value.tzinfo is not None:
        try:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        except OverflowError:  # e.g. 0001-01-01T00:00+01:00 is before year 1 in UTC
            value = None
    if value is None or not 2020 <= value.year <= 2100:
        raise ValueError("must be between the years 2020 and 2100")
    return value


UtcDatetime = Annotated[datetime, AfterValidator(_as_utc)]


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
    note: Annotated[str, Field(max_length=280)] = ""
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


class ChecklistIn(Change):
    """The whole therapist checklist, as entered on the device."""

    state: dict


class ChecklistOut(BaseModel):
    """The therapist checklist on the server (state is empty when never saved)."""

    state: dict
    changed_at: int


class LinkCodeOut(BaseModel):
    """A one-time code to type on another device."""

    code: str
    expires_at: datetime


class LinkIn(Strict):
    """The code from the other device: 10 characters, as shown (XXXXX-XXXXX) or typed with spaces."""

    code: Annotated[str, Field(min_length=10, max_length=24)]


class Linked(BaseModel):
    """The result of linking this device."""

    linked: bool


class Export(BaseModel):
    """Everything the profile has saved."""

    exported_at: datetime
    favourites: list[FavouriteOut]
    sessions: list[SessionOut]
    checkins: list[CheckInOut]
    checklist: ChecklistOut


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
