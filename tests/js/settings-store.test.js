// The settings store keeps only the values the server allows (app/settings.py
// allowed_choices); anything else falls back to the default.
import assert from "node:assert/strict";
import { test } from "node:test";

import { DEFAULTS, GENTLER, VOICE_SOURCES, cleanSettings } from "../../static/js/lib/settings-store.js";

const CHOICES = { holdScales: [0.5, 0.75, 1, 1.25, 1.5], restSeconds: [null, 5, 10, 15, 20, 30], volumes: [0.4, 0.7, 1] };

test("nothing stored gives the defaults", () => {
  for (const saved of [null, undefined, "settings", 3, []]) {
    assert.deepEqual(cleanSettings(saved, CHOICES), DEFAULTS);
  }
});

test("allowed values are kept", () => {
  const saved = { sound: false, voice: false, voiceSource: "device", vibration: false, volume: 0.4, holdScale: 1.25, restSeconds: 30 };
  assert.deepEqual(cleanSettings(saved, CHOICES), saved);
  assert.deepEqual(cleanSettings(GENTLER, CHOICES), { ...DEFAULTS, ...GENTLER });
});

test("a value the server does not allow falls back to the default, alone", () => {
  const saved = { sound: false, holdScale: 2, restSeconds: 7 };
  assert.deepEqual(cleanSettings(saved, CHOICES), { ...DEFAULTS, sound: false });
  assert.equal(cleanSettings({ holdScale: 1.25 }, { ...CHOICES, holdScales: [1] }).holdScale, 1);
  assert.equal(cleanSettings({ restSeconds: "5" }, CHOICES).restSeconds, null);
  assert.equal(cleanSettings({ volume: 0.5 }, CHOICES).volume, 1);
  assert.equal(cleanSettings({ volume: "0.4" }, CHOICES).volume, 1);
});

test("a preset sets timings only, never the cues", () => {
  assert.deepEqual(Object.keys(GENTLER).sort(), ["holdScale", "restSeconds"]);
});

test("cues must be true or false", () => {
  assert.deepEqual(cleanSettings({ sound: "no", voice: 0, vibration: null }, CHOICES), DEFAULTS);
});

test("only known keys are kept", () => {
  assert.deepEqual(Object.keys(cleanSettings({ extra: 1 }, CHOICES)).sort(), Object.keys(DEFAULTS).sort());
});

test("the recorded voice speaks unless this device's own voice was chosen", () => {
  assert.equal(DEFAULTS.voiceSource, "recorded");
  assert.deepEqual(VOICE_SOURCES, ["recorded", "device"]);
  assert.equal(cleanSettings({ voiceSource: "device" }, CHOICES).voiceSource, "device");
  for (const voiceSource of ["Device", "robot", true, null, ["device"]]) {
    assert.equal(cleanSettings({ voiceSource }, CHOICES).voiceSource, "recorded");
  }
});
