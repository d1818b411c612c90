"""/history: past sessions and pain check-ins, a trend chart and gentle notes."""
from collections import defaultdict
from datetime import timezone
from types import SimpleNamespace

from flask import Blueprint, render_template
from sqlalchemy import select

from app.content import library
from app.db import db
from app.history_chart import REACH_LABELS, gentle_notes, pain_chart_svg, weekly_sessions
from app.models import CheckIn, PracticeSession
from app.profiles import current_profile

bp = Blueprint("history", __name__)
SHOWN_SESSIONS = 50


def saved_by(profile):
    """The profile's sessions and check-ins, newest first."""
    if profile is None:
        return [], []
    sessions = db.session.execute(
        select(PracticeSession).where(PracticeSession.profile_id == profile.id)
        .order_by(PracticeSession.started_at.desc())).scalars().all()
    checkins = db.session.execute(
        select(CheckIn).where(CheckIn.profile_id == profile.id).order_by(CheckIn.recorded_at.desc())).scalars().all()
    return sessions, checkins


def in_utc(row, *fields):
    """The chart works in aware UTC; the database keeps naive UTC times."""
    values = {field: getattr(row, field) for field in ("back_pain", "leg_pain", "reach", "moment")
              if hasattr(row, field)}
    values.update({field: getattr(row, field).replace(tzinfo=timezone.utc) for field in fields})
    return SimpleNamespace(**values)


@bp.get("/history")
def page():
    """Sessions with their check-ins, the pain trend, sessions per week and notes."""
    sessions, checkins = saved_by(current_profile())
    chart_points = [in_utc(checkin, "recorded_at") for checkin in checkins]
    by_session = defaultdict(dict)
    for checkin in checkins:
        if checkin.session_id:
            by_session[checkin.session_id].setdefault(checkin.moment, checkin)
    weeks = weekly_sessions([in_utc(session, "started_at") for session in sessions])
    return render_template(
        "history.html", sessions=sessions[:SHOWN_SESSIONS], checkins=checkins, by_session=by_session,
        chart=pain_chart_svg(chart_points), weeks=weeks, busiest=max([count for _, count in weeks] + [1]),
        notes=gentle_notes(chart_points), reach_labels=REACH_LABELS, routines=library().routines,
    )
