// A routine shared by link (/shared#<text>): read it from the address's fragment (lib/routine-link.js),
// which never reaches the server; show it with "Shared with you. Easeback cannot check who made it.";
// then Save to my routines, or Start (which keeps it too, so history and the plan can name it).
// A link that is cut short, changed, newer or out of bounds gets a page that says so, and nothing
// is saved. The same link saved twice is one routine: its id is made from the link itself.
import { drawRoutine } from "../parts/own-steps.js";
import { readRules } from "../lib/page-data.js";
import { decodeRoutine } from "../lib/routine-link.js";
import { ownRoutine, saveOwnRoutine, startSync } from "../lib/sync.js";
import { say } from "../lib/words.js";

const root = document.querySelector("[data-shared]");
const rules = readRules();
const part = (name) => root.querySelector(`[data-shared-${name}]`);
const text = window.location.hash.slice(1);
let routine = null;
let id = null;

// A UUID made from the link (SHA-256, marked as a version 8 UUID): the same link, the same routine.
async function idFor(link) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(link)));
  const bytes = digest.slice(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function refuse(problem) {
  part("loading").hidden = true;
  part("problem-text").textContent = problem;
  part("problem").hidden = false;
  document.title = say("refused-title");
}

// Keep it on the device (once), then say so; resolves to whether it is kept.
async function keep() {
  const status = part("status");
  try {
    if (await ownRoutine(id)) {
      status.textContent = say("already-kept");
      return true;
    }
    await saveOwnRoutine({ id, ...routine });
  } catch {
    status.textContent = say("routine-not-kept");
    return false;
  }
  status.textContent = say("saved-to-routines");
  return true;
}

part("save").addEventListener("click", async () => {
  if (await keep()) {
    const link = Object.assign(document.createElement("a"), {
      href: `${root.dataset.overview}#${encodeURIComponent(id)}`, textContent: say("open-from-routines"),
    });
    part("status").append(" ", link);
  }
});

part("start").addEventListener("click", async () => {
  if (await keep()) window.location.assign(`${root.dataset.play}#${encodeURIComponent(id)}`);
});

async function start() {
  startSync();
  const catalogue = await (await fetch(root.dataset.catalogue)).json();
  const read = decodeRoutine(text, catalogue, rules.own_routines, say);
  if (read.problem) return refuse(read.problem);
  routine = read.definition;
  id = await idFor(text);
  drawRoutine(routine, catalogue, rules, part);
  document.title = say("shared-title", { name: routine.name });
  part("loading").hidden = true;
  part("found").hidden = false;
  return null;
}

start().catch(() => refuse(say("link-unreadable")));
