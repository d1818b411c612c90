// Printing the checklist: today's date on the paper, and a blank copy that
// leaves out everything the person has entered (print.css hides it while
// <html> carries the class below).
const BLANK = "print-blank";
const root = document.documentElement;
const printedOn = document.querySelector("[data-printed-on]");
const actions = document.querySelector("[data-print-actions]");

// The server wrote its own date; the device's is the one that matters.
function stampDate() {
  const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  printedOn.textContent = `Printed on ${today}`;
}

function printCopy(blank) {
  root.classList.toggle(BLANK, blank);
  stampDate();
  window.print();
}

actions.querySelector("[data-print]").addEventListener("click", () => printCopy(false));
actions.querySelector("[data-print-blank]").addEventListener("click", () => printCopy(true));
// The browser's own Print menu goes through here too.
window.addEventListener("beforeprint", stampDate);
window.addEventListener("afterprint", () => root.classList.remove(BLANK));

stampDate();
// The buttons only work with this script, so they appear with it.
actions.hidden = false;
