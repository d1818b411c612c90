// Make your own routine (/routines/new, or /routines/new#<id> to change one): add exercises from
// the library, set each step's dose, sides and rest, move and remove steps with buttons, and save
// it on the device (lib/sync.js sends it on). The bounds are app/rules.py's, as the server holds
// them; the total is laid out by lib/own-routine.js as the player will play it.
import { readRules } from "../lib/page-data.js";
import { checkOwnRoutine, ownSummary, spell, stepCount } from "../lib/own-routine.js";
import { newId, ownRoutine, saveOwnRoutine, startSync } from "../lib/sync.js";
import { say } from "../lib/words.js";

const form = document.querySelector("[data-builder]");
const rules = readRules();
const bounds = rules.own_routines;
const list = form.querySelector("[data-steps]");
const stepTemplate = document.getElementById("builder-step");
const status = form.querySelector("[data-builder-status]");
const problems = form.querySelector("[data-problems]");

let catalogue = null;
// The routine as built so far; each step keeps a key of its own, for its fields' ids.
const state = { id: null, steps: [] };
let keys = 0;
const FIRST_REST = 10;

const exerciseOf = (step) => catalogue.exercises[step.exercise];
const nameOf = (step) => exerciseOf(step).player.name;

function definition() {
  return {
    name: form.elements.name.value.trim(),
    often: form.elements.often.value.trim() || null,
    steps: state.steps.map(({ exercise, hold, reps, sides, rest }) => {
      const entry = { exercise, rest };
      if (hold !== undefined) entry.hold = hold;
      if (reps !== undefined) entry.reps = reps;
      if (exerciseOf({ exercise }).sided) entry.sides = sides;
      return entry;
    }),
  };
}

// --- Drawing the steps ------------------------------------------------------------

function fillStep(item, step, index) {
  const exercise = exerciseOf(step);
  const name = exercise.player.name;
  const id = `step-${step.key}`;
  item.dataset.key = step.key;
  item.querySelector("[data-step-number]").textContent = String(index + 1);
  item.querySelector("[data-step-name]").textContent = name;
  const dose = item.querySelector("[data-dose]");
  const timed = exercise.hold !== null;
  const [low, high] = timed ? bounds.hold : bounds.reps;
  dose.id = `${id}-dose`;
  Object.assign(dose, { min: low, max: high, value: String(timed ? step.hold : step.reps) });
  dose.setAttribute("aria-describedby", `${id}-dose-error`);
  item.querySelector("[data-dose-error]").id = `${id}-dose-error`;
  const doseLabel = item.querySelector("[data-dose-label]");
  doseLabel.htmlFor = dose.id;
  doseLabel.textContent = say(timed ? "hold-label" : "reps-label", { low, high });
  const sidesField = item.querySelector("[data-sides-field]");
  sidesField.hidden = !exercise.sided;
  const sides = item.querySelector("[data-sides]");
  sides.id = `${id}-sides`;
  sides.disabled = !exercise.sided;
  sides.value = step.sides ?? "both";
  item.querySelector("[data-sides-label]").htmlFor = sides.id;
  const rest = item.querySelector("[data-rest]");
  rest.id = `${id}-rest`;
  rest.value = String(step.rest);
  rest.setAttribute("aria-describedby", `${id}-rest-error`);
  item.querySelector("[data-rest-error]").id = `${id}-rest-error`;
  const restLabel = item.querySelector("[data-rest-label]");
  restLabel.htmlFor = rest.id;
  restLabel.textContent = say("rest-label", { low: bounds.rest[0], high: bounds.rest[1] });
  const [up, down] = item.querySelectorAll("[data-move]");
  up.textContent = say("move-up", { name });
  down.textContent = say("move-down", { name });
  up.disabled = index === 0;
  down.disabled = index === state.steps.length - 1;
  item.querySelector("[data-remove]").textContent = say("remove-step", { name });
}

function draw() {
  list.replaceChildren(...state.steps.map((step, index) => {
    const item = stepTemplate.content.firstElementChild.cloneNode(true);
    fillStep(item, step, index);
    return item;
  }));
  form.querySelector("[data-no-steps]").hidden = state.steps.length > 0;
  for (const button of document.querySelectorAll("[data-add]")) button.disabled = state.steps.length >= bounds.steps[1];
  showTotal();
}

function showTotal() {
  const total = form.querySelector("[data-total]");
  if (!state.steps.length) {
    total.textContent = "";
    return;
  }
  const usable = state.steps.every((step) => Number.isInteger(step.hold ?? step.reps) && Number.isInteger(step.rest));
  if (!usable) return;
  const { seconds } = ownSummary(definition(), catalogue, rules);
  const over = seconds > bounds.most_seconds ? ` ${say("over-time", { most: bounds.most_seconds / 60 })}` : "";
  total.textContent = say("total-time", { time: spell(seconds, say), count: stepCount(state.steps.length, say) }) + over;
}

// --- Changing the steps -----------------------------------------------------------

