// The player's data for a routine of one's own (/routines/mine/play#<id>): read the routine this
// device keeps and build it from the exercise catalogue as the server builds a built-in routine's
// (lib/own-routine.js); fill in the page's title and links. Resolves to null, with the page saying
// why, when this device does not have it.
import { readRules } from "./page-data.js";
import { ownPlayerData } from "./own-routine.js";
import { ownRoutine } from "./sync.js";
import { say } from "./words.js";

function missing(root) {
  root.querySelector("[data-own-missing]").hidden = false;
  document.title = say("not-found-title");
  return null;
}

export async function ownRoutinePlayerData(root) {
  const rules = readRules();
  const id = decodeURIComponent(window.location.hash.slice(1));
  try {
    const routine = id ? await ownRoutine(id) : null;
    if (!routine) return missing(root);
    const catalogue = await (await fetch(root.dataset.catalogue)).json();
    const steps = routine.steps.filter((step) => catalogue.exercises[step.exercise]);
    if (!steps.length) return missing(root);
    const slug = `${rules.own_routines.slug_prefix}${id}`;
    root.querySelector("[data-own-title]").textContent = routine.name;
    document.title = say("play-title", { name: routine.name });
    const back = root.querySelector("[data-own-back]");
    back.href = `${back.getAttribute("href")}#${encodeURIComponent(id)}`;
    root.querySelector("[data-own-slug]").value = slug;
    return ownPlayerData({ ...routine, steps }, catalogue, { slug, rules });
  } catch {
    return missing(root);
  }
}
