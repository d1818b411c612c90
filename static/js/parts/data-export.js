// Settings, "Download as JSON": the server's export plus what only this
// device has (changes still waiting, and changes the server refused), so a
// download really is everything. Without JavaScript the link still gives
// the server's export.
import { changesNotSent } from "../lib/sync.js";
import { say } from "../lib/words.js";

let status = null;

async function fromServer(link) {
  try {
    const response = await fetch(link.href, { credentials: "same-origin" });
    if (response.ok) return await response.json();
  } catch {
    // Offline: what is on this device can still be downloaded.
  }
  status.textContent = say("export-device-only");
  return { exported_at: new Date().toISOString(), from_this_device_only: true };
}

function download(data, filename) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const anchor = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Make "Download as JSON" add what only this device has.
export function initDataExport() {
  const link = document.querySelector("[data-export-json]");
  status = document.querySelector("[data-export-status]");
  link?.addEventListener("click", async (event) => {
    event.preventDefault();
    status.textContent = "";
    const data = await fromServer(link);
    try {
      data.not_sent = await changesNotSent();
    } catch {
      status.textContent = say("export-server-only");
    }
    download(data, "easeback-export.json");
  });
}
