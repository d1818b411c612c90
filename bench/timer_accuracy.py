"""How close the player's step changes land to their schedule.

Three figures: every boundary of every routine on Playwright's fast-forwarded
clock; every boundary of one whole routine on the real clock; and how quickly
(and how rightly) the display recovers when a hidden, throttled page comes back.
"""
import math
import time

from playwright.sync_api import expect

from app.content import library

START = "2026-11-23T08:00:00Z"
READY_SECONDS = 5
REAL_TIME_ROUTINE = "desk-break"
# Shortest sensible real-time run: half holds and 5 s rests, cues off.
FAST_SETTINGS = '{"sound":false,"voice":false,"vibration":false,"holdScale":0.5,"restSeconds":5}'
HIDDEN_SECONDS = 10

# Collects the player's boundary reports from the first moment of the page.
RECORD_BOUNDARIES = """
window.boundaries = [];
document.addEventListener("easeback:boundary", (event) => window.boundaries.push(event.detail), true);
"""

# Behaves like a hidden tab: while throttled, timers that come due are held
# back until the page is visible again.
THROTTLE_TIMERS = """
(() => {
  const realSetTimeout = window.setTimeout.bind(window);
  const held = [];
  window.throttled = false;
  window.setTimeout = (callback, ms, ...args) => realSetTimeout(() => {
    if (window.throttled) held.push(() => callback(...args)); else callback(...args);
  }, ms);
  window.releaseTimers = () => held.splice(0).forEach((callback) => realSetTimeout(callback, 0));
})();
"""

SET_HIDDEN = """hidden => {
  Object.defineProperty(document, "visibilityState", {
    value: hidden ? "hidden" : "visible", configurable: true,
  });
  Object.defineProperty(document, "hidden", { value: hidden, configurable: true });
}"""

COME_BACK = """() => {
  window.throttled = false;
  const before = performance.now();
  document.dispatchEvent(new Event("visibilitychange"));
  const after = performance.now();
  window.releaseTimers();
  return { redrawMs: after - before, at: after, timer: document.querySelector("[role=timer]").textContent,
           step: document.querySelector("[data-count]").textContent };
}"""


def _open(context, base, slug, settings=None, fake_clock=False):
    """A player page for slug, safety page already read."""
    page = context.new_page()
    if fake_clock:
        page.clock.install(time=START)
    page.goto(base + "/safety")
    page.evaluate("localStorage.clear(); localStorage.setItem('easeback:safety-acknowledged', '{}')")
    if settings:
        page.evaluate("s => localStorage.setItem('easeback:settings', s)", settings)
    page.goto(f"{base}/routines/{slug}/play")
    return page


def _errors(page):
    """Absolute boundary errors in ms reported by the page."""
    return [abs(b["actual"] - b["scheduled"]) for b in page.evaluate("window.boundaries")]


def fast_forwarded(browser, base, app):
    """Largest boundary error over every routine, on the fast-forwarded clock."""
    errors = []
    with app.app_context():
        routines = list(library().routines.values())
    for routine in routines:
        context = browser.new_context()
        context.add_init_script(RECORD_BOUNDARIES)
        page = _open(context, base, routine.slug, fake_clock=True)
        page.get_by_role("button", name="Start", exact=True).click()
        page.clock.run_for((routine.total_seconds + READY_SECONDS + 1) * 1000)
        expect(page.get_by_role("heading", name="Well done")).to_be_visible()
        errors += _errors(page)
        context.close()
    return {"routines": len(routines), "boundaries": len(errors), "max_ms": max(errors)}


def real_time(browser, base):
    """Largest and mean boundary error over one whole routine on the real clock."""
    context = browser.new_context()
    context.add_init_script(RECORD_BOUNDARIES)
    page = _open(context, base, REAL_TIME_ROUTINE, FAST_SETTINGS)
    started = time.monotonic()
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_role("heading", name="Well done")).to_be_visible(timeout=10 * 60 * 1000)
    errors = _errors(page)
    context.close()
    return {"routine": REAL_TIME_ROUTINE, "seconds": round(time.monotonic() - started),
            "boundaries": len(errors), "max_ms": max(errors), "mean_ms": sum(errors) / len(errors)}


def after_hidden(browser, base, app):
    """Redraw time and correctness when a throttled, hidden page comes back."""
    context = browser.new_context()
    context.add_init_script(RECORD_BOUNDARIES)
    context.add_init_script(THROTTLE_TIMERS)
    page = _open(context, base, REAL_TIME_ROUTINE, FAST_SETTINGS.replace('"holdScale":0.5', '"holdScale":1'))
    page.get_by_role("button", name="Start", exact=True).click()
    started_at = page.evaluate("performance.now()")
    page.evaluate(SET_HIDDEN, True)
    page.evaluate("window.throttled = true; document.dispatchEvent(new Event('visibilitychange'))")
    time.sleep(HIDDEN_SECONDS)
    page.evaluate(SET_HIDDEN, False)
    back = page.evaluate(COME_BACK)
    elapsed_ms = back["at"] - started_at
    expected_step, expected_left = _expected(app, elapsed_ms)
    shown_left = _seconds(back["timer"])
    context.close()
    return {"hidden_s": HIDDEN_SECONDS, "redraw_ms": back["redrawMs"],
            "step_right": back["step"] == expected_step, "countdown_off_s": abs(shown_left - expected_left)}


def _expected(app, elapsed_ms):
    """The step label and whole seconds left that should show after elapsed_ms (5 s rests)."""
    with app.app_context():
        routine = library().routines[REAL_TIME_ROUTINE]
    end = READY_SECONDS * 1000
    if elapsed_ms < end:
        return "Step 1 of 6", math.ceil((end - elapsed_ms) / 1000)
    for segment in routine.segments:
        seconds = 5 if segment.kind == "rest" else segment.seconds
        end += seconds * 1000
        if elapsed_ms < end:
            step = segment.step + (1 if segment.kind == "rest" else 0)
            return f"Step {step + 1} of {len(routine.steps)}", math.ceil((end - elapsed_ms) / 1000)
    raise ValueError("the routine had already ended")


def _seconds(text):
    """'1:05' -> 65."""
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)
