// The guided player: turns the routine's schedule into a calm, hands-free
// session. Timing lives in timeline.js; this module draws it, moves between
// steps, and sends the cues.
import { Cues } from "./cues.js";
import { read, remove, write } from "./device-store.js";
import { RESUME_WITHIN_MS, SAVED_PREFIX } from "./resume.js";
import { newId, recordSession, recordSessionOnExit } from "./sync.js";
import { loadSettings } from "./settings-store.js";
import {
  buildSchedule, currentSegmentStart, elapsedAt, finish, formatRemaining, initialClock,
  msUntilNextChange, nextStepStart, pause, play, positionAt, previousStepStart, seek,
  stopCount, stopsDone, totalMs,
} from "./timeline.js";
import { ScreenLock } from "./wake-lock.js";

const root = document.querySelector("[data-player]");
const data = JSON.parse(document.getElementById("player-data").textContent);
const settings = loadSettings();
const schedule = buildSchedule(data.segments, data.steps, settings);
const cues = new Cues(settings);
const ui = Object.fromEntries(
  [...root.querySelectorAll("[data-player-ui], [data-player-ui] *")]
    .flatMap((element) => Object.keys(element.dataset).map((key) => [key, element]))
    .filter(([key]) => key !== "action"),
);
const buttons = Object.fromEntries([...root.querySelectorAll("[data-action]")].map((b) => [b.dataset.action, b]));
const screenLock = new ScreenLock(() => { ui.wakeNote.hidden = false; });
const SAVE_KEY = `${SAVED_PREFIX}${data.slug}`;

let clock = initialClock();
// One session per time through the routine; a check-in before Start already belongs to it.
let session = { id: newId(), startedAt: null };
let shownIndex = -1;
let timer = null;
let flashTimer = null;
const FLASH_MS = 1500;

// --- What a segment shows -------------------------------------------------

// During "get ready", rests and side switches, show the exercise coming up,
// so the person can get into position.
function exerciseFor(segment) {
  if (segment.kind === "exercise") return segment;
  return schedule.slice(segment.index + 1).find((next) => next.kind === "exercise") ?? segment;
}

const PHASES = { ready: "Get ready", rest: "Rest", switch: "Switch sides" };

function phaseText(segment, shown) {
  if (PHASES[segment.kind]) return segment.kind === "rest" ? "Rest \u2013 up next" : PHASES[segment.kind];
  return shown.side ? `${shown.side === "right" ? "Right" : "Left"} side` : "Now";
}

function spokenCue(segment, step, shown) {
  const side = shown.side ? `, ${shown.side} side` : "";
  if (segment.kind === "ready") return `Get ready. First, ${step.name}${side}. ${step.instructions}`;
  if (segment.kind === "rest") return `Rest. Next, ${step.name}${side}. ${step.instructions}`;
  if (segment.kind === "switch") return `Switch sides. Next, the ${shown.side} side.`;
  return `Begin. ${step.name}${side}.`;
}

function showSegment(segment, { announce }) {
  const shown = exerciseFor(segment);
  const step = data.steps[shown.step];
  ui.phase.textContent = phaseText(segment, shown);
  ui.name.textContent = step.name;
  ui.picture.src = step.picture;
  ui.picture.alt = step.alt;
  ui.picture.classList.toggle("mirrored", shown.side === "left");
  ui.instructions.textContent = step.instructions;
  ui.note.textContent = step.note ?? "";
  ui.note.hidden = !step.note;
  ui.breathing.textContent = step.breathing;
  ui.easeOff.textContent = step.easeOffIf;
  ui.count.textContent = `Step ${shown.step + 1} of ${data.steps.length}`;
  ui.stage.dataset.kind = segment.kind;
  const isReps = segment.kind === "exercise" && step.reps !== null;
  buttons["done-reps"].hidden = !isReps;
  ui.reps.hidden = !isReps;
  ui.upNext.textContent = upNextText(segment);
  if (announce) {
    ui.announcer.textContent = `${ui.count.textContent}. ${ui.phase.textContent}: ${step.name}.`;
    cues.say(spokenCue(segment, step, shown));
  }
}

