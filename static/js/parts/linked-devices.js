// Settings, "Linked devices": which devices share this saved data, when each was
// linked and last used, and a button to unlink one. Nothing else about a device is kept.
let list = null;
let empty = null;
let status = null;

const OFFLINE = "You are offline. Connect to the internet and try again.";
const UNREACHABLE = "Connect to the internet to see your linked devices.";
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

function when(iso) {
  // Last use is recorded once a day, so a date is all there is to say.
  if (!iso) return "not yet";
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? "today" : day.format(date);
}

function row(device, removable) {
  const item = document.createElement("li");
  const name = document.createElement("strong");
  name.textContent = device.this_device ? "This device" : "Another device";
  const detail = document.createElement("p");
  detail.id = `device-${device.id}`;
  detail.className = "small";
  detail.textContent = `Linked ${when(device.linked_at)}, last used ${when(device.last_used_at)}.`;
  item.append(name, detail);
  if (removable) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = device.this_device ? "Remove this device" : "Remove";
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
    if (asked === latest) status.textContent = UNREACHABLE;
    return;
  }
  if (asked !== latest) return;
  if (status.textContent === UNREACHABLE) status.textContent = "";
  // The only device cannot be removed: Delete everything is the way to remove all.
  list.replaceChildren(...devices.map((device) => row(device, devices.length > 1)));
  empty.hidden = devices.length > 0;
}

async function remove(device) {
  let response;
  try {
    response = await fetch(`/api/v1/devices/${device.id}`, { method: "DELETE", credentials: "same-origin" });
  } catch {
    status.textContent = `Nothing was removed. ${OFFLINE}`;
    return;
  }
  if (!response.ok) {
    status.textContent = (await response.json().catch(() => ({}))).detail ?? "Nothing was removed. Try again.";
    return;
  }
  await show();
  status.textContent = device.this_device
    ? "This device is unlinked. What you saved stays on your other devices."
    : "That device is unlinked. It no longer sees what you save.";
}

// List the linked devices, and list them again whenever they may have changed.
export function initLinkedDevices() {
  const section = document.querySelector("[data-linked-devices]");
  list = section.querySelector("[data-device-list]");
  empty = section.querySelector("[data-devices-empty]");
  status = section.querySelector("[data-devices-status]");
  document.addEventListener("easeback:devices-changed", show);
  document.addEventListener("easeback:synced", show); // also after coming back online: sync flushes then
  show();
}
