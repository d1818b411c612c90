// Favourite buttons (routine pages, catalogue, completion screen), the
// /favourites list and the favourites shown first on the home page. What
// they show always comes from the device's copy, which sync keeps current.
import { readPageData } from "../lib/page-data.js";
import { favouriteRoutines, setFavourite } from "../lib/sync.js";

let routines = {};

// A card cloned from the page's empty one (templates/macros.html routine_card),
// filled in from the routine index: the same markup as a card drawn by the server.
function card(slug) {
  const routine = routines[slug];
  const item = document.createElement("li");
  item.append(document.getElementById("routine-card").content.cloneNode(true));
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
  const start = item.querySelector(".card-start");
  start.href = routine.play;
  start.querySelector(".visually-hidden").textContent = ` ${routine.title}`;
  const button = item.querySelector("[data-favourite]");
  button.dataset.favourite = slug;
  button.querySelector(".visually-hidden").textContent = ` ${routine.title}`;
  return item;
}

function renderLists(saved) {
  for (const list of document.querySelectorAll("[data-favourites-list]")) {
    const slugs = saved.map((row) => row.routine).filter((slug) => routines[slug]);
    list.replaceChildren(...slugs.map(card));
    const section = list.closest("[data-favourites-section]");
    if (section) section.hidden = slugs.length === 0 && section.hasAttribute("data-hide-when-empty");
    const empty = document.querySelector("[data-favourites-empty]");
    if (empty) empty.hidden = slugs.length > 0;
  }
}

// Lists first, so the buttons on the cards they draw are set too.
async function render() {
  const saved = await favouriteRoutines();
  renderLists(saved);
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
  render();
}

// Show this device's favourites on the page's buttons and lists, and keep them current.
export function initFavourites() {
  routines = readPageData("routine-index") ?? {};
  document.addEventListener("click", toggle);
  document.addEventListener("easeback:synced", render);
  render();
}
