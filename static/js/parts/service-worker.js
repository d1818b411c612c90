// Register the service worker, and offer "Update available - Reload" when a
// new version is waiting. Never in the middle of a routine: while the player
// is playing or paused, the offer waits for it to finish. A tab reloads only
// when its own Reload is pressed, never because another tab's was.
import { askToKeepData } from "../lib/keep-data.js";

// The "Update available" bar.
let prompt = null;
// The player, on its page: no reload offer mid-routine.
let player = null;
// The new version, waiting for a Reload.
let waiting = null;
// Another tab's Reload made the new version active here.
let takenOver = false;
// This tab's Reload was pressed.
let asked = false;
// A worker for another language is taking over.
let switching = false;

function busyPlaying() {
  return player && ["playing", "paused"].includes(player.dataset.status);
}

function showOffer() {
  prompt.hidden = !((waiting || takenOver) && !busyPlaying());
}

function offer(worker) {
  // Another language's worker (the person changed Language in Settings): it takes over at once,
  // as the pages it keeps are the ones now wanted; nothing to offer.
  if (worker.scriptURL !== navigator.serviceWorker.controller?.scriptURL
    && new URL(worker.scriptURL).search !== new URL(navigator.serviceWorker.controller.scriptURL).search) {
    switching = true;
    worker.postMessage("skip-waiting");
    return;
  }
  waiting = worker;
  showOffer();
}

// The new version now controls this tab. Reload only if this tab asked;
// otherwise keep going (a routine keeps playing) and offer the reload.
function takeOver() {
  if (switching) {
    switching = false;
  } else if (asked) {
    window.location.reload();
  } else if (waiting) {
    waiting = null;
    takenOver = true;
    showOffer();
  }
}

function accept() {
  if (asked || busyPlaying()) return;
  asked = true;
  prompt.hidden = true;
  if (waiting) waiting.postMessage("skip-waiting");
  // Another tab's Reload already made the new version active.
  else window.location.reload();
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
  // This language's worker (base.html).
  const url = document.documentElement.dataset.serviceWorker;
  if (url) navigator.serviceWorker.register(url).then(watch).catch(() => {
    // No service worker (private mode, old browser): the site still works online.
  });
}

// Register the worker and wire the update offer; asked once per page.
export function initServiceWorker() {
  prompt = document.querySelector("[data-update-prompt]");
  player = document.querySelector("[data-player]");
  if ("serviceWorker" in navigator && prompt) {
    // On a first visit the worker downloads every page and picture for offline
    // use: wait until this page has loaded so that does not slow it down.
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
    markOfflineReady();
    navigator.serviceWorker.addEventListener("controllerchange", markOfflineReady);
    navigator.serviceWorker.addEventListener("controllerchange", takeOver);
    prompt.querySelector("[data-update-reload]").addEventListener("click", accept);
    if (player) {
      new MutationObserver(showOffer).observe(player, { attributes: true, attributeFilter: ["data-status"] });
    }
  }
  // Installed to the home screen (now, or earlier): worth keeping the data.
  window.addEventListener("appinstalled", askToKeepData);
  if (window.matchMedia("(display-mode: standalone)").matches) askToKeepData();
}
