"""Reading matter: /learn lists the lessons, /learn/<slug> shows one, /bad-day is the plan for a flare."""
from flask import Blueprint, abort, render_template

from app.content import bad_day, lessons, library
from app.site.page_cache import same_for_everyone

bp = Blueprint("learn", __name__)


@bp.get("/learn")
@same_for_everyone()
def index():
    """Every lesson in reading order, with its summary and reading time."""
    return render_template("learn/index.html", lessons=lessons())


@bp.get("/learn/<slug>")
@same_for_everyone()
def lesson(slug):
    """One lesson, the routines it points to, and the next lesson to read."""
    found = lessons().by_slug.get(slug)
    if found is None:
        abort(404)
    ordered = lessons().ordered
    position = ordered.index(found)
    following = ordered[position + 1] if position + 1 < len(ordered) else None
    routines = [library().routines[routine_slug] for routine_slug in found.routines]
    return render_template("learn/lesson.html", lesson=found, routines=routines, following=following,
                           position=position + 1, total=len(ordered))


@bp.get("/bad-day")
@same_for_everyone()
def bad_day_page():
    """Positions of ease, the flare-up routine, heat, pacing, and when to get help."""
    guide = bad_day()
    routines = [library().routines[slug] for slug in guide.routines]
    return render_template("learn/bad-day.html", guide=guide, routines=routines)
