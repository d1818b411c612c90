// Where the person was in each routine, saved by the player so that a reload
// comes back there and the home page can offer to pick one up again.
import { entries, read, remove, write } from "./local-store.js";

const SAVED_PREFIX = "player:";
const RESUME_WITHIN_MS = 12 * 60 * 60 * 1000;

function fresh(saved, now) {
  return Boolean(saved) && now - saved.savedAt < RESUME_WITHIN_MS;
}

// Keep { elapsedMs, total, where, step, session } for this routine, stamped with
// wall-clock time (performance.now() starts again from zero on every load).
export function rememberPlace(slug, place) {
  write(SAVED_PREFIX + slug, { ...place, savedAt: Date.now() });
}

export function forgetPlace(slug) {
  remove(SAVED_PREFIX + slug);
}

// What was saved for this routine, if it is recent enough to resume, or null.
export function savedPlace(slug, now = Date.now()) {
  const saved = read(SAVED_PREFIX + slug);
  return saved && typeof saved.elapsedMs === "number" && fresh(saved, now) ? saved : null;
}

// The most recently left routine still worth resuming, as { slug, where }.
export function latestUnfinished(now = Date.now()) {
  const recent = entries(SAVED_PREFIX)
    .filter(([, saved]) => fresh(saved, now))
    .sort(([, a], [, b]) => b.savedAt - a.savedAt);
  return recent.length ? { slug: recent[0][0], where: recent[0][1].where } : null;
}

// The step (counted from 1) a saved place would continue from. Places saved
// before `step` was kept carry it only in their words ("Step 3 of 6").
export function placeStep(saved) {
  if (Number.isInteger(saved.step) && saved.step > 0) return saved.step;
  const counted = /\d+/.exec(saved.where ?? "");
  return counted ? Number(counted[0]) : 1;
}
