// The bad-day page: "Today is a bad day" tells home to suggest only gentle
// routines until the day ends on this device.
import { isBadDay, setBadDay } from "../lib/bad-day.js";

const button = document.querySelector("[data-bad-day-toggle]");
const note = document.querySelector("[data-bad-day-note]");

function show(bad) {
  button.setAttribute("aria-pressed", String(bad));
  note.textContent = bad
    ? "Noted for today. Home will suggest only gentle routines until the day ends."
    : "";
}

if (button) {
  button.hidden = false;
  show(isBadDay());
  button.addEventListener("click", () => {
    const bad = button.getAttribute("aria-pressed") !== "true";
    if (setBadDay(bad)) show(bad);
    else note.textContent = "This device could not keep that. Pick from the gentle routines below instead.";
  });
}
