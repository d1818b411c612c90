// How far the person has got: "12 of 38 ticked" above the checklist and "2 of 5 ticked" in
// each section's heading, counted from the boxes on the page so the totals are always real.
// The counts change quietly; the page announces the overall one when a box is ticked.
import { say } from "../lib/words.js";

function itemBoxes(root) {
  return [...root.querySelectorAll('input[type="checkbox"][name^="ticks."]')];
}

function counted(boxes) {
  return say("ticked", { ticked: boxes.filter((box) => box.checked).length, count: boxes.length });
}

// Return a function that brings every count up to date and gives the overall one.
export function initChecklistProgress(form) {
  const overall = document.querySelector("[data-progress]");
  const sections = [...form.querySelectorAll("[data-section-count]")]
    .map((count) => ({ count, boxes: itemBoxes(count.closest("section")) }));
  const all = itemBoxes(form);
  return function showProgress() {
    for (const { count, boxes } of sections) {
      count.textContent = counted(boxes);
      count.hidden = false;
    }
    overall.textContent = counted(all);
    return overall.textContent;
  };
}
