// The settings page: show what is saved on this device, and save each change
// at once (there is no server round trip, so no Save button).
import { DEFAULTS, GENTLER, loadSettings, saveSettings } from "./settings-store.js";

const form = document.querySelector("[data-settings-form]");
const status = form.querySelector("[data-saved]");
const PRESETS = { gentler: GENTLER, standard: DEFAULTS };

function show(settings) {
  for (const key of ["sound", "voice", "vibration"]) form.elements[key].checked = settings[key];
  form.elements.holdScale.value = String(settings.holdScale);
  form.elements.restSeconds.value = settings.restSeconds === null ? "" : String(settings.restSeconds);
}

function fromForm() {
  const rest = form.elements.restSeconds.value;
  return {
    sound: form.elements.sound.checked,
    voice: form.elements.voice.checked,
    vibration: form.elements.vibration.checked,
    holdScale: Number(form.elements.holdScale.value),
    restSeconds: rest === "" ? null : Number(rest),
  };
}

function saved(message) {
  status.textContent = message;
}

form.addEventListener("change", () => {
  saveSettings(fromForm());
  saved("Saved on this device.");
});
form.addEventListener("click", (event) => {
  const preset = event.target.closest("[data-preset]");
  if (!preset) return;
  show(saveSettings(PRESETS[preset.dataset.preset]));
  saved(preset.dataset.preset === "gentler" ? "Gentler timings saved on this device." : "Back to the timings as written.");
});
form.addEventListener("submit", (event) => event.preventDefault());

show(loadSettings());
