// What every page runs (templates/base.html): record "I have read the safety
// page" when its link brought us here, the service worker and its update
// offer, the offline note, syncing, the favourite buttons, the tab bar and the
// bad-day switch where a page offers it; and send the device's time zone, so
// the server counts days on the person's clock.
import { initBadDaySwitch } from "../parts/bad-day-switch.js";
import { initFavourites } from "../parts/favourites.js";
import { initOfflineNote } from "../parts/offline-note.js";
import { initServiceWorker } from "../parts/service-worker.js";
import { initTabBar } from "../parts/tab-bar.js";
import { recordAcknowledgementFromUrl } from "../lib/safety.js";
import { startSync } from "../lib/sync.js";
import { sendZone } from "../lib/zone.js";

sendZone();
recordAcknowledgementFromUrl();
initServiceWorker();
initOfflineNote();
startSync();
initFavourites();
initTabBar();
initBadDaySwitch();
