// The guided player page: turns the routine's schedule into a calm,
// hands-free session. Timing lives in lib/timeline.js and drawing in
// parts/player-screen.js; this module runs the clock, the controls, and
// remembers where the person was.
import { initCheckinForms, showCheckinChange } from "../parts/checkin-form.js";
import { MediaSessionLink } from "../parts/media-session.js";
import { initPlanForms } from "../parts/plan-forms.js";
import { PlayerScreen } from "../parts/player-screen.js";
import { AudioCues } from "../lib/audio-cues.js";
import { ownRoutinePlayerData } from "../lib/own-player-data.js";
import { readPageData, readRules } from "../lib/page-data.js";
import { forgetPlace, rememberPlace, savedPlace } from "../lib/resume.js";
import { screenOffSupport } from "../lib/screen-off.js";
import { loadSettings } from "../lib/settings-store.js";
import { newId, recordSession, recordSessionOnExit, startSync } from "../lib/sync.js";
import {
  buildSchedule, currentSegmentStart, elapsedAt, finish, formatRemaining, initialClock,
  msUntilNextChange, nextStepStart, pause, play, positionAt, previousStepStart, seek,
  stopCount, stopsDone, totalMs, walkMinutesFrom,
} from "../lib/timeline.js";
import { ScreenLock } from "../lib/wake-lock.js";
import { say } from "../lib/words.js";

const root = document.querySelector("[data-player]");
// A built-in routine's data is in the page; an own routine's is on the device. Without it there
// is nothing to play (the page says why), so the player waits for ever.
const data = readPageData("player-data") ?? await ownRoutinePlayerData(root) ?? await new Promise(() => {});
const rules = readRules();
const settings = loadSettings();
// The plan's walk card opens the guided walk as #walk=<minutes>: its walking steps take that long.
const walkMinutes = data.slug === rules.guided_walk.routine
  ? walkMinutesFrom(location.hash, rules.limits.walk_minutes) : null;
const walk = walkMinutes && { exercise: rules.guided_walk.exercise, seconds: walkMinutes * 60 };
const schedule = buildSchedule(data.segments, data.steps, walk ? { ...settings, walk } : settings);
const cues = new AudioCues({ settings, data, schedule, names: rules });
if (walk) {
  const note = root.querySelector("[data-walk-note]");
  note.textContent = say("walk-note", { length: walkMinutes });
  note.hidden = false;
}
// Started from my plan (#from=plan): the finish screen speaks of the plan, and leads back to it.
if (/from=plan/.test(location.hash)) {
  const { dataset, lastElementChild } = root.querySelector(".plan-feedback");
  dataset.thanks = dataset.planThanks;
  lastElementChild.hidden = false;
}
const ui = Object.fromEntries(
  [...root.querySelectorAll("[data-player-ui], [data-player-ui] *")]
    .flatMap((element) => Object.keys(element.dataset).map((key) => [key, element]))
    .filter(([key]) => key !== "action"),
);
const buttons = Object.fromEntries([...root.querySelectorAll("[data-action]")].map((b) => [b.dataset.action, b]));
const screen = new PlayerScreen({ ui, data, schedule });
const screenLock = new ScreenLock(() => { ui.wakeNote.hidden = false; });

let clock = initialClock();
// One session per time through the routine; a check-in before Start already belongs to it.
let session = { id: newId(), startedAt: null };
let shownIndex = -1;
let timer = null;
let flashTimer = null;
const FLASH_MS = 1500;

// --- Drawing the clock ----------------------------------------------------

function render(now, { fromSeek = false } = {}) {
  const elapsed = elapsedAt(clock, now);
  const position = positionAt(schedule, elapsed);
  if (position.done) {
    if (clock.status === "playing") complete(now);
    return position;
  }
  if (position.index !== shownIndex) {
    const natural = !fromSeek && shownIndex !== -1 && clock.status === "playing";
    screen.show(position.segment, { announce: clock.status === "playing" || fromSeek });
    if (natural) {
      markChange(position, now);
      showOnLockScreen(now);
      // So even a crash loses at most one segment.
      save(now);
    }
    shownIndex = position.index;
  }
  ui.timer.textContent = formatRemaining(position.remainingMs);
  ui.progress.value = Math.round((1000 * elapsed) / totalMs(schedule));
  screen.showReps(position);
  return position;
}

