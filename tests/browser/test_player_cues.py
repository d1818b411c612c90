"""The player's cues and screen lock, observed through stand-ins for the
browser features (speech, vibration, Web Audio oscillators, Wake Lock) that
record what the player asked of them."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_player import PLAY, START, heading, set_visibility, start_and_run

RECORDER = """
window.cueLog = { spoken: [], vibrations: 0, oscillators: 0, locks: [], sentinels: [] };
Object.defineProperty(speechSynthesis, "speak", { value: (u) => cueLog.spoken.push(u.text) });
Object.defineProperty(speechSynthesis, "cancel", { value: () => {} });
Object.defineProperty(navigator, "vibrate", { value: () => { cueLog.vibrations += 1; return true; } });
const createOscillator = AudioContext.prototype.createOscillator;
AudioContext.prototype.createOscillator = function () { cueLog.oscillators += 1; return createOscillator.call(this); };
Object.defineProperty(navigator, "wakeLock", { configurable: true, value: { request: async () => {
  const sentinel = { released: false };
  sentinel.release = async () => { sentinel.released = true; cueLog.locks.push("release"); };
  cueLog.locks.push("request");
  cueLog.sentinels.push(sentinel);
  return sentinel;
} } });
// What the browser does to a wake lock when the page is hidden.
cueLog.dropLocks = () => cueLog.sentinels.forEach((s) => { s.released = true; });
"""

NO_WAKE_LOCK = "delete Navigator.prototype.wakeLock;"


def log(page):
    """What the player has asked for so far."""
    return page.evaluate("({ ...cueLog, sentinels: undefined, dropLocks: undefined })")


def open_player(page, init_script, settings=None):
    """Open desk break with a fake clock and the given stand-ins."""
    page.add_init_script(init_script)
    page.clock.install(time=START)
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    if settings:
        page.goto("/settings")
        for label in settings:
            # By the start of its name: another setting's description may mention the word.
            page.get_by_role("checkbox", name=re.compile(f"^{label}")).uncheck()
    page.goto(PLAY)
    return page


@pytest.fixture
def player(page):
    """Desk break with every cue recorded."""
    return open_player(page, RECORDER)


def test_voice_announces_each_step_with_its_instruction(player):
    start_and_run(player, 1)
    assert log(player)["spoken"][-1].startswith("Get ready. First, Seated pelvic rock. Sit upright")
    player.clock.run_for(4000)
    assert log(player)["spoken"][-1] == "Begin. Seated pelvic rock."
    player.clock.run_for(32000)
    assert log(player)["spoken"][-1].startswith("Rest. Next, Shoulder rolls.")
    player.clock.run_for(34000)
    assert log(player)["spoken"][-1] == "Begin. Seated twist, right side."
    player.clock.run_for(20000)
    assert log(player)["spoken"][-1] == "Switch sides. Next, the left side."


def test_beeps_are_scheduled_and_vibration_marks_changes(player):
    start_and_run(player, 1)
    # Get ready lasts 5 s: beeps at 3, 2 and 1 s before the end, a tone at the change.
    assert log(player)["oscillators"] == 4
    assert log(player)["vibrations"] == 0
    player.clock.run_for(4000)
    assert log(player)["oscillators"] == 8
    assert log(player)["vibrations"] == 1


def test_pause_silences_and_resume_reschedules(player):
    start_and_run(player, 10)
    before = log(player)["oscillators"]
    player.get_by_role("button", name="Pause", exact=True).click()
    player.clock.run_for(30000)
    assert log(player)["oscillators"] == before
    player.get_by_role("button", name="Resume", exact=True).click()
    assert log(player)["oscillators"] == before + 4
    assert log(player)["spoken"][-1] == "Begin. Seated pelvic rock."


def test_missed_steps_are_not_replayed_after_a_hidden_period(player):
    start_and_run(player, 10)
    spoken_before = len(log(player)["spoken"])
    set_visibility(player, "hidden")
    player.clock.fast_forward(95000)
    set_visibility(player, "visible")
    spoken = log(player)["spoken"][spoken_before:]
    assert spoken == ["Begin. Seated twist, left side."]


def test_screen_is_kept_awake_while_playing(player):
    start_and_run(player, 1)
    assert log(player)["locks"] == ["request"]
    player.get_by_role("button", name="Pause", exact=True).click()
    assert log(player)["locks"] == ["request", "release"]
    player.get_by_role("button", name="Resume", exact=True).click()
    assert log(player)["locks"] == ["request", "release", "request"]
    # The browser drops the lock when the page is hidden; take it again on return.
    player.evaluate("cueLog.dropLocks()")
    set_visibility(player, "hidden")
    set_visibility(player, "visible")
    assert log(player)["locks"] == ["request", "release", "request", "request"]
    player.clock.run_for(273000)
    expect(player.get_by_role("heading", name="Well done")).to_be_visible()
    assert log(player)["locks"][-1] == "release"
    expect(player.get_by_text(re.compile("Keep your screen on"))).to_be_hidden()


def test_without_wake_lock_a_note_says_to_keep_the_screen_on(page):
    open_player(page, NO_WAKE_LOCK)
    expect(page.get_by_text(re.compile("Keep your screen on"))).to_be_hidden()
    start_and_run(page, 1)
    expect(page.get_by_text(re.compile("Keep your screen on"))).to_be_visible()


def test_cues_off_in_settings_leave_a_visible_cue(page):
    open_player(page, RECORDER, settings=["Beeps", "Voice", "Vibrate"])
    start_and_run(page, 4)
    stage = page.get_by_role("region", name="Seated pelvic rock")
    look = "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).boxShadow]"
    get_ready, calm = stage.evaluate(look)
    page.clock.run_for(1000)
    expect(heading(page)).to_have_text("Seated pelvic rock")
    now, flashed = stage.evaluate(look)
    assert now != get_ready, "the stage changes colour at a step change"
    assert flashed != calm, "a ring marks the moment of the change"
    page.clock.run_for(2000)
    assert stage.evaluate(look) == [now, calm]
    recorded = log(page)
    assert recorded["spoken"] == [] and recorded["oscillators"] == 0 and recorded["vibrations"] == 0
