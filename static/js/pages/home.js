// The home page: "What do you need right now?", answered once and remembered
// on this device; the suggestion for that answer (or for the device's time of
// day, or a gentle one when the person has said today is a bad day); and an
// offer to continue a routine left part-way on this device.
import { isBadDay } from "../lib/bad-day.js";
import { read, remove, write } from "../lib/local-store.js";
import { readPageData } from "../lib/page-data.js";
import { latestUnfinished } from "../lib/resume.js";

const NEED_KEY = "need";
// Kept here too, so the page follows the answer even if the device could not store it.
let need = read(NEED_KEY);

function partOfDay(hour, parts) {
  let current = parts[0][0];
  for (const [name, startHour] of parts) {
    if (hour >= startHour) current = name;
  }
  return current;
}

// The card to show, first found of: today is a bad day (only the gentle card:
// never strength or nerve glides); the person's answer; the part of the day,
// by the device's clock, which knows the person's time better than the server's.
function wantedCard(section) {
  const part = partOfDay(new Date().getHours(), JSON.parse(section.dataset.dayParts));
  const selectors = [
    isBadDay() && '[data-day-part="bad-day"]',
    typeof need === "string" && `[data-need="${CSS.escape(need)}"]`,
    `[data-day-part="${CSS.escape(part)}"]`,
  ];
  return selectors.filter(Boolean).map((selector) => section.querySelector(selector)).find(Boolean);
}

function showSuggestion() {
  const section = document.querySelector("[data-day-parts]");
  if (!section) return;
  const wanted = wantedCard(section);
  if (!wanted) return;
  for (const card of section.querySelectorAll("[data-day-part], [data-need]")) card.hidden = card !== wanted;
}

// The question shows its choices until answered; then the answer, with a way to change it.
function showQuestion(question, open) {
  const chosen = question.querySelector(`[data-need-choice="${CSS.escape(String(need))}"]`);
  for (const choice of question.querySelectorAll("[data-need-choice]")) {
    choice.setAttribute("aria-pressed", String(choice === chosen));
  }
  question.querySelector("[data-need-said]").hidden = !chosen;
  question.querySelector("[data-need-answer]").textContent = chosen ? chosen.textContent : "";
  const expanded = open || !chosen;
  question.querySelector("[data-need-choices]").hidden = !expanded;
  question.querySelector("[data-need-forget]").hidden = !(expanded && chosen);
  const change = question.querySelector("[data-need-change]");
  change.hidden = !chosen;
  change.setAttribute("aria-expanded", String(expanded));
}

// What each of the question's buttons does, and where focus goes next (the
// button tapped may have just been hidden).
function answer(question, event) {
  const button = event.target.closest("button");
  if (!button) return;
  let open = false;
  let focus = "[data-need-change]";
  if (button.matches("[data-need-choice]")) {
    need = button.dataset.needChoice;
    write(NEED_KEY, need);
  } else if (button.matches("[data-need-forget]")) {
    need = null;
    remove(NEED_KEY);
    [open, focus] = [true, "[data-need-choice]"];
  } else if (button.matches("[data-need-change]")) {
    open = button.getAttribute("aria-expanded") !== "true";
    if (open) focus = '[aria-pressed="true"]';
  } else {
    return;
  }
  showQuestion(question, open);
  showSuggestion();
  question.querySelector(focus)?.focus();
}

function askWhatIsNeeded() {
  const question = document.querySelector("[data-need-question]");
  if (!question) return;
  // On a bad day the gentle card stands; the bad-day page is where that is changed.
  question.hidden = isBadDay();
  showQuestion(question, false);
  question.addEventListener("click", (event) => answer(question, event));
}

function offerToContinue() {
  const section = document.querySelector("[data-continue]");
  const routines = readPageData("routine-index");
  const latest = latestUnfinished();
  if (!section || !latest || !routines?.[latest.slug]) return;
  const routine = routines[latest.slug];
  const link = section.querySelector("a");
  link.href = routine.play;
  link.textContent = `Continue ${routine.title.toLowerCase()}`;
  section.querySelector("[data-continue-where]").textContent = latest.where ? `Paused at ${latest.where.toLowerCase()}.` : "";
  section.hidden = false;
}

// Today's plan, on a device that has saved something (a plan is asked for only
// then): the server's answer, or the last one kept here when offline. A bad day
// sets the plan aside, as /plan does.
async function showPlan() {
  const card = document.querySelector("[data-plan-card]");
  if (!card || !(read("has-plan") || read("has-profile")) || isBadDay()) return;
  let today = read("plan-today");
  try {
    const response = await fetch("/api/v1/plan/today", { credentials: "same-origin" });
    if (response.ok) write("plan-today", (today = await response.json()));
  } catch {
    // offline: the copy kept here
  }
  if (!today?.set_up) return;
  card.querySelector("[data-plan-summary]").textContent = today.summary;
  card.hidden = false;
}

askWhatIsNeeded();
showSuggestion();
offerToContinue();
showPlan();
