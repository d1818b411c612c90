// Pain check-in forms: saved on the device at once, then synced. On the
// player, a check-in belongs to the session being played.
import { readRules } from "../lib/page-data.js";
import { newId, recordCheckin } from "../lib/sync.js";
import { say } from "../lib/words.js";

// One id per filled-in form, kept until that fill is safely saved: a second
// tap (or a retry after a failure) sends the same check-in again, which the
// server records once, instead of a second check-in.
function checkinId(form) {
  form.dataset.checkinId ||= newId();
  return form.dataset.checkinId;
}

function fromForm(form) {
  const values = new FormData(form);
  const player = document.querySelector("[data-player]");
  return {
    id: checkinId(form),
    session_id: player?.dataset.sessionId ?? null,
    moment: form.dataset.moment,
    back_pain: Number(values.get("back_pain")),
    leg_pain: Number(values.get("leg_pain")),
    reach: values.get("reach"),
    note: (values.get("note") ?? "").trim().slice(0, readRules().limits.note),
    recorded_at: new Date().toISOString(),
  };
}

async function submit(event) {
  const form = event.target.closest("[data-checkin-form]");
  if (!form) return;
  event.preventDefault();
  const status = form.querySelector("[data-checkin-status]");
  const button = form.querySelector("button[type=submit]");
  // A second submit while the first is saving (a double tap) is the same check-in: one save, one "saved".
  if (button.disabled) return;
  const checkin = fromForm(form);
  button.disabled = true;
  try {
    await recordCheckin(checkin);
  } catch {
    status.textContent = say("checkin-not-saved");
    return;
  } finally {
    button.disabled = false;
  }
  form.reset();
  delete form.dataset.checkinId;
  status.textContent = say("checkin-saved", { backPain: checkin.back_pain, legPain: checkin.leg_pain });
  form.dispatchEvent(new CustomEvent("easeback:checkin-saved", { bubbles: true, detail: checkin }));
}

// Save every check-in form on the page (listened for on the document, so a
// form shown later works too).
export function initCheckinForms() {
  document.addEventListener("submit", submit);
}

// "Leg pain 6 → 4" for each score, shown after the "after" check-in when this
// session also has one from before. The arrow is for the eye; a screen reader
// hears "was 6, now 4".
export function showCheckinChange(container, before, after) {
  const list = container.querySelector("[data-checkin-change-list]");
  list.replaceChildren(...[["back-pain", "back_pain"], ["leg-pain", "leg_pain"]].map(([word, key]) => {
    const label = say(word);
    const item = document.createElement("li");
    const seen = document.createElement("span");
    const heard = document.createElement("span");
    seen.setAttribute("aria-hidden", "true");
    seen.textContent = `${label} ${before[key]} \u2192 ${after[key]}`;
    heard.className = "visually-hidden";
    heard.textContent = say("pain-was", { label, earlier: before[key], later: after[key] });
    item.append(seen, heard);
    return item;
  }));
  container.hidden = false;
}
