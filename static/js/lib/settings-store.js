// The player's settings, kept on this device. Every reader gets a complete,
// valid object whatever is (or is not) in storage. The allowed values come
// from the server (app/settings.py), in the page's "settings-choices" block.
import { read, write } from "./local-store.js";
import { readPageData } from "./page-data.js";

const KEY = "settings";
export const VOICE_SOURCES = Object.freeze(["recorded", "device"]);

export const DEFAULTS = Object.freeze({
  sound: true,
  voice: true,
  // Who speaks: the recorded clips, or "device": this device's own voice.
  voiceSource: "recorded",
  vibration: true,
  // The cues' volume, 0 to 1.
  volume: 1,
  holdScale: 1,
  // A rest of its own, or null: as the routine says.
  restSeconds: null,
});

// Timings only, laid over the person's cue choices: shorter holds and longer rests for a
// sore day, or the routine as written.
export const GENTLER = Object.freeze({ holdScale: 0.75, restSeconds: 20 });
export const AS_WRITTEN = Object.freeze({ holdScale: DEFAULTS.holdScale, restSeconds: DEFAULTS.restSeconds });

// A page without the block allows only the defaults, rather than guess.
const ONLY_DEFAULTS = { holdScales: [DEFAULTS.holdScale], restSeconds: [DEFAULTS.restSeconds], volumes: [DEFAULTS.volume] };
let pageChoices = null;

function choices() {
  pageChoices ??= readPageData("settings-choices") ?? ONLY_DEFAULTS;
  return pageChoices;
}

// Keep what is allowed; anything else falls back to the default.
export function cleanSettings(saved, { holdScales, restSeconds, volumes = [DEFAULTS.volume] }) {
  const settings = { ...DEFAULTS };
  if (saved && typeof saved === "object") {
    for (const key of ["sound", "voice", "vibration"]) {
      if (typeof saved[key] === "boolean") settings[key] = saved[key];
    }
    if (VOICE_SOURCES.includes(saved.voiceSource)) settings.voiceSource = saved.voiceSource;
    if (holdScales.includes(saved.holdScale)) settings.holdScale = saved.holdScale;
    if (restSeconds.includes(saved.restSeconds)) settings.restSeconds = saved.restSeconds;
    if (volumes.includes(saved.volume)) settings.volume = saved.volume;
  }
  return settings;
}

export function loadSettings() {
  return cleanSettings(read(KEY), choices());
}

export function saveSettings(settings) {
  const cleaned = cleanSettings(settings, choices());
  write(KEY, cleaned);
  return cleaned;
}
