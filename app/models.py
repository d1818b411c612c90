"""What Easeback stores on the server, for an anonymous profile.

Times a person's device decided (when a favourite was changed, when a routine
started) are kept as the device sent them. Ids of sessions and check-ins are
made on the device, so sending the same thing twice can never double it.
All datetimes are naive UTC.
"""
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, false, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.days import utcnow
from app.db import db


def wins_over(changed_at, change_id, row):
    """True when a change (device time, change id) beats what row holds: the last change wins.

    The change id breaks ties between two devices' changes made in the same millisecond, so
    every server and every merge picks the same winner.
    """
    return row is None or (changed_at, str(change_id)) > (row.changed_at, row.change_id)


def rows_of(model, profile, *columns):
    """A query for one profile's rows of model (or only the given columns or counts);
    the caller adds its own conditions, order and limit, and runs it."""
    return select(*(columns or (model,))).where(model.profile_id == profile.id)


class Profile(db.Model):
    """An anonymous person: no name, no e-mail, just their saved things."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    keys: Mapped[list["DeviceKey"]] = relationship(back_populates="profile", cascade="all, delete-orphan",
                                                   passive_deletes=True)


class DeviceKey(db.Model):
    """One device's way in: the hash of the secret in its cookie."""

    __tablename__ = "device_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)  # when it was linked
    # Updated at most once a day (profiles.note_use), so reading stays a read.
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime, default=utcnow)

    profile: Mapped[Profile] = relationship(back_populates="keys")


class Favourite(db.Model):
    """A routine's favourite state; the change made last on any device wins."""

    __tablename__ = "favourites"

    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True)
    routine: Mapped[str] = mapped_column(String(80), primary_key=True)
    favourite: Mapped[bool] = mapped_column(Boolean)
    changed_at: Mapped[int] = mapped_column(BigInteger)  # device clock, ms since 1970
    change_id: Mapped[str] = mapped_column(String(36))


class SavedRoutine(db.Model):
    """A routine the person built (or was given by link), by the id its device made; the change made
    last on any device wins. A delete is a change too: the row stays, marked deleted and without its
    definition, so that an older save arriving later cannot bring the routine back."""

    __tablename__ = "saved_routines"

    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # As app/content/own.py's OwnRoutine.definition() gives it; None once deleted.
    definition: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    deleted: Mapped[bool] = mapped_column(Boolean)
    changed_at: Mapped[int] = mapped_column(BigInteger)  # device clock, ms since 1970
    change_id: Mapped[str] = mapped_column(String(36))


class PracticeSession(db.Model):
    """One time through a routine, finished or stopped part-way."""

    __tablename__ = "sessions"
    # /history and the exports read one profile's sessions in time order.
    __table_args__ = (Index("ix_sessions_profile_started", "profile_id", "started_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    routine: Mapped[str] = mapped_column(String(80))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime] = mapped_column(DateTime)
    steps_done: Mapped[int] = mapped_column(Integer)
    steps_total: Mapped[int] = mapped_column(Integer)
    completed: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[int] = mapped_column(BigInteger)  # device clock, ms; the latest update wins


class CheckIn(db.Model):
    """How back and leg felt at one moment, before or after a routine or on its own."""

    __tablename__ = "checkins"
    # /history and the exports read one profile's check-ins in time order.
    __table_args__ = (Index("ix_checkins_profile_recorded", "profile_id", "recorded_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    # No foreign key: a check-in may reach the server before its session does.
    session_id: Mapped[str | None] = mapped_column(String(36), index=True)
    moment: Mapped[str] = mapped_column(String(8))
    back_pain: Mapped[int] = mapped_column(Integer)
    leg_pain: Mapped[int] = mapped_column(Integer)
    reach: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(String(280), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class ChecklistState(db.Model):
    """Everything entered on the therapist checklist, as one document."""

    __tablename__ = "checklist_states"

    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[dict] = mapped_column(JSON)
    changed_at: Mapped[int] = mapped_column(BigInteger)
    change_id: Mapped[str] = mapped_column(String(36))


class LinkCode(db.Model):
    """A short one-time code that lets another device join a profile."""

    __tablename__ = "link_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


# --- My plan (/plan) --------------------------------------------------------------

class PlanPart(db.Model):
    """One part of a person's plan, as one document: where it hurts ("symptoms"), the everyday
    activities that matter ("activities"), the days and times that suit ("schedule"), or the step
    they chose themselves ("choice"). Each part's last change, on any device, wins."""

    __tablename__ = "plan_parts"

    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True)
    part: Mapped[str] = mapped_column(String(16), primary_key=True)
    answers: Mapped[dict] = mapped_column(JSON)
    changed_at: Mapped[int] = mapped_column(BigInteger)  # device clock, ms since 1970
    change_id: Mapped[str] = mapped_column(String(36))


class PlanReview(db.Model):
    """A weekly review: the activities re-rated, leg pain, numbness, weakness, warning signs, a foot that
    drags, pain waking most nights, and whether the person is struggling to cope."""

    __tablename__ = "plan_reviews"
    __table_args__ = (Index("ix_plan_reviews_profile_recorded", "profile_id", "recorded_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    activities: Mapped[list] = mapped_column(JSON)  # the activities' scores (0-10), in their order
    leg_pain: Mapped[int] = mapped_column(Integer)
    numbness: Mapped[str] = mapped_column(String(8))
    weakness: Mapped[str] = mapped_column(String(8))
    warning_sign: Mapped[bool] = mapped_column(Boolean)
    foot_drags: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    woken_most_nights: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    struggling: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # to cope
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class RoutineFeedback(db.Model):
    """After a routine: did it help, make no change, or make things worse."""

    __tablename__ = "routine_feedback"
    __table_args__ = (Index("ix_routine_feedback_profile_recorded", "profile_id", "recorded_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    routine: Mapped[str] = mapped_column(String(80))
    # No foreign key: the feedback may reach the server before its session does.
    session_id: Mapped[str | None] = mapped_column(String(36))
    verdict: Mapped[str] = mapped_column(String(8))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class CalendarFeed(db.Model):
    """A calendar subscription to a profile's reminders: only the hash of its token is kept.
    Making a new one (or deleting it in Settings) stops the profile's older ones working; two
    devices that each had one before they were linked keep both."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
