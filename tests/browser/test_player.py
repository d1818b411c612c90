"""The guided player, driven by Playwright's clock so minutes pass instantly.

Desk break is the example: it has rep-counted steps, one-sided holds with a
side switch, and rests. Its schedule (seconds from Start, after the 5 s get
ready): pelvic rock 5-37, rest, shoulder rolls 42-66, rest, seated twist
right 71-91, switch, left 96-116, rest, buttock stretch right 121-151, switch,
left 156-186, rest 186-196, back bend 196-220, rest, march 225-273.
"""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations

PLAY = "/routines/desk-break/play"
START = "2026-11-23T08:00:00Z"
PAUSED = "2026-11-23T08:01:00Z"


@pytest.fixture
def player(page):
    """The desk-break player with a fake clock, safety page already read."""
    page.clock.install(time=START)
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    page.goto(PLAY)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    # Held still from here: only run_for moves time, so a slow machine cannot move the countdown
    # between a step and the assertion that reads it.
    page.clock.pause_at(PAUSED)
    return page


def heading(page):
    """The step name shown on the stage."""
    return page.get_by_role("heading", level=2).first


def timer(page):
    """The countdown."""
    return page.get_by_role("timer")


def start_and_run(page, seconds):
    """Press Start, then let `seconds` pass."""
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(int(seconds * 1000))


def test_get_ready_then_first_step_then_rest(player):
    expect(player.get_by_text("Get ready", exact=True)).to_be_visible()
    expect(heading(player)).to_have_text("Seated pelvic rock")
    expect(timer(player)).to_have_text("0:05")
    start_and_run(player, 2)
    expect(timer(player)).to_have_text("0:03")
    player.clock.run_for(3000)
    expect(player.get_by_text("Step 1 of 6", exact=True)).to_be_visible()
    expect(timer(player)).to_have_text("0:32")
    expect(player.get_by_text("Rep 1 of 8, slowly", exact=True)).to_be_visible()
    player.clock.run_for(8000)
    expect(player.get_by_text("Rep 3 of 8, slowly", exact=True)).to_be_visible()
    player.clock.run_for(24000)
    expect(player.get_by_text("Rest", exact=True)).to_be_visible()
    expect(player.get_by_text("Up next", exact=True)).to_be_visible()
    expect(heading(player)).to_have_text("Shoulder rolls")
    expect(timer(player)).to_have_text("0:05")
    expect(player.get_by_role("progressbar", name="Progress through the routine")).to_have_attribute(
        "value", str(round(1000 * 37 / 273)))


def test_one_sided_step_plays_right_switch_left(player):
    start_and_run(player, 71)
    expect(player.get_by_text("Right side", exact=True)).to_be_visible()
    expect(heading(player)).to_have_text("Seated twist")
    picture = player.get_by_role("img", name=re.compile("chair"))
    expect(picture).not_to_have_class(re.compile("mirrored"))
    player.clock.run_for(20000)
    expect(player.get_by_text("Switch sides", exact=True)).to_be_visible()
    expect(player.get_by_text("Switch to your left side", exact=True)).to_be_visible()
    expect(picture).to_have_class(re.compile("mirrored"))
    player.clock.run_for(5000)
    expect(player.get_by_text("Left side", exact=True)).to_be_visible()
    expect(timer(player)).to_have_text("0:20")
    expect(player.get_by_text("Step 3 of 6", exact=True)).to_be_visible()


def test_skip_line_shows_only_for_steps_that_have_one(player):
    skip_line = player.locator("[data-stage]").get_by_text("Before you start")
    expect(skip_line).to_be_hidden()
    start_and_run(player, 125)
    expect(heading(player)).to_have_text("Seated buttock stretch")
    expect(player.get_by_text("Skip this if bending forward makes your leg worse.", exact=True)
           .filter(visible=True)).to_have_count(1)
    player.clock.run_for(75000)
    expect(heading(player)).to_have_text("Standing back bend")
    skip_line = player.get_by_text(re.compile("^Skip this if bending backwards")).filter(visible=True)
    expect(skip_line).to_have_count(1)
    player.clock.run_for(25000)
    expect(heading(player)).to_have_text("Standing march")
    expect(skip_line).to_be_hidden()


def test_pause_freezes_time_and_resume_carries_on(player):
    start_and_run(player, 10)
    expect(timer(player)).to_have_text("0:27")
    expect(player.get_by_text("Now", exact=True)).to_be_visible()
    player.get_by_role("button", name="Pause", exact=True).click()
    expect(player.get_by_text("Paused", exact=True)).to_be_visible()
    expect(player.get_by_text("Now", exact=True)).to_have_count(0)
    player.clock.run_for(60000)
    expect(timer(player)).to_have_text("0:27")
    expect(heading(player)).to_have_text("Seated pelvic rock")
    player.get_by_role("button", name="Resume", exact=True).click()
    expect(player.get_by_text("Now", exact=True)).to_be_visible()
    expect(player.get_by_text("Paused", exact=True)).to_have_count(0)
    player.clock.run_for(2000)
    expect(timer(player)).to_have_text("0:25")


