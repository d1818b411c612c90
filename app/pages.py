"""The home page, the fixed information pages (safety and about) and robots.txt."""
import re
from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import Blueprint, current_app, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from app.content import TIMES_OF_DAY, bad_day, library
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


# A backslash is read as "/" by browsers ("/\\evil.example" is another site), and
# control characters are dropped by them; neither belongs in a path of ours.
UNSAFE_CHARACTERS = re.compile(r"[\\\x00-\x1f\x7f]")
# Endpoints that answer GET but are not pages a person could be sent back to.
NOT_PAGES = re.compile(r"^(static|api\.|openapi\.|pwa\.(service_worker|manifest)|pages\.robots)")


def page_endpoints():
    """The URL rules of this app's pages: the places a person may be sent back to."""
    return [rule for rule in current_app.url_map.iter_rules()
            if "GET" in rule.methods and not NOT_PAGES.match(rule.endpoint)]


def page_patterns():
    """Each page's URL rule as a regular expression for the browser (one path segment per variable)."""
    return sorted({"^" + re.sub(r"<[^>]+>", "[^/]+", re.escape(rule.rule)) + "$" for rule in page_endpoints()})


def names_a_page(path):
    """True when path is the address of one of this app's pages, as the URL map routes it."""
    try:
        endpoint, _ = current_app.url_map.bind("localhost").match(path, method="GET")
    except HTTPException:  # not found, wrong method, or a redirect to another address
        return False
    return not NOT_PAGES.match(endpoint)


def safe_next(target):
    """Return target if it names a page of this site, else the home page."""
    home = url_for("pages.home")
    if not target or UNSAFE_CHARACTERS.search(target):
        return home
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        return home
    if not names_a_page(parts.path):
        return home
    return urlunsplit(("", "", parts.path, parts.query, ""))


@bp.get("/")
def home():
    """Suggest a routine for the time of day, then list all routines."""
    routines = list(library().routines.values())
    return render_template(
        "home.html", routines=routines, suggestions=suggestions(routines, date.today()),
        current_part=part_of_day(datetime.now().hour), day_parts=DAY_PARTS, routine_index=routine_index(),
        bad_day_pick=library().routines[bad_day().routines[0]],
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
    return render_template("safety.html", next_url=next_url, continue_url=acknowledged_url(next_url),
                           page_patterns=page_patterns())


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
