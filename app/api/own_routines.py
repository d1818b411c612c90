"""Own routines through the JSON API: a routine a person builds (or is given by link), saved by the id
its device made. The change made last on any device wins, a delete too, which is kept as a change
without the definition. A definition is checked as app/content/own.py's OwnRoutine checks it: the
library's exercises, each dosed as it is timed or counted, within app/rules.py OWN_ROUTINES."""
from flask import Blueprint, abort, request
from flask_babel import gettext
from pydantic import ValidationError
from sqlalchemy import bindparam, select

from app import profiles
from app.api.bodies import body, retry_once_on_conflict, send
from app.api.declare import documented
from app.api.rows import make_room, store_change
from app.content import library
from app.content.own import OwnRoutine
from app.db import autocommitting, db
from app.models import SavedRoutine, rows_of
from app.own_routines.answers import OwnRoutineList, OwnRoutineOut, routine_out
from app.own_routines.schemas import OwnRoutineIn
from app.profiles.register import DEFAULT_CAP
from app.schemas import Change

bp = Blueprint("own_routines", __name__)

# The longest definition the bounds allow, every text escaped as \uXXXX, is under 8 KB.
MOST_BYTES = 16 * 1024
# Built once: building a statement costs more than running it.
KEPT = select(*SavedRoutine.__table__.c).where(SavedRoutine.profile_id == bindparam("profile_id"),
                                               SavedRoutine.id == bindparam("id"))


def refuse_oversize():
    """Refuse a body far larger than any routine the bounds allow."""
    if len(request.get_data()) > MOST_BYTES:
        abort(413, description=gettext("This routine is too large to save. No routine within the limits "
                                       "comes near %(size)s KB.", size=MOST_BYTES // 1024))


def what_is_wrong(error):
    """OwnRoutine's refusal as "field: message; ...". A step whose exercise was refused also reports that
    its exercise's own dose could not be looked up; that follow-on says nothing new, so it is left out."""
    problems = []
    for problem in error.errors(include_url=False):
        if problem["type"] == "default_factory_not_called":
            continue
        where = [*problem["loc"], *filter(None, [(problem.get("ctx") or {}).get("field")])]
        problems.append(f"{'.'.join(str(part) for part in where) or 'body'}: {problem['msg']}")
    return "; ".join(problems[:5])


def checked(sent):
    """The definition sent, checked and normalised (every step in full), or a 422 naming each field."""
    try:
        routine = OwnRoutine.model_validate(sent.definition(), context={"exercises": library().exercises})
    except ValidationError as error:
        abort(422, description=what_is_wrong(error))
    return routine.definition()


def make_room_for(routine_id, deleting):
    """Refuse a routine past the profile's cap (deleted ones do not count), and a delete of a routine the
    server never held once the profile keeps as many rows as any kind may; a change to one held passes."""
    profile = profiles.current_profile()
    if profile is None:
        return  # the first save: nothing is held yet
    held = autocommitting().execute(KEPT, {"profile_id": profile.id, "id": routine_id}).one_or_none()
    if deleting and held is None:
        make_room(SavedRoutine, profile, most=DEFAULT_CAP)
    elif not deleting and (held is None or held.deleted):
        make_room(SavedRoutine, profile, SavedRoutine.deleted.is_(False))


def keep_change(routine_id, change, definition):
    """Store a save (a definition) or a delete (None) unless a later change already won; answer with the
    row the server keeps."""
    routine_id, deleting = str(routine_id), definition is None
    make_room_for(routine_id, deleting)
    store_change(SavedRoutine, {"id": routine_id, "definition": definition, "deleted": deleting,
                                "changed_at": change.changed_at, "change_id": str(change.change_id)})
    kept = autocommitting().execute(KEPT, {"profile_id": profiles.current_profile_id(), "id": routine_id})
    return send(routine_out(kept.one()))


@bp.put("/own-routines/<uuid:routine_id>")
@documented(body=OwnRoutineIn, answers={200: OwnRoutineOut})
@retry_once_on_conflict
def put_own_routine(routine_id):
    """Save an own routine, unless a later change (a delete too) already won.

    The answer is the routine the server keeps, its steps in full (each dose, side and rest said)."""
    refuse_oversize()
    sent = body(OwnRoutineIn)
    return keep_change(routine_id, sent, checked(sent))


@bp.delete("/own-routines/<uuid:routine_id>")
@documented(body=Change, answers={200: OwnRoutineOut})
@retry_once_on_conflict
def delete_own_routine(routine_id):
    """Delete an own routine, unless a later change already won.

    The server keeps only its id and this change, so a save made earlier and sent later cannot bring it
    back; a routine the server has not been sent yet is deleted all the same."""
    refuse_oversize()
    return keep_change(routine_id, body(Change), None)


@bp.get("/own-routines")
@documented(answers={200: OwnRoutineList})
def list_own_routines():
    """This profile's own routines (not the deleted ones), the latest change first."""
    profile = profiles.current_profile()
    rows = [] if profile is None else db.session.execute(
        rows_of(SavedRoutine, profile).where(SavedRoutine.deleted.is_(False))
        .order_by(SavedRoutine.changed_at.desc(), SavedRoutine.change_id.desc(), SavedRoutine.id)).scalars()
    return send(OwnRoutineList(routines=[routine_out(row) for row in rows]))
