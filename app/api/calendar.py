"""A calendar subscription to my plan's reminders, through the JSON API: made (its address is
given once), asked about, and stopped. The feed itself is served by app/plan/calendar.py."""
import secrets

from flask import Blueprint, Response
from sqlalchemy import delete, select

from app import profiles
from app.api.bodies import retry_once_on_conflict, send
from app.api.declare import ERRORS, WRITE_REFUSALS, documented
from app.db import db
from app.models import CalendarFeed, utcnow
from app.plan.calendar import public_url
from app.plan.schemas import CalendarFeedOut
from app.site import languages

bp = Blueprint("calendar", __name__)


# --- The subscription, through the JSON API -----------------------------------------------

def feed_of(profile):
    """The profile's newest calendar subscription (two devices linked later may each have one), or None."""
    return None if profile is None else db.session.execute(
        select(CalendarFeed).where(CalendarFeed.profile_id == profile.id)
        .order_by(CalendarFeed.created_at.desc(), CalendarFeed.id.desc()).limit(1)).scalar()


@bp.get("/plan/calendar-feed")
@documented(answers={200: CalendarFeedOut})
def get_calendar_feed():
    """Whether a calendar subscription exists, and since when (its address is never shown again)."""
    found = feed_of(profiles.current_profile())
    return send(CalendarFeedOut(active=found is not None, created_at=found.created_at if found else None))


@bp.post("/plan/calendar-feed")
@documented(answers={201: CalendarFeedOut},
            errors={**ERRORS, 503: "This server does not know its public address"})
@retry_once_on_conflict
def make_calendar_feed():
    """Make a new subscription address; any older one stops working."""
    token = secrets.token_urlsafe(32)
    # In the person's language for good: a calendar app sends no cookie to choose one by.
    address = public_url("plan_calendar.feed", token=token,
                         _language=languages.current().code)  # refused (503) before anything changes
    profile = profiles.profile_for_writing()
    db.session.flush()
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.profile_id == profile.id))
    found = CalendarFeed(profile_id=profile.id, token_hash=profiles.secret_hash(token), created_at=utcnow())
    db.session.add(found)
    db.session.commit()
    return send(CalendarFeedOut(active=True, url="webcal://" + address.split("://", 1)[1],
                                created_at=found.created_at), 201)


@bp.delete("/plan/calendar-feed")
@documented(answers={204: None}, errors=WRITE_REFUSALS)
def stop_calendar_feed():
    """Stop the subscription: its address answers 404 from now on."""
    profile = profiles.current_profile()
    if profile is not None:
        db.session.execute(delete(CalendarFeed).where(CalendarFeed.profile_id == profile.id))
        db.session.commit()
    return Response(status=204)
