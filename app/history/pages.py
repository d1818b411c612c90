"""/history: past sessions and pain check-ins, a trend chart and gentle notes.

A profile may hold thousands of rows, so the page reads only what it shows: the
latest sessions and check-ins, and the weekly counts added up by the database.
"""
from collections import defaultdict
from datetime import timedelta
from itertools import pairwise
from types import SimpleNamespace

from flask import Blueprint, make_response, render_template
from sqlalchemy import and_, case, func

from app.content import library
from app.days import person_today, person_zone, start_of, week_mondays, zoned_moment
from app.db import db
from app.history.chart import REACH_LABELS, gentle_notes, pain_chart, short_date
from app.history.titles import own_routines, routine_titles
from app.models import CheckIn, PracticeSession, rows_of, utcnow
from app.plan.data import plan_for, plan_zone
from app.plan.trends import review_trends
from app.profiles import current_profile
from app.schemas import CLOCK_SLACK
from app.site.formats import short_months

bp = Blueprint("history", __name__)
SHOWN_SESSIONS = 50
WEEK = timedelta(weeks=1)
# The chart, its table and the notes use the latest check-ins: months of daily use,
# and still quick to draw for a profile with thousands.
SHOWN_CHECKINS = 200


def latest(model, profile, moment, limit):
    """A profile's newest rows by moment, at most limit + 1 (so the caller can tell there are more).

    Rows more than a day ahead of the server's clock (saved before such times were refused)
    are left out: they would count as the latest for years.
    """
    return db.session.execute(
        rows_of(model, profile).where(moment <= utcnow() + CLOCK_SLACK)
        .order_by(moment.desc()).limit(limit + 1)).scalars().all()


def checkins_by_session(profile, sessions):
    """The newest check-in for each moment (before, after) of each session shown."""
    by_session = defaultdict(dict)
    if not sessions:
        return by_session
    found = db.session.execute(
        rows_of(CheckIn, profile).where(CheckIn.session_id.in_([s.id for s in sessions]))
        .order_by(CheckIn.recorded_at.desc())).scalars()
    for checkin in found:
        by_session[checkin.session_id].setdefault(checkin.moment, checkin)
    return by_session


def sessions_per_week(profile, zone_name=None, weeks=8):
    """(Monday, sessions started that week) for the person's last weeks weeks, each week from their own
    Monday midnight, counted by the database: the one count of sessions per week."""
    mondays = week_mondays(person_today(zone_name), weeks)
    if profile is None:
        return [(monday, 0) for monday in mondays]
    zone = person_zone(zone_name)
    starts = [start_of(monday, zone) for monday in [*mondays, mondays[-1] + WEEK]]
    started = PracticeSession.started_at
    weekly = (func.count(case((and_(started >= start, started < end), 1))) for start, end in pairwise(starts))
    counts = db.session.execute(
        rows_of(PracticeSession, profile, *weekly).where(started >= starts[0], started < starts[-1])).one()
    return list(zip(mondays, counts, strict=True))


def in_zone(row, zone, *fields):
    """The chart works in aware times in the person's zone; the database keeps naive UTC times."""
    values = {field: getattr(row, field) for field in ("back_pain", "leg_pain", "reach", "moment")
              if hasattr(row, field)}
    values.update({field: zoned_moment(getattr(row, field), zone) for field in fields})
    return SimpleNamespace(**values)


def steps_reached(session, routine):
    """(steps finished, steps in all) for a stopped session, counted as the routine counts its steps.

    The player records each side of a one-sided step as a stop of its own, so a 6-step
    routine with two such steps comes in as "of 8". When the total matches the routine's
    stops, map them back to steps; otherwise (already steps, or the routine has changed
    since) show the numbers as recorded.
    """
    stops = [segment.step for segment in routine.segments if segment.kind == "exercise"] if routine else []
    if session.steps_total != len(stops):
        return session.steps_done, session.steps_total
    done = min(session.steps_done, len(stops))
    # The step of the next stop not yet finished is the number of whole steps done before it.
    return (stops[done] if done < len(stops) else len(routine.steps)), len(routine.steps)


@bp.get("/history")
def page():
    """The pain trend first, then a check-in, sessions per week, and each session."""
    profile = current_profile()
    sessions, checkins = [], []
    if profile is not None:
        sessions = latest(PracticeSession, profile, PracticeSession.started_at, SHOWN_SESSIONS)
        checkins = latest(CheckIn, profile, CheckIn.recorded_at, SHOWN_CHECKINS)
    more_checkins = len(checkins) > SHOWN_CHECKINS
    sessions, checkins = sessions[:SHOWN_SESSIONS], checkins[:SHOWN_CHECKINS]
    plan, parts, reviews, _ = plan_for(profile)
    zone_name = plan_zone(parts)
    zone = person_zone(zone_name)
    chart_points = [in_zone(checkin, zone, "recorded_at") for checkin in checkins]
    slugs = {session.routine for session in sessions}
    own = own_routines(profile, slugs)
    # The routine each session played, for counting how far a stopped one got.
    played = library().routines | {slug: kept.routine for slug, kept in own.items()}
    # Weeks without a session are left out: a new person would see only zeros.
    weeks = [(short_date(monday), count) for monday, count in sessions_per_week(profile, zone_name) if count]
    response = make_response(render_template(
        "history.html", sessions=sessions, checkins=checkins, more_checkins=more_checkins,
        by_session=checkins_by_session(profile, sessions), chart=pain_chart(chart_points), weeks=weeks,
        busiest=max([count for _, count in weeks] + [1]), notes=gentle_notes(chart_points),
        reach_labels=REACH_LABELS, routines=library().routines, month_names=short_months(),
        titles=routine_titles(profile, slugs, own),
        trends=review_trends(plan, reviews, zone),
        steps={session.id: steps_reached(session, played.get(session.routine)) for session in sessions},
    ))
    # Personal: no shared cache may keep it. Not no-store: the service worker keeps a copy
    # so the page still opens offline, and asks the server first when online.
    response.headers["Cache-Control"] = "private, no-cache"
    return response
