// Pain check-in forms: saved on the device at once, then synced. On the
// player, a check-in belongs to the session being played.
import { newId, recordCheckin } from "./sync.js";

function fromForm(form) {
  const values = new FormData(form);
  const player = document.querySelector("[data-player]");
  return {
    id: newId(),
    session_id: player?.dataset.sessionId ?? null,
    moment: form.dataset.moment,
    back_pain: Number(values.get("back_pain")),
    leg_pain: Number(values.get("leg_pain")),
    reach: values.get("reach"),
    note: (values.get("note") ?? "").trim().slice(0, 280),
    recorded_at: new Date().toISOString(),
  };
}

document.addEventListener("submit", async (event) => {
  const form = event.target.closest("[data-checkin-form]");
  if (!form) return;
  event.preventDefault();
  const status = form.querySelector("[data-checkin-status]");
  const checkin = fromForm(form);
  await recordCheckin(checkin);
  form.reset();
  status.textContent = `Saved: back ${checkin.back_pain}, leg ${checkin.leg_pain}. Thank you.`;
  form.dispatchEvent(new CustomEvent("easeback:checkin-saved", { bubbles: true, detail: checkin }));
});
