// The safety page: remember the acknowledgement at once on tap. The link
// also carries ?safety=read, for a tap made before this script loaded.
import { acknowledge, acknowledgedUrl, hasAcknowledged, safeNext } from "../lib/safety.js";

const button = document.querySelector("[data-acknowledge]");
const doneNote = document.querySelector(".ack-done");

// Offline, this page is the service worker's stored copy, made without the
// "next" address the player asked for: read it from this page's own address.
// True when the person was sent here from another page, and the link now goes back there.
function continueWhereAsked() {
  const asked = new URLSearchParams(window.location.search).get("next");
  const next = safeNext(asked, JSON.parse(button.dataset.pagePatterns));
  if (!next || next === "/") return false;
  button.href = acknowledgedUrl(next);
  button.textContent = button.dataset.continueLabel;
  return true;
}

if (hasAcknowledged() && doneNote) doneNote.hidden = false;
if (button) {
  const goingBack = continueWhereAsked();
  // Sent here by a routine: say so at the top (the server already has, unless offline).
  if (goingBack) document.querySelector("[data-gate-note]").hidden = false;
  button.addEventListener("click", (event) => {
    acknowledge();
    // Going on to the page that sent the person here: take this page's place in
    // the history, so Back from there returns to where they were, not to here.
    if (goingBack) {
      event.preventDefault();
      window.location.replace(button.href);
    }
  });
  button.dataset.ready = "true";
}
