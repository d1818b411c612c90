"""Take phone-sized screenshots of every page, light and dark, to look at.

    .venv/bin/python -m tools.screenshots [URL path ...]

Writes PNGs to screenshots/ (ignored by git), one per phone screen down the
page (at most four), so each can be read at full size. Uses Debian's Chromium.
"""
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from app import create_app
from tools.chromium import PHONE, launch, serving

PAGES = ["/", "/routines", "/routines?goal=massage&position=sitting", "/routines/morning-mobility",
         "/routines/gentle-nerve-glide/play", "/safety", "/about", "/no-such-page"]
OUT = Path("screenshots")
MAX_SCREENS = 4


def file_name(path, scheme, screen):
    """A readable PNG name for a URL path."""
    slug = path.strip("/").replace("/", "_").replace("?", "_").replace("&", "_").replace("=", "-") or "home"
    return OUT / f"{slug}.{scheme}.{screen}.png"


def capture(page, path, scheme):
    """Save the page screen by screen, from the top."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for screen in range(min(MAX_SCREENS, -(-height // PHONE["height"]))):
        page.evaluate(f"window.scrollTo(0, {screen * PHONE['height']})")
        page.screenshot(path=file_name(path, scheme, screen))
        print(file_name(path, scheme, screen))


PLAYER = "/routines/desk-break/play"
# (state name, seconds to let pass after Start, press Pause?)
PLAYER_STATES = [("playing", 8, False), ("sided", 75, False), ("rest", 39, False),
                 ("paused", 12, True), ("done", 300, False)]


def capture_player(browser, base, scheme):
    """The player's ready screen, then each state after Start, on a fake clock."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, color_scheme=scheme)
    for state, seconds, paused in [("ready", None, False)] + PLAYER_STATES:
        page = context.new_page()
        page.clock.install(time="2026-11-23T08:00:00Z")
        page.goto(base + "/safety")
        page.evaluate("localStorage.clear(); localStorage.setItem('easeback:safety-acknowledged', '{}')")
        page.goto(base + PLAYER, wait_until="networkidle")
        if seconds is not None:
            page.get_by_role("button", name="Start", exact=True).click()
            page.clock.run_for(seconds * 1000)
        if paused:
            page.get_by_role("button", name="Pause", exact=True).click()
        name = OUT / f"player.{state}.{scheme}.png"
        page.screenshot(path=name)
        print(name)
        page.close()
    context.close()


def main(paths):
    """Capture each path in light and dark at 390x844."""
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/shots.sqlite3"})
        with serving(app) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport=PHONE, device_scale_factor=1, color_scheme=scheme)
                page = context.new_page()
                page.goto(base + "/safety")
                page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
                for path in paths:
                    page.goto(base + path, wait_until="networkidle")
                    capture(page, path, scheme)
                context.close()
                capture_player(browser, base, scheme)
            browser.close()


if __name__ == "__main__":
    main(sys.argv[1:] or PAGES)
