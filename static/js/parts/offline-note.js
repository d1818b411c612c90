// A quiet note while the device is offline, so nobody wonders why a page
// they have never opened cannot load.
export function initOfflineNote() {
  const note = document.querySelector("[data-offline-note]");
  if (!note) return;
  const update = () => { note.hidden = navigator.onLine; };
  window.addEventListener("online", update);
  window.addEventListener("offline", update);
  update();
}
