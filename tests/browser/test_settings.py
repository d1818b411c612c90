"""/settings: the cues (voice, beeps, how loud), kept on the device, and a plain word on the screen
going off."""
from playwright.sync_api import expect

from tests.browser.axe import violations


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
