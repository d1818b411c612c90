"""Reading back what a profile saved through the JSON API, exporting it, and deleting it all."""
from flask import Blueprint, Response

from app import profiles
from app.api.bodies import send
from app.api.declare import WRITE_REFUSALS, documented
from app.api.rows import checklist_out, favourite_out
from app.db import db
from app.models import CheckIn, Favourite, PracticeSession, rows_of
from app.profiles import exports
from app.schemas import (
    CheckInList,
    CheckInOut,
    ChecklistOut,
    Export,
    FavouriteList,
    SessionList,
    SessionOut,
)
from app.site import languages

bp = Blueprint("data", __name__)


# --- Favourites -----------------------------------------------------------

@bp.get("/favourites")
@documented(answers={200: FavouriteList})
def list_favourites():
    """The routines this profile has as favourites."""
    profile = profiles.current_profile()
    rows = [] if profile is None else db.session.execute(
        rows_of(Favourite, profile).where(Favourite.favourite)
        .order_by(Favourite.changed_at.desc())).scalars()
    return send(FavouriteList(favourites=[favourite_out(row) for row in rows]))


# --- Sessions and check-ins --------------------------------------------------

NEWEST_SESSIONS_FIRST = PracticeSession.started_at.desc()
NEWEST_CHECKINS_FIRST = CheckIn.recorded_at.desc()


def plain_rows(profile, model, shape, order):
    """A profile's rows as plain dicts of the fields shape shows: at the row cap, building
    ORM objects and validating each from its attributes would take a second or more."""
    if profile is None:
        return []
    names = list(shape.model_fields)
    found = db.session.execute(rows_of(model, profile, *(model.__table__.c[name] for name in names))
                               .order_by(order))
    return [dict(zip(names, row, strict=True)) for row in found]


def sessions_of(profile, order=NEWEST_SESSIONS_FIRST):
    """A profile's sessions, newest first unless told otherwise."""
    return plain_rows(profile, PracticeSession, SessionOut, order)


@bp.get("/sessions")
@documented(answers={200: SessionList})
def list_sessions():
    """This profile's sessions, newest first."""
    return send(SessionList.model_validate({"sessions": sessions_of(profiles.current_profile())}))


def checkins_of(profile, order=NEWEST_CHECKINS_FIRST):
    """A profile's check-ins, newest first unless told otherwise."""
    return plain_rows(profile, CheckIn, CheckInOut, order)


@bp.get("/checkins")
@documented(answers={200: CheckInList})
def list_checkins():
    """This profile's check-ins, newest first."""
    return send(CheckInList.model_validate({"checkins": checkins_of(profiles.current_profile())}))


# --- The therapist checklist ---------------------------------------------------

@bp.get("/checklist")
@documented(answers={200: ChecklistOut})
def get_checklist():
    """What this profile entered on the therapist checklist."""
    return send(checklist_out(profiles.current_profile()))


# --- Export and delete ------------------------------------------------------

@bp.get("/export.json")
@documented(answers={200: Export})
def export_json():
    """Download everything as JSON: every row the profile owns."""
    return Response(exports.as_json(profiles.current_profile()), mimetype="application/json",
                    headers={"Content-Disposition": 'attachment; filename="easeback-export.json"'})


@bp.get("/export.csv")
@documented(answers={200: ("text/csv", {"type": "string"})}, errors={})
def export_csv():
    """Download everything as one CSV table, a row for each saved row (documents as JSON in a cell)."""
    return Response(exports.as_csv(profiles.current_profile()), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="easeback-export.csv"'})


@bp.delete("/profile")
@documented(answers={204: None}, errors=WRITE_REFUSALS)
def delete_profile():
    """Delete everything this profile saved, on every linked device, and forget this device."""
    profile = profiles.current_profile()
    if profile is not None:
        exports.delete_everything(profile.id)
        db.session.commit()
    # The browser's own HTTP cache may hold a personal page (/history is private, no-cache)
    # that no script can reach: ask the browser to empty it. Not "storage": that would also
    # remove the service worker and every routine kept for offline use.
    # The language chosen in Settings goes too: pages are in the browser's language again.
    response = profiles.forget_device(Response(status=204, headers={"Clear-Site-Data": '"cache"'}))
    languages.remember(response, None)
    return response
