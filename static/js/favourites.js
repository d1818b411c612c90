// Favourite buttons (routine pages, catalogue, completion screen), the
// /favourites list and the favourites shown first on the home page. What
// they show always comes from the device's copy, which sync keeps current.
import { favouriteRoutines, setFavourite } from "./sync.js";

const indexElement = document.getElementById("routine-index");
const routines = indexElement ? JSON.parse(indexElement.textContent) : {};

function card(slug) {
  const routine = routines[slug];
  const item = document.createElement("li");
  const article = item.appendChild(document.createElement("article"));
  article.className = "card routine-card";
  const heading = article.appendChild(document.createElement("h3"));
  heading.className = "card-title";
  const link = heading.appendChild(document.createElement("a"));
  link.href = routine.url;
  link.textContent = routine.title;
  article.appendChild(document.createElement("p")).textContent = routine.summary;
  const meta = article.appendChild(document.createElement("p"));
  meta.className = "meta";
  meta.textContent = routine.meta;
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

async function render() {
  const saved = await favouriteRoutines();
  const chosen = new Set(saved.map((row) => row.routine));
  for (const button of document.querySelectorAll("[data-favourite]")) {
    button.setAttribute("aria-pressed", String(chosen.has(button.dataset.favourite)));
    button.hidden = false;
  }
  renderLists(saved);
}

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-favourite]");
  if (!button) return;
  const favourite = button.getAttribute("aria-pressed") !== "true";
  for (const same of document.querySelectorAll(`[data-favourite="${CSS.escape(button.dataset.favourite)}"]`)) {
    same.setAttribute("aria-pressed", String(favourite));
  }
  // If the device could not keep it, the page says so and the buttons show what is kept.
  await setFavourite(button.dataset.favourite, favourite).catch(() => null);
  render();
});
document.addEventListener("easeback:synced", render);
render();
