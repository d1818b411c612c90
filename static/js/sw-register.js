import { askToKeepData } from "./keep-data.js";

// Register the service worker, and offer "Update available - Reload" when a
// new version is waiting. Never in the middle of a routine: while the player
// is playing or paused, the offer waits for it to finish.
const prompt = document.querySelector("[data-update-prompt]");
const player = document.querySelector("[data-player]");
let waiting = null;

function busyPlaying() {
  return player && ["playing", "paused"].includes(player.dataset.status);
}

function offer(worker) {
  waiting = worker;
  if (!busyPlaying()) prompt.hidden = false;
}

function watch(registration) {
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      // "installed" with a controller already in place means an update, not a first install.
      if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
    });
  });
}

// Mark the page once a service worker with the full precache controls it.
function markOfflineReady() {
  if (navigator.serviceWorker.controller) document.documentElement.dataset.offlineReady = "true";
}

function register() {
  navigator.serviceWorker.register("/sw.js").then(watch).catch(() => {
    // No service worker (private mode, old browser): the site still works online.
  });
}

if ("serviceWorker" in navigator && prompt) {
  // On a first visit the worker downloads every page and picture for offline
  // use: wait until this page has loaded so that does not slow it down.
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
  markOfflineReady();
  navigator.serviceWorker.addEventListener("controllerchange", markOfflineReady);
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading || !waiting) return;
    reloading = true;
    window.location.reload();
  });
  prompt.querySelector("[data-update-reload]").addEventListener("click", () => {
    prompt.hidden = true;
    waiting?.postMessage("skip-waiting");
  });
  if (player) {
    new MutationObserver(() => { if (waiting && !busyPlaying()) prompt.hidden = false; })
      .observe(player, { attributes: true, attributeFilter: ["data-status"] });
  }
}

// Installed to the home screen (now, or earlier): worth keeping the data.
window.addEventListener("appinstalled", askToKeepData);
if (window.matchMedia("(display-mode: standalone)").matches) askToKeepData();
