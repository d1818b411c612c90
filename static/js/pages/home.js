// The home page: the suggestion for the person's answer to "What do you need
// right now?" (remembered on this device), or for the device's time of day, or
// a gentle one when the person has said today is a bad day; an offer to
// continue a routine left part-way on this device; and today's plan.
import { isBadDay } from "../lib/bad-day.js";
import { read, remove, write } from "../lib/local-store.js";
import { readPageData } from "../lib/page-data.js";
import { latestUnfinished } from "../lib/resume.js";
import { say } from "../lib/words.js";

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

// The question keeps its choices in view, the chosen one pressed; tapping it again clears the answer.
// The line under them says what the answer does (a bad day keeps the gentle card whatever it is).
function showQuestion(question) {
  let chosen = null;
  for (const choice of question.querySelectorAll("[data-need-choice]")) {
    choice.setAttribute("aria-pressed", String(choice.dataset.needChoice === need));
    if (choice.dataset.needChoice === need) chosen = choice;
  }
  question.querySelector("[data-need-said]").textContent = isBadDay()
    ? say("need-bad-day") : say(chosen ? "need-chosen" : "need-unsaid", { choice: chosen?.textContent });
}

function askWhatIsNeeded() {
  const question = document.querySelector("[data-need-question]");
  if (!question) return;
  showQuestion(question);
  question.addEventListener("click", (event) => {
    const button = event.target.closest("[data-need-choice]");
    if (!button) return;
    need = button.dataset.needChoice === need ? null : button.dataset.needChoice;
    if (need) write(NEED_KEY, need);
    else remove(NEED_KEY);
    showQuestion(question);
    showSuggestion();
  });
}

function offerToContinue() {
  const section = document.querySelector("[data-continue]");
  const routines = readPageData("routine-index");
  const latest = latestUnfinished();
  if (!section || !latest || !routines?.[latest.slug]) return;
  const routine = routines[latest.slug];
  const link = section.querySelector("a");
  link.href = routine.play;
  link.textContent = say("continue", { title: routine.title.toLowerCase() });
  section.querySelector("[data-continue-where]").textContent = latest.where ? say("paused-at", { where: latest.where.toLowerCase() }) : "";
  section.hidden = false;
}

function fillPlanCard(card, today) {
  if (!today?.set_up) return;
  card.dataset.setUp = true;
  card.hidden = isBadDay();
  card.querySelector("[data-plan-summary]").textContent = today.summary;
}

// Today's plan, on a device that has saved something (a plan is asked for only
// then; otherwise the card offers to make one): the copy kept here at once, so
// the card is filled as the page first shows, then the server's answer. A bad
// day sets the plan aside, as /plan does.
async function showPlan() {
  const card = document.querySelector("[data-plan-card]");
  fillPlanCard(card, read("plan-today"));
  if (!(read("has-plan") || read("has-profile"))) return;
  try {
    const response = await fetch("/api/v1/plan/today", { credentials: "same-origin" });
    if (!response.ok) return;
    const today = await response.json();
    write("plan-today", today);
    fillPlanCard(card, today);
  } catch {
    // offline: the copy kept here stands
  }
}

askWhatIsNeeded();
showSuggestion();
offerToContinue();
showPlan();
