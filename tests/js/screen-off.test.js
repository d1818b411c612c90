// What the player and settings say about the screen going off, from what the browser offers.
import assert from "node:assert/strict";
import { test } from "node:test";

import { screenOffSupport } from "../../static/js/lib/screen-off.js";
import { say } from "./words.js";

class AudioContext {}
// The advice a page shows for an answer.
const advice = (answer) => say(`screen-off-${answer}`);

test("no Web Audio: keep the screen on", () => {
  assert.equal(screenOffSupport({ navigator: { mediaSession: {} } }), "no");
});

test("an audio session for playback (Safari on iOS): yes, started with the screen on", () => {
  const answer = screenOffSupport({ webkitAudioContext: AudioContext, navigator: { audioSession: {}, mediaSession: {} } });
  assert.equal(answer, "yes");
  assert.match(advice(answer), /Home Screen/);
});

test("Web Audio with a Media Session (Chrome on Android): while the sound plays", () => {
  assert.equal(screenOffSupport({ AudioContext, navigator: { mediaSession: {} } }), "while-sound-plays");
});

test("Web Audio alone: not sure, so keep the screen on", () => {
  const answer = screenOffSupport({ AudioContext, navigator: {} });
  assert.equal(answer, "unsure");
  assert.match(advice(answer), /keep the screen on/);
});

test("every answer has its advice", () => {
  for (const answer of ["no", "yes", "while-sound-plays", "unsure"]) assert.notEqual(advice(answer), `screen-off-${answer}`);
});
