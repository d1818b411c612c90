// The routines page: besides the built-in routines the server lists, "My routines", the ones
// this device keeps (built here, saved from a link, or synced from a linked device).
import { readRules } from "../lib/page-data.js";
import { ownSummary, spell } from "../lib/own-routine.js";
import { ownRoutines, startSync } from "../lib/sync.js";

const section = document.querySelector("[data-my-routines]");
const rules = readRules();
let catalogue = null;

async function draw() {
  const routines = await ownRoutines();
  if (!routines.length) {
    section.hidden = true;
    return;
  }
  catalogue ??= await (await fetch(section.dataset.catalogue)).json();
  section.querySelector("[data-my-routines-list]").replaceChildren(...routines.map((routine) => {
    const item = document.createElement("li");
    const link = Object.assign(document.createElement("a"), {
      href: `${section.dataset.overview}#${encodeURIComponent(routine.id)}`, textContent: routine.name,
    });
    const steps = routine.steps.filter((step) => catalogue.exercises[step.exercise]);
    const { seconds } = ownSummary({ ...routine, steps }, catalogue, rules);
    const about = Object.assign(document.createElement("span"), {
      className: "small", textContent: ` ${steps.length} ${steps.length === 1 ? "step" : "steps"}, ${spell(seconds)}`,
    });
    item.append(link, about);
    return item;
  }));
  section.hidden = false;
}

startSync();
document.addEventListener("easeback:own-routines-synced", () => draw().catch(() => null));
draw().catch(() => null);
