// The player's settings, kept on this device. Every reader gets a complete,
// valid object whatever is (or is not) in storage. The allowed values come
// from the server (app/settings.py), in the page's "settings-choices" block.
import { read, write } from "./local-store.js";
import { readPageData } from "./page-data.js";

const KEY = "settings";

export const DEFAULTS = Object.freeze({
  sound: true,
  voice: true,
  vibration: true,
  holdScale: 1,
  restSeconds: null, // null: as the routine says
});

// Shorter holds and longer rests, for a sore day.
export const GENTLER = Object.freeze({ ...DEFAULTS, holdScale: 0.75, restSeconds: 20 });

// A page without the block allows only the defaults, rather than guess.
const ONLY_DEFAULTS = { holdScales: [DEFAULTS.holdScale], restSeconds: [DEFAULTS.restSeconds] };
let pageChoices = null;

function choices() {
  pageChoices ??= readPageData("settings-choices") ?? ONLY_DEFAULTS;
  return pageChoices;
}

// Keep what is allowed; anything else falls back to the default.
export function cleanSettings(saved, { holdScales, restSeconds }) {
  const settings = { ...DEFAULTS };
  if (saved && typeof saved === "object") {
    for (const key of ["sound", "voice", "vibration"]) {
      if (typeof saved[key] === "boolean") settings[key] = saved[key];
    }
    if (holdScales.includes(saved.holdScale)) settings.holdScale = saved.holdScale;
    if (restSeconds.includes(saved.restSeconds)) settings.restSeconds = saved.restSeconds;
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
