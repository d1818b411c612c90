// A quiet note while the device is offline, so nobody wonders why a page
// they have never opened cannot load.
const note = document.querySelector("[data-offline-note]");

function update() {
  note.hidden = navigator.onLine;
}

if (note) {
  window.addEventListener("online", update);
  window.addEventListener("offline", update);
  update();
}