// A step change the person did not ask for: flash, vibrate, and report how
// close to its schedule it landed (the timer benchmark listens for this).
function markChange(position, now) {
  cues.vibrate();
  // A colour change, not an animation, so it shows with reduced motion too.
  ui.stage.classList.add("changed");
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => ui.stage.classList.remove("changed"), FLASH_MS);
  root.dispatchEvent(new CustomEvent("easeback:boundary", {
    detail: { index: position.index, scheduled: clock.origin + position.segment.start, actual: now },
  }));
}

function loop() {
  clearTimeout(timer);
  if (clock.status !== "playing") return;
  const position = render(performance.now());
  if (!position.done) timer = setTimeout(loop, msUntilNextChange(position.remainingMs));
}

// --- Controls -------------------------------------------------------------

function setClock(next, now, options = {}) {
  const starting = root.dataset.status === "ready" && next.status !== "ready";
  clock = next;
  const playing = clock.status === "playing";
  buttons.toggle.lastElementChild.textContent = say({ playing: "pause", paused: "resume" }[clock.status] ?? "start");
  root.dataset.status = clock.status;
  // With large text on a small screen the stage may start below the fold: bring it up, so the
  // step's name, timer and picture show above the controls from the first second.
  if (starting && ui.picture.getBoundingClientRect().bottom > ui.controls.getBoundingClientRect().top) {
    ui.stage.scrollIntoView({ block: "start" });
  }
  screen.setPaused(clock.status === "paused");
  // Every cue from here to the end goes onto the audio clock at once, so it sounds on time
  // with the screen off; any change of the clock places them again.
  if (playing) cues.follow(() => elapsedAt(clock, performance.now()));
  else cues.stop();
  render(now, options);
  showOnLockScreen(now);
  save(now);
  loop();
}

function showOnLockScreen(now) {
  media.show({
    name: ui.name.textContent, artwork: data.steps[screen.stepNumber - 1].artwork,
    playing: clock.status === "playing", elapsedMs: elapsedAt(clock, now), totalMs: totalMs(schedule),
  });
}

function toggle() {
  const now = performance.now();
  if (clock.status === "playing") {
    setClock(pause(clock, now), now);
    screenLock.release();
    media.release();
    return;
  }
  cues.unlock();
  media.hold();
  session.startedAt ??= new Date().toISOString();
  // Announce where we are on start or resume.
  shownIndex = -1;
  setClock(play(clock, now), now);
  screenLock.hold();
}

function jump(target) {
  const now = performance.now();
  shownIndex = -1;
  const elapsed = target(schedule, elapsedAt(clock, now));
  if (elapsed >= totalMs(schedule)) {
    complete(now);
    return;
  }
  setClock(seek(clock, now, elapsed), now, { fromSeek: true });
}

function complete(now) {
  const done = stopsDone(schedule, elapsedAt(clock, now));
  // Reached in time, "well done" is already sounding from the audio clock; moved past the
  // end with Next, it is said now.
  if (clock.status !== "playing" || elapsedAt(clock, now) < totalMs(schedule)) cues.follow(() => totalMs(schedule));
  clock = finish(schedule);
  clearTimeout(timer);
  screenLock.release();
  media.end();
  forgetPlace(data.slug);
  root.dataset.status = "done";
  ui.stage.hidden = true;
  ui.controls.hidden = true;
  ui.finished.hidden = false;
  ui.progress.value = 1000;
  // Steps as the header counts them ("Step 6 of 6"): a one-sided step is one step, both sides done.
  ui.finishedSummary.textContent = say("finished-steps", { title: data.title.toLowerCase(), count: data.steps.length });
  ui.announcer.textContent = say("finished");
  ui.finished.focus();
  logSession(done, true);
  root.dispatchEvent(new CustomEvent("easeback:complete", { detail: { stepsDone: done } }));
}

// Record this time through the routine: finished, or stopped part-way.
function logSession(stepsDone, completed, { closing = false } = {}) {
  if (!session.startedAt) return;
  (closing ? recordSessionOnExit : recordSession)({
    id: session.id, routine: data.slug, started_at: session.startedAt, ended_at: new Date().toISOString(),
    steps_done: stepsDone, steps_total: stopCount(schedule), completed,
  });
}

