"""The home page, the fixed information pages (safety and about) and robots.txt."""
from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import Blueprint, render_template, request, url_for

from app.content import library
from app.content_model import TIMES_OF_DAY
from app.routines import routine_index

bp = Blueprint("pages", __name__)

# Hours at which each part of the day starts; the device's own clock picks
# among them in the browser, the server's clock is only the first guess.
DAY_PARTS = (("night", 0), ("morning", 5), ("daytime", 11), ("evening", 17), ("night", 21))


def part_of_day(hour):
    """Name the part of the day an hour (0-23) falls in."""
    return [name for name, start in DAY_PARTS if hour >= start][-1]


def suggestions(routines, day):
    """Pick one routine for each part of the day, changing from day to day."""
    picks = {}
    for part in TIMES_OF_DAY:
        fitting = [routine for routine in routines if part in routine.time_of_day]
        if fitting:
            picks[part] = fitting[day.toordinal() % len(fitting)]
    return picks


def safe_next(target):
    """Return target if it is a path on this site, else the home page."""
    parts = urlsplit(target or "")
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or target.startswith("//"):
        return url_for("pages.home")
    return target


@bp.get("/")
def home():
    """Suggest a routine for the time of day, then list all routines."""
    routines = list(library().routines.values())
    return render_template(
        "home.html", routines=routines, suggestions=suggestions(routines, date.today()),
        current_part=part_of_day(datetime.now().hour), day_parts=DAY_PARTS, routine_index=routine_index(),
    )


def acknowledged_url(target):
    """The page to go on to, marked so it records that the safety page was read.

    The mark travels in the URL, so it is recorded even if the link is tapped
    before this page's script has loaded.
    """
    parts = urlsplit(target)
    query = parse_qsl(parts.query) + [("safety", "read")]
    return urlunsplit(("", "", parts.path, urlencode(query), ""))


@bp.get("/safety")
def safety():
    """Red flags, when to get help, and the one-time acknowledgement."""
    next_url = safe_next(request.args.get("next"))
    return render_template("safety.html", next_url=next_url, continue_url=acknowledged_url(next_url))


@bp.get("/about")
def about():
    """What Easeback is and is not, its sources, and privacy in brief."""
    return render_template("about.html")


@bp.get("/robots.txt")
def robots():
    """Let search engines index the pages, but not the JSON API or the offline stand-in page."""
    rules = ["User-agent: *", "Disallow: /api/", f"Disallow: {url_for('pwa.offline')}"]
    return "\n".join(rules) + "\n", {"Content-Type": "text/plain; charset=utf-8",
                                      "Cache-Control": "public, max-age=86400"}
