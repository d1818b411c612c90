"""The JSON API the pages use to save favourites, sessions, check-ins and the checklist.

Every write can be sent again safely: favourites and the checklist carry a
change id and the device time of the change (the last change wins); sessions
and check-ins carry ids made on the device. Bad input gets a 4xx with a plain
message, never a 500.
"""
import csv
import functools
import io

from flask import Blueprint, Response, abort, g, jsonify, request
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import profiles
from app.content import library
from app.db import db
from app.limits import limit_writes
from app.models import CheckIn, ChecklistState, Favourite, PracticeSession, utcnow
from app.schemas import (
    Change,
    CheckInIn,
    CheckInList,
    CheckInOut,
    ChecklistIn,
    ChecklistOut,
    Export,
    FavouriteList,
    FavouriteOut,
    SessionIn,
    SessionList,
    SessionOut,
)

bp = Blueprint("api", __name__, url_prefix="/api/v1")
limit_writes(bp)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@bp.before_request
def refuse_cross_site_writes():
    """Only pages from this site may change data (with the SameSite cookie, this stops CSRF)."""
    if request.method in SAFE_METHODS:
        return
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        abort(403, description="Changes can only be made from Easeback's own pages.")
    origin = request.headers.get("Origin")
    if origin is not None and origin != request.host_url.rstrip("/"):
        abort(403, description="Changes can only be made from Easeback's own pages.")


@bp.after_request
def finish(response):
    """Send a new device cookie when this request made a profile."""
    response.headers["Cache-Control"] = "no-store"
    return profiles.set_device_cookie(response)


def retry_once_on_conflict(view):
    """Two sends of one change can race (a closing page's last send and the next page's
    outbox): the loser's insert breaks a unique key, so roll back and apply it again,
    this time as an update of the row the winner made."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except IntegrityError:
            db.session.rollback()
            g.pop("profile", None)
            g.pop("new_device_secret", None)
            return view(*args, **kwargs)
    return wrapper


def body(model):
    """The request's JSON body, validated against model, or a 4xx that says what is wrong."""
    data = request.get_json(silent=True)
    if data is None:
        abort(400, description="Send a JSON body with the header Content-Type: application/json.")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc']) or 'body'}: {problem['msg']}"
            for problem in error.errors()[:5]
        )
        abort(422, description=problems)


def known_routine(slug):
    """Refuse a routine that does not exist."""
    if slug not in library().routines:
        abort(404, description=f"There is no routine called {slug!r}.")
    return slug


def send(model, status=200):
    """Answer with a response model as JSON."""
    return jsonify(model.model_dump(mode="json")), status


# --- Favourites -----------------------------------------------------------

def favourite_out(row):
    """A favourite row as the API shows it."""
    return FavouriteOut(routine=row.routine, favourite=row.favourite, changed_at=row.changed_at)


@bp.get("/favourites")
def list_favourites():
    """The routines this profile has as favourites."""
    profile = profiles.current_profile()
    rows = [] if profile is None else db.session.execute(
        select(Favourite).where(Favourite.profile_id == profile.id, Favourite.favourite)
        .order_by(Favourite.changed_at.desc())).scalars()
    return send(FavouriteList(favourites=[favourite_out(row) for row in rows]))


def change_favourite(slug, favourite):
    """Apply one favourite change, unless a later change already won."""
    change = body(Change)
    profile = profiles.profile_for_writing()
    db.session.flush()
    row = db.session.get(Favourite, (profile.id, known_routine(slug)))
    incoming = (change.changed_at, str(change.change_id))
    if row is None:
        row = Favourite(profile_id=profile.id, routine=slug, favourite=favourite,
                        changed_at=change.changed_at, change_id=str(change.change_id))
        db.session.add(row)
    elif incoming > (row.changed_at, row.change_id):
        row.favourite, row.changed_at, row.change_id = favourite, change.changed_at, str(change.change_id)
    db.session.commit()
    return send(favourite_out(row))


@bp.put("/favourites/<slug>")
@retry_once_on_conflict
def put_favourite(slug):
    """Make a routine a favourite."""
    return change_favourite(slug, True)


@bp.delete("/favourites/<slug>")
@retry_once_on_conflict
def delete_favourite(slug):
    """Stop a routine being a favourite."""
    return change_favourite(slug, False)


# --- Sessions and check-ins --------------------------------------------------

def owned(model, row_id, profile):
    """The row with this id, refusing one that belongs to someone else."""
    row = db.session.get(model, row_id)
    if row is not None and row.profile_id != profile.id:
        abort(409, description="That id is already in use. Make a new one on the device.")
    return row


@bp.put("/sessions/<uuid:session_id>")
@retry_once_on_conflict
def put_session(session_id):
    """Create or update a session; the update made last on the device wins."""
    data = body(SessionIn)
    known_routine(data.routine)
    profile = profiles.profile_for_writing()
    db.session.flush()
    row = owned(PracticeSession, str(session_id), profile)
    created = row is None
    if created:
        row = PracticeSession(id=str(session_id), profile_id=profile.id, **data.model_dump())
        db.session.add(row)
    elif data.updated_at > row.updated_at:
        for field, value in data.model_dump().items():
            setattr(row, field, value)
    db.session.commit()
    return send(SessionOut.model_validate(row, from_attributes=True), 201 if created else 200)


