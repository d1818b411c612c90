// Sends queued changes to the server when it can: at once, when the network
// comes back, and when the page is shown again (not Background Sync, which
// Safari lacks). Each change carries its own id, so sending one twice is
// harmless. A change the server refuses for good is parked (kept, and in the
// export) so it never holds up the rest; anything else is kept and sent
// again. Once nothing is waiting, the device copy is refreshed from the
// server's merged truth, but only when it may hold news: on a page's start,
// back online, shown again, a device linked, or when a save's answer says
// another change won. A read the device already holds costs a short 304.
import { entries, read, remove as forget, write } from "./local-store.js";
import { askToKeepData } from "./keep-data.js";
import { countsAsTry, laterDelay, notSentEntry, outcome, retryDelay, statusMessage, winsOver } from "./outbox-rules.js";
import { count, get, getAll, move, onStorageChange, put, putWithChange, remove, replaceUnlessWaiting } from "./idb-store.js";
import { say } from "./words.js";

const JSON_HEADERS = { "Content-Type": "application/json" };
const UNSENT = "unsent:";
// Set once the server has taken a save from this device, so it has a profile.
const HAS_PROFILE = "has-profile";
const FAVOURITES = "/api/v1/favourites";
const CHECKLIST = "/api/v1/checklist";
const OWN_ROUTINES = "/api/v1/own-routines";
// The ETag of a read whose answer the device copy holds as it is.
const TAG = "tag:";
let flushing = null;
let stale = true;

function newId() {
  return crypto.randomUUID();
}

// --- What the page says about saving ------------------------------------------

const notes = { outdated: false, blocked: false, deviceFailed: false, held: false, parked: 0 };

function showStatus() {
  const element = document.querySelector("[data-sync-status]");
  const message = statusMessage(notes, say);
  if (!element || element.textContent === message) return;
  element.textContent = message;
  element.hidden = !message;
}

function noteStorageState(state) {
  notes.blocked = state === "blocked";
  notes.outdated = state === "outdated";
  showStatus();
}

// Saves started but not yet in the outbox, and how many saves have ever
// started. A count taken while a save began may have missed it on both
// sides (not yet arriving when read, not yet in the outbox when read), so
// it is not shown: the save's own count follows once it is queued.
let arriving = 0;
let started = 0;

async function showPending() {
  const seen = started;
  const onTheirWay = arriving;
  let pending;
  try {
    pending = (await count("outbox")) + onTheirWay;
    notes.parked = await count("parked");
  } catch {
    // The device's storage cannot be read: say so rather than guess.
    pending = null;
  }
  if (started === seen) document.documentElement.dataset.pending = pending === null ? "unknown" : String(pending);
  // Nothing waiting, so nothing held back.
  if (pending === 0) notes.held = false;
  showStatus();
  return pending ?? onTheirWay;
}

// Keep a change on the device: its own copy (if any) and the outbox, together.
// Marks the page as saving at once, before any await, so "nothing pending" is
// never read between a tap and its change reaching the outbox; and whatever
// happens, the mark is lifted again. Rejects if the device could not keep it.
async function save(storeName, row, method, path, body) {
  arriving += 1;
  started += 1;
  document.documentElement.dataset.pending = "saving";
  forget(TAG + FAVOURITES);
  forget(TAG + CHECKLIST);
  forget(TAG + OWN_ROUTINES);
  try {
    await putWithChange(storeName, row, { method, path, body, queuedAt: Date.now() });
    notes.deviceFailed = false;
  } catch (error) {
    notes.deviceFailed = true;
    throw error;
  } finally {
    arriving = Math.max(0, arriving - 1);
    await showPending();
  }
  askToKeepData();
}

// Queue a change for the server and try to send it now.
export async function queue(method, path, body) {
  await save(null, null, method, path, body);
  return flush();
}

// --- Sending -------------------------------------------------------------------

let retryTimer = null;
// Refusals and network failures in a row, for backing off.
let failures = 0;

function retryIn(seconds) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => flush(), seconds * 1000);
}

function send(item) {
  return fetch(item.path, {
    method: item.method, headers: JSON_HEADERS, body: JSON.stringify(item.body), credentials: "same-origin",
  });
}

async function detailOf(response) {
  try {
    return (await response.json()).detail ?? null;
  } catch {
    return null;
  }
}

// The server will never take this change: put it aside, with its answer.
async function park(item, response) {
  // The device copy shows what the server refused: put it right.
  stale = true;
  const parked = { ...item, status: response.status, detail: await detailOf(response), parkedAt: Date.now() };
  await move("outbox", "parked", item.seq, parked);
}

