// Settings, the player's cues and timing: show what is saved on this device,
// and save each change at once (no server round trip, so no Save button).
import { AS_WRITTEN, GENTLER, loadSettings, saveSettings } from "../lib/settings-store.js";
import { screenOffSupport } from "../lib/screen-off.js";
import { say } from "../lib/words.js";

// Each preset's timings, and what is said once they are saved.
const PRESETS = { gentler: [GENTLER, "gentler-saved"], standard: [AS_WRITTEN, "as-written"] };

function show(form, settings) {
  for (const key of ["sound", "voice", "vibration"]) form.elements[key].checked = settings[key];
  form.elements.voiceSource.value = settings.voiceSource;
  form.elements.volume.value = String(settings.volume);
  form.elements.holdScale.value = String(settings.holdScale);
  form.elements.restSeconds.value = settings.restSeconds === null ? "" : String(settings.restSeconds);
}

function fromForm(form) {
  const rest = form.elements.restSeconds.value;
  return {
    sound: form.elements.sound.checked,
    voice: form.elements.voice.checked,
    voiceSource: form.elements.voiceSource.value,
    vibration: form.elements.vibration.checked,
    volume: Number(form.elements.volume.value),
    holdScale: Number(form.elements.holdScale.value),
    restSeconds: rest === "" ? null : Number(rest),
  };
}

// Show what is saved, and save each change at once.
export function initSettingsForm() {
  const form = document.querySelector("[data-settings-form]");
  const status = form.querySelector("[data-saved]");
  form.addEventListener("change", () => {
    saveSettings(fromForm(form));
    status.textContent = say("saved-here");
  });
  form.addEventListener("click", (event) => {
    const preset = event.target.closest("[data-preset]");
    if (!preset) return;
    const [timings, saved] = PRESETS[preset.dataset.preset];
    show(form, saveSettings({ ...loadSettings(), ...timings }));
    status.textContent = say(saved);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  show(form, loadSettings());
  form.querySelector("[data-screen-off]").textContent = say(`screen-off-${screenOffSupport()}`);
}
