"""A person's today: the day on their own clock, in their own time zone.

Whatever asks for "today" or "this week" on a person's behalf (their plan, the next review, the
GP summary, /history, home, the checklist) asks here, so all of them agree. The zone is the
plan's (saved with its schedule), else the one the device sent in its `zone` cookie
(static/js/lib/zone.js), else UTC. Pure apart from `clock` and the request's cookie.
"""
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

from flask import has_request_context, request

ZONE_COOKIE = "zone"
# Real IANA zone names only. The system's tz folder also holds folder names (America), the
# host's own setting (localtime), a copy of the default rules (posixrules) and a placeholder
# with no time of its own (Factory): none of them is a place a person lives.
ZONES = frozenset(available_timezones() | {"UTC"}) - {"localtime", "posixrules", "Factory"}


def clock():
    """Now, in UTC: the one clock every day here is read from (tests replace it)."""
    return datetime.now(UTC)


def utcnow():
    """The current time as naive UTC, the form every stored time takes."""
    return datetime.now(UTC).replace(tzinfo=None)


def is_real_zone(name):
    """True when name is a real IANA time zone name ("Europe/London", "UTC")."""
    return isinstance(name, str) and name in ZONES


def device_zone():
    """The zone this device sent in its cookie, when it is a real one, else None."""
    if not has_request_context():
        return None
    name = request.cookies.get(ZONE_COOKIE)
    return name if is_real_zone(name) else None


def person_zone(plan_zone=None):
    """A person's zone: their plan's, else their device's, else UTC."""
    if is_real_zone(plan_zone):
        return ZoneInfo(plan_zone)
    return ZoneInfo(device_zone() or "UTC")


def person_now(plan_zone=None):
    """Now on the person's own clock (aware, in their zone)."""
    return clock().astimezone(person_zone(plan_zone))


def person_today(plan_zone=None):
    """Today's date where the person is."""
    return person_now(plan_zone).date()


def zoned_moment(moment, zone):
    """A stored naive UTC time as an aware time in the person's zone (its date is their day)."""
    return moment.replace(tzinfo=UTC).astimezone(zone)


def local_moment(moment, zone):
    """A stored naive UTC time as the person's wall-clock time (naive, in their zone)."""
    return zoned_moment(moment, zone).replace(tzinfo=None)


def day_of(moment, zone):
    """The person's date at a stored naive UTC time."""
    return local_moment(moment, zone).date()


def start_of(day, zone):
    """The person's midnight at the start of a day, as naive UTC (the form the database keeps)."""
    return datetime.combine(day, time(), zone).astimezone(UTC).replace(tzinfo=None)


def monday_of(day: date):
    """The Monday starting the week a day falls in."""
    return date.fromordinal(day.toordinal() - day.weekday())


def week_mondays(today: date, weeks: int):
    """The Mondays starting the person's last `weeks` weeks, the week of today included, oldest first."""
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, not {weeks}")
    this_monday = monday_of(today)
    return [this_monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
