// Before the first routine on this device, send the person to the safety
// page; it brings them back here once they have read it.
import { hasAcknowledged, recordAcknowledgementFromUrl } from "../lib/safety.js";

// Module scripts run in order, but do not rely on every-page.js having run.
recordAcknowledgementFromUrl();
const player = document.querySelector("[data-safety-url]");

if (player && !hasAcknowledged()) {
  const here = window.location.pathname + window.location.search + window.location.hash;
  const target = new URL(player.dataset.safetyUrl, window.location.href);
  target.searchParams.set("next", here);
  window.location.replace(target.href);
}
