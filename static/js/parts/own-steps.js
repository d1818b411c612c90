// A kept routine's steps and cautions on a page (the overview of an own routine, the preview of
// one shared by link), drawn as a built-in routine's page draws them: the step cards from the
// page's #own-step template, the bad-day and pregnancy cautions from its exercises.
import { ownSummary, spell, stepCount, stepTiming } from "../lib/own-routine.js";
import { say } from "../lib/words.js";

function drawStep(step, index, catalogue) {
  const exercise = catalogue.exercises[step.exercise].player;
  const item = document.getElementById("own-step").content.firstElementChild.cloneNode(true);
  const fill = (name, text) => { item.querySelector(`[data-step-${name}]`).textContent = text; };
  const picture = item.querySelector("[data-step-picture]");
  picture.src = exercise.picture;
  picture.alt = exercise.alt;
  // One-sided pictures show the right side; the left side only is the same picture mirrored.
  picture.classList.toggle("mirrored", step.sides === "left");
  fill("number", `${index + 1}.`);
  fill("name", exercise.name);
  fill("timing", stepTiming(step, catalogue, say));
  fill("instructions", exercise.instructions);
  fill("breathing", exercise.breathing);
  fill("care", exercise.easeOffIf);
  if (exercise.skipIf) {
    fill("skip-text", exercise.skipIf);
    item.querySelector("[data-step-skip]").hidden = false;
  }
  return item;
}

// Fill in a routine's parts: `part(name)` finds an element of the page by its data-… name.
export function drawRoutine(routine, catalogue, rules, part) {
  const summary = ownSummary(routine, catalogue, rules);
  part("title").textContent = routine.name;
  if (routine.often) {
    part("often").textContent = say("how-often", { often: routine.often });
    part("often").hidden = false;
  }
  part("meta").replaceChildren(...[stepCount(routine.steps.length, say),
    summary.positions.map((position) => catalogue.positions[position]).join(", ")]
    .map((text) => Object.assign(document.createElement("span"), { textContent: text })));
  part("length").textContent = say("takes", { time: spell(summary.seconds, say) });
  part("bad-day").hidden = summary.suitsABadDay;
  part("pregnancy").hidden = !summary.longOnTheBack;
  part("steps").replaceChildren(...routine.steps.map((step, index) => drawStep(step, index, catalogue)));
  return summary;
}
