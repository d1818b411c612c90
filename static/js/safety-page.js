// The safety page: remember the acknowledgement, then carry on to where the
// person was going (the link itself already points there).
import { acknowledge, hasAcknowledged } from "./safety.js";

const button = document.querySelector("[data-acknowledge]");
const doneNote = document.querySelector(".ack-done");

if (hasAcknowledged() && doneNote) doneNote.hidden = false;
button?.addEventListener("click", () => {
  acknowledge();
});
