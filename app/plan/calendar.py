"""My plan's reminders in the person's own calendar: a file to add once, or a subscription.

"Add to calendar" downloads one weekly event on the chosen days, at the chosen time in the
device's time zone; it links to /plan, because today's suggestion changes from day to day.
A subscription (webcal) keeps a calendar in step when the schedule changes; it works by an
unguessable token in its address, since calendar apps send no cookie. Only the token's hash is
kept, so making a new subscription, or stopping it in Settings, ends the old address.
"""
import hashlib
import ipaddress
import uuid
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, current_app, make_response, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from icalendar import Alarm, Calendar, Event, vDuration
from sqlalchemy import select

from app import profiles
from app.days import person_zone
from app.db import db
from app.models import CalendarFeed, Profile
from app.plan.data import parts_of
from app.plan.schemas import DAYS

bp = Blueprint("plan_calendar", __name__)

WEEKDAYS = list(DAYS)  # MO..SU, in the order of date.weekday()
# A calendar app asks again about this often; the schedule rarely changes faster.
REFRESH = timedelta(hours=6)
LONGEST_TOKEN = 64  # token_urlsafe(32) makes 43 characters
DESCRIPTION = _l("Open your plan to see today's routines and walk: the suggestion may change from day to "
                 "day.\nIf anything on the warning-signs list applies, get help instead.")
CALENDAR_NAME = _l("Easeback: my plan")


def first_day(since, days):
    """The first of the chosen weekdays on or after since (RFC 5545 wants DTSTART to be an occurrence)."""
    wanted = {WEEKDAYS.index(day) for day in days}
    week_ahead = (since + timedelta(days=n) for n in range(7))
    return next(day for day in week_ahead if day.weekday() in wanted)


def on_loopback(host):
    """Whether a Host header names this machine (localhost, 127.0.0.0/8, ::1), port or not."""
    name = urlsplit(f"//{host}").hostname
    try:
        return name == "localhost" or ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def public_url(endpoint, **values):
    """This site's absolute address of endpoint, from PUBLIC_URL: a calendar keeps it for years, and
    a Host header is whatever the sender wrote. Unset, only a loopback host is believed (make run, the
    tests): it can name no other site. Otherwise 503, before anything is changed."""
    base = current_app.config.get("PUBLIC_URL") or (request.host_url if on_loopback(request.host) else None)
    if base is None:
        abort(503, description=gettext("This server does not know its public address, so it cannot write "
                                       "links for a calendar. Its operator sets FLASK_PUBLIC_URL (such as "
                                       "https://easeback.example)."))
    return base.rstrip("/") + url_for(endpoint, **values)


def event_uid(schedule):
    """The event's UID, from the schedule's change id (random, made on the device): the same at every
    refresh, so a calendar keeps the event; new when the schedule changes; nothing of the profile in it."""
    digest = hashlib.sha256(f"plan-reminder-{schedule.change_id}".encode()).digest()
    return f"{uuid.UUID(bytes=digest[:16])}@easeback"


def reminder(schedule):
    """The weekly event: the chosen days and time in the chosen zone, for the chosen minutes."""
    answers = schedule.answers
    # A name saved before only real zones were taken (Factory, localtime) falls back as a person's day does.
    zone = person_zone(answers.get("zone"))
    changed = datetime.fromtimestamp(schedule.changed_at / 1000, UTC)
    hour, minute = map(int, answers["time"].split(":"))
    start = datetime.combine(first_day(changed.astimezone(zone).date(), answers["days"]), time(hour, minute),
                             tzinfo=zone)
    plan_url = public_url("plan.page")
    event = Event()
    event.add("uid", event_uid(schedule))
    event.add("dtstamp", changed)  # when the schedule last changed: the same answer until it does
    event.add("last-modified", changed)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=answers["minutes"]))
    event.add("rrule", {"freq": "weekly", "byday": [day for day in WEEKDAYS if day in answers["days"]]})
    event.add("summary", gettext("Easeback: my plan (%(minutes)s minutes)", minutes=answers["minutes"]))
    event.add("description", f"{DESCRIPTION}\n{plan_url}")
    event.add("url", plan_url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", gettext("Time for your plan"))
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event, start.date()


def calendar_for(profile):
    """The profile's reminders as an iCalendar file, or None without a plan and chosen days."""
    parts = parts_of(profile)  # the parts alone: no plan is worked out for a calendar app's polling
    schedule = parts.get("schedule")
    if "symptoms" not in parts or schedule is None or not schedule.answers.get("days"):
        return None
    event, first = reminder(schedule)
    calendar = empty_calendar()
    calendar.add("name", str(CALENDAR_NAME))
    calendar.add("x-wr-calname", str(CALENDAR_NAME))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    calendar.add_component(event)
    calendar.add_missing_timezones(first_date=first - timedelta(days=1))
    return calendar


def empty_calendar():
    """A calendar with no events yet: the reminders are added to it, and a subscription whose days
    were all unticked shows it as it is."""
    calendar = Calendar()
    calendar.add("prodid", "-//Easeback//My plan reminders//EN")
    calendar.add("version", "2.0")
    return calendar


def ics(calendar, cache_control, **headers):
    """An iCalendar response."""
    return Response(calendar.to_ical(), mimetype="text/calendar",
                    headers={"Cache-Control": cache_control, **headers})


@bp.get("/plan/reminders.ics")
def download():
    """This device's plan reminders as a file to add to a calendar."""
    calendar = calendar_for(profiles.current_profile())
    if calendar is None:
        response = make_response(render_template("plan/no_reminders.html"), 404)
        response.headers["Cache-Control"] = "private, no-store"
        return response
    disposition = 'attachment; filename="easeback-plan.ics"'
    return ics(calendar, "private, no-store", **{"Content-Disposition": disposition})


@bp.get("/plan/calendar/<token>.ics")
def feed(token):
    """The reminders of the profile whose subscription this is; no cookie needed."""
    if len(token) > LONGEST_TOKEN:
        abort(404)
    token_hash = profiles.secret_hash(token)
    found = db.session.execute(select(CalendarFeed.profile_id)
                               .where(CalendarFeed.token_hash == token_hash)).scalar_one_or_none()
    if found is None:
        abort(404, description=gettext("This calendar subscription has been stopped, or never existed."))
    calendar = calendar_for(db.session.get(Profile, found)) or empty_calendar()
    return ics(calendar, "private, max-age=3600")
