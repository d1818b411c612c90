// "Mark today as a bad day" and Undo, on the pages that offer them (the bad-day
// page, /plan): kept on this device until the day ends; <html data-bad-day>
// lets CSS show what it means there. The words are the page's (data-marked,
// data-undone, data-failed on the note).
import { isBadDay, setBadDay } from "../lib/bad-day.js";

export function initBadDaySwitch() {
  const [mark, undo, note] = ["mark", "undo", "note"].map((key) => document.querySelector(`[data-bad-day-${key}]`));
  if (!mark) return;
  const show = (bad, words) => {
    mark.hidden = bad;
    undo.hidden = !bad;
    note.textContent = note.dataset[words] ?? "";
    document.documentElement.dataset.badDay = bad;
  };
  for (const button of [mark, undo]) {
    button.addEventListener("click", () => {
      const bad = button === mark;
      if (!setBadDay(bad)) return show(!bad, "failed");
      show(bad, bad ? "marked" : "undone");
      (bad ? undo : mark).focus();
    });
  }
  const bad = isBadDay();
  show(bad, bad && "marked");
}
