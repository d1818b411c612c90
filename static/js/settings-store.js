// The player's settings, kept on this device. Every reader gets a complete,
// valid object whatever is (or is not) in storage.
import { read, write } from "./device-store.js";

const KEY = "settings";
export const HOLD_SCALES = [0.5, 0.75, 1, 1.25, 1.5];
export const REST_CHOICES = [null, 5, 10, 15, 20, 30];

export const DEFAULTS = Object.freeze({
  sound: true,
  voice: true,
  vibration: true,
  holdScale: 1,
  restSeconds: null, // null: as the routine says
});

// Shorter holds and longer rests, for a sore day.
export const GENTLER = Object.freeze({ ...DEFAULTS, holdScale: 0.75, restSeconds: 20 });

function clean(saved) {
  const settings = { ...DEFAULTS };
  if (saved && typeof saved === "object") {
    for (const key of ["sound", "voice", "vibration"]) {
      if (typeof saved[key] === "boolean") settings[key] = saved[key];
    }
    if (HOLD_SCALES.includes(saved.holdScale)) settings.holdScale = saved.holdScale;
    if (REST_CHOICES.includes(saved.restSeconds)) settings.restSeconds = saved.restSeconds;
  }
  return settings;
}

export function loadSettings() {
  return clean(read(KEY));
}

export function saveSettings(settings) {
  const cleaned = clean(settings);
  write(KEY, cleaned);
  return cleaned;
}