def test_next_and_previous_move_between_exercises(player):
    start_and_run(player, 10)
    player.get_by_role("button", name="Next step", exact=True).click()
    expect(heading(player)).to_have_text("Shoulder rolls")
    expect(timer(player)).to_have_text("0:24")
    player.get_by_role("button", name="Next step", exact=True).click()
    expect(player.get_by_text("Right side", exact=True)).to_be_visible()
    player.get_by_role("button", name="Next step", exact=True).click()
    expect(player.get_by_text("Left side", exact=True)).to_be_visible()
    player.get_by_role("button", name="Previous step", exact=True).click()
    expect(player.get_by_text("Right side", exact=True)).to_be_visible()
    player.get_by_role("button", name="Previous step", exact=True).click()
    expect(heading(player)).to_have_text("Shoulder rolls")
    # Still playing after moving: time runs on.
    player.clock.run_for(4000)
    expect(timer(player)).to_have_text("0:20")


def test_restart_and_next_for_reps(player):
    start_and_run(player, 20)
    player.get_by_role("button", name="Restart step", exact=True).click()
    expect(timer(player)).to_have_text("0:32")
    # "Next step" ends counted reps: no second button does the same thing.
    expect(player.get_by_role("button", name="Done", exact=True)).to_have_count(0)
    player.get_by_role("button", name="Next step", exact=True).click()
    expect(heading(player)).to_have_text("Shoulder rolls")


def test_before_start_only_start_is_offered(player):
    for name in ["Pause", "Previous step", "Next step", "Restart step"]:
        expect(player.get_by_role("button", name=name, exact=True)).to_be_hidden()
    # The arrow keys wait for Start too.
    player.keyboard.press("ArrowRight")
    expect(heading(player)).to_have_text("Seated pelvic rock")
    expect(player.get_by_text("Get ready", exact=True)).to_be_visible()
    player.get_by_role("button", name="Start", exact=True).click()
    for name in ["Pause", "Previous step", "Next step", "Restart step"]:
        expect(player.get_by_role("button", name=name, exact=True)).to_be_visible()


def test_keyboard_space_pauses_and_arrows_move(player):
    player.keyboard.press("Space")
    player.clock.run_for(7000)
    expect(timer(player)).to_have_text("0:30")
    player.keyboard.press("Space")
    expect(player.get_by_role("button", name="Resume", exact=True)).to_be_visible()
    player.keyboard.press("ArrowRight")
    expect(heading(player)).to_have_text("Shoulder rolls")
    player.keyboard.press("ArrowLeft")
    expect(heading(player)).to_have_text("Seated pelvic rock")
    player.keyboard.press("Space")
    expect(player.get_by_role("button", name="Pause", exact=True)).to_be_visible()


def test_completion(player):
    start_and_run(player, 273)
    expect(player.get_by_role("heading", name="Well done")).to_be_visible()
    # Counted as the header counts ("Step 6 of 6"), not sides: one way of counting everywhere.
    expect(player.get_by_text("You finished desk break: all 6 steps.", exact=True)).to_be_visible()
    expect(player.get_by_role("button", name="Pause", exact=True)).to_be_hidden()
    player.get_by_role("button", name="Do it again", exact=True).click()
    expect(player.get_by_role("button", name="Start", exact=True)).to_be_visible()
    expect(timer(player)).to_have_text("0:05")


def test_reload_comes_back_paused_where_it_was(player):
    start_and_run(player, 100)
    expect(player.get_by_text("Left side", exact=True)).to_be_visible()
    expect(timer(player)).to_have_text("0:16")
    player.reload()
    expect(player.get_by_role("button", name="Resume", exact=True)).to_be_visible()
    expect(player.get_by_text("Paused", exact=True)).to_be_visible()
    expect(heading(player)).to_have_text("Seated twist")
    expect(player.get_by_text("Left side", exact=True)).to_be_visible()
    expect(timer(player)).to_have_text("0:16")
    player.get_by_role("button", name="Resume", exact=True).click()
    expect(player.get_by_text("Paused", exact=True)).to_have_count(0)
    player.clock.run_for(16000)
    expect(player.get_by_text("Rest", exact=True)).to_be_visible()


def test_home_offers_to_continue_an_unfinished_routine(player):
    player.goto("/")
    expect(player.get_by_role("heading", name="Pick up where you left off")).to_be_hidden()
    player.goto(PLAY)
    start_and_run(player, 100)
    player.goto("/")
    expect(player.get_by_text("Paused at step 3 of 6.", exact=True)).to_be_visible()
    player.get_by_role("link", name="Continue desk break").click()
    expect(player).to_have_url(re.compile(PLAY + "$"))
    expect(player.get_by_role("button", name="Resume", exact=True)).to_be_visible()
    player.clock.run_for(1000)
    player.get_by_role("button", name="Resume", exact=True).click()
    player.clock.run_for(180000)
    expect(player.get_by_role("heading", name="Well done")).to_be_visible()
    player.goto("/")
    expect(player.get_by_role("heading", name="Pick up where you left off")).to_be_hidden()