function newSession() {
  session = { id: newId(), startedAt: null };
  root.dataset.sessionId = session.id;
  ui.checkinChange.hidden = true;
  for (const status of root.querySelectorAll("[data-checkin-status]")) status.textContent = "";
}

// A "before" check-in travels with the session (and its saved place), so the
// finish screen can set the "after" one beside it.
function checkinSaved(event) {
  const { moment, back_pain, leg_pain } = event.detail;
  if (moment === "before") session.before = { back_pain, leg_pain };
  if (moment === "after" && session.before) showCheckinChange(ui.checkinChange, session.before, event.detail);
}

function again() {
  forgetPlace(data.slug);
  newSession();
  ui.stage.hidden = false;
  ui.controls.hidden = false;
  ui.finished.hidden = true;
  shownIndex = -1;
  setClock(initialClock(), performance.now());
  buttons.toggle.focus();
}

const ACTIONS = {
  toggle,
  next: () => jump(nextStepStart),
  previous: () => jump(previousStepStart),
  restart: () => jump(currentSegmentStart),
  again,
};

// The lock screen and a headset's buttons work the same controls.
const media = new MediaSessionLink({
  routineTitle: data.title,
  holderUrl: data.voice.holder,
  actions: {
    play: () => clock.status !== "playing" && clock.status !== "done" && toggle(),
    pause: () => clock.status === "playing" && toggle(),
    next: ACTIONS.next,
    previous: ACTIONS.previous,
    seekBy: (ms) => jump((_, elapsed) => Math.max(0, elapsed + ms)),
  },
});

// --- Remembering where the person was ---------------------------------------

function save(now) {
  if (clock.status === "ready" || clock.status === "done") {
    forgetPlace(data.slug);
    return;
  }
  rememberPlace(data.slug, {
    elapsedMs: elapsedAt(clock, now), total: totalMs(schedule), where: ui.count.textContent, step: screen.stepNumber,
    session,
  });
}

// After a reload, come back paused where the person was, with a Resume button.
function savedClock(now) {
  const saved = savedPlace(data.slug);
  if (!saved) return null;
  const elapsed = Math.min(Math.max(0, saved.elapsedMs), totalMs(schedule) - 1);
  if (saved.session?.id) session = saved.session;
  return seek(initialClock(), now, elapsed);
}

// --- Wiring ---------------------------------------------------------------

function onKey(event) {
  if (event.target.closest("input, select, textarea, a") || event.altKey || event.ctrlKey || event.metaKey) return;
  if (clock.status === "done") return;
  // Before Start only Start is offered, so only Space does anything.
  if (clock.status === "ready" && event.key !== " ") return;
  const keys = { " ": toggle, ArrowRight: ACTIONS.next, ArrowLeft: ACTIONS.previous };
  if (keys[event.key]) {
    event.preventDefault();
    keys[event.key]();
  }
}

root.addEventListener("click", (event) => {
  const button = event.target.closest("[data-action]");
  if (button && ACTIONS[button.dataset.action]) ACTIONS[button.dataset.action]();
});
document.addEventListener("keydown", onKey);
root.addEventListener("easeback:checkin-saved", checkinSaved);
// Hidden tabs get throttled timers; on return, redraw from the clock at once.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && clock.status === "playing") {
    loop();
    screenLock.refresh();
  }
});
window.addEventListener("pagehide", () => {
  const now = performance.now();
  save(now);
  // Leaving part-way counts as a stopped session; coming back updates the same one.
  if (clock.status === "playing" || clock.status === "paused") {
    logSession(stopsDone(schedule, elapsedAt(clock, now)), false, { closing: true });
  }
});

ui.screenOff.textContent = say(`screen-off-${screenOffSupport()}`);
// Decoded before Start when the service worker already keeps the clips on the device, so the
// first cue is ready at once; on a first visit they wait for Start, so the page itself stays
// light while the worker stores them (tests wait for the mark).
const early = navigator.serviceWorker?.controller ? cues.load() : Promise.resolve();
early.then(() => { root.dataset.cuesReady = "true"; });
ui.playerUi.hidden = false;
const guide = root.querySelector("[data-guide]");
if (guide) guide.hidden = true;
const restored = savedClock(performance.now());
root.dataset.sessionId = session.id;
setClock(restored ?? initialClock(), performance.now());
if (restored) ui.announcer.textContent = say("paused-where", { where: ui.count.textContent });
startSync();
initCheckinForms();
initPlanForms();
