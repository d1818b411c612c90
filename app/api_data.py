"""Reading back what a profile saved through the JSON API, exporting it, and deleting it all."""
import csv
import io
import json
from datetime import datetime

from flask import Response, current_app
from pydantic import ValidationError

from app import profiles
from app.api import bp, send
from app.db import db
from app.models import CalendarFeed, CheckIn, ChecklistState, Favourite, PracticeSession, rows_of, utcnow
from app.plan_data import as_saved, feedback_of, parts_of, reviews_of
from app.schemas import (
    CheckInList,
    CheckInOut,
    ChecklistEntries,
    ChecklistOut,
    FavouriteList,
    FavouriteOut,
    SessionList,
    SessionOut,
)


# --- Favourites -----------------------------------------------------------

def favourite_out(row):
    """A favourite row as the API shows it."""
    return FavouriteOut(routine=row.routine, favourite=row.favourite, changed_at=row.changed_at,
                        change_id=row.change_id)


@bp.get("/favourites")
def list_favourites():
    """The routines this profile has as favourites."""
    profile = profiles.current_profile()
    rows = [] if profile is None else db.session.execute(
        rows_of(Favourite, profile).where(Favourite.favourite).order_by(Favourite.changed_at.desc())).scalars()
    return send(FavouriteList(favourites=[favourite_out(row) for row in rows]))


# --- Sessions and check-ins --------------------------------------------------

def plain_rows(profile, model, shape, order):
    """A profile's rows as plain dicts of the fields shape shows: at the row cap, building
    ORM objects and validating each from its attributes would take a second or more."""
    if profile is None:
        return []
    names = list(shape.model_fields)
    found = db.session.execute(rows_of(model, profile, *(model.__table__.c[name] for name in names))
                               .order_by(order))
    return [dict(zip(names, row)) for row in found]


def sessions_of(profile, order=PracticeSession.started_at.desc()):
    """A profile's sessions, newest first unless told otherwise."""
    return plain_rows(profile, PracticeSession, SessionOut, order)


@bp.get("/sessions")
def list_sessions():
    """This profile's sessions, newest first."""
    return send(SessionList.model_validate({"sessions": sessions_of(profiles.current_profile())}))


def checkins_of(profile, order=CheckIn.recorded_at.desc()):
    """A profile's check-ins, newest first unless told otherwise."""
    return plain_rows(profile, CheckIn, CheckInOut, order)


@bp.get("/checkins")
def list_checkins():
    """This profile's check-ins, newest first."""
    return send(CheckInList.model_validate({"checkins": checkins_of(profiles.current_profile())}))


# --- The therapist checklist ---------------------------------------------------

def checklist_out(profile):
    """The profile's checklist, or an empty one."""
    row = None if profile is None else db.session.get(ChecklistState, profile.id)
    if row is None:
        return ChecklistOut(state={}, changed_at=0, change_id=None)
    try:
        state = ChecklistEntries.model_validate(row.state).as_stored()
    except ValidationError:
        # Only a script could have saved this, before the shape was checked; it cannot be
        # shown or exported. As "never saved", devices keep their own copy and replace it.
        current_app.logger.warning("Checklist of profile %s does not fit the checklist's shape", profile.id)
        return ChecklistOut(state={}, changed_at=0, change_id=None)
    return ChecklistOut(state=state, changed_at=row.changed_at, change_id=row.change_id)


@bp.get("/checklist")
def get_checklist():
    """What this profile entered on the therapist checklist."""
    return send(checklist_out(profiles.current_profile()))


# --- Export and delete ------------------------------------------------------

def everything(profile):
    """All of a profile's data, oldest first, as plain data in the shape of Export.

    Not built as an Export model: at the row cap, validating every row would take most of
    a second, and the rows already have the shape (plain_rows reads SessionOut's and
    CheckInOut's fields; a test checks the whole against Export).
    """
    favourites = [] if profile is None else db.session.execute(rows_of(Favourite, profile)).scalars()
    return {
        "exported_at": utcnow(),
        "favourites": [favourite_out(row).model_dump() for row in favourites if row.favourite],
        "sessions": sessions_of(profile, PracticeSession.started_at),
        "checkins": checkins_of(profile, CheckIn.recorded_at),
        "checklist": checklist_out(profile).model_dump(),
        "plan": plan_export(profile),
    }


def plan_export(profile):
    """My plan's parts, reviews and feedback, oldest first, as plain data, and whether a calendar
    subscription exists."""
    feed = None if profile is None else db.session.get(CalendarFeed, profile.id)
    return {
        **as_saved(parts_of(profile), reviews_of(profile), feedback_of(profile)),
        "calendar_subscription": {"active": feed is not None, "url": None,
                                  "created_at": feed.created_at if feed else None},
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
               "completed", "session_id", "moment", "back_pain", "leg_pain", "reach", "note", "recorded_at",
               "activities", "numbness", "weakness", "warning_sign", "verdict", "part", "answers"]
CSV_POSITIONS = {name: position for position, name in enumerate(CSV_COLUMNS)}


@bp.get("/export.csv")
def export_csv():
    """Download favourites, sessions, check-ins and my plan as one CSV table, a row each (a plan
    part's answers as JSON in one cell)."""
    data = everything(profiles.current_profile())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    plan = data["plan"]
    parts = [{"part": name, "answers": json.dumps(part["answers"], separators=(",", ":")),
              "changed_at": part["changed_at"]} for name, part in plan["parts"].items()]
    reviews = [{**review, "activities": " ".join(map(str, review["activities"]))} for review in plan["reviews"]]
    for record, rows in (("favourite", data["favourites"]), ("session", data["sessions"]),
                         ("checkin", data["checkins"]), ("plan-part", parts), ("plan-review", reviews),
                         ("routine-feedback", plan["feedback"])):
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
