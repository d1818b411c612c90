// Ask the browser to keep this site's storage (saved routines, settings,
// the offline copy) even when the device runs low on space. Asked once, at
// a moment that makes sense: after installing, or after the first save.
import { read, write } from "./local-store.js";

const ASKED = "storage-persist-asked";

export async function askToKeepData() {
  if (read(ASKED) || !navigator.storage?.persist) return false;
  write(ASKED, true);
  return navigator.storage.persist();
}
