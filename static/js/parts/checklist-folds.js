// Sections of the checklist that fold away on the screen, so a long list can be taken a
// section at a time. Each heading becomes a disclosure button; which sections are folded is
// remembered on this device. Paper always shows every section in full (print.css), and
// without this script nothing folds at all.
import { read, write } from "../lib/local-store.js";

const KEY = "checklist-folded";
// Where the browser supports it, folded text can still be found with the browser's own Find,
// which opens its section; elsewhere a folded section is simply hidden.
const FINDABLE = "onbeforematch" in document.documentElement;

function setOpen(fold, open) {
  fold.button.setAttribute("aria-expanded", String(open));
  if (open) fold.body.removeAttribute("hidden");
  else fold.body.setAttribute("hidden", FINDABLE ? "until-found" : "");
}

function remember(folds) {
  write(KEY, folds.filter((fold) => fold.button.getAttribute("aria-expanded") === "false").map((fold) => fold.id));
}

// The heading's own words move into a button that shows or hides the rest of the section.
function makeFold(section) {
  const heading = section.querySelector("h2");
  const body = section.querySelector(".fold-body");
  const button = document.createElement("button");
  const label = document.createElement("span");
  button.type = "button";
  button.className = "fold-button";
  button.setAttribute("aria-controls", body.id);
  label.className = "fold-label";
  label.append(...heading.childNodes);
  button.append(label);
  heading.append(button);
  return { id: section.dataset.fold, section, button, body };
}

// Fold or open every section at once.
function setAll(folds, open) {
  for (const fold of folds) setOpen(fold, open);
  remember(folds);
}

// A link to a place inside a folded section (such as #symptoms) opens that section.
function openTarget(folds) {
  const target = location.hash && document.getElementById(location.hash.slice(1));
  const fold = target && folds.find((candidate) => candidate.section.contains(target));
  if (fold) setOpen(fold, true);
}

// Make every [data-fold] section foldable; wire the "Open all" and "Fold all" buttons.
export function initChecklistFolds() {
  const folds = [...document.querySelectorAll("[data-fold]")].map(makeFold);
  const folded = read(KEY, []);
  for (const fold of folds) {
    setOpen(fold, !(Array.isArray(folded) && folded.includes(fold.id)));
    fold.button.addEventListener("click", () => {
      setOpen(fold, fold.button.getAttribute("aria-expanded") === "false");
      remember(folds);
    });
    // The browser's Find opened it: say so, and keep it open.
    fold.body.addEventListener("beforematch", () => {
      setOpen(fold, true);
      remember(folds);
    });
  }
  openTarget(folds);
  window.addEventListener("hashchange", () => openTarget(folds));
  document.querySelector("[data-open-all]").addEventListener("click", () => setAll(folds, true));
  document.querySelector("[data-fold-all]").addEventListener("click", () => setAll(folds, false));
}
