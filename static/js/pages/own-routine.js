// The overview of a routine of one's own (/routines/mine#<id>), drawn from what this device keeps:
// its steps and cautions as a built-in routine's page shows them (parts/own-steps.js), Start,
// Edit, Duplicate, Delete (asked twice), Share (a link, the phone's share sheet, a QR code) and
// Print (a one-page home-exercise sheet).
import { showFavourites } from "../parts/favourites.js";
import { drawRoutine } from "../parts/own-steps.js";
import { readRules } from "../lib/page-data.js";
import { stepTiming } from "../lib/own-routine.js";
import { qrSvg } from "../lib/qr.js";
import { encodeRoutine } from "../lib/routine-link.js";
import { deleteOwnRoutine, newId, ownRoutine, saveOwnRoutine, startSync } from "../lib/sync.js";
import { say } from "../lib/words.js";

const root = document.querySelector("[data-own-routine]");
const rules = readRules();
const own = (name) => root.querySelector(`[data-own-${name}]`);
const id = decodeURIComponent(window.location.hash.slice(1));
let routine = null;
let catalogue = null;
// Its routine is named here, from the address: the button shows and keeps what the device has.
const favourite = root.querySelector("[data-favourite]");
favourite.dataset.favourite = rules.own_routines.slug_prefix + id;
showFavourites();

const address = (path) => new URL(path, window.location.origin).href;
const shareLink = () => `${address(root.dataset.shared)}#${encodeRoutine(routine, catalogue)}`;

// The QR code of a link, made by lib/qr.js (our own markup, no scripts or styles), as a node of this page.
function qrNode(link) {
  return new DOMParser().parseFromString(qrSvg(link, say("qr-label")).svg, "image/svg+xml").documentElement;
}

function draw() {
  drawRoutine(routine, catalogue, rules, (name) => own(name));
  document.title = say("title", { title: routine.name });
  own("start").href = `${root.dataset.play}#${encodeURIComponent(id)}`;
  own("start-name").textContent = ` ${routine.name}`;
  favourite.lastElementChild.textContent = ` ${routine.name}`;
  own("edit").href = `${root.dataset.builder}#${encodeURIComponent(id)}`;
  own("loading").hidden = true;
  own("found").hidden = false;
}

function missing() {
  own("loading").hidden = true;
  own("missing").hidden = false;
  document.title = say("not-found-title");
}

// --- Duplicate and delete -------------------------------------------------------------

own("duplicate").addEventListener("click", async () => {
  const copy = { id: newId(), name: say("copy-name", { name: routine.name }).slice(0, rules.own_routines.name), often: routine.often, steps: routine.steps };
  try {
    await saveOwnRoutine(copy);
  } catch {
    own("status").textContent = say("copy-not-kept");
    return;
  }
  window.location.assign(`${root.dataset.builder}#${encodeURIComponent(copy.id)}`);
});

function askToDelete(asking) {
  own("confirm").hidden = !asking;
  own("delete").setAttribute("aria-expanded", String(asking));
  if (asking) {
    own("confirm-text").textContent = say("delete-ask", { name: routine.name });
    own("delete-for-good").focus();
  }
}

own("delete").addEventListener("click", () => askToDelete(true));
own("keep").addEventListener("click", () => {
  askToDelete(false);
  own("delete").focus();
});
own("delete-for-good").addEventListener("click", async () => {
  try {
    await deleteOwnRoutine(id);
  } catch {
    own("status").textContent = say("not-deleted");
    return;
  }
  window.location.assign(`${root.dataset.list}#my-routines`);
});

// --- Share ------------------------------------------------------------------------

own("share").addEventListener("click", () => {
  const box = own("share-box");
  const opening = box.hidden;
  box.hidden = !opening;
  own("share").setAttribute("aria-expanded", String(opening));
  if (!opening) return;
  const link = shareLink();
  own("share-link").value = link;
  own("qr").replaceChildren(qrNode(link));
  own("share-sheet").hidden = !navigator.share;
  own("share-link").focus();
  own("share-link").select();
});

own("copy").addEventListener("click", async () => {
  const status = own("share-status");
  try {
    await navigator.clipboard.writeText(own("share-link").value);
    status.textContent = say("link-copied");
  } catch {
    own("share-link").select();
    status.textContent = say("link-selected");
  }
});

own("share-sheet").addEventListener("click", () => {
  navigator.share({ title: routine.name, text: say("share-text", { name: routine.name }), url: own("share-link").value })
    .catch(() => null);
});

// --- Print: the home-exercise sheet -----------------------------------------------------

function fillSheet() {
  const often = document.querySelector("[data-sheet-often]");
  if (routine.often) {
    often.textContent = say("how-often", { often: routine.often });
    often.hidden = false;
  }
  const template = document.getElementById("own-sheet-step");
  document.querySelector("[data-sheet-steps]").replaceChildren(...routine.steps.map((step, index) => {
    const exercise = catalogue.exercises[step.exercise].player;
    const item = template.content.firstElementChild.cloneNode(true);
    const picture = item.querySelector("[data-sheet-picture]");
    picture.src = exercise.picture;
    picture.alt = exercise.alt;
    picture.classList.toggle("mirrored", step.sides === "left");
    item.querySelector("[data-sheet-number]").textContent = `${index + 1}.`;
    item.querySelector("[data-sheet-name]").textContent = exercise.name;
    item.querySelector("[data-sheet-dose]").textContent = stepTiming(step, catalogue, say);
    item.querySelector("[data-sheet-care]").textContent = exercise.easeOffIf;
    return item;
  }));
  document.querySelector("[data-sheet-qr]").replaceChildren(qrNode(shareLink()));
  const safety = document.querySelector("[data-sheet-safety]");
  safety.textContent = address(safety.dataset.path);
}

own("print").addEventListener("click", () => window.print());

async function start() {
  startSync();
  const kept = id ? await ownRoutine(id) : null;
  if (!kept) return missing();
  catalogue = await (await fetch(root.dataset.catalogue)).json();
  routine = { ...kept, steps: kept.steps.filter((step) => catalogue.exercises[step.exercise]) };
  draw();
  // Ready before the browser's own Print menu is used as much as the button.
  return fillSheet();
}

start().catch(missing);
