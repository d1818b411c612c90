"""The JSON API the pages use to save favourites, sessions, check-ins and the checklist.

Every write can be sent again safely: favourites and the checklist carry a
change id and the device time of the change (the last change wins); sessions
and check-ins carry ids made on the device. Bad input gets a 4xx with a plain
message, never a 500.
"""
import csv
import functools
import io
import json
import math
from datetime import datetime

from flask import Blueprint, Response, abort, current_app, g, jsonify, request
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app import profiles
from app.content import library
from app.db import db
from app.limits import limit_writes
from app.models import CheckIn, ChecklistState, Favourite, PracticeSession, utcnow, wins_over
from app.schemas import (
    Change,
    CheckInIn,
    CheckInList,
    CheckInOut,
    ChecklistEntries,
    ChecklistIn,
    ChecklistOut,
    FavouriteList,
    FavouriteOut,
    SessionIn,
    SessionList,
    SessionOut,
)

bp = Blueprint("api", __name__, url_prefix="/api/v1")
limit_writes(bp)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Sessions and check-ins a profile may hold: years of several a day.
DEFAULT_MOST_ROWS = 10_000
# The deepest request (a checklist's therapist ticks) is 4 levels; anything far deeper is abuse.
MAX_JSON_DEPTH = 20


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


def _refuse_constant(name):
    """NaN and Infinity are not JSON, though Python's reader would take them."""
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text):
    """A JSON number too large for a float (1e400) would be read as infinity: refuse it."""
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} is too large a number")
    return number


