"""The guided player for one routine."""
from flask import Blueprint, render_template

from app.routines import get_routine_or_404

bp = Blueprint("player", __name__)


@bp.get("/routines/<slug>/play")
def play(slug):
    """Guide a person through a routine, one step at a time."""
    return render_template("player/play.html", routine=get_routine_or_404(slug))
