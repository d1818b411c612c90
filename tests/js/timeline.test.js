// The player's pure timing logic, on its own, with node's test runner.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  READY_MS, buildSchedule, currentSegmentStart, elapsedAt, finish, formatRemaining,
  initialClock, msUntilNextChange, nextStepStart, pause, play, positionAt,
  previousStepStart, seek, stopCount, stopsDone, totalMs, walkMinutesFrom,
} from "../../static/js/lib/timeline.js";
import { segments } from "./routine-fixture.js";

// A routine like the real ones: a hold, a one-sided hold, then reps.
const steps = [
  { hold: 30, reps: null },
  { hold: 20, reps: null },
  { hold: null, reps: 4 },
];
const schedule = buildSchedule(segments, steps);

describe("buildSchedule", () => {
  test("starts with a get-ready countdown and lays segments end to end", () => {
    assert.equal(schedule[0].kind, "ready");
    assert.equal(schedule[0].ms, READY_MS);
    for (let i = 1; i < schedule.length; i += 1) assert.equal(schedule[i].start, schedule[i - 1].end);
    assert.equal(totalMs(schedule), READY_MS + 111_000);
  });

  test("scales holds but not reps, and replaces rests", () => {
    const gentle = buildSchedule(segments, steps, { holdScale: 0.5, restSeconds: 15 });
    assert.deepEqual(gentle.map((s) => s.seconds), [5, 15, 15, 10, 5, 10, 15, 16]);
  });

  test("never scales a hold below five seconds", () => {
    const tiny = buildSchedule([{ kind: "exercise", seconds: 6, step: 0, side: null }], [{ hold: 6 }], { holdScale: 0.5 });
    assert.equal(tiny[1].seconds, 5);
  });

  test("segments cannot be changed afterwards", () => {
    assert.throws(() => { schedule[1].ms = 1; }, TypeError);
  });
});

describe("positionAt", () => {
  test("finds the segment and the time left, exactly at boundaries", () => {
    assert.equal(positionAt(schedule, 0).segment.kind, "ready");
    assert.equal(positionAt(schedule, READY_MS - 1).index, 0);
    assert.equal(positionAt(schedule, READY_MS).index, 1);
    assert.equal(positionAt(schedule, READY_MS).remainingMs, 30_000);
    assert.equal(positionAt(schedule, READY_MS + 29_999).remainingMs, 1);
    assert.equal(positionAt(schedule, READY_MS + 30_000).segment.kind, "rest");
  });

  test("is done at and after the end", () => {
    assert.ok(positionAt(schedule, totalMs(schedule)).done);
    assert.ok(positionAt(schedule, totalMs(schedule) + 60_000).done);
  });

  test("does not drift over a whole routine: every boundary is where the sums say", () => {
    let expected = 0;
    for (const segment of schedule) {
      assert.equal(positionAt(schedule, expected).index, segment.index);
      expected += segment.ms;
    }
    assert.ok(positionAt(schedule, expected).done);
  });
});

describe("clock", () => {
  test("reads elapsed time from timestamps while playing", () => {
    const clock = play(initialClock(), 1000);
    assert.equal(elapsedAt(clock, 1000), 0);
    assert.equal(elapsedAt(clock, 61_000), 60_000);
  });

  test("pause freezes time and resume carries on from there", () => {
    const paused = pause(play(initialClock(), 0), 12_000);
    assert.equal(elapsedAt(paused, 500_000), 12_000);
    const resumed = play(paused, 500_000);
    assert.equal(elapsedAt(resumed, 503_000), 15_000);
  });

  test("a long gap (hidden tab) is counted in full", () => {
    const clock = play(initialClock(), 0);
    assert.equal(positionAt(schedule, elapsedAt(clock, READY_MS + 50_000)).segment.side, "right");
    assert.equal(stopsDone(schedule, elapsedAt(clock, READY_MS + 50_000)), 1);
  });

  test("seek keeps the clock running or paused", () => {
    const running = seek(play(initialClock(), 0), 7000, 40_000);
    assert.equal(running.status, "playing");
    assert.equal(elapsedAt(running, 8000), 41_000);
    const held = seek(pause(running, 9000), 9000, 1000);
    assert.equal(held.status, "paused");
    assert.equal(elapsedAt(held, 99_000), 1000);
  });

  test("finish jumps to the end", () => {
    assert.equal(finish(schedule).elapsedMs, totalMs(schedule));
  });
});

describe("moving between steps", () => {
  const startOf = (index) => schedule[index].start;

  test("next goes to the next exercise, skipping rests and switches", () => {
    assert.equal(nextStepStart(schedule, 0), startOf(1));
    assert.equal(nextStepStart(schedule, startOf(1) + 100), startOf(3));
    assert.equal(nextStepStart(schedule, startOf(3)), startOf(5));
    assert.equal(nextStepStart(schedule, startOf(7)), totalMs(schedule));
  });

  test("previous goes to the exercise before, or back to the one just done from a rest", () => {
    assert.equal(previousStepStart(schedule, startOf(3) + 5000), startOf(1));
    assert.equal(previousStepStart(schedule, startOf(2) + 1000), startOf(1));
    assert.equal(previousStepStart(schedule, startOf(1)), 0);
    assert.equal(previousStepStart(schedule, totalMs(schedule)), startOf(7));
  });

  test("restart goes to the start of the current segment", () => {
    assert.equal(currentSegmentStart(schedule, startOf(3) + 7000), startOf(3));
  });

  test("counts stops", () => {
    assert.equal(stopCount(schedule), 4);
    assert.equal(stopsDone(schedule, totalMs(schedule)), 4);
  });
});

