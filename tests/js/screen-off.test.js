// What the player and settings say about the screen going off, from what the browser offers.
import assert from "node:assert/strict";
import { test } from "node:test";

import { screenOffSupport } from "../../static/js/lib/screen-off.js";

class AudioContext {}

test("no Web Audio: keep the screen on", () => {
  assert.equal(screenOffSupport({ navigator: { mediaSession: {} } }).can, "no");
});

test("an audio session for playback (Safari on iOS): yes, started with the screen on", () => {
  const answer = screenOffSupport({ webkitAudioContext: AudioContext, navigator: { audioSession: {}, mediaSession: {} } });
  assert.equal(answer.can, "yes");
  assert.match(answer.advice, /Home Screen/);
});

test("Web Audio with a Media Session (Chrome on Android): while the sound plays", () => {
  assert.equal(screenOffSupport({ AudioContext, navigator: { mediaSession: {} } }).can, "while-sound-plays");
});

test("Web Audio alone: not sure, so keep the screen on", () => {
  const answer = screenOffSupport({ AudioContext, navigator: {} });
  assert.equal(answer.can, "unsure");
  assert.match(answer.advice, /keep the screen on/);
});
