// The device's own copy of what a person saves (IndexedDB), and the outbox
// of changes still to send. Everything is written here first, so it works
// offline and survives a closed tab.
const DB_NAME = "easeback";
const DB_VERSION = 1;
const STORES = {
  favourites: { keyPath: "routine" },
  sessions: { keyPath: "id" },
  checkins: { keyPath: "id" },
  outbox: { keyPath: "seq", autoIncrement: true },
};

let opening = null;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open() {
  if (!opening) {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      for (const [name, options] of Object.entries(STORES)) {
        if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, options);
      }
    };
    opening = request(req);
  }
  return opening;
}

async function run(storeName, mode, action) {
  const db = await open();
  const transaction = db.transaction(storeName, mode);
  const result = await request(action(transaction.objectStore(storeName)));
  await new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
  return result;
}

export const getAll = (store) => run(store, "readonly", (s) => s.getAll());
export const get = (store, key) => run(store, "readonly", (s) => s.get(key));
export const put = (store, value) => run(store, "readwrite", (s) => s.put(value));
export const remove = (store, key) => run(store, "readwrite", (s) => s.delete(key));
export const clear = (store) => run(store, "readwrite", (s) => s.clear());

export async function clearEverything() {
  for (const name of Object.keys(STORES)) await clear(name);
}
