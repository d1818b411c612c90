"""The home page, the fixed information pages (safety and about) and robots.txt."""
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from app.content import bad_day, library
from app.content.models import TIMES_OF_DAY
from app.days import person_now
from app.pages.routines import routine_index, stays_off_the_floor
from app.site.page_cache import same_for_everyone

bp = Blueprint("pages", __name__)

# Hours at which each part of the day starts; the device's own clock picks
# among them in the browser, the server's reading of the device's zone is only the first guess.
DAY_PARTS = (("night", 0), ("morning", 5), ("daytime", 11), ("evening", 17), ("night", 21))


def part_of_day(hour):
    """Name the part of the day an hour (0-23) falls in."""
    return [name for name, start in DAY_PARTS if hour >= start][-1]


# Home never suggests floor work: nobody has told it they can get down.
# Kinds of step (app/content/models.py KINDS) that tell what a routine is like.
CALM_KINDS = ("breathing", "rest-position")
LOOSENING_KINDS = ("stretch", "mobility")
SHORT_SECONDS = 5 * 60


def share_of(routine, kinds):
    """The share of a routine's steps whose exercise is one of these kinds."""
    return sum(step.exercise.kind in kinds for step in routine.steps) / len(routine.steps)


def calmest_first(routine):
    """Sort key: flare-up routines first, then the larger share of calm steps, then the shorter."""
    return "flare-up" not in routine.goals, -share_of(routine, CALM_KINDS), routine.total_seconds


def suggestions(routines, day):
    """Pick one floor-free routine for each part of the day, changing from day to day."""
    offered = [routine for routine in routines if stays_off_the_floor(routine)]
    gentle = sorted((routine for routine in offered if routine.suits_a_bad_day), key=calmest_first)
    picks = {}
    for part in TIMES_OF_DAY:
        fitting = [routine for routine in offered if part in routine.time_of_day]
        if fitting:
            picks[part] = fitting[day.toordinal() % len(fitting)]
        elif gentle:
            # Nothing meant for this part of the day stays off the floor: the calmest that does.
            picks[part] = gentle[0]
    return picks


@dataclass(frozen=True)
class Need:
    """One answer to home's question "What do you need right now?", and how its routine is chosen."""

    key: str
    answer: str  # the button's words (lazy: read in the page's language)
    eyebrow: str  # over the suggestion the answer brings
    fits: Callable  # routine -> True if it meets the need
    rank: Callable  # routine -> sort key, the best first


# In the order the buttons show them.
NEEDS = (
    Need("flare-up", _l("A flare-up"), _l("Gentle, for a flare-up"),
         fits=lambda routine: routine.suits_a_bad_day, rank=calmest_first),
    Need("stiff", _l("I feel stiff"), _l("To ease stiffness"),
         fits=lambda routine: "mobility" in routine.goals,
         rank=lambda routine: (-share_of(routine, LOOSENING_KINDS), routine.total_seconds)),
    Need("desk", _l("A break from my desk"), _l("A break from your desk"),
         fits=lambda routine: "sitting" in routine.positions and routine.total_seconds <= SHORT_SECONDS,
         rank=lambda routine: ("everyday" not in routine.goals, routine.total_seconds)),
    Need("no-floor", _l("I can’t get down to the floor"), _l("Without getting down to the floor"),
         fits=lambda routine: True,
         rank=lambda routine: (routine.positions != ("sitting",), -len(routine.steps))),
)
# A flare-up chooses first (its routine must be gentle), then the narrowest needs, so that
# each answer gets a routine of its own while there are enough to go round.
CHOOSING_ORDER = ("flare-up", "desk", "no-floor", "stiff")


def need_suggestions(routines):
    """Pick a floor-free routine for each answer that one fits, in the order the buttons show."""
    offered = [routine for routine in routines if stays_off_the_floor(routine)]
    chosen = {}
    for need in sorted(NEEDS, key=lambda need: CHOOSING_ORDER.index(need.key)):
        fitting = sorted((routine for routine in offered if need.fits(routine)), key=need.rank)
        taken = {routine.slug for routine in chosen.values()}
        fresh = [routine for routine in fitting if routine.slug not in taken]
        if fitting:
            chosen[need.key] = (fresh or fitting)[0]
    return [(need, chosen[need.key]) for need in NEEDS if need.key in chosen]


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
    return sorted({"^" + re.sub(r"<[^>]+>", "[^/]+", re.escape(rule.rule)) + "$"
                   for rule in page_endpoints()})


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
    # The fragment stays (the plan's walk card opens the guided walk at #walk=8): it never leaves the page.
    return urlunsplit(("", "", parts.path, parts.query, parts.fragment))


def day_and_part():
    """(The device's day, its part of the day): all that home's page changes with."""
    # The zone is the device's cookie's: a page the same for everyone reads no profile. Only the
    # day and part it gives key the page, so home is built once per day and part, not per zone.
    now = person_now()
    return now.date(), part_of_day(now.hour)


@bp.get("/")
@same_for_everyone(varies_with=day_and_part)
def home():
    """Ask what the person needs, suggest a routine for it or the time of day, then list all routines."""
    routines = list(library().routines.values())
    day, part = day_and_part()
    return render_template(
        "home.html", routines=routines, suggestions=suggestions(routines, day),
        needs=need_suggestions(routines),
        current_part=part, day_parts=DAY_PARTS, routine_index=routine_index(),
        bad_day_pick=library().routines[bad_day().routines[0]],
    )


def acknowledged_url(target):
    """The page to go on to, marked so it records that the safety page was read.

    The mark travels in the URL, so it is recorded even if the link is tapped
    before this page's script has loaded.
    """
    parts = urlsplit(target)
    query = parse_qsl(parts.query) + [("safety", "read")]
    return urlunsplit(("", "", parts.path, urlencode(query), parts.fragment))


@bp.get("/safety")
@same_for_everyone()
def safety():
    """Red flags, when to get help, and the one-time acknowledgement."""
    next_url = safe_next(request.args.get("next"))
    return render_template("safety.html", next_url=next_url, continue_url=acknowledged_url(next_url),
                           page_patterns=page_patterns())


@bp.get("/about")
@same_for_everyone()
def about():
    """What Easeback is and is not, its sources, and privacy in brief."""
    return render_template("about.html")


@bp.get("/for-clinicians")
@same_for_everyone()
def for_clinicians():
    """For physiotherapists: building a home programme and handing it over, and what Easeback does not do."""
    return render_template("for-clinicians.html")


@bp.get("/robots.txt")
def robots():
    """Let search engines index the pages, but not the JSON API or the offline stand-in page."""
    rules = ["User-agent: *", "Disallow: /api/", f"Disallow: {url_for('pwa.offline')}"]
    return "\n".join(rules) + "\n", {"Content-Type": "text/plain; charset=utf-8",
                                      "Cache-Control": "public, max-age=86400"}
