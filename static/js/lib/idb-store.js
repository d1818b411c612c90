// The device's own copy of what a person saves (IndexedDB), the outbox of
// changes still to send, and the changes the server refused for good
// ("parked", kept for the person and their export). Everything is written
// here first, so it works offline and survives a closed tab.
const DB_NAME = "easeback";
// 2: the "parked" store. 3: "own-routines", the routines a person builds or is given.
const DB_VERSION = 3;
const STORES = {
  favourites: { keyPath: "routine" },
  "own-routines": { keyPath: "id" },
  sessions: { keyPath: "id" },
  checkins: { keyPath: "id" },
  outbox: { keyPath: "seq", autoIncrement: true },
  parked: { keyPath: "seq" },
};

let opening = null;
const listeners = new Set();

// Hear about the database's state: "blocked" (another tab holds an older
// version open), "outdated" (another tab has a newer one) or "ready".
export function onStorageChange(listener) {
  listeners.add(listener);
}

function tell(state) {
  for (const listener of listeners) listener(state);
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function upgrade(db) {
  for (const [name, options] of Object.entries(STORES)) {
    if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, options);
  }
}

// Another tab wants a newer version (or to delete the database): step aside
// at once, or that tab would wait for this one forever. The next call reopens
// (and, if the other tab's version is newer, learns that this page is outdated).
function stepAside(db) {
  db.onversionchange = (event) => {
    db.close();
    opening = null;
    if (event.newVersion > DB_VERSION) tell("outdated");
  };
  db.onclose = () => { opening = null; };
}

function open() {
  if (!opening) {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => upgrade(req.result);
    req.onblocked = () => tell("blocked");
    opening = request(req).then((db) => {
      stepAside(db);
      tell("ready");
      return db;
    }, (error) => {
      opening = null;
      if (error?.name === "VersionError") tell("outdated");
      throw error;
    });
  }
  return opening;
}

function finished(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

async function run(storeName, mode, action) {
  const db = await open();
  const transaction = db.transaction(storeName, mode);
  const done = finished(transaction);
  const [result] = await Promise.all([request(action(transaction.objectStore(storeName))), done]);
  return result;
}

export const getAll = (store) => run(store, "readonly", (s) => s.getAll());
export const get = (store, key) => run(store, "readonly", (s) => s.get(key));
export const put = (store, value) => run(store, "readwrite", (s) => s.put(value));
export const remove = (store, key) => run(store, "readwrite", (s) => s.delete(key));
export const clear = (store) => run(store, "readwrite", (s) => s.clear());
export const count = (store) => run(store, "readonly", (s) => s.count());

// Keep a record and the change that sends it in one transaction, so no
// other tab (or pull) can ever see one without the other. `row` may be null.
export async function putWithChange(storeName, row, change) {
  const db = await open();
  const names = row ? [storeName, "outbox"] : ["outbox"];
  const transaction = db.transaction(names, "readwrite");
  const done = finished(transaction);
  if (row) transaction.objectStore(storeName).put(row);
  transaction.objectStore("outbox").put(change);
  await done;
}

// Replace a store's contents with what the server has, unless a change is
// still waiting in the outbox (checked inside the same transaction, so a
// change from any tab is either seen here or written after) or stillWanted()
// says no just before it starts. Resolves to whether it replaced anything.
export async function replaceUnlessWaiting(storeName, rows, stillWanted = () => true) {
  const db = await open();
  if (!stillWanted()) return false;
  const transaction = db.transaction([storeName, "outbox"], "readwrite");
  const done = finished(transaction);
  const waiting = transaction.objectStore("outbox").count();
  let replaced = false;
  waiting.onsuccess = () => {
    if (waiting.result > 0) return;
    const store = transaction.objectStore(storeName);
    store.clear();
    for (const row of rows) store.put(row);
    replaced = true;
  };
  await done;
  return replaced;
}

// Move a record from one store to another (as `value`), all or nothing.
export async function move(from, to, key, value) {
  const db = await open();
  const transaction = db.transaction([from, to], "readwrite");
  const done = finished(transaction);
  transaction.objectStore(from).delete(key);
  transaction.objectStore(to).put(value);
  await done;
}

export async function clearEverything() {
  for (const name of Object.keys(STORES)) await clear(name);
}
