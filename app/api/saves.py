"""Saving favourites, sessions, check-ins and the checklist through the JSON API.

Favourites and the checklist carry a change id and the device time of the change
(the last change wins); sessions and check-ins carry ids made on the device, so
sending the same thing twice can never double it.
"""
import functools

from flask import Blueprint, abort, current_app, request
from sqlalchemy import bindparam, func, select, tuple_

from app import profiles
from app.api.bodies import DEFAULT_MOST_ROWS, body, known_routine, retry_once_on_conflict, send
from app.api.declare import documented
from app.api.data import checklist_out, favourite_out
from app.db import UPSERTS, autocommitting, db, dialect, in_code_point_order
from app.models import CheckIn, ChecklistState, Favourite, PracticeSession, rows_of
from app.profiles.register import owned
from app.schemas import (
    Change,
    CheckInIn,
    CheckInOut,
    ChecklistIn,
    ChecklistOut,
    FavouriteOut,
    SessionIn,
    SessionOut,
    Slug,
)

bp = Blueprint("saves", __name__)


# --- The last change wins (favourites and the checklist) -----------------------

@functools.cache
def last_change_wins(model, dialect_name):
    """One statement that puts a change in model's row (every column's value bound as it runs)
    unless the row holds a change that wins over it (models.wins_over, in SQL): it changes one
    row, or none when the change lost. Two sends of one change race inside the database, not
    in Python: nothing is read first and no unique key can break. Built once per model and
    database, as building a statement costs more than running it."""
    insert = UPSERTS[dialect_name](model.__table__)
    key = [column.name for column in model.__table__.primary_key]
    later = tuple_(insert.excluded.changed_at, in_code_point_order(insert.excluded.change_id, dialect_name))
    held = tuple_(model.changed_at, in_code_point_order(model.change_id, dialect_name))
    changed = {column.name: column for column in insert.excluded if column.name not in key}
    return (insert.on_conflict_do_update(index_elements=key, set_=changed, where=later > held)
            .execution_options(preserve_rowcount=True))  # an INSERT's count is kept only when asked


def store_change(model, values):
    """Store a change of this device's profile (values: every column but the profile's id) in one
    statement, committed on its own; True when stored, False when the row held a change that wins."""
    statement = last_change_wins(model, dialect())
    profile_id = profiles.current_profile_id()
    if profile_id is not None:
        return autocommitting().execute(statement, {**values, "profile_id": profile_id}).rowcount == 1
    profile = profiles.profile_for_writing()  # the first save: the profile, its key and the change commit together
    db.session.flush()
    stored = db.session.execute(statement, {**values, "profile_id": profile.id}).rowcount == 1
    db.session.commit()
    return stored


# --- Favourites -----------------------------------------------------------

FAVOURITE_KEPT = select(Favourite.routine, Favourite.favourite, Favourite.changed_at, Favourite.change_id).where(
    Favourite.profile_id == bindparam("profile_id"), Favourite.routine == bindparam("routine"))


def change_favourite(slug, favourite):
    """Apply one favourite change, unless a later change already won."""
    change = body(Change)
    values = {"routine": known_routine(slug), "favourite": favourite, "changed_at": change.changed_at,
              "change_id": str(change.change_id)}
    if store_change(Favourite, values):
        return send(FavouriteOut(routine=slug, favourite=favourite, changed_at=change.changed_at,
                                 change_id=str(change.change_id)))
    # A later change (or this very one) was there first: answer with what the server keeps.
    kept = autocommitting().execute(FAVOURITE_KEPT, {"profile_id": profiles.current_profile_id(), "routine": slug})
    return send(favourite_out(kept.one()))


@bp.put("/favourites/<slug>")
@documented(body=Change, answers={200: FavouriteOut}, path={"slug": Slug})
@retry_once_on_conflict
def put_favourite(slug):
    """Make a routine a favourite."""
    return change_favourite(slug, True)


