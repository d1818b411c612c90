// /history is drawn by the server: show times in the person's own time zone
// (written as the rest of the app writes dates, e.g. "30 Nov, 14:05", whatever
// the browser's language), say when something saved here has not reached the
// server yet, and redraw once a new check-in has synced.
import { initCheckinForms } from "../parts/checkin-form.js";
import { flush, startSync } from "../lib/sync.js";

const note = document.querySelector("[data-pending-note]");

// The server's month names, so these dates match the chart's and the weeks'.
const months = JSON.parse(document.querySelector("[data-month-names]").dataset.monthNames);
const twoDigits = (number) => String(number).padStart(2, "0");

function localText(moment) {
  const year = moment.getFullYear() === new Date().getFullYear() ? "" : ` ${moment.getFullYear()}`;
  const time = `${twoDigits(moment.getHours())}:${twoDigits(moment.getMinutes())}`;
  return `${moment.getDate()} ${months[moment.getMonth()]}${year}, ${time}`;
}

for (const element of document.querySelectorAll("[data-local-time]")) {
  element.textContent = localText(new Date(element.getAttribute("datetime")));
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
