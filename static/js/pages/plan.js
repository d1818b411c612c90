// /plan and its set-up and review screens: the forms save through the outbox.
// (A bad day's switch is every page's, parts/bad-day-switch.js.)
import { write } from "../lib/local-store.js";
import { flush, startSync } from "../lib/sync.js";
import { initCalendarFeed } from "../parts/calendar-feed.js";
import { initPlanForms } from "../parts/plan-forms.js";

startSync();
initPlanForms();
initCalendarFeed();
// Home shows today's plan on a device that has one (a second, linked device learns it here).
if (document.querySelector("[data-plan-today]")) write("has-plan", true);
const note = document.querySelector("[data-pending-note]");
if (note) flush().then((pending) => { note.hidden = !pending; });