def test_finished_routine_does_not_resume_after_reload(player):
    start_and_run(player, 273)
    expect(player.get_by_role("heading", name="Well done")).to_be_visible()
    player.reload()
    expect(player.get_by_role("button", name="Start", exact=True)).to_be_visible()


def set_visibility(page, state):
    """Make the page report hidden or visible, as a locked screen would."""
    page.evaluate("""state => {
        Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
        Object.defineProperty(document, "hidden", { value: state === "hidden", configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
    }""", state)


def test_hidden_period_is_accounted_for_at_once(player):
    start_and_run(player, 10)
    set_visibility(player, "hidden")
    # Like a closed lid: time jumps, due timers fire at most once.
    player.clock.fast_forward(95000)
    set_visibility(player, "visible")
    # 105 s from Start: the seated twist's left side, 9 s in (96-116).
    expect(heading(player)).to_have_text("Seated twist")
    expect(player.get_by_text("Left side", exact=True)).to_be_visible()
    expect(timer(player)).to_have_text("0:11")
    expect(player.get_by_text("Step 3 of 6", exact=True)).to_be_visible()


def test_hold_scale_and_rest_from_settings(player):
    player.goto("/settings")
    player.get_by_role("button", name="Gentler", exact=True).click()
    expect(player.get_by_text("Gentler timings saved on this device.")).to_be_visible()
    player.goto(PLAY)
    start_and_run(player, 5)
    player.get_by_role("button", name="Next step", exact=True).click()
    player.get_by_role("button", name="Next step", exact=True).click()
    # The twist holds 20 s as written; gentler is 0.75x.
    expect(timer(player)).to_have_text("0:15")
    player.clock.run_for(15000)
    player.get_by_role("button", name="Next step", exact=True).click()
    player.clock.run_for(15000)
    expect(player.get_by_text("Rest", exact=True)).to_be_visible()
    expect(timer(player)).to_have_text("0:20")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_state_has_its_own_colour(player, scheme):
    player.emulate_media(color_scheme=scheme)
    stage = player.locator("[data-stage]")
    colours = {"ready": stage.evaluate("el => getComputedStyle(el).backgroundColor")}
    start_and_run(player, 8)
    for state, seconds in [("exercise", 0), ("rest", 31), ("switch", 54)]:
        player.clock.run_for(seconds * 1000)
        colours[state] = stage.evaluate("el => getComputedStyle(el).backgroundColor")
    player.get_by_role("button", name="Pause", exact=True).click()
    colours["paused"] = stage.evaluate("el => getComputedStyle(el).backgroundColor")
    assert len(set(colours.values())) == len(colours), colours


# Seconds after Start for each state of the stage (see the schedule at the top).
STATES = {"ready": None, "playing": 8, "rest": 39, "switch": 93, "paused": 8, "done": 273}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", STATES)
def test_no_accessibility_violations_in_each_state(player, state, scheme):
    player.emulate_media(color_scheme=scheme)
    if STATES[state] is not None:
        start_and_run(player, STATES[state])
    if state == "paused":
        player.get_by_role("button", name="Pause", exact=True).click()
    if state == "done":
        expect(player.get_by_role("heading", name="Well done")).to_be_visible()
    # axe-core waits on timers of its own: let the held clock run while it reads the page.
    player.clock.resume()
    report = violations(player)
    assert report == "", report


def test_step_changes_are_announced_politely_not_every_second(player):
    announcer = player.locator("[aria-live=polite]")
    start_and_run(player, 5)
    expect(announcer).to_have_text("Step 1 of 6. Now: Seated pelvic rock.")
    player.clock.run_for(3000)
    expect(announcer).to_have_text("Step 1 of 6. Now: Seated pelvic rock.")
    player.clock.run_for(29000)
    expect(announcer).to_have_text("Step 2 of 6. Rest \u2013 up next: Shoulder rolls.")


def test_controls_are_big_enough_for_a_thumb(player):
    box = player.get_by_role("button", name="Start", exact=True).bounding_box()
    assert box["height"] >= 48 and box["width"] >= 48, "Start"
    start_and_run(player, 1)
    for name in ["Pause", "Previous step", "Next step", "Restart step"]:
        box = player.get_by_role("button", name=name, exact=True).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 48, name


def test_real_clock_boundary_lands_on_time(page):
    """One boundary on the real clock: the get-ready countdown ending."""
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    page.goto(PLAY)
    page.evaluate("""() => {
        window.boundaries = [];
        document.querySelector("[data-player]").addEventListener(
            "easeback:boundary", (event) => window.boundaries.push(event.detail));
    }""")
    page.get_by_role("button", name="Start", exact=True).click()
    # The boundary event fires in the same update that shows step 1.
    expect(page.get_by_text("Get ready", exact=True)).to_be_visible()
    expect(page.get_by_text("Now", exact=True)).to_be_visible(timeout=10000)
    boundary = page.evaluate("window.boundaries[0]")
    error = abs(boundary["actual"] - boundary["scheduled"])
    assert error < 50, f"the first step began {error:.1f} ms off its schedule"
