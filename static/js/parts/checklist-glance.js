// "At a glance": on a phone the therapists' cards stack, so a table under them sets what was
// found for each side by side, headed by their names once typed. It only mirrors the cards.
import { say } from "../lib/words.js";

// A dash to the eye, "Not yet" to a screen reader.
function notYet() {
  const dash = Object.assign(document.createElement("span"), { textContent: "\u2013" });
  dash.setAttribute("aria-hidden", "true");
  return [dash, Object.assign(document.createElement("span"), { className: "visually-hidden", textContent: say("not-yet") })];
}

// Show the table; return a function that brings it up to date with the form.
export function initChecklistGlance(form) {
  const glance = document.querySelector("[data-glance]");
  const cells = [...glance.querySelectorAll("[data-glance-cell]")];
  const heads = [...glance.querySelectorAll("[data-glance-name]")];
  glance.hidden = false;
  return function showGlance() {
    for (const cell of cells) {
      cell.replaceChildren(...(form.elements[cell.dataset.glanceCell].checked ? [say("yes")] : notYet()));
    }
    heads.forEach((head, index) => {
      head.textContent = form.elements[`therapists.${index}.name`].value.trim() || say("therapist", { number: index + 1 });
    });
  };
}
