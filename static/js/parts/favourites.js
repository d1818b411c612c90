// Favourite buttons (routine pages, catalogue, completion screen), the
// /favourites list, the favourites shown first on the home page and the
// "My routines" list on /routines. What they show always comes from the
// device's copy, which sync keeps current.
import { readPageData, readRules } from "../lib/page-data.js";
import { favouriteRoutines, ownRoutines, setFavourite } from "../lib/sync.js";
import { say } from "../lib/words.js";

let routines = {};
let template = null;
let catalogue = null;

// A card cloned from the page's empty one (templates/macros.html routine_card),
// filled in from the routine index: the same markup as a card drawn by the server.
function card(slug) {
  const routine = routines[slug];
  const item = document.createElement("li");
  item.append(template.content.cloneNode(true));
  const link = item.querySelector(".card-title a");
  link.href = routine.url;
  link.textContent = routine.title;
  item.querySelector(".card-title + p").textContent = routine.summary;
  // The meta line's parts: length, steps, positions (app/routines.py routine_index).
  item.querySelectorAll(".meta span").forEach((span, index) => {
    span.textContent = routine.meta[index];
  });
  const goals = routine.goals.map((goal) => Object.assign(document.createElement("li"), { textContent: goal }));
  item.querySelector(".tags").append(...goals);
  item.querySelector(".tags").hidden = !goals.length;
  const start = item.querySelector(".card-start");
  start.href = routine.play;
  start.querySelector(".visually-hidden").textContent = ` ${routine.title}`;
  const button = item.querySelector("[data-favourite]");
  button.dataset.favourite = slug;
  button.querySelector(".visually-hidden").textContent = ` ${routine.title}`;
  return item;
}

// The routines this device keeps, as routine index entries under the slugs history and the
// favourites know them by (app/content/own.py slug_of): their length and positions are worked
// out from the exercise catalogue as on their own overview (lib/own-routine.js ownSummary).
async function ownIndex() {
  const kept = await ownRoutines();
  if (!kept.length) return {};
  const own = import("../lib/own-routine.js");
  catalogue ??= await (await fetch(template.dataset.catalogue)).json();
  const { ownSummary, spell, stepCount } = await own;
  const rules = readRules();
  return Object.fromEntries(kept.map((routine) => {
    const steps = routine.steps.filter((step) => catalogue.exercises[step.exercise]);
    const { seconds, positions } = ownSummary({ ...routine, steps }, catalogue, rules);
    const at = `#${encodeURIComponent(routine.id)}`;
    return [rules.own_routines.slug_prefix + routine.id, {
      title: routine.name,
      summary: routine.often ? say("how-often", { often: routine.often }) : say("own-summary"),
      meta: [spell(seconds, say), stepCount(steps.length, say),
        positions.map((position) => catalogue.positions[position]).join(", ")],
      goals: [], url: template.dataset.ownOverview + at, play: template.dataset.ownPlay + at,
    }];
  }));
}

function renderLists(saved, own) {
  for (const list of document.querySelectorAll("[data-favourites-list]")) {
    const slugs = saved.map((row) => row.routine).filter((slug) => routines[slug]);
    list.replaceChildren(...slugs.map(card));
    const section = list.closest("[data-favourites-section]");
    if (section) section.hidden = slugs.length === 0 && section.hasAttribute("data-hide-when-empty");
    const empty = document.querySelector("[data-favourites-empty]");
    if (empty) empty.hidden = slugs.length > 0;
  }
  for (const list of document.querySelectorAll("[data-my-routines-list]")) {
    list.replaceChildren(...Object.keys(own).map(card));
    list.closest("section").hidden = !list.children.length;
  }
}

// Lists first, so the buttons on the cards they draw are set too. A page that names a button's
// routine after loading (an own routine's overview) calls it again.
export async function showFavourites() {
  const saved = await favouriteRoutines();
  const own = template ? await ownIndex().catch(() => ({})) : {};
  routines = { ...readPageData("routine-index"), ...own };
  renderLists(saved, own);
  const chosen = new Set(saved.map((row) => row.routine));
  for (const button of document.querySelectorAll("[data-favourite]")) {
    button.setAttribute("aria-pressed", String(chosen.has(button.dataset.favourite)));
    button.hidden = false;
  }
}

async function toggle(event) {
  const button = event.target.closest("[data-favourite]");
  if (!button) return;
  const favourite = button.getAttribute("aria-pressed") !== "true";
  for (const same of document.querySelectorAll(`[data-favourite="${CSS.escape(button.dataset.favourite)}"]`)) {
    same.setAttribute("aria-pressed", String(favourite));
  }
  // If the device could not keep it, the page says so and the buttons show what is kept.
  await setFavourite(button.dataset.favourite, favourite).catch(() => null);
  showFavourites();
}

// Show this device's favourites on the page's buttons and lists, and keep them current.
export function initFavourites() {
  template = document.getElementById("routine-card");
  document.addEventListener("click", toggle);
  document.addEventListener("easeback:synced", showFavourites);
  document.addEventListener("easeback:own-routines-synced", showFavourites);
  showFavourites();
}
