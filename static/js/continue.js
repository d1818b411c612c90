// Home page: offer to continue a routine left part-way on this device.
import { latestUnfinished } from "./resume.js";

const section = document.querySelector("[data-continue]");
const routines = JSON.parse(document.getElementById("routine-index").textContent);
const latest = latestUnfinished();

if (section && latest && routines[latest.slug]) {
  const routine = routines[latest.slug];
  const link = section.querySelector("a");
  link.href = routine.play;
  link.textContent = `Continue ${routine.title.toLowerCase()}`;
  section.querySelector("[data-continue-where]").textContent = latest.where ? `Paused at ${latest.where.toLowerCase()}.` : "";
  section.hidden = false;
}