def _check_strings_and_depth(data):
    """Refuse JSON nested deeper than any request needs (400) and NUL characters in any text
    (422), which PostgreSQL cannot store; walked without recursion, so depth cannot crash it."""
    pending = [(data, (), 0)]
    while pending:
        value, where, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            abort(400, description=f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.")
        if isinstance(value, str) and "\x00" in value:
            place = ".".join(str(part) for part in where) or "body"
            abort(422, description=f"{place}: must not contain the NUL character (\\u0000)")
        if isinstance(value, dict):
            pending.extend((key, where, depth + 1) for key in value)
            pending.extend((item, (*where, key), depth + 1) for key, item in value.items())
        elif isinstance(value, list):
            pending.extend((item, (*where, index), depth + 1) for index, item in enumerate(value))


def json_body():
    """The request's JSON body as plain data, or a 400 that says why it cannot be read."""
    if not request.is_json:
        abort(400, description="Send a JSON body with the header Content-Type: application/json.")
    try:
        data = json.loads(request.get_data(), parse_constant=_refuse_constant, parse_float=_finite)
    except RecursionError:
        abort(400, description=f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.")
    except ValueError as error:  # also bad UTF-8: UnicodeDecodeError is a ValueError
        abort(400, description=f"The body is not valid JSON ({error}).")
    if data is None:
        abort(400, description="Send a JSON body with the header Content-Type: application/json.")
    _check_strings_and_depth(data)
    return data


def body(model):
    """The request's JSON body, validated against model, or a 4xx that says what is wrong."""
    data = json_body()
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
    if row is None:
        row = Favourite(profile_id=profile.id, routine=slug, favourite=favourite,
                        changed_at=change.changed_at, change_id=str(change.change_id))
        db.session.add(row)
    elif wins_over(change.changed_at, change.change_id, row):
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


def make_room(model, profile, setting, what):
    """Refuse a new row once the profile holds the most the server keeps (config setting).

    A generous cap that years of daily use never reach, so that no profile can grow
    without bound and make its history and exports slow for everyone.
    """
    most = current_app.config.get(setting, DEFAULT_MOST_ROWS)
    held = db.session.scalar(select(func.count()).select_from(model).where(model.profile_id == profile.id))
    if held >= most:
        abort(409, description=f"The server already keeps {most:,} {what} for you, the most it can. "
                               "This device keeps this one, but the server cannot take it. To make room, "
                               "download your data in Settings, then delete the old data there "
                               "(Delete everything) and start afresh.")


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
        make_room(PracticeSession, profile, "MAX_SESSIONS_PER_PROFILE", "sessions")
        row = PracticeSession(id=str(session_id), profile_id=profile.id, **data.model_dump())
        db.session.add(row)
    elif data.updated_at > row.updated_at:
        for field, value in data.model_dump().items():
            setattr(row, field, value)
    db.session.commit()
    return send(SessionOut.model_validate(row, from_attributes=True), 201 if created else 200)


def rows_of(profile, model, shape, order):
    """A profile's rows as plain dicts of the fields shape shows: at the row cap, building
    ORM objects and validating each from its attributes would take a second or more."""
    if profile is None:
        return []
    names = list(shape.model_fields)
    found = db.session.execute(select(*(model.__table__.c[name] for name in names))
                               .where(model.profile_id == profile.id).order_by(order))
    return [dict(zip(names, row)) for row in found]


def sessions_of(profile, order=PracticeSession.started_at.desc()):
    """A profile's sessions, newest first unless told otherwise."""
    return rows_of(profile, PracticeSession, SessionOut, order)


@bp.get("/sessions")
def list_sessions():
    """This profile's sessions, newest first."""
    return send(SessionList.model_validate({"sessions": sessions_of(profiles.current_profile())}))


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
        make_room(CheckIn, profile, "MAX_CHECKINS_PER_PROFILE", "check-ins")
        values = data.model_dump()
        values["session_id"] = str(values["session_id"]) if values["session_id"] else None
        row = CheckIn(id=str(checkin_id), profile_id=profile.id, **values)
        db.session.add(row)
        db.session.commit()
    return send(CheckInOut.model_validate(row, from_attributes=True), 201 if created else 200)


def checkins_of(profile, order=CheckIn.recorded_at.desc()):
    """A profile's check-ins, newest first unless told otherwise."""
    return rows_of(profile, CheckIn, CheckInOut, order)


@bp.get("/checkins")
def list_checkins():
    """This profile's check-ins, newest first."""
    return send(CheckInList.model_validate({"checkins": checkins_of(profiles.current_profile())}))


# --- The therapist checklist ---------------------------------------------------

def checklist_out(profile):
    """The profile's checklist, or an empty one."""
    row = None if profile is None else db.session.get(ChecklistState, profile.id)
    if row is None:
        return ChecklistOut(state={}, changed_at=0)
    try:
        state = ChecklistEntries.model_validate(row.state).as_stored()
    except ValidationError:
        # Only a script could have saved this, before the shape was checked; it cannot be
        # shown or exported. As "never saved", devices keep their own copy and replace it.
        current_app.logger.warning("Checklist of profile %s does not fit the checklist's shape", profile.id)
        return ChecklistOut(state={}, changed_at=0)
    return ChecklistOut(state=state, changed_at=row.changed_at)


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
    if row is None:
        db.session.add(ChecklistState(profile_id=profile.id, state=change.state.as_stored(),
                                      changed_at=change.changed_at, change_id=str(change.change_id)))
    elif wins_over(change.changed_at, change.change_id, row):
        row.state, row.changed_at, row.change_id = change.state.as_stored(), change.changed_at, str(change.change_id)
    db.session.commit()
    return send(checklist_out(profile))


# --- Export, delete, link ------------------------------------------------------

def everything(profile):
    """All of a profile's data, oldest first, as plain data in the shape of Export.

    Not built as an Export model: at the row cap, validating every row would take most of
    a second, and the rows already have the shape (rows_of reads SessionOut's and
    CheckInOut's fields; a test checks the whole against Export).
    """
    favourites = [] if profile is None else db.session.execute(
        select(Favourite).where(Favourite.profile_id == profile.id)).scalars()
    return {
        "exported_at": utcnow(),
        "favourites": [favourite_out(row).model_dump() for row in favourites if row.favourite],
        "sessions": sessions_of(profile, PracticeSession.started_at),
        "checkins": checkins_of(profile, CheckIn.recorded_at),
        "checklist": checklist_out(profile).model_dump(),
    }


def as_json_value(value):
    """Times as ISO 8601 text, as pydantic writes them everywhere else in the API."""
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


@bp.get("/export.json")
def export_json():
    """Download everything as JSON."""
    text = json.dumps(everything(profiles.current_profile()), default=as_json_value, separators=(",", ":"))
    return Response(text, mimetype="application/json",
                    headers={"Content-Disposition": 'attachment; filename="easeback-export.json"'})


# A cell starting with one of these is run as a formula by spreadsheets (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_cell(value):
    """A value for a CSV cell: times in ISO 8601, and text that a spreadsheet would run as a
    formula kept as text by starting it with a single quote, as OWASP advises."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


CSV_COLUMNS = ["record", "id", "routine", "favourite", "started_at", "ended_at", "steps_done", "steps_total",
               "completed", "session_id", "moment", "back_pain", "leg_pain", "reach", "note", "recorded_at"]
CSV_POSITIONS = {name: position for position, name in enumerate(CSV_COLUMNS)}


@bp.get("/export.csv")
def export_csv():
    """Download favourites, sessions and check-ins as one CSV table, a row each."""
    data = everything(profiles.current_profile())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for record, rows in (("favourite", data["favourites"]), ("session", data["sessions"]),
                         ("checkin", data["checkins"])):
        for row in rows:
            line = [record, *[""] * (len(CSV_COLUMNS) - 1)]
            for name, value in row.items():  # only the record's own columns: thousands of rows
                if name in CSV_POSITIONS:
                    line[CSV_POSITIONS[name]] = as_cell(value)
            writer.writerow(line)
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="easeback-export.csv"'})


@bp.delete("/profile")
def delete_profile():
    """Delete everything this profile saved, on every linked device, and forget this device."""
    profile = profiles.current_profile()
    if profile is not None:
        db.session.delete(profile)
        db.session.commit()
    # The browser's own HTTP cache may hold a personal page (/history is private, no-cache)
    # that no script can reach: ask the browser to empty it. Not "storage": that would also
    # remove the service worker and every routine kept for offline use.
    return profiles.forget_device(Response(status=204, headers={"Clear-Site-Data": '"cache"'}))
