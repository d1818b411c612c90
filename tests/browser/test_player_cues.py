"""The player's cues and screen lock, observed through stand-ins for the browser features
(speech, vibration, Wake Lock) and a recorder on Web Audio that notes every source the player
places on the audio clock: which clip or beep, when, and whether it was called off."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_player import PLAY, START, heading, set_visibility, start_and_run

RECORDER = """
window.cueLog = { spoken: [], vibrations: 0, sources: [], schedules: [], locks: [], sentinels: [] };
Object.defineProperty(speechSynthesis, "speak", { value: (u) => cueLog.spoken.push(u.text) });
Object.defineProperty(speechSynthesis, "cancel", { value: () => {} });
Object.defineProperty(navigator, "vibrate", { value: () => { cueLog.vibrations += 1; return true; } });
// Which clip each decoded buffer came from, and every source the player places on the audio
// clock: what, when (audio time), and whether it was called off before it could sound.
const origins = new WeakMap();
const arrayBuffer = Response.prototype.arrayBuffer;
Response.prototype.arrayBuffer = async function () {
  const bytes = await arrayBuffer.call(this); origins.set(bytes, this.url); return bytes;
};
const decode = BaseAudioContext.prototype.decodeAudioData;
BaseAudioContext.prototype.decodeAudioData = async function (bytes) {
  const url = origins.get(bytes);
  const buffer = await decode.call(this, bytes);
  origins.set(buffer, url);
  return buffer;
};
for (const Source of [AudioBufferSourceNode, OscillatorNode]) {
  const { start, stop } = Source.prototype;
  Source.prototype.start = function (when = 0, ...rest) {
    const url = this.buffer ? origins.get(this.buffer) : null;
    const what = url
      ? new URL(url).pathname.split("/").pop().replace(".mp3", "")
      : `beep ${this.frequency.value}`;
    this.entry = { what, when, schedule: cueLog.schedules.length - 1, cancelled: false };
    cueLog.sources.push(this.entry);
    return start.call(this, when, ...rest);
  };
  Source.prototype.stop = function (when) {
    if (when === undefined && this.entry) this.entry.cancelled = true;
    return stop.call(this, when);
  };
}
document.addEventListener("easeback:cues", (event) =>
  cueLog.schedules.push({ fromMs: event.detail.fromMs, zero: event.detail.zero }));
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

# The routine's boundaries as the display lays them out, from the page's own timeline module.
BOUNDARIES = """async () => {
  const { buildSchedule } = await import("/static/js/lib/timeline.js");
  const data = JSON.parse(document.getElementById("player-data").textContent);
  const settings = JSON.parse(localStorage.getItem("easeback:settings") || "{}");
  const schedule = buildSchedule(data.segments, data.steps, settings);
  return [...schedule.map((segment) => segment.start), schedule.at(-1).end];
}"""

NO_WAKE_LOCK = "delete Navigator.prototype.wakeLock;"


# A cue answering a tap (Start, Resume) sounds as soon as the audio output can: its latency,
# some tens of milliseconds, after the player places it. Every later cue is on its boundary.
FIRST_CUE_MS = 60


def log(page):
    """What the player has asked for so far."""
    return page.evaluate("({ ...cueLog, sentinels: undefined, dropLocks: undefined })")


def open_player(page, init_script, settings=None, hold_scale=None, path=PLAY):
    """Open a player (desk break) with a fake clock and the given stand-ins, its clips decoded."""
    page.add_init_script(init_script)
    page.clock.install(time=START)
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    if settings or hold_scale:
        page.goto("/settings")
        for label in settings or []:
            # By the start of its name: another setting's description may mention the word.
            page.get_by_role("checkbox", name=re.compile(f"^{label}")).uncheck()
        if hold_scale:
            page.get_by_label(re.compile(rf"\({hold_scale}\u00d7\)")).check()
    page.goto(path)
    page.locator("[data-cues-ready]").wait_for(state="attached")
    return page


def press(page, name):
    """Press a player button and wait for the cues it places on the audio clock."""
    placed = len(log(page)["schedules"])
    page.get_by_role("button", name=name, exact=True).click()
    # A function, not an expression string: the page's CSP forbids the eval the latter needs.
    page.wait_for_function("(placed) => cueLog.schedules.length > placed", arg=placed)


def onsets(page):
    """Every source still set to sound: (what, when in routine milliseconds)."""
    recorded = log(page)
    return [(source["what"], (source["when"] - recorded["schedules"][source["schedule"]]["zero"]) * 1000)
            for source in recorded["sources"] if not source["cancelled"]]


def announcements(page, boundary, tolerance=20):
    """The clips that start on a boundary, within the tolerance."""
    return [what for what, at in onsets(page)
            if abs(at - boundary) <= tolerance and not what.startswith("beep")]


@pytest.fixture
def player(page):
    """Desk break with every cue recorded."""
    return open_player(page, RECORDER)


