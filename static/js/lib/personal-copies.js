// The service worker keeps the pages drawn from a person's saved data (their
// history) in one cache of their own, so that deleting everything on this
// device can drop those copies whole. The name is app/rules.py's PERSONAL_CACHE.
import { readRules } from "./page-data.js";

// Drop every stored copy of a personal page. A copy still on its way from the
// network lands in the dropped cache (the worker opened it before asking), so
// it cannot come back.
export async function forgetPersonalCopies() {
  if ("caches" in window) await caches.delete(readRules().personal_cache);
}
