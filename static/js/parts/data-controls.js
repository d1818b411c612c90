// Settings, "Your data": link another device, delete everything (server and
// device). Downloads are plain links to the export endpoints.
import { clearEverything } from "../lib/idb-store.js";
import { forgetPersonalCopies } from "../lib/personal-copies.js";
import { flush } from "../lib/sync.js";
import { say } from "../lib/words.js";

let section = null;
const $ = (selector) => section.querySelector(selector);

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  return { ok: response.ok, status: response.status, data: await response.json().catch(() => ({})) };
}


async function makeCode() {
  const output = $("[data-code-output]");
  try {
    const { ok, data } = await post("/api/v1/link-codes");
    output.textContent = ok ? data.code : data.detail;
    if (ok) document.dispatchEvent(new CustomEvent("easeback:devices-changed"));
  } catch {
    output.textContent = say("offline-try-again");
  }
}

async function link(event) {
  event.preventDefault();
  const status = $("[data-link-status]");
  try {
    const { ok, status: code, data } = await post("/api/v1/link", { code: event.target.elements.code.value });
    if (ok) {
      status.textContent = say("device-linked");
      event.target.reset();
      document.dispatchEvent(new CustomEvent("easeback:devices-changed"));
      await flush();
    } else if (code === 422) {
      status.textContent = say("code-shape");
    } else {
      status.textContent = data.detail ?? say("too-many-tries");
    }
  } catch {
    status.textContent = say("offline-try-again");
  }
}

function askToDelete(asking) {
  $("[data-delete-confirm]").hidden = !asking;
  $(asking ? "[data-delete-no]" : "[data-delete-start]").focus();
}

async function deleteEverything() {
  const status = $("[data-delete-status]");
  try {
    const response = await fetch("/api/v1/profile", { method: "DELETE", credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
  } catch {
    status.textContent = `${say("nothing-deleted")} ${say("offline-try-again")}`;
    return;
  }
  await clearEverything();
  await forgetPersonalCopies();
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith("easeback:")) localStorage.removeItem(key);
  }
  $("[data-delete-confirm]").hidden = true;
  status.textContent = say("all-deleted");
  document.dispatchEvent(new CustomEvent("easeback:synced"));
}

// Wire "Link another device" and "Delete everything".
export function initDataControls() {
  section = document.querySelector("[data-data-controls]");
  $("[data-make-code]").addEventListener("click", makeCode);
  $("[data-link-form]").addEventListener("submit", link);
  $("[data-delete-start]").addEventListener("click", () => askToDelete(true));
  $("[data-delete-no]").addEventListener("click", () => askToDelete(false));
  $("[data-delete-yes]").addEventListener("click", deleteEverything);
}