describe("display", () => {
  test("the countdown rounds up to whole seconds", () => {
    assert.equal(formatRemaining(30_000), "0:30");
    assert.equal(formatRemaining(29_001), "0:30");
    assert.equal(formatRemaining(29_000), "0:29");
    assert.equal(formatRemaining(90_000), "1:30");
    assert.equal(formatRemaining(1), "0:01");
    assert.equal(formatRemaining(0), "0:00");
  });

  test("the next change is the next whole second, landing on the boundary", () => {
    assert.equal(msUntilNextChange(30_000), 1000);
    assert.equal(msUntilNextChange(29_500), 500);
    assert.equal(msUntilNextChange(800), 800);
    assert.equal(msUntilNextChange(0), 0);
  });
});

describe("the plan's walk", () => {
  // A guided walk as written: two walking stages (2 and 4 minutes), then a stretch.
  const walkSteps = [
    { exercise: "gentle-walking", hold: 120, reps: null },
    { exercise: "gentle-walking", hold: 240, reps: null },
    { exercise: "calf-stretch-wall", hold: 30, reps: null },
  ];
  const walkSegments = [
    { kind: "exercise", seconds: 120, step: 0, side: null },
    { kind: "exercise", seconds: 240, step: 1, side: null },
    { kind: "rest", seconds: 10, step: 1, side: null },
    { kind: "exercise", seconds: 30, step: 2, side: null },
  ];
  const walk = (minutes, extra = {}) => buildSchedule(walkSegments, walkSteps,
    { ...extra, walk: { exercise: "gentle-walking", seconds: minutes * 60 } });

  test("stretches the walking stages together to the plan's minutes, in proportion", () => {
    assert.deepEqual(walk(12).map((s) => s.seconds), [5, 240, 480, 10, 30]);
    assert.deepEqual(walk(3).map((s) => s.seconds), [5, 60, 120, 10, 30]);
  });

  test("leaves the other steps as written, and the hold scale does not touch the walk", () => {
    assert.deepEqual(walk(6, { holdScale: 0.5 }).map((s) => s.seconds), [5, 120, 240, 10, 15]);
  });

  test("a routine without the walking exercise is laid out as written", () => {
    const other = buildSchedule(segments, steps, { walk: { exercise: "gentle-walking", seconds: 600 } });
    assert.deepEqual(other.map((s) => s.seconds), schedule.map((s) => s.seconds));
  });

  test("reads whole minutes from 1 to the most from the address, or nothing", () => {
    assert.equal(walkMinutesFrom("#walk=12", 120), 12);
    assert.equal(walkMinutesFrom("#walk=120", 120), 120);
    for (const hash of ["", "#", "#walk=0", "#walk=121", "#walk=7.5", "#walk=-3", "#walk=ten", "#walk= 5"]) {
      assert.equal(walkMinutesFrom(hash, 120), null, hash);
    }
  });
});

// The numbers and comparisons of the timer, each pinned on both sides.
describe("every boundary, held", () => {
  test("the get-ready is the first five seconds, and belongs to the first step", () => {
    assert.deepEqual({ ...schedule[0] },
      { kind: "ready", seconds: 5, step: 0, side: null, index: 0, ms: 5000, start: 0, end: 5000 });
  });

  test("a schedule with nothing in it lasts no time", () => {
    assert.equal(totalMs([]), 0);
  });

  test("at the end nothing is left and nothing is under way", () => {
    assert.deepEqual(positionAt(schedule, totalMs(schedule)),
      { index: schedule.length, segment: null, remainingMs: 0, intoMs: 0, done: true });
  });

  test("a clock read a moment before its start shows the whole get-ready, not 1 ms less", () => {
    for (const elapsed of [-250, 0]) {
      const { index, remainingMs, intoMs } = positionAt(schedule, elapsed);
      assert.deepEqual([index, remainingMs, intoMs], [0, READY_MS, 0], `at ${elapsed} ms`);
    }
  });

  test("the time into a segment counts from that segment's start (the reps are counted from it)", () => {
    assert.equal(positionAt(schedule, READY_MS).intoMs, 0);
    assert.equal(positionAt(schedule, READY_MS + 29_999).intoMs, 29_999);
    assert.equal(positionAt(schedule, schedule[7].start + 4000).intoMs, 4000);
  });

  test("the timer moves from hold to rest at exactly the hold's end, not 1 ms before", () => {
    const hold = schedule[1];
    assert.equal(positionAt(schedule, hold.end - 1).segment.kind, "exercise");
    assert.equal(positionAt(schedule, hold.end).segment.kind, "rest");
  });

  test("a seek before the first start (coming back after a reload) leaves the clock paused there", () => {
    const back = seek(initialClock(), 50_000, 12_000);
    assert.deepEqual(back, { status: "paused", elapsedMs: 12_000, origin: null });
  });

  test("with 1 ms left the display changes in 1 ms; with none left, at once", () => {
    assert.equal(msUntilNextChange(1), 1);
    assert.equal(msUntilNextChange(0.25), 1);
    assert.equal(msUntilNextChange(0), 0);
    assert.equal(msUntilNextChange(-40), 0);
  });

  test("a minute left reads 1:00, not 0:60; a second less reads 0:59", () => {
    assert.equal(formatRemaining(60_000), "1:00");
    assert.equal(formatRemaining(59_001), "1:00");
    assert.equal(formatRemaining(59_000), "0:59");
    assert.equal(formatRemaining(119_001), "2:00");
  });

  test("a one-minute walk is the shortest the address can ask for; none is no walk", () => {
    assert.equal(walkMinutesFrom("#walk=1", 120), 1);
    assert.equal(walkMinutesFrom("#walk=0", 120), null);
  });
});
