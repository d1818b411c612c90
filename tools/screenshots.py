"""Take phone-sized screenshots of every page to look at, and report any that scroll sideways.

    .venv/bin/python -m tools.screenshots [--out DIR] [--no-player] [URL path ...]

Each page is taken five ways: a 390x844 phone and a small 360x640 phone, each in light
and in dark, and the small phone with text at 200% (the root font size doubled, as a browser's
text-size setting doubles it). Writes PNGs to screenshots/ (ignored by git), one per screen
down the page (at most four), so each can be read at full size, and exits non-zero, naming
them, when a page is wider than its screen. Uses Debian's Chromium.
"""
import argparse
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask_migrate import upgrade
from playwright.sync_api import sync_playwright

from app import create_app
from tools.browser import PHONE, SMALL_PHONE, launch
from tools.servers import serving

PAGES = ["/", "/routines", "/routines?goal=massage&position=sitting", "/routines/morning-mobility",
         "/routines/gentle-nerve-glide/play", "/favourites", "/history", "/checklist", "/settings", "/safety",
         "/about", "/learn", "/learn/how-much-pain-is-ok", "/bad-day", "/routines/guided-walk", "/offline",
         "/plan", "/plan/setup/symptoms", "/plan/setup/activities", "/plan/setup/schedule", "/plan/review",
         "/plan/summary", "/routines/new", "/routines/mine", "/shared", "/for-clinicians",
         "/no-such-page"]
OUT = Path("screenshots")
MAX_SCREENS = 4
# (name in the file names, screen size, colour scheme, text size)
VIEWS = [("light", PHONE, "light", "100%"), ("dark", PHONE, "dark", "100%"),
         ("small", SMALL_PHONE, "light", "100%"), ("small-dark", SMALL_PHONE, "dark", "100%"),
         ("small-200", SMALL_PHONE, "light", "200%")]
# Sets the text size before the page's scripts measure anything.
TEXT_SIZE = ("document.addEventListener('DOMContentLoaded', "
             "() => {{ document.documentElement.style.fontSize = '{}'; }})")


def file_name(out, path, view, screen):
    """A readable PNG name for a URL path."""
    slug = path.strip("/").replace("/", "_").replace("?", "_").replace("&", "_").replace("=", "-") or "home"
    return out / f"{slug}.{view}.{screen}.png"


