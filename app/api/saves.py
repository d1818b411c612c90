"""Saving favourites, sessions, check-ins and the checklist through the JSON API.

Favourites and the checklist carry a change id and the device time of the change
(the last change wins); sessions and check-ins carry ids made on the device, so
sending the same thing twice can never double it.
"""

from flask import Blueprint, abort, request
from flask_babel import gettext
from sqlalchemy import bindparam, select

from app import profiles
from app.api.bodies import body, known_routine, retry_once_on_conflict, send
from app.api.declare import documented
from app.api.rows import checklist_out, favourite_out, record_once, row_to_write, store_change
from app.db import autocommitting, db
from app.models import CheckIn, ChecklistState, Favourite, PracticeSession
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

# --- Favourites -----------------------------------------------------------

FAVOURITE_KEPT = select(
    Favourite.routine, Favourite.favourite, Favourite.changed_at, Favourite.change_id,
).where(Favourite.profile_id == bindparam("profile_id"), Favourite.routine == bindparam("routine"))


def change_favourite(slug, favourite):
    """Apply one favourite change, unless a later change already won."""
    change = body(Change)
    values = {"routine": known_routine(slug), "favourite": favourite, "changed_at": change.changed_at,
              "change_id": str(change.change_id)}
    if store_change(Favourite, values):
        return send(FavouriteOut(routine=slug, favourite=favourite, changed_at=change.changed_at,
                                 change_id=str(change.change_id)))
    # A later change (or this very one) was there first: answer with what the server keeps.
    kept = autocommitting().execute(
        FAVOURITE_KEPT, {"profile_id": profiles.current_profile_id(), "routine": slug})
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
    return send(*record_once(CheckIn, checkin_id, values, CheckInOut))


# --- The therapist checklist ---------------------------------------------------

@bp.put("/checklist")
@documented(body=ChecklistIn, answers={200: ChecklistOut})
@retry_once_on_conflict
def put_checklist():
    """Save the whole checklist, unless a later change already won."""
    change = body(ChecklistIn)
    if len(request.get_data()) > 32 * 1024:
        abort(413, description=gettext("The checklist is too long to save. Shorten the notes a little."))
    store_change(ChecklistState, {"state": change.state.as_stored(), "changed_at": change.changed_at,
                                  "change_id": str(change.change_id)})
    return send(checklist_out(profiles.current_profile()))