// Refused for now (a proxy's 403, a 5xx): keep it first in line and try again later.
async function hold(item, status) {
  notes.held = true;
  if (countsAsTry(status)) await put("outbox", { ...item, tries: (item.tries ?? 0) + 1 });
  failures += 1;
  retryIn(retryDelay(failures));
}

// Send one change and act on the answer. Resolves to its outcome, or "offline".
async function attempt(item) {
  let response;
  try {
    response = await send(item);
  } catch {
    failures += 1;
    retryIn(retryDelay(failures));
    return "offline";
  }
  const result = outcome(response.status, item.tries ?? 0, response.headers.get("Retry-After"));
  if (result === "sent") {
    write(HAS_PROFILE, true);
    failures = 0;
    await remove("outbox", item.seq);
    // A change that lost is answered with the row that won: news to pull.
    const { change_id: changeId, changed_at: changedAt } = item.body ?? {};
    const kept = changeId && await response.json().catch(() => null);
    if (kept && winsOver(kept.changed_at, kept.change_id, { changedAt, changeId })) stale = true;
  } else if (result === "park") {
    await park(item, response);
  } else if (result === "later") {
    retryIn(laterDelay(response.headers.get("Retry-After")));
  } else {
    await hold(item, response.status);
  }
  return result;
}

// Changes written while the page was closing (see recordSessionOnExit) join the outbox.
async function adoptUnsent() {
  for (const [key, item] of entries(UNSENT)) {
    await put("outbox", { ...item, queuedAt: Date.now() });
    forget(UNSENT + key);
  }
}

async function flushNow() {
  await adoptUnsent();
  for (const item of await getAll("outbox")) {
    const result = await attempt(item);
    // Anything but "sent" or "parked" waits, and so does everything behind it.
    if (result !== "sent" && result !== "park") return showPending();
  }
  notes.held = false;
  if (stale) await pull();
  return showPending();
}

// Send what is waiting; resolves to how many changes are still waiting.
export function flush() {
  if (!navigator.onLine) return adoptUnsent().then(showPending, showPending);
  // A flush already under way read the outbox before this change joined it:
  // go again once it is done.
  if (flushing) return flushing.then(() => flush());
  flushing = flushNow().catch(showPending).finally(() => { flushing = null; });
  return flushing;
}

// A read's answer and its ETag, or null when the device copy holds it already.
async function news(path) {
  const tag = read(TAG + path);
  const response = await fetch(path, { credentials: "same-origin", headers: tag ? { "If-None-Match": tag } : {} });
  if (response.status === 304) return null;
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return [await response.json(), response.headers.get("ETag")];
}

// Whether a change to this address is still waiting to be sent.
async function waiting(path) {
  return (await getAll("outbox")).some((item) => item.path === path);
}

// Refresh the device's copy from the server. The server's answer may be
// older than a change made here while it was on its way, so it is applied
// (and its ETag kept) only if no save started since and nothing is waiting
// in the outbox; that change's own flush pulls again.
async function pull() {
  const startedBefore = started;
  const unchanged = () => started === startedBefore;
  stale = false;
  try {
    const favourites = await news(FAVOURITES);
    if (favourites) {
      const rows = favourites[0].favourites.map((row) => (
        { routine: row.routine, favourite: true, changedAt: row.changed_at, changeId: row.change_id }));
      if (await replaceUnlessWaiting("favourites", rows, unchanged) && unchanged()) {
        write(TAG + FAVOURITES, favourites[1]);
      } else stale = true;
    }
    const own = await news(OWN_ROUTINES);
    if (own) {
      const rows = own[0].routines.map((row) => ({
        id: row.id, name: row.name, often: row.often ?? null, steps: row.steps,
        changedAt: row.changed_at, changeId: row.change_id,
      }));
      if (await replaceUnlessWaiting("own-routines", rows, unchanged) && unchanged()) {
        write(TAG + OWN_ROUTINES, own[1]);
        document.dispatchEvent(new CustomEvent("easeback:own-routines-synced"));
      } else stale = true;
    }
    const checklist = await news(CHECKLIST);
    if (checklist) {
      const [{ state, changed_at: changedAt, change_id: changeId }, tag] = checklist;
      if (!unchanged() || await waiting(CHECKLIST)) stale = true;
      else {
        if (winsOver(changedAt, changeId, read("checklist") ?? {})) {
          const synced = { state, changedAt, changeId };
          document.dispatchEvent(new CustomEvent("easeback:checklist-synced", { detail: synced }));
          // Written after the page's own copy, so the change id stays with it.
          write("checklist", synced);
        }
        write(TAG + CHECKLIST, tag);
      }
    }
  } catch {
    // Offline again: the device copy stays as it is, and the next flush asks again.
    stale = true;
    return;
  }
  document.dispatchEvent(new CustomEvent("easeback:synced"));
}

