"""/settings: the cues (voice, beeps, how loud, which voice speaks), kept on the device, and a plain
word on the screen going off."""
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_player import PLAY, START

# Stand-ins that note what the device's voice says and what the player places on the audio clock.
LISTENER = """
window.heard = { spoken: [], plans: [] };
Object.defineProperty(speechSynthesis, "speak", { value: (u) => heard.spoken.push(u.text) });
Object.defineProperty(speechSynthesis, "cancel", { value: () => {} });
document.addEventListener("easeback:cues", (event) =>
  heard.plans.push(event.detail.plan.map((cue) => cue.kind)));
"""


def stored(page):
    return page.evaluate("JSON.parse(localStorage.getItem('easeback:settings'))")


def test_volume_and_cues_are_kept_and_a_preset_leaves_them_alone(page):
    page.goto("/settings")
    page.get_by_label("Voice: say each step's name").uncheck()
    page.get_by_label("Soft", exact=True).check()
    expect(page.get_by_text("Saved on this device.")).to_be_visible()
    assert stored(page)["volume"] == 0.4 and stored(page)["voice"] is False
    page.get_by_role("button", name="Gentler").click()
    expect(page.get_by_text("Gentler timings saved on this device.")).to_be_visible()
    settings = stored(page)
    chosen = (settings["volume"], settings["voice"], settings["holdScale"], settings["restSeconds"])
    assert chosen == (0.4, False, 0.75, 20)
    page.reload()
    expect(page.get_by_label("Soft", exact=True)).to_be_checked()
    expect(page.get_by_label("Voice: say each step's name")).not_to_be_checked()


def test_says_whether_this_browser_keeps_going_with_the_screen_off(page):
    page.goto("/settings")
    section = page.get_by_role("region", name="With the screen off")
    # Chromium offers Web Audio and a Media Session: it keeps going while the sound plays.
    expect(section).to_contain_text(
        "keeps the cues going with the screen off while the routine's sound plays")
    assert violations(page) == ""


def test_this_devices_voice_is_kept_and_the_player_then_fetches_no_clip(page):
    page.add_init_script(LISTENER)
    page.clock.install(time=START)
    page.goto("/settings")
    expect(page.get_by_label("Recorded voice (works offline, with the screen off)")).to_be_checked()
    page.get_by_label("This device's voice").check()
    expect(page.get_by_text("Saved on this device.")).to_be_visible()
    assert stored(page)["voiceSource"] == "device"
    page.reload()
    group = page.get_by_role("group", name="Which voice speaks")
    expect(group.get_by_label("This device's voice")).to_be_checked()
    assert violations(page) == ""

    # Every spoken clip; quiet.mp3 is the silent holder that keeps the routine on the lock screen.
    clips = []
    page.on("request", lambda request: "/static/audio/voice/" in request.url
            and "/quiet.mp3" not in request.url and clips.append(request.url))
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    page.goto(PLAY)
    page.locator("[data-cues-ready]").wait_for(state="attached")
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_function("() => heard.plans.length > 0")
    page.clock.run_for(1000)
    heard = page.evaluate("heard")
    assert "clip" not in heard["plans"][0] and "speech" in heard["plans"][0]
    assert heard["spoken"] and heard["spoken"][0].startswith("Get ready. First, Seated pelvic rock.")
    assert clips == []