@bp.get("/sessions")
def list_sessions():
    """This profile's sessions, newest first."""
    profile = profiles.current_profile()
    rows = [] if profile is None else db.session.execute(
        select(PracticeSession).where(PracticeSession.profile_id == profile.id)
        .order_by(PracticeSession.started_at.desc())).scalars()
    return send(SessionList(sessions=[SessionOut.model_validate(r, from_attributes=True) for r in rows]))


@bp.put("/checkins/<uuid:checkin_id>")
@retry_once_on_conflict
def put_checkin(checkin_id):
    """Record a check-in once; sending it again changes nothing."""
    data = body(CheckInIn)
    profile = profiles.profile_for_writing()
    db.session.flush()
    row = owned(CheckIn, str(checkin_id), profile)
    created = row is None
    if created:
        values = data.model_dump()
        values["session_id"] = str(values["session_id"]) if values["session_id"] else None
        row = CheckIn(id=str(checkin_id), profile_id=profile.id, **values)
        db.session.add(row)
        db.session.commit()
    return send(CheckInOut.model_validate(row, from_attributes=True), 201 if created else 200)


def checkins_of(profile):
    """A profile's check-ins, newest first."""
    if profile is None:
        return []
    return db.session.execute(select(CheckIn).where(CheckIn.profile_id == profile.id)
                              .order_by(CheckIn.recorded_at.desc())).scalars().all()


@bp.get("/checkins")
def list_checkins():
    """This profile's check-ins, newest first."""
    rows = checkins_of(profiles.current_profile())
    return send(CheckInList(checkins=[CheckInOut.model_validate(r, from_attributes=True) for r in rows]))


# --- The therapist checklist ---------------------------------------------------

def checklist_out(profile):
    """The profile's checklist, or an empty one."""
    row = None if profile is None else db.session.get(ChecklistState, profile.id)
    return ChecklistOut(state=row.state if row else {}, changed_at=row.changed_at if row else 0)


@bp.get("/checklist")
def get_checklist():
    """What this profile entered on the therapist checklist."""
    return send(checklist_out(profiles.current_profile()))


@bp.put("/checklist")
@retry_once_on_conflict
def put_checklist():
    """Save the whole checklist, unless a later change already won."""
    change = body(ChecklistIn)
    if len(request.get_data()) > 32 * 1024:
        abort(413, description="The checklist is too long to save. Shorten the notes a little.")
    profile = profiles.profile_for_writing()
    db.session.flush()
    row = db.session.get(ChecklistState, profile.id)
    incoming = (change.changed_at, str(change.change_id))
    if row is None:
        db.session.add(ChecklistState(profile_id=profile.id, state=change.state,
                                      changed_at=change.changed_at, change_id=str(change.change_id)))
    elif incoming > (row.changed_at, row.change_id):
        row.state, row.changed_at, row.change_id = change.state, change.changed_at, str(change.change_id)
    db.session.commit()
    return send(checklist_out(profile))


# --- Export, delete, link ------------------------------------------------------

def everything(profile):
    """All of a profile's data, for export."""
    favourites = [] if profile is None else db.session.execute(
        select(Favourite).where(Favourite.profile_id == profile.id)).scalars()
    sessions = [] if profile is None else db.session.execute(
        select(PracticeSession).where(PracticeSession.profile_id == profile.id)
        .order_by(PracticeSession.started_at)).scalars()
    return Export(
        exported_at=utcnow(),
        favourites=[favourite_out(row) for row in favourites if row.favourite],
        sessions=[SessionOut.model_validate(r, from_attributes=True) for r in sessions],
        checkins=[CheckInOut.model_validate(r, from_attributes=True) for r in reversed(checkins_of(profile))],
        checklist=checklist_out(profile),
    )


@bp.get("/export.json")
def export_json():
    """Download everything as JSON."""
    response, status = send(everything(profiles.current_profile()))
    response.headers["Content-Disposition"] = 'attachment; filename="easeback-export.json"'
    return response, status


CSV_COLUMNS = ["record", "id", "routine", "favourite", "started_at", "ended_at", "steps_done", "steps_total",
               "completed", "session_id", "moment", "back_pain", "leg_pain", "reach", "note", "recorded_at"]


@bp.get("/export.csv")
def export_csv():
    """Download favourites, sessions and check-ins as one CSV table, a row each."""
    data = everything(profiles.current_profile()).model_dump(mode="json")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record, rows in (("favourite", data["favourites"]), ("session", data["sessions"]),
                         ("checkin", data["checkins"])):
        for row in rows:
            writer.writerow({"record": record, **row})
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="easeback-export.csv"'})


@bp.delete("/profile")
def delete_profile():
    """Delete everything this profile saved, on every linked device, and forget this device."""
    profile = profiles.current_profile()
    if profile is not None:
        db.session.delete(profile)
        db.session.commit()
    return profiles.forget_device(Response(status=204))
