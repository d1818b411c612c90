// /plan and its set-up and review screens: the forms save through the outbox,
// and on a day the person called a bad day (kept on this device) the plan
// shows only the gentlest routines.
import { isBadDay } from "../lib/bad-day.js";
import { write } from "../lib/local-store.js";
import { flush, startSync } from "../lib/sync.js";
import { initCalendarFeed } from "../parts/calendar-feed.js";
import { initPlanForms } from "../parts/plan-forms.js";

startSync();
initPlanForms();
initCalendarFeed();
const today = document.querySelector("[data-plan-today]");
// Home shows today's plan on a device that has one (a second, linked device learns it here).
if (today) write("has-plan", true);
if (today && isBadDay()) {
  today.hidden = true;
  document.querySelector("[data-plan-bad-day]").hidden = false;
}
const note = document.querySelector("[data-pending-note]");
if (note) flush().then((pending) => { note.hidden = !pending; });