// Everything on this device that the server does not have: changes still
// waiting to be sent, and changes it refused (parked), as the export lists them.
export async function changesNotSent() {
  const closing = entries(UNSENT).map(([, item]) => notSentEntry(item, "waiting"));
  const waiting = (await getAll("outbox")).map((item) => notSentEntry(item, "waiting"));
  const parked = (await getAll("parked")).map((item) => notSentEntry(item, "parked"));
  return [...parked, ...waiting, ...closing];
}

// --- What the pages save ------------------------------------------------------

export async function setFavourite(routine, favourite) {
  const changedAt = Date.now();
  const changeId = newId();
  await save("favourites", { routine, favourite, changedAt, changeId }, favourite ? "PUT" : "DELETE",
    `${FAVOURITES}/${encodeURIComponent(routine)}`, { change_id: changeId, changed_at: changedAt });
  return flush();
}

export async function favouriteRoutines() {
  return (await getAll("favourites")).filter((row) => row.favourite).sort((a, b) => b.changedAt - a.changedAt);
}

// A routine the person built (or saved from a link): kept here, sent when it can be. A delete is
// kept as a change too (the row stays, marked deleted, until the server's list replaces it).
export async function saveOwnRoutine({ id, name, often = null, steps }) {
  const changedAt = Date.now();
  const changeId = newId();
  await save("own-routines", { id, name, often, steps, changedAt, changeId }, "PUT",
    `${OWN_ROUTINES}/${id}`, { name, often, steps, change_id: changeId, changed_at: changedAt });
  flush();
}

export async function deleteOwnRoutine(id) {
  const changedAt = Date.now();
  const changeId = newId();
  await save("own-routines", { id, deleted: true, changedAt, changeId }, "DELETE",
    `${OWN_ROUTINES}/${id}`, { change_id: changeId, changed_at: changedAt });
  flush();
}

// The person's own routines, by name.
export async function ownRoutines() {
  return (await getAll("own-routines")).filter((row) => !row.deleted)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function ownRoutine(id) {
  const row = await get("own-routines", id);
  return row && !row.deleted ? row : null;
}

// The player does not wait for this; a failure is told on the page by save().
export function recordSession(session) {
  const body = { ...session, updated_at: Date.now() };
  delete body.id;
  return save("sessions", session, "PUT", `/api/v1/sessions/${session.id}`, body).then(flush, () => null);
}

// While the page is closing there is no time for IndexedDB: keep the change
// in localStorage (synchronous) and send it with a fetch that outlives the page.
export function recordSessionOnExit(session) {
  const body = { ...session, updated_at: Date.now() };
  delete body.id;
  const item = { method: "PUT", path: `/api/v1/sessions/${session.id}`, body, queuedAt: Date.now() };
  write(UNSENT + session.id, item);
  // A device's first save makes its profile. Sent from here, it could race the
  // next page's outbox (which sends the same change, before this answer's cookie
  // arrives) and make two profiles. Until there is one, the next page sends it.
  if (!read(HAS_PROFILE)) return;
  fetch(item.path, {
    method: "PUT", headers: JSON_HEADERS, body: JSON.stringify(body), credentials: "same-origin", keepalive: true,
  }).catch(() => null);
}

// Resolves once the check-in is kept on this device (rejects if it could not
// be); sending it to the server carries on without holding up the form.
export async function recordCheckin(checkin) {
  const body = { ...checkin };
  delete body.id;
  await save("checkins", checkin, "PUT", `/api/v1/checkins/${checkin.id}`, body);
  write("latest-checkin", checkin);
  flush();
}

export function saveChecklist({ state, changedAt }) {
  const changeId = newId();
  // Beside the page's own copy: it breaks a tie with another device's change.
  write("checklist", { state, changedAt, changeId });
  return queue("PUT", CHECKLIST, { change_id: changeId, changed_at: changedAt, state }).catch(() => null);
}

export { newId };

let running = false;

// Start syncing on this page: send anything left from last time, and again
// whenever we can. Every page that saves calls it; only the first call acts.
export function startSync() {
  if (running) return;
  running = true;
  onStorageChange(noteStorageState);
  document.addEventListener("easeback:checklist-changed", (event) => saveChecklist(event.detail));
  // Also sent after "Delete everything": what the note counted may be gone.
  document.addEventListener("easeback:synced", () => showPending());
  // Another device may have saved meanwhile: pull after sending.
  const pullAfter = () => { stale = true; return flush(); };
  document.addEventListener("easeback:devices-changed", () => { stale = true; });
  window.addEventListener("online", pullAfter);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") pullAfter();
  });
  flush();
}
