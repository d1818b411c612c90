// Settings, "Linked devices": which devices share this saved data, when each was
// linked and last used, and a button to unlink one. Nothing else about a device is kept.
import { say } from "../lib/words.js";

let list = null;
let empty = null;
let status = null;

const day = new Intl.DateTimeFormat(document.documentElement.lang, { day: "numeric", month: "long", year: "numeric" });

function when(iso) {
  // Last use is recorded once a day, so a date is all there is to say.
  if (!iso) return say("device-not-yet");
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? say("device-today") : day.format(date);
}

function row(device, removable) {
  const item = document.createElement("li");
  const name = document.createElement("strong");
  name.textContent = say(device.this_device ? "this-device" : "another-device");
  const detail = document.createElement("p");
  detail.id = `device-${device.id}`;
  detail.className = "small";
  detail.textContent = say("device-dates", { linked: when(device.linked_at), used: when(device.last_used_at) });
  item.append(name, detail);
  if (removable) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = say(device.this_device ? "remove-this-device" : "remove-device");
    button.setAttribute("aria-describedby", detail.id);
    button.addEventListener("click", () => remove(device));
    item.append(button);
  }
  return item;
}

// Several refreshes can overlap (a sync ending, a link made, going offline): only the
// one asked for last may draw, or an older answer could hide what is true now.
let latest = 0;

async function show() {
  const asked = ++latest;
  let devices;
  try {
    const response = await fetch("/api/v1/devices", { credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    ({ devices } = await response.json());
  } catch {
    if (asked === latest) status.textContent = say("devices-unreachable");
    return;
  }
  if (asked !== latest) return;
  if (status.textContent === say("devices-unreachable")) status.textContent = "";
  // The only device cannot be removed: Delete everything is the way to remove all.
  list.replaceChildren(...devices.map((device) => row(device, devices.length > 1)));
  empty.hidden = devices.length > 0;
}

async function remove(device) {
  let response;
  try {
    response = await fetch(`/api/v1/devices/${device.id}`, { method: "DELETE", credentials: "same-origin" });
  } catch {
    status.textContent = `${say("nothing-removed")} ${say("offline-try-again")}`;
    return;
  }
  if (!response.ok) {
    status.textContent = (await response.json().catch(() => ({}))).detail ?? say("nothing-removed-try-again");
    return;
  }
  await show();
  status.textContent = say(device.this_device ? "this-unlinked" : "that-unlinked");
}

// List the linked devices, and list them again whenever they may have changed.
export function initLinkedDevices() {
  const section = document.querySelector("[data-linked-devices]");
  list = section.querySelector("[data-device-list]");
  empty = section.querySelector("[data-devices-empty]");
  status = section.querySelector("[data-devices-status]");
  document.addEventListener("easeback:devices-changed", show);
  // Also after coming back online: sync flushes then.
  document.addEventListener("easeback:synced", show);
  show();
}
