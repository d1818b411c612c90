// The therapist checklist: everything the person ticks or writes is kept on
// this device at once (there is no Save button), and announced so the sync
// module can send it to the server. The form's field names are paths into
// one plain object, e.g. "ticks.checks-pressure" or "therapists.0.name".
import { initChecklistFolds } from "../parts/checklist-folds.js";
import { initChecklistGlance } from "../parts/checklist-glance.js";
import { initChecklistPrint } from "../parts/checklist-print.js";
import { initChecklistProgress } from "../parts/checklist-progress.js";
import { read, write } from "../lib/local-store.js";
import { readRules } from "../lib/page-data.js";
import { startSync } from "../lib/sync.js";
import { say } from "../lib/words.js";

const KEY = "checklist";
// Typing is saved once the person pauses, not on every key.
const TYPING_PAUSE_MS = 400;
const STATUS_SHOWN_MS = 4000;
// Each pain reach's label and phrase ("down to the calf").
const REACHES = readRules().reaches;

const form = document.querySelector("[data-checklist-form]");
const status = form.querySelector("[data-saved]");
const prefillNote = document.querySelector("[data-prefill-note]");
const showProgress = initChecklistProgress(form);
const showGlance = initChecklistGlance(form);
let typingTimer = 0;
let statusTimer = 0;

function fields() {
  return [...form.elements].filter((element) => element.name);
}

function valueAt(source, path) {
  return path.split(".").reduce((value, key) => (value == null ? undefined : value[key]), source);
}

function setAt(target, path, value) {
  const keys = path.split(".");
  let node = target;
  keys.slice(0, -1).forEach((key, index) => {
    // A number in the path ("therapists.0.name") means a list.
    node[key] ??= /^\d+$/.test(keys[index + 1]) ? [] : {};
    node = node[key];
  });
  node[keys.at(-1)] = value;
}

// Everything in the form as one plain object.
function collect() {
  const state = {};
  for (const field of fields()) setAt(state, field.name, field.type === "checkbox" ? field.checked : field.value);
  return state;
}

// Paper shows a written note as text and an empty one as lines to write on.
function markFilled(field) {
  if (field.tagName === "TEXTAREA") field.toggleAttribute("data-filled", field.value.trim() !== "");
}

// A therapist's name, once written, heads their card: "Therapist 2: Sam Lee" to a screen
// reader, the name on a line of its own on the screen.
function nameCard(field) {
  if (!/^therapists\.\d+\.name$/.test(field.name)) return;
  const name = field.value.trim();
  const colon = Object.assign(document.createElement("span"), { className: "visually-hidden", textContent: ": " });
  field.closest("fieldset").querySelector("[data-therapist-name]").replaceChildren(...(name ? [colon, name] : []));
}

function isScore(value) {
  return Number.isInteger(value) && value >= 0 && value <= 10;
}

// "Back 6/10, leg 4/10, down to the calf (check-in on 21 Nov)", or "".
function describeCheckin(checkin) {
  if (!checkin || typeof checkin !== "object") return "";
  const parts = [];
  if (isScore(checkin.back_pain)) parts.push(say("checkin-back", { score: checkin.back_pain }));
  if (isScore(checkin.leg_pain)) parts.push(say("checkin-leg", { score: checkin.leg_pain }));
  if (Object.hasOwn(REACHES, checkin.reach)) parts.push(REACHES[checkin.reach].phrase);
  if (!parts.length) return "";
  const text = parts.join(", ");
  const day = checkin.recorded_at == null ? null : new Date(checkin.recorded_at);
  const when = day && !Number.isNaN(day.getTime())
    ? ` ${say("checkin-on", { date: day.toLocaleDateString(document.documentElement.lang, { day: "numeric", month: "short" }) })}`
    : "";
  return text[0].toUpperCase() + text.slice(1) + when;
}

// Fill "Where it hurts" from the latest check-in, but never over the person's
// own words. It is saved with their next change, like anything typed.
function prefillSymptoms() {
  const where = form.elements["symptoms.where"];
  const text = describeCheckin(read("latest-checkin"));
  const fill = Boolean(text) && where.value.trim() === "";
  if (fill) {
    where.value = text;
    markFilled(where);
  }
  prefillNote.hidden = !fill;
}

function render(state) {
  for (const field of fields()) {
    const value = valueAt(state, field.name);
    if (field.type === "checkbox") field.checked = value === true;
    else field.value = typeof value === "string" ? value : "";
    markFilled(field);
    nameCard(field);
  }
  prefillSymptoms();
  showProgress();
  showGlance();
}

// A message for a few seconds; "heard" is said aloud with it but not shown, as the count
// it carries is already in sight at the top and beside the section.
function showStatus(message, heard = "") {
  const aloud = Object.assign(document.createElement("span"), { className: "visually-hidden", textContent: heard });
  status.replaceChildren(message, ...(heard ? [aloud] : []));
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { status.textContent = ""; }, STATUS_SHOWN_MS);
}

// After a tick, what is said aloud includes how many are ticked now.
function save(progress = "") {
  clearTimeout(typingTimer);
  typingTimer = 0;
  // Each change is later than this device's last, even if its clock stalls or steps back, so the
  // last change wins here and on the server.
  const changedAt = Math.max(Date.now(), (read(KEY)?.changedAt ?? 0) + 1);
  const saved = { state: collect(), changedAt };
  if (write(KEY, saved)) showStatus(say("saved-here"), progress);
  else showStatus(say("not-saved-here"));
  document.dispatchEvent(new CustomEvent("easeback:checklist-changed", { detail: saved }));
}

function saveTyping() {
  if (typingTimer) save();
}

form.addEventListener("input", (event) => {
  markFilled(event.target);
  nameCard(event.target);
  showGlance();
  // Saved on "change", at once.
  if (event.target.type === "checkbox") return;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(save, TYPING_PAUSE_MS);
});
form.addEventListener("change", (event) => {
  if (event.target.name.startsWith("ticks.")) save(` ${showProgress()}.`);
  else if (event.target.type === "checkbox") save();
  else saveTyping();
});
form.addEventListener("submit", (event) => event.preventDefault());
// Nothing typed is lost by leaving, or missing from paper.
window.addEventListener("pagehide", saveTyping);
window.addEventListener("beforeprint", saveTyping);

// The server had a newer copy: it replaces what is shown and stored here.
document.addEventListener("easeback:checklist-synced", (event) => {
  const { state, changedAt } = event.detail ?? {};
  if (!state || typeof state !== "object") return;
  clearTimeout(typingTimer);
  typingTimer = 0;
  write(KEY, { state, changedAt });
  render(state);
});

startSync();
const saved = read(KEY);
render(saved && typeof saved.state === "object" && saved.state ? saved.state : {});
initChecklistFolds();
document.querySelector("[data-overview]").hidden = false;
initChecklistPrint();
