// Unfinished routines saved by the player, so the home page can offer to
// pick one up again.
import { entries } from "./device-store.js";

export const SAVED_PREFIX = "player:";
export const RESUME_WITHIN_MS = 12 * 60 * 60 * 1000;

// The most recently left routine still worth resuming, as { slug, where }.
export function latestUnfinished(now = Date.now()) {
  const fresh = entries(SAVED_PREFIX)
    .filter(([, saved]) => saved && now - saved.savedAt < RESUME_WITHIN_MS)
    .sort(([, a], [, b]) => b.savedAt - a.savedAt);
  return fresh.length ? { slug: fresh[0][0], where: fresh[0][1].where } : null;
}
