// The safety page: remember the acknowledgement at once on tap. The link
// also carries ?safety=read, for a tap made before this script loaded.
import { acknowledge, hasAcknowledged } from "./safety.js";

const button = document.querySelector("[data-acknowledge]");
const doneNote = document.querySelector(".ack-done");

if (hasAcknowledged() && doneNote) doneNote.hidden = false;
button?.addEventListener("click", () => {
  acknowledge();
});
