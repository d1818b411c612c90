// A routine's overview: when this device holds a place part-way through the
// routine, offer "Continue from step N" and "Start again" instead of a Start
// that would silently pick up where the person left off.
import { forgetPlace, placeStep, savedPlace } from "../lib/resume.js";

const starts = [...document.querySelectorAll("[data-start]")];

function showChoices() {
  for (const start of starts) {
    const saved = savedPlace(start.dataset.start);
    if (saved) start.querySelector("[data-resume-step]").textContent = placeStep(saved);
    start.querySelector("[data-start-link]").hidden = Boolean(saved);
    start.querySelector("[data-resume-choice]").hidden = !saved;
  }
}

for (const start of starts) {
  // "Start again" is a plain link to the player, as cached for offline use:
  // forgetting the place first is all it takes for the player to begin at step 1.
  start.querySelector("[data-start-again]").addEventListener("click", () => forgetPlace(start.dataset.start));
}
showChoices();
// Coming back to this page from the player (the back button may restore it as it was).
window.addEventListener("pageshow", (event) => { if (event.persisted) showChoices(); });