@bp.delete("/favourites/<slug>")
@documented(body=Change, answers={200: FavouriteOut}, path={"slug": Slug})
@retry_once_on_conflict
def delete_favourite(slug):
    """Stop a routine being a favourite."""
    return change_favourite(slug, False)


# --- Sessions and check-ins --------------------------------------------------

def make_room(model, profile):
    """Refuse a new row once the profile holds the most the server keeps (the register's cap).

    A generous cap that years of daily use never reach, so that no profile can grow
    without bound and make its history and exports slow for everyone.
    """
    line = owned(model)
    most, what = current_app.config.get(line.cap, DEFAULT_MOST_ROWS), line.called
    held = db.session.scalar(rows_of(model, profile, func.count()))
    if held >= most:
        abort(409, description=f"The server already keeps {most:,} {what} for you, the most it can. "
                               "This device keeps this one, but the server cannot take it. To make room, "
                               "download your data in Settings, then delete the old data there "
                               "(Delete everything) and start afresh.")


def row_to_write(model, row_id):
    """This device's profile (made on its first save) and its row with this device-made id:
    None when new and there is room for it; someone else's is refused."""
    profile = profiles.profile_for_writing()
    db.session.flush()
    row = db.session.get(model, str(row_id))
    if row is not None and row.profile_id != profile.id:
        abort(409, description="That id is already in use. Make a new one on the device.")
    if row is None:
        make_room(model, profile)
    return profile, row


@bp.put("/sessions/<uuid:session_id>")
@documented(body=SessionIn, answers={200: SessionOut, 201: SessionOut})
@retry_once_on_conflict
def put_session(session_id):
    """Create or update a session; the update made last on the device wins."""
    data = body(SessionIn)
    known_routine(data.routine)
    profile, row = row_to_write(PracticeSession, session_id)
    created = row is None
    if created:
        row = PracticeSession(id=str(session_id), profile_id=profile.id, **data.model_dump())
        db.session.add(row)
    elif data.updated_at > row.updated_at:
        for field, value in data.model_dump().items():
            setattr(row, field, value)
    db.session.commit()
    return send(SessionOut.model_validate(row, from_attributes=True), 201 if created else 200)


@bp.put("/checkins/<uuid:checkin_id>")
@documented(body=CheckInIn, answers={200: CheckInOut, 201: CheckInOut})
@retry_once_on_conflict
def put_checkin(checkin_id):
    """Record a check-in once; sending it again changes nothing."""
    values = body(CheckInIn).model_dump()
    values["session_id"] = str(values["session_id"]) if values["session_id"] else None
    return record_once(CheckIn, checkin_id, values, CheckInOut)


def record_once(model, row_id, values, shape):
    """Keep a row made on a device (a check-in, a weekly review) the first time it comes; sending
    it again changes nothing. Answers with the row in shape: 201 when new, 200 when already kept."""
    profile, row = row_to_write(model, row_id)
    created = row is None
    if created:
        row = model(id=str(row_id), profile_id=profile.id, **values)
        db.session.add(row)
        db.session.flush()
        # Read the answer before the commit expires the row: read after, a database cut in between
        # would turn a kept save into a 500.
        kept = shape.model_validate(row, from_attributes=True)
        db.session.commit()
        return send(kept, 201)
    return send(shape.model_validate(row, from_attributes=True), 200)


# --- The therapist checklist ---------------------------------------------------

@bp.put("/checklist")
@documented(body=ChecklistIn, answers={200: ChecklistOut})
@retry_once_on_conflict
def put_checklist():
    """Save the whole checklist, unless a later change already won."""
    change = body(ChecklistIn)
    if len(request.get_data()) > 32 * 1024:
        abort(413, description="The checklist is too long to save. Shorten the notes a little.")
    store_change(ChecklistState, {"state": change.state.as_stored(), "changed_at": change.changed_at,
                                  "change_id": str(change.change_id)})
    return send(checklist_out(profiles.current_profile()))