function numberFrom(input) {
  const text = input.value.trim();
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

function addStep(exerciseId) {
  if (state.steps.length >= bounds.steps[1]) return;
  const exercise = catalogue.exercises[exerciseId];
  // The usual rest to begin with (the last step's is never played).
  const step = { key: (keys += 1), exercise: exerciseId, rest: FIRST_REST };
  if (exercise.hold !== null) step.hold = exercise.hold;
  else step.reps = exercise.reps;
  if (exercise.sided) step.sides = "both";
  state.steps.push(step);
  draw();
  status.textContent = say("added", { name: exercise.player.name, number: state.steps.length });
}

list.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  const item = event.target.closest("[data-step]");
  if (!button || !item) return;
  const index = state.steps.findIndex((step) => String(step.key) === item.dataset.key);
  const step = state.steps[index];
  const name = nameOf(step);
  if (button.matches("[data-remove]")) {
    state.steps.splice(index, 1);
    draw();
    status.textContent = say("removed", { name });
    // Focus the step that took its place, or the one before, or the heading.
    const next = list.children[Math.min(index, state.steps.length - 1)];
    (next?.querySelector("[data-remove]") ?? document.getElementById("steps-heading")).focus();
    return;
  }
  const move = Number(button.dataset.move);
  const to = index + move;
  if (!move || to < 0 || to >= state.steps.length) return;
  state.steps.splice(index, 1);
  state.steps.splice(to, 0, step);
  draw();
  status.textContent = say("moved", { name, number: to + 1 });
  const moved = list.children[to].querySelector(`[data-move="${move}"]`);
  (moved.disabled ? list.children[to].querySelector(`[data-move="${-move}"]`) : moved).focus();
});

list.addEventListener("input", (event) => {
  const item = event.target.closest("[data-step]");
  const step = state.steps.find((entry) => String(entry.key) === item.dataset.key);
  if (event.target.matches("[data-dose]")) {
    if (exerciseOf(step).hold !== null) step.hold = numberFrom(event.target);
    else step.reps = numberFrom(event.target);
  } else if (event.target.matches("[data-rest]")) {
    step.rest = numberFrom(event.target);
  } else if (event.target.matches("[data-sides]")) {
    step.sides = event.target.value;
  }
  showTotal();
});

document.addEventListener("click", (event) => {
  const add = event.target.closest("[data-add]");
  if (add && catalogue) addStep(add.dataset.add);
});

// --- Filtering the library --------------------------------------------------------

function filterLibrary() {
  const words = document.querySelector("[data-exercise-search]").value.toLowerCase().split(/\s+/).filter(Boolean);
  const wanted = Object.fromEntries([...document.querySelectorAll("[data-exercise-filter]")]
    .map((select) => [select.dataset.exerciseFilter, select.value]));
  const cards = [...document.querySelectorAll("[data-exercise-card]")];
  let shown = 0;
  for (const card of cards) {
    const fits = words.every((word) => card.dataset.search.includes(word))
      && Object.entries(wanted).every(([key, value]) => !value || card.dataset[key] === value);
    card.hidden = !fits;
    shown += fits ? 1 : 0;
  }
  document.querySelector("[data-exercise-count]").textContent = say(shown === cards.length ? "all-exercises" : "exercises-match",
    { shown, count: cards.length });
  document.querySelector("[data-no-exercises]").hidden = shown > 0;
}

document.querySelector("[data-exercise-search]").addEventListener("input", filterLibrary);
for (const select of document.querySelectorAll("[data-exercise-filter]")) select.addEventListener("change", filterLibrary);

// --- Saving -----------------------------------------------------------------------

function clearProblems() {
  problems.hidden = true;
  for (const element of form.querySelectorAll("[aria-invalid]")) element.removeAttribute("aria-invalid");
  for (const message of form.querySelectorAll(".field-error")) message.hidden = true;
}

function fieldFor(problem) {
  if (problem.field === "name" || problem.field === "often") return form.elements[problem.field];
  if (problem.step === undefined) return null;
  const item = list.children[problem.step];
  return item?.querySelector(problem.field === "rest" ? "[data-rest]" : "[data-dose]") ?? null;
}

function showProblems(found) {
  const items = found.map((problem) => {
    const field = fieldFor(problem);
    const entry = document.createElement("li");
    if (field) {
      field.setAttribute("aria-invalid", "true");
      const message = document.getElementById(field.getAttribute("aria-describedby"));
      if (message) {
        message.textContent = problem.message;
        message.hidden = false;
      }
      const link = document.createElement("a");
      link.href = `#${field.id}`;
      link.textContent = problem.message;
      entry.append(link);
    } else entry.textContent = problem.message;
    return entry;
  });
  problems.querySelector("[data-problem-list]").replaceChildren(...items);
  problems.hidden = false;
  problems.focus();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!catalogue) return;
  clearProblems();
  const routine = definition();
  const found = checkOwnRoutine(routine, catalogue, bounds, say);
  if (found.length) {
    showProblems(found);
    return;
  }
  const id = state.id ?? newId();
  try {
    await saveOwnRoutine({ id, ...routine });
  } catch {
    status.textContent = say("routine-not-kept");
    return;
  }
  window.location.assign(`${form.dataset.overview}#${id}`);
});

// --- Starting: a new routine, or one to change ---------------------------------------

async function start() {
  startSync();
  const response = await fetch(form.dataset.catalogue);
  catalogue = await response.json();
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (id) {
    const saved = await ownRoutine(id).catch(() => null);
    if (saved) {
      state.id = id;
      form.elements.name.value = saved.name;
      form.elements.often.value = saved.often ?? "";
      state.steps = saved.steps.filter((step) => catalogue.exercises[step.exercise])
        .map((step) => ({ ...step, key: (keys += 1), rest: step.rest ?? 0 }));
      const heading = document.querySelector("[data-builder-heading]");
      heading.textContent = say("change-routine", { name: saved.name });
      document.title = say("title", { title: heading.textContent });
      form.querySelector("[data-save]").textContent = say("save-changes");
    }
  }
  draw();
}

start().catch(() => {
  status.textContent = say("no-exercise-list");
});