def capture(page, out, path, view):
    """Save the page screen by screen, from the top."""
    height = page.evaluate("document.documentElement.scrollHeight")
    screen_height = page.viewport_size["height"]
    for screen in range(min(MAX_SCREENS, -(-height // screen_height))):
        page.evaluate(f"window.scrollTo(0, {screen * screen_height})")
        page.screenshot(path=file_name(out, path, view, screen))
        print(file_name(out, path, view, screen))


def too_wide(page):
    """How much wider than its screen the page is, in CSS pixels (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


PLAYER = "/routines/desk-break/play"
# (state name, seconds to let pass after Start, press Pause?)
PLAYER_STATES = [("playing", 8, False), ("sided", 75, False), ("rest", 39, False),
                 ("paused", 12, True), ("done", 300, False)]


def capture_player(browser, base, out, view, size, scheme, text, states=PLAYER_STATES):
    """The player's ready screen, then each state after Start, on a fake clock; the widths of
    those that scroll sideways."""
    context = browser.new_context(viewport=size, device_scale_factor=1, color_scheme=scheme)
    context.add_init_script(TEXT_SIZE.format(text))
    wide = []
    for state, seconds, paused in [("ready", None, False)] + states:
        page = context.new_page()
        page.clock.install(time="2026-11-23T08:00:00Z")
        page.goto(base + "/safety")
        page.evaluate("localStorage.clear(); localStorage.setItem('easeback:safety-acknowledged', '{}')")
        # Not "networkidle": the service worker installed on the first page may still be storing
        # everything for offline use. The player is ready once Start is on screen.
        page.goto(base + PLAYER)
        page.get_by_role("button", name="Start", exact=True).wait_for()
        if seconds is not None:
            page.get_by_role("button", name="Start", exact=True).click()
            page.clock.run_for(seconds * 1000)
        if paused:
            page.get_by_role("button", name="Pause", exact=True).click()
        name = out / f"player.{state}.{view}.png"
        page.screenshot(path=name)
        print(name)
        if too_wide(page):
            wide.append((f"{PLAYER} ({state})", view, too_wide(page)))
        page.close()
    context.close()
    return wide


def saves(now):
    """Three weeks of a person's saves, through the API as the pages send them: a few favourites,
    sessions with before and after check-ins that slowly ease, so /history has a trend to draw."""
    def stamp(moment):
        return moment.isoformat(timespec="seconds").replace("+00:00", "Z")

    millis = int(now.timestamp() * 1000)
    requests = [("PUT", f"/api/v1/favourites/{slug}",
                 {"change_id": str(uuid.uuid4()), "changed_at": millis - n})
                for n, slug in enumerate(["morning-mobility", "desk-break", "bedtime-wind-down"])]
    for day in range(20, 0, -2):
        start = now - timedelta(days=day, hours=2)
        session = str(uuid.uuid4())
        requests.append(("PUT", f"/api/v1/sessions/{session}", {
            "routine": "morning-mobility", "started_at": stamp(start),
            "ended_at": stamp(start + timedelta(minutes=9)),
            "steps_done": 8, "steps_total": 8, "completed": True, "updated_at": millis}))
        for moment, minutes, ease in (("before", 0, 0), ("after", 10, 2)):
            requests.append(("PUT", f"/api/v1/checkins/{uuid.uuid4()}", {
                "session_id": session, "moment": moment, "back_pain": max(1, 3 + day // 4 - ease),
                "leg_pain": max(0, 2 + day // 5 - ease), "reach": "thigh" if day > 10 else "buttock",
                "recorded_at": stamp(start + timedelta(minutes=minutes))}))
    return requests + plan_saves(now, stamp)


def plan_saves(now, stamp):
    """A plan set up three weeks ago, with a review each week since: two better weeks, one harder."""
    set_up = int((now - timedelta(days=21)).timestamp() * 1000)
    parts = {"symptoms": {"areas": ["buttock", "thigh"], "since": "months", "worse": ["sitting", "forward"],
                          "eases": ["walking"], "leg_pain": 6, "walk_minutes": 10},
             "activities": {"activities": [{"name": "Walk to the shops", "score": 3},
                                           {"name": "Sit through a film", "score": 2},
                                           {"name": "Put my socks on", "score": 4}]},
             "schedule": {"days": ["MO", "WE", "FR"], "time": "08:30", "minutes": 15,
                          "zone": "Europe/London"}}
    requests = [("PUT", f"/api/v1/plan/parts/{part}",
                 {"change_id": str(uuid.uuid4()), "changed_at": set_up, "answers": answers})
                for part, answers in parts.items()]
    for days_ago, scores, leg_pain in ((14, [4, 3, 5], 5), (7, [5, 4, 5], 4), (1, [4, 4, 5], 5)):
        requests.append(("PUT", f"/api/v1/plan/reviews/{uuid.uuid4()}", {
            "activities": scores, "leg_pain": leg_pain, "numbness": "same", "weakness": "none",
            "warning_sign": False, "recorded_at": stamp(now - timedelta(days=days_ago))}))
    return requests


# Resolves once the page's own language's service worker controls it. The first page in another
# language installs that language's worker, which takes over when it has stored its pages; going on
# to the next page while it takes over can leave that page's load hanging in Chromium (see README).
OWN_WORKER = """() => new Promise((done) => {
  const own = document.documentElement.dataset.serviceWorker;
  if (!own) return done();
  const wanted = new URL(own, window.location.href).href;
  const check = () => navigator.serviceWorker.controller?.scriptURL === wanted && done();
  navigator.serviceWorker.addEventListener("controllerchange", check);
  check();
})"""

SEND = """async (requests) => {
  for (const [method, path, body] of requests) {
    const response = await fetch(path, { method, headers: { "Content-Type": "application/json" },
                                         body: JSON.stringify(body), credentials: "same-origin" });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
}"""


def main(paths, out=OUT, player=True):
    """Capture each path in every view, then (unless player is False) the player's states;
    return the (path, view, extra width) of every capture that scrolls sideways."""
    out.mkdir(exist_ok=True)
    wide = []
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/shots.sqlite3"})
        with app.app_context():
            upgrade()  # the tables, made as a deployment makes them
        with serving(app) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            for view, size, scheme, text in VIEWS:
                context = browser.new_context(viewport=size, device_scale_factor=1, color_scheme=scheme)
                context.add_init_script(TEXT_SIZE.format(text))
                page = context.new_page()
                page.goto(base + "/safety")
                page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
                # As /plan's forms leave it.
                page.evaluate("localStorage.setItem('easeback:has-plan', 'true')")
                page.evaluate(SEND, saves(datetime.now(UTC)))
                for path in paths:
                    page.goto(base + path, wait_until="networkidle")
                    page.evaluate(OWN_WORKER)
                    capture(page, out, path, view)
                    if too_wide(page):
                        wide.append((path, view, too_wide(page)))
                context.close()
                if player:
                    wide += capture_player(browser, base, out, view, size, scheme, text,
                                           PLAYER_STATES if size == PHONE else PLAYER_STATES[:2])
            browser.close()
    return wide


def arguments(argv):
    """The command line: URL paths (default: every page), --out DIR, --no-player."""
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=PAGES + ["/es" + path for path in PAGES],
                        help="URL paths to capture (default: every page, in English and in Spanish)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs (default: screenshots/)")
    parser.add_argument("--no-player", dest="player", action="store_false", help="skip the player's states")
    return parser.parse_args(argv)


if __name__ == "__main__":
    options = arguments(sys.argv[1:])
    too_wide_pages = main(options.paths, out=options.out, player=options.player)
    for path, view, extra in too_wide_pages:
        print(f"{path} ({view}): scrolls sideways, {extra}px wider than the screen", file=sys.stderr)
    sys.exit(1 if too_wide_pages else 0)