function upNextText(segment) {
  if (segment.kind !== "exercise") return "";
  const next = schedule.slice(segment.index + 1).find((later) => later.kind === "exercise");
  if (!next) return "Last step";
  const side = next.step === segment.step ? ` (${next.side} side)` : "";
  return `Next: ${data.steps[next.step].name}${side}`;
}

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
    showSegment(position.segment, { announce: clock.status === "playing" || fromSeek });
    if (natural) {
      markChange(position, now);
      save(now); // so even a crash loses at most one segment
    }
    shownIndex = position.index;
    if (clock.status === "playing") cues.scheduleSegmentEnd(position.remainingMs);
  }
  ui.timer.textContent = formatRemaining(position.remainingMs);
  ui.progress.value = Math.round((1000 * elapsed) / totalMs(schedule));
  updateReps(position);
  return position;
}

function updateReps(position) {
  const step = data.steps[position.segment.step];
  if (position.segment.kind !== "exercise" || step.reps === null) return;
  const rep = Math.min(step.reps, Math.floor(position.intoMs / (step.secondsPerRep * 1000)) + 1);
  ui.reps.textContent = `Rep ${rep} of ${step.reps}, slowly`;
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
  clock = next;
  const playing = clock.status === "playing";
  buttons.toggle.textContent = { ready: "Start", playing: "Pause", paused: "Resume" }[clock.status] ?? "Start";
  root.dataset.status = clock.status;
  if (!playing) cues.hush();
  render(now, options);
  save(now);
  loop();
}

function toggle() {
  const now = performance.now();
  if (clock.status === "playing") {
    setClock(pause(clock, now), now);
    screenLock.release();
    return;
  }
  cues.unlock();
  session.startedAt ??= new Date().toISOString();
  shownIndex = -1; // announce where we are on start or resume
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
  clock = finish(schedule);
  clearTimeout(timer);
  screenLock.release();
  cues.hush();
  remove(SAVE_KEY);
  root.dataset.status = "done";
  ui.stage.hidden = true;
  ui.controls.hidden = true;
  ui.finished.hidden = false;
  ui.progress.value = 1000;
  ui.finishedSummary.textContent = `You finished ${data.title.toLowerCase()}: ${done} of ${stopCount(schedule)} steps.`;
  ui.announcer.textContent = "Routine finished. Well done.";
  cues.say("Well done. That is the end of the routine.");
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
}

function again() {
  remove(SAVE_KEY);
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
  "done-reps": () => jump(nextStepStart),
  previous: () => jump(previousStepStart),
  restart: () => jump(currentSegmentStart),
  again,
};

// --- Remembering where the person was ---------------------------------------

// Saved with wall-clock time, because performance.now() starts again from
// zero on every page load.
function save(now) {
  if (clock.status === "ready" || clock.status === "done") {
    remove(SAVE_KEY);
    return;
  }
  write(SAVE_KEY, {
    elapsedMs: elapsedAt(clock, now), savedAt: Date.now(), total: totalMs(schedule), where: ui.count.textContent,
    session,
  });
}

// After a reload, come back paused where the person was, with a Resume button.
function savedClock(now) {
  const saved = read(SAVE_KEY);
  if (!saved || typeof saved.elapsedMs !== "number" || !(Date.now() - saved.savedAt < RESUME_WITHIN_MS)) {
    return null;
  }
  const elapsed = Math.min(Math.max(0, saved.elapsedMs), totalMs(schedule) - 1);
  if (saved.session?.id) session = saved.session;
  return seek(initialClock(), now, elapsed);
}

// --- Wiring ---------------------------------------------------------------

function onKey(event) {
  if (event.target.closest("input, select, textarea, a") || event.altKey || event.ctrlKey || event.metaKey) return;
  if (clock.status === "done") return;
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

ui.playerUi.hidden = false;
root.querySelector("[data-guide]").hidden = true;
const restored = savedClock(performance.now());
root.dataset.sessionId = session.id;
setClock(restored ?? initialClock(), performance.now());
if (restored) ui.announcer.textContent = `Paused where you left off. ${ui.count.textContent}.`;
