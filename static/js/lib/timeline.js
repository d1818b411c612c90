// Pure timing for the player. A routine is laid out once as a schedule of
// segments in milliseconds; the clock state says only where time zero was
// (while playing) or how far along it stopped (while paused). Every position
// is read against a timestamp, never counted in ticks, so throttled or late
// timers cannot make it drift.

export const READY_MS = 5000;
const MIN_HOLD_SECONDS = 5;

// Lay the routine out with this device's settings: holds scaled, rests
// replaced by the chosen length, and a short "get ready" first. settings.walk
// ({ exercise, seconds }) stretches or shrinks that exercise's steps together,
// keeping their proportions, so a guided walk lasts as long as the plan says.
export function buildSchedule(segments, steps, settings = {}) {
  const holdScale = settings.holdScale ?? 1;
  const restSeconds = settings.restSeconds ?? null;
  const walking = (segment) => segment.kind === "exercise" && settings.walk
    && steps[segment.step].exercise === settings.walk.exercise;
  const walkedAsWritten = segments.filter(walking).reduce((sum, segment) => sum + segment.seconds, 0);
  const laid = [{ kind: "ready", seconds: READY_MS / 1000, step: 0, side: null }];
  for (const segment of segments) {
    let seconds = segment.seconds;
    if (segment.kind === "rest" && restSeconds !== null) seconds = restSeconds;
    if (walking(segment)) {
      seconds = Math.max(MIN_HOLD_SECONDS, Math.round((seconds * settings.walk.seconds) / walkedAsWritten));
    } else if (segment.kind === "exercise" && steps[segment.step].hold !== null) {
      seconds = Math.max(MIN_HOLD_SECONDS, Math.round(seconds * holdScale));
    }
    laid.push({ ...segment, seconds });
  }
  let start = 0;
  return laid.map((segment, index) => {
    const ms = segment.seconds * 1000;
    const placed = Object.freeze({ ...segment, index, ms, start, end: start + ms });
    start += ms;
    return placed;
  });
}

export function totalMs(schedule) {
  return schedule.length ? schedule[schedule.length - 1].end : 0;
}

// Where the routine is after `elapsed` ms: the segment, and time left in it.
export function positionAt(schedule, elapsed) {
  const total = totalMs(schedule);
  if (elapsed >= total) {
    return { index: schedule.length, segment: null, remainingMs: 0, intoMs: 0, done: true };
  }
  const clamped = Math.max(0, elapsed);
  const segment = schedule.find((candidate) => clamped < candidate.end);
  return {
    index: segment.index,
    segment,
    remainingMs: segment.end - clamped,
    intoMs: clamped - segment.start,
    done: false,
  };
}

// The clock: "ready" before the first start, then "playing" or "paused",
// and "done" at the end. Plain objects, so they can be saved and restored.
export function initialClock() {
  return { status: "ready", elapsedMs: 0, origin: null };
}

export function elapsedAt(clock, now) {
  return clock.status === "playing" ? now - clock.origin : clock.elapsedMs;
}

export function play(clock, now) {
  return { status: "playing", elapsedMs: clock.elapsedMs, origin: now - clock.elapsedMs };
}

export function pause(clock, now) {
  return { status: "paused", elapsedMs: elapsedAt(clock, now), origin: null };
}

export function finish(schedule) {
  return { status: "done", elapsedMs: totalMs(schedule), origin: null };
}

// Jump to a point in the routine, keeping the clock running or paused.
export function seek(clock, now, elapsedMs) {
  if (clock.status === "playing") return { status: "playing", elapsedMs, origin: now - elapsedMs };
  return { status: clock.status === "ready" ? "paused" : clock.status, elapsedMs, origin: null };
}

// The exercise segments are the "steps" a person moves between; each side
// of a one-sided exercise is its own stop.
function stops(schedule) {
  return schedule.filter((segment) => segment.kind === "exercise");
}

// Start of the next exercise after the current position (or the end).
export function nextStepStart(schedule, elapsed) {
  const position = positionAt(schedule, elapsed);
  if (position.done) return totalMs(schedule);
  const next = stops(schedule).find((stop) => stop.start > position.segment.start);
  return next ? next.start : totalMs(schedule);
}

// Start of the exercise before the current one; from a rest or a side
// switch, the exercise just finished.
export function previousStepStart(schedule, elapsed) {
  const position = positionAt(schedule, elapsed);
  const current = position.done ? totalMs(schedule) : position.segment.start;
  const before = stops(schedule).filter((stop) => stop.start < current);
  return before.length ? before[before.length - 1].start : 0;
}

export function currentSegmentStart(schedule, elapsed) {
  const position = positionAt(schedule, elapsed);
  return position.done ? totalMs(schedule) : position.segment.start;
}

// How many exercise segments have been finished by `elapsed`.
export function stopsDone(schedule, elapsed) {
  return stops(schedule).filter((stop) => stop.end <= elapsed).length;
}

export function stopCount(schedule) {
  return stops(schedule).length;
}

// Milliseconds until the display next changes: the next whole second of the
// countdown, which lands exactly on the segment boundary at the end.
export function msUntilNextChange(remainingMs) {
  if (remainingMs <= 0) return 0;
  return ((Math.ceil(remainingMs) - 1) % 1000) + 1;
}

// The countdown as people read it: whole seconds, rounded up.
export function formatRemaining(remainingMs) {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

// The walk the plan asks for, from the player's address (#walk=12): whole
// minutes from 1 to `most`, or null for the routine as written.
export function walkMinutesFrom(hash, most) {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("walk");
  if (!value || !/^[0-9]+$/.test(value)) return null;
  const minutes = Number(value);
  return minutes >= 1 && minutes <= most ? minutes : null;
}