@pytest.mark.parametrize("hold_scale", [0.5, 1, 1.5])
def test_every_cue_is_on_the_audio_clock_within_20_ms_of_its_boundary(page, hold_scale):
    open_player(page, RECORDER, hold_scale=hold_scale if hold_scale != 1 else None)
    press(page, "Start")
    boundaries = page.evaluate(BOUNDARIES)
    assert len(boundaries) > 10
    for boundary in boundaries[1:]:
        assert len(announcements(page, boundary)) == 1, (boundary, announcements(page, boundary))
    # The first cue answers the tap: as soon as the audio output can play it.
    placed_at = log(page)["schedules"][0]["fromMs"]
    assert announcements(page, placed_at + FIRST_CUE_MS / 2, tolerance=FIRST_CUE_MS / 2) == ["get-ready"]
    assert announcements(page, boundaries[-1]) == ["well-done"]
    said = [what for what, _ in sorted(onsets(page), key=lambda cue: cue[1]) if not what.startswith("beep")]
    assert said[:3] == ["get-ready", "first", "exercise-seated-pelvic-rock"]
    assert "exercise-seated-twist" in said and "switch-sides" in said and "left-side" in said
    # Everything was placed at Start: no page timer has to wake for a cue.
    assert len(log(page)["schedules"]) == 1


def test_pause_resume_next_and_previous_neither_miss_nor_double_a_cue(player):
    press(player, "Start")
    player.clock.run_for(10000)
    player.get_by_role("button", name="Pause", exact=True).click()
    assert onsets(player) == [], "pausing calls off every cue still to come"
    player.clock.run_for(30000)
    press(player, "Resume")
    press(player, "Next step")
    press(player, "Previous step")
    resumed_at = log(player)["schedules"][-1]["fromMs"]
    later = [boundary for boundary in player.evaluate(BOUNDARIES) if boundary > resumed_at + 20]
    for boundary in later:
        assert len(announcements(player, boundary)) == 1, boundary
    # Picking up says where the person is, once, as soon as the audio output can.
    assert len(announcements(player, resumed_at + FIRST_CUE_MS / 2, tolerance=FIRST_CUE_MS / 2)) == 1


def test_a_walk_in_stages_says_each_stage_on_its_boundary(page):
    """The walk's stages follow one another with no rest: its note is the only cue for someone
    walking with the phone in a pocket."""
    open_player(page, RECORDER, path="/routines/guided-walk/play")
    press(page, "Start")
    stage_two = page.evaluate(BOUNDARIES)[2]  # get ready, stage one, then stage two
    said = sorted((at, what) for what, at in onsets(page)
                  if stage_two - 1 <= at < stage_two + 8000 and not what.startswith("beep"))
    assert [what for _, what in said] == ["begin", "exercise-gentle-walking", "note-guided-walk-2"]
    assert said[0][0] == pytest.approx(stage_two, abs=20)


def test_beeps_mark_each_change_and_vibration_marks_changes_while_awake(player):
    press(player, "Start")
    boundaries = player.evaluate(BOUNDARIES)
    changes = [at for what, at in onsets(player) if what == "beep 880"]
    assert all(any(abs(at - boundary) <= 20 for boundary in boundaries[1:]) for at in changes)
    assert len(changes) == len(boundaries) - 1
    # With the voice on, "three, two, one" is spoken rather than beeped.
    assert not [what for what, _ in onsets(player) if what == "beep 660"]
    assert log(player)["vibrations"] == 0
    player.clock.run_for(5000)
    assert log(player)["vibrations"] == 1


def test_missed_steps_are_not_replayed_after_a_hidden_period(player):
    press(player, "Start")
    player.clock.run_for(10000)
    placed = log(player)["schedules"]
    set_visibility(player, "hidden")
    player.clock.fast_forward(95000)
    set_visibility(player, "visible")
    assert log(player)["schedules"] == placed, "coming back redraws the screen but leaves the sound as it was"
    assert log(player)["spoken"] == []


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
    assert recorded["spoken"] == [] and recorded["sources"] == [] and recorded["vibrations"] == 0


def test_a_first_visit_leaves_the_clips_to_the_service_worker_until_start(browser, base_url):
    """Without a service worker in charge, the page fetches no clip before Start: the first
    visit stays within its budget, and the worker stores the clips in the background."""
    context = browser.new_context(base_url=base_url, service_workers="block")
    page = context.new_page()
    page.goto("/safety")
    page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
    clips = []
    page.on("request", lambda request: clips.append(request.url) if "/static/audio/" in request.url else None)
    page.goto(PLAY)
    page.locator("[data-cues-ready]").wait_for(state="attached")
    assert clips == []
    with page.expect_request(lambda request: "/static/audio/voice/get-ready.mp3" in request.url):
        page.get_by_role("button", name="Start", exact=True).click()
    context.close()
