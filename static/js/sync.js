// Sends queued changes to the server when it can: at once, when the network
// comes back, and when the page is shown again (not Background Sync, which
// Safari lacks). Each change carries its own id, so sending one twice is
// harmless. Once nothing is waiting, the server's state is the merged truth
// and the device copy is refreshed from it.
import { entries, read, remove as forget, write } from "./device-store.js";
import { askToKeepData } from "./keep-data.js";
import { clear, getAll, put, remove } from "./store.js";

const JSON_HEADERS = { "Content-Type": "application/json" };
const UNSENT = "unsent:";
// Set once the server has taken a save from this device, so it has a profile.
const HAS_PROFILE = "has-profile";
const RETRY_LATER = new Set([408, 429]);
let flushing = null;

function newId() {
  return crypto.randomUUID();
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
  const pending = (await getAll("outbox")).length + onTheirWay;
  if (started === seen) document.documentElement.dataset.pending = String(pending);
  return pending;
}

// Mark the page as saving at once, before any await, so "nothing pending"
// is never read between a tap and its change reaching the outbox.
function saving() {
  arriving += 1;
  started += 1;
  document.documentElement.dataset.pending = "saving";
}

// Queue a change for the server and try to send it now.
export async function queue(method, path, body) {
  try {
    await put("outbox", { method, path, body, queuedAt: Date.now() });
  } finally {
    arriving = Math.max(0, arriving - 1);
  }
  await showPending();
  askToKeepData();
  return flush();
}

let retryTimer = null;

// The server asked us to slow down: try again when it says (at most in five minutes).
function retryAfter(response) {
  const seconds = Number(response.headers.get("Retry-After")) || 60;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => flush(), Math.min(seconds, 300) * 1000);
}

async function send(item) {
  const response = await fetch(item.path, {
    method: item.method, headers: JSON_HEADERS, body: JSON.stringify(item.body), credentials: "same-origin",
  });
  if (response.status === 429) retryAfter(response);
  if (response.ok) write(HAS_PROFILE, true);
  // A 4xx other than "try later" will never succeed: drop it rather than block the queue.
  return response.ok || (response.status < 500 && !RETRY_LATER.has(response.status));
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
    let done = false;
    try {
      done = await send(item);
    } catch {
      done = false; // offline
    }
    if (!done) return showPending();
    await remove("outbox", item.seq);
  }
  await pull();
  return showPending();
}

export function flush() {
  if (!navigator.onLine) return adoptUnsent().then(showPending);
  // A flush already under way read the outbox before this change joined it:
  // go again once it is done.
  if (flushing) return flushing.then(() => flush());
  flushing = flushNow().finally(() => { flushing = null; });
  return flushing;
}

async function fetchJson(path) {
  const response = await fetch(path, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

// Only called with an empty outbox: the server already has every local change.
async function pull() {
  try {
    const { favourites } = await fetchJson("/api/v1/favourites");
    await clear("favourites");
    for (const row of favourites) {
      await put("favourites", { routine: row.routine, favourite: true, changedAt: row.changed_at });
    }
    const checklist = await fetchJson("/api/v1/checklist");
    const local = read("checklist");
    if (checklist.changed_at > (local?.changedAt ?? 0)) {
      const synced = { state: checklist.state, changedAt: checklist.changed_at };
      write("checklist", synced);
      document.dispatchEvent(new CustomEvent("easeback:checklist-synced", { detail: synced }));
    }
  } catch {
    return; // offline again: the device copy stays as it is
  }
  document.dispatchEvent(new CustomEvent("easeback:synced"));
}

// --- What the pages save ------------------------------------------------------

export async function setFavourite(routine, favourite) {
  saving();
  const changedAt = Date.now();
  await put("favourites", { routine, favourite, changedAt });
  const path = `/api/v1/favourites/${encodeURIComponent(routine)}`;
  return queue(favourite ? "PUT" : "DELETE", path, { change_id: newId(), changed_at: changedAt });
}

export async function favouriteRoutines() {
  return (await getAll("favourites")).filter((row) => row.favourite).sort((a, b) => b.changedAt - a.changedAt);
}

export async function recordSession(session) {
  saving();
  const body = { ...session, updated_at: Date.now() };
  delete body.id;
  await put("sessions", session);
  return queue("PUT", `/api/v1/sessions/${session.id}`, body);
}

// While the page is closing there is no time for IndexedDB: keep the change
// in localStorage (synchronous) and send it with a fetch that outlives the page.
export function recordSessionOnExit(session) {
  const body = { ...session, updated_at: Date.now() };
  delete body.id;
  const item = { method: "PUT", path: `/api/v1/sessions/${session.id}`, body };
  write(UNSENT + session.id, item);
  // A device's first save makes its profile. Sent from here, it could race the
  // next page's outbox (which sends the same change, before this answer's cookie
  // arrives) and make two profiles. Until there is one, the next page sends it.
  if (!read(HAS_PROFILE)) return;
  fetch(item.path, {
    method: "PUT", headers: JSON_HEADERS, body: JSON.stringify(body), credentials: "same-origin", keepalive: true,
  }).catch(() => null);
}

export async function recordCheckin(checkin) {
  saving();
  await put("checkins", checkin);
  write("latest-checkin", checkin);
  const body = { ...checkin };
  delete body.id;
  return queue("PUT", `/api/v1/checkins/${checkin.id}`, body);
}

export function saveChecklist({ state, changedAt }) {
  saving();
  return queue("PUT", "/api/v1/checklist", { change_id: newId(), changed_at: changedAt, state });
}

export { newId };

// Start: send anything left from last time, and again whenever we can.
document.addEventListener("easeback:checklist-changed", (event) => saveChecklist(event.detail));
window.addEventListener("online", () => flush());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") flush();
});
flush();
