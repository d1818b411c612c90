// The settings page: the player's cues and timing, linked devices, and the
// person's data (download, link another device, delete everything).
import { initCalendarFeed } from "../parts/calendar-feed.js";
import { initDataControls } from "../parts/data-controls.js";
import { initDataExport } from "../parts/data-export.js";
import { initLinkedDevices } from "../parts/linked-devices.js";
import { initSettingsForm } from "../parts/settings-form.js";
import { startSync } from "../lib/sync.js";

startSync();
initSettingsForm();
initDataControls();
initLinkedDevices();
initDataExport();
initCalendarFeed();
