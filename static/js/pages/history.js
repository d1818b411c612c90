// /history is drawn by the server: show times in the person's own time zone,
// say when something saved here has not reached the server yet, and redraw
// once a new check-in has synced.
import { initCheckinForms } from "../parts/checkin-form.js";
import { flush, startSync } from "../lib/sync.js";

const note = document.querySelector("[data-pending-note]");

for (const element of document.querySelectorAll("[data-local-time]")) {
  const moment = new Date(element.getAttribute("datetime"));
  element.textContent = moment.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

async function refresh({ reloadWhenSynced }) {
  const pending = await flush();
  note.hidden = !pending;
  if (reloadWhenSynced && !pending) window.location.reload();
}

startSync();
initCheckinForms();
document.addEventListener("easeback:checkin-saved", () => refresh({ reloadWhenSynced: true }));
refresh({ reloadWhenSynced: false });
