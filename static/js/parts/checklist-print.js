// Printing the checklist: today's date on the paper, and a blank copy that
// leaves out everything the person has entered (print.css hides it while
// <html> carries the class below).
import { say } from "../lib/words.js";

const BLANK = "print-blank";

// The server wrote its own date; the device's is the one that matters.
function stampDate() {
  const printedOn = document.querySelector("[data-printed-on]");
  const today = new Date().toLocaleDateString(document.documentElement.lang, { day: "numeric", month: "long", year: "numeric" });
  printedOn.textContent = say("printed-on", { date: today });
}

function printCopy(blank) {
  document.documentElement.classList.toggle(BLANK, blank);
  stampDate();
  window.print();
}

// Wire the Print buttons and the browser's own Print menu.
export function initChecklistPrint() {
  const actions = document.querySelector("[data-print-actions]");
  actions.querySelector("[data-print]").addEventListener("click", () => printCopy(false));
  actions.querySelector("[data-print-blank]").addEventListener("click", () => printCopy(true));
  // The browser's own Print menu goes through here too.
  window.addEventListener("beforeprint", stampDate);
  window.addEventListener("afterprint", () => document.documentElement.classList.remove(BLANK));
  stampDate();
  // The buttons only work with this script, so they appear with it.
  actions.hidden = false;
}
