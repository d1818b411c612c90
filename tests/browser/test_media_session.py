"""The routine on the lock screen and a headset (Media Session): the current exercise named as
on screen, with its picture, and the lock screen's buttons driving the player."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_player import PLAY, START, heading, timer

# Keep the handlers the player gives the browser, so the test can press the lock screen's buttons.
HANDLERS = """
window.mediaHandlers = {};
const setActionHandler = MediaSession.prototype.setActionHandler;
MediaSession.prototype.setActionHandler = function (action, handler) {
  window.mediaHandlers[action] = handler;
  return setActionHandler.call(this, action, handler);
};
"""
METADATA = """() => { const m = navigator.mediaSession.metadata;
  return m && { title: m.title, artist: m.artist, album: m.album, artwork: m.artwork.map((a) => a.src),
                state: navigator.mediaSession.playbackState }; }"""


@pytest.fixture
def player(page):
    page.add_init_script(HANDLERS)
    page.clock.install(time=START)
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    page.goto(PLAY)
    page.locator("[data-cues-ready]").wait_for(state="attached")
    return page


def lock_screen(page):
    return page.evaluate(METADATA)


def press_on_lock_screen(page, action, **details):
    page.evaluate("([action, details]) => mediaHandlers[action]({ action, ...details })", [action, details])


def test_the_lock_screen_names_each_step_as_the_screen_does_with_its_picture(player, page):
    player.get_by_role("button", name="Start", exact=True).click()
    shown = lock_screen(player)
    assert shown["title"] == heading(player).text_content() == "Seated pelvic rock"
    assert shown["artist"] == "Desk break" and shown["state"] == "playing"
    artwork = shown["artwork"][0]
    assert re.search(r"/static/pictures/artwork/seated-pelvic-rock\.png\?v=", artwork)
    response = page.request.get(artwork)
    assert response.ok and response.headers["content-type"] == "image/png"
    seen = set()
    for _ in range(24):
        player.clock.run_for(5000)
        # Both read at one moment: the clock keeps running between two separate reads.
        title, on_screen = player.evaluate("[navigator.mediaSession.metadata.title, "
                                           "document.querySelector('#step-name').textContent]")
        assert title == on_screen
        seen.add(title)
    assert {"Shoulder rolls", "Seated twist"} <= seen


def test_the_lock_screen_buttons_pause_resume_and_move_between_steps(player):
    player.get_by_role("button", name="Start", exact=True).click()
    player.clock.run_for(6000)
    press_on_lock_screen(player, "pause")
    expect(player.get_by_role("button", name="Resume", exact=True)).to_be_visible()
    assert lock_screen(player)["state"] == "paused"
    press_on_lock_screen(player, "play")
    expect(player.get_by_role("button", name="Pause", exact=True)).to_be_visible()
    assert lock_screen(player)["state"] == "playing"
    press_on_lock_screen(player, "nexttrack")
    expect(heading(player)).to_have_text("Shoulder rolls")
    assert lock_screen(player)["title"] == "Shoulder rolls"
    press_on_lock_screen(player, "previoustrack")
    expect(heading(player)).to_have_text("Seated pelvic rock")
    # Seeking moves ten seconds (or as far as the lock screen asks); paused, so the clock
    # stands still between the readings.
    press_on_lock_screen(player, "pause")
    expect(player.get_by_role("button", name="Resume", exact=True)).to_be_visible()
    before = timer(player).text_content()
    press_on_lock_screen(player, "seekforward")
    after = timer(player).text_content()
    def to_seconds(text):
        minutes, seconds = text.split(":")
        return int(minutes) * 60 + int(seconds)

    assert to_seconds(before) - to_seconds(after) == 10
    press_on_lock_screen(player, "seekbackward", seekOffset=5)
    assert to_seconds(timer(player).text_content()) == to_seconds(after) + 5


def test_the_lock_screen_lets_go_at_the_end(player):
    player.get_by_role("button", name="Start", exact=True).click()
    player.clock.run_for(400000)
    expect(player.get_by_role("heading", name="Well done")).to_be_visible()
    assert lock_screen(player) is None
    assert player.evaluate("navigator.mediaSession.playbackState") == "none"
