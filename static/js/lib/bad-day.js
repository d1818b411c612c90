// "Today is a bad day", said on the bad-day page and kept on this device until
// the day ends (the device's own calendar day), so home suggests only gentle
// routines. Nothing about it is sent anywhere.
import { read, remove, write } from "./local-store.js";

const KEY = "bad-day";

// The device's calendar day, e.g. "2026-12-02".
export function localDay(moment) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

// True when the day stored is the day of `now`: yesterday's bad day is over.
export function saysBadDay(stored, now) {
  return typeof stored === "string" && stored === localDay(now);
}

export function isBadDay(now = new Date()) {
  return saysBadDay(read(KEY), now);
}

export function setBadDay(bad, now = new Date()) {
  if (bad) return write(KEY, localDay(now));
  remove(KEY);
  return true;
}
