// What to do with a change after the server answers, which of two changes
// wins, and what to tell the person about changes not yet on the server. Pure rules, no DOM, no storage:
// sync.js acts on them and node --test proves them.

// A 5xx this many times in a row means the server cannot take the change.
export const MAX_TRIES = 5;
// The server understood the change and refused it for good: sending it again
// would get the same answer, so it must not hold up the changes behind it.
const NEVER_TAKEN = new Set([400, 404, 409, 413, 422]);
// The server (or a proxy) asked for patience, not for a different change.
const TRY_LATER = new Set([408, 429]);
const FIRST_RETRY_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 300;

// What becomes of a change after the server's answer: "sent", "park" (put aside,
// never block the rest), "later" (the server says when), or "keep" (keep it at the
// head of the outbox and try again).
// `tries` counts earlier 5xx answers to this change. A 503 that says when to
// come back (a full disk, a database restarting) is a wait, however long.
export function outcome(status, tries = 0, retryAfter = null) {
  if (status >= 200 && status < 300) return "sent";
  if (NEVER_TAKEN.has(status)) return "park";
  if (TRY_LATER.has(status) || (status === 503 && retryAfter)) return "later";
  if (status >= 500 && tries + 1 >= MAX_TRIES) return "park";
  return "keep";
}

// Whether a change (device time, change id) beats the row held ({ changedAt, changeId }, or
// none): the later time wins, then the greater id, as the server's models.wins_over decides
// (tests/cases/last-change-wins.json). A missing time is the oldest, a missing id the least.
export function winsOver(changedAt, changeId, held) {
  if (!held) return true;
  const [at, heldAt] = [changedAt ?? 0, held.changedAt ?? 0];
  return at === heldAt ? (changeId ?? "") > (held.changeId ?? "") : at > heldAt;
}

// Whether an answer counts towards MAX_TRIES.
export function countsAsTry(status) {
  return status >= 500;
}

// Seconds before trying a kept change again: doubling, at most five minutes.
export function retryDelay(failures) {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, failures - 1), LONGEST_WAIT_SECONDS);
}

// Seconds to wait when the server said "later" (Retry-After), at most five minutes.
export function laterDelay(retryAfterHeader) {
  const seconds = Number(retryAfterHeader);
  return Math.min(seconds > 0 ? seconds : 60, LONGEST_WAIT_SECONDS);
}

// The page-wide note about saving, in the words `say` gives: the most pressing sentences first,
// or "" when all is well.
export function statusMessage({ outdated = false, blocked = false, deviceFailed = false, held = false, parked = 0 }, say) {
  const sentences = Object.entries({ outdated, blocked, "device-failed": deviceFailed, held })
    .filter(([, flag]) => flag).map(([key]) => say(`sync-${key}`));
  if (parked > 0) sentences.push(say(parked === 1 ? "sync-parked-1" : "sync-parked", { count: parked }));
  return sentences.join(" ");
}

// One change not on the server, as the export describes it.
export function notSentEntry(item, state) {
  const entry = {
    state, method: item.method, path: item.path, body: item.body,
    queued_at: new Date(item.queuedAt ?? Date.now()).toISOString(),
  };
  if (state === "parked") {
    entry.server_status = item.status;
    entry.server_detail = item.detail ?? null;
    entry.parked_at = new Date(item.parkedAt).toISOString();
  }
  return entry;
}
