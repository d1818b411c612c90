// My plan's forms (a part of the set-up, the weekly review, a routine's
// feedback) are kept on this device first and sent through the outbox like
// every save. Inputs say how their value is sent (data-type); a name with
// dots ("activities.0.score") builds nested lists, in the API's shapes.
import { write } from "../lib/local-store.js";
import { readRules } from "../lib/page-data.js";
import { urgentTier } from "../lib/plan-rules.js";
import { newId, queue } from "../lib/sync.js";
import { say } from "../lib/words.js";

const valueOf = (input) =>
  input.dataset.type === "number" ? Number(input.value) : input.dataset.type === "boolean" ? input.value === "true" : input.value;

function place(target, name, value) {
  const keys = name.split(".");
  const last = keys.pop();
  let here = target;
  keys.forEach((key, index) => {
    here[key] ??= /^\d+$/.test(keys[index + 1] ?? last) ? [] : {};
    here = here[key];
  });
  here[last] = value;
}

export function answersOf(form, submitter) {
  const answers = {};
  for (const input of [...form.elements, submitter]) {
    if (!input?.name || (input.type === "submit" && input !== submitter)) continue;
    if (input.type === "checkbox") (answers[input.name] ??= []).push(...(input.checked ? [valueOf(input)] : []));
    else if ((input.type !== "radio" || input.checked) && input.value !== "") place(answers, input.name, valueOf(input));
  }
  // A list item left empty (an activity not named) is not there.
  for (const [key, list] of Object.entries(answers)) {
    if (Array.isArray(list)) answers[key] = list.filter((item) => item !== undefined && (typeof item !== "object" || item.name));
  }
  return answers;
}

function missing(form) {
  const empty = [...form.querySelectorAll("[data-at-least-one]")].find((set) => !set.querySelector(":checked"));
  const unrated = [...form.querySelectorAll("[data-rate]")].find(
    (set) => set.querySelector("input:not([type=radio])").value.trim() && !set.querySelector(":checked"));
  return empty ?? unrated;
}

async function save(event) {
  const form = event.target;
  if (!form.matches("[data-plan-form]")) return;
  event.preventDefault();
  const status = form.querySelector("[data-plan-status]");
  const gap = missing(form);
  if (gap) {
    status.textContent = gap.dataset.atLeastOne || gap.dataset.rate;
    gap.querySelector("input").focus();
    return;
  }
  const answers = answersOf(form, event.submitter);
  const kind = form.dataset.save;
  const now = Date.now();
  let pending;
  try {
    pending = kind.startsWith("parts/")
      ? await queue("PUT", `/api/v1/plan/${kind}`, { change_id: newId(), changed_at: now, answers })
      : await queue("PUT", `/api/v1/plan/${kind}/${newId()}`, { ...answers, recorded_at: new Date(now).toISOString() });
  } catch {
    status.textContent = say("answers-not-kept");
    return;
  }
  write("has-plan", true);
  // An urgent answer (on a form that says where to go then): the warning signs' tier it belongs to.
  const tier = urgentTier(answers, readRules().urgent_answers);
  if (form.dataset.urgentNext && tier) return location.assign(`${form.dataset.urgentNext}#${tier}`);
  // Feedback is given once: a second tap must not count as a second "worse"; the answer stays shown.
  if (!form.dataset.next) {
    event.submitter.setAttribute("aria-pressed", true);
    form.querySelector("fieldset").disabled = true;
  }
  if (pending || !form.dataset.next) {
    status.textContent = pending ? say("answers-waiting") : form.dataset.thanks;
    return;
  }
  location.assign(form.dataset.next);
}

export function initPlanForms() {
  document.addEventListener("submit", save);
  // Sent disabled: a tap before this script ran would reload the page and lose the answers.
  for (const button of document.querySelectorAll("[data-plan-form] [type=submit]")) button.disabled = false;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const input of document.querySelectorAll("[data-time-zone]")) input.value = zone || input.value;
}
