// The home page: the suggestion for the device's time of day (or a gentle one
// when the person has said today is a bad day), and an offer to continue a
// routine left part-way on this device.
import { isBadDay } from "../lib/bad-day.js";
import { readPageData } from "../lib/page-data.js";
import { latestUnfinished } from "../lib/resume.js";

function partOfDay(hour, parts) {
  let current = parts[0][0];
  for (const [name, startHour] of parts) {
    if (hour >= startHour) current = name;
  }
  return current;
}

// The server guesses the part of the day from its own clock; the person's
// device knows better, so show the suggestion for the local time.
function showSuggestionForNow() {
  const section = document.querySelector("[data-day-parts]");
  if (!section) return;
  // On a bad day only the gentle card shows: never strength or nerve glides.
  const wanted = isBadDay() ? "bad-day" : partOfDay(new Date().getHours(), JSON.parse(section.dataset.dayParts));
  const cards = section.querySelectorAll("[data-day-part]");
  if ([...cards].some((card) => card.dataset.dayPart === wanted)) {
    for (const card of cards) card.hidden = card.dataset.dayPart !== wanted;
  }
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

showSuggestionForNow();
offerToContinue();
