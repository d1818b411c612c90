// The spoken cues' plan, on its own: every announcement on its boundary, none missing or
// doubled when the player picks up part-way, no two clips talking at once.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { cuePlan } from "../../static/js/lib/cue-plan.js";
import { buildSchedule } from "../../static/js/lib/timeline.js";
import { segments } from "./routine-fixture.js";

// A routine like the real ones: a long hold, a one-sided hold with a side switch, slow reps.
const steps = [
  { exercise: "knee-to-chest", hold: 30, reps: null, secondsPerRep: null },
  { exercise: "figure-four", hold: 20, reps: null, secondsPerRep: null },
  { exercise: "pelvic-tilt", hold: null, reps: 4, secondsPerRep: 4 },
];
const ids = ["get-ready", "first", "begin", "rest", "switch-sides", "next", "left-side", "right-side", "halfway",
  "well-done", "number-1", "number-2", "number-3", "number-4", "exercise-knee-to-chest", "exercise-figure-four",
  "exercise-pelvic-tilt"];
// Each clip lasts 400 to 900 ms, as the recorded ones do.
const clips = Object.fromEntries(ids.map((id, n) => [id, { ms: 400 + (n * 37) % 500 }]));
const words = Object.fromEntries(ids.map((id) => [id, id.replace(/-/g, " ")]));
// The clip ids, shaped as the page's rules hand them over (app/rules.py CUE_CLIPS, CLIP_PREFIXES).
const names = {
  cue_clips: { get_ready: "get-ready", first: "first", begin: "begin", rest: "rest", switch_sides: "switch-sides",
    next: "next", left: "left-side", right: "right-side", halfway: "halfway", well_done: "well-done" },
  clip_prefixes: { number: "number-", exercise: "exercise-", note: "note-" },
};
const options = { slug: "test", names, clips, words };
const spoken = (plan) => plan.filter((cue) => cue.kind !== "beep");
const heard = (cue) => cue.until ?? cue.end;

for (const holdScale of [0.5, 1, 1.5]) {
  describe(`a routine at ${holdScale}x hold`, () => {
    const schedule = buildSchedule(segments, steps, { holdScale });
    const plan = cuePlan(schedule, steps, options);
    const end = schedule[schedule.length - 1].end;

    test("every boundary is announced by a clip that starts within 20 ms of it, once", () => {
      for (const moment of [...schedule.map((segment) => segment.start), end]) {
        const leads = spoken(plan).filter((cue) => cue.announces === moment && cue.at === cue.announces);
        assert.equal(leads.length, 1, `boundary at ${moment} ms`);
        assert.ok(Math.abs(leads[0].at - moment) <= 20);
        assert.equal(leads[0].kind, "clip");
      }
    });

    test("no two clips sound at once", () => {
      const clipCues = spoken(plan);
      for (let n = 1; n < clipCues.length; n += 1) {
        assert.ok(clipCues[n].at >= heard(clipCues[n - 1]), `${clipCues[n].clip} at ${clipCues[n].at}`);
      }
    });

    test("the words follow the routine: first exercise, next side, next exercise, well done", () => {
      const said = (moment) => spoken(plan).filter((cue) => cue.announces === moment).map((cue) => cue.clip);
      assert.deepEqual(said(0), ["get-ready", "first", "exercise-knee-to-chest"]);
      assert.deepEqual(said(schedule[2].start), ["rest", "next", "exercise-figure-four", "right-side"]);
      assert.deepEqual(said(schedule[4].start), ["switch-sides", "next", "left-side"]);
      assert.deepEqual(said(schedule[5].start), ["begin", "exercise-figure-four", "left-side"]);
      assert.deepEqual(said(end), ["well-done"]);
    });

    test("counts three, two, one before each change of a long enough segment", () => {
      const counts = spoken(plan).filter((cue) => /^number-[123]$/.test(cue.clip) && cue.announces > schedule[1].end - 3500 && cue.announces < schedule[1].end);
      assert.deepEqual(counts.map((cue) => [cue.clip, schedule[1].end - cue.at]), [["number-3", 3000], ["number-2", 2000], ["number-1", 1000]]);
    });
  });
}

describe("picking up part-way", () => {
  const schedule = buildSchedule(segments, steps);
  const full = cuePlan(schedule, steps, options);

  for (const pausedAt of [3000, 12000, 44000, 61000]) {
    test(`paused at ${pausedAt} ms: what was heard plus what is planned covers every boundary once`, () => {
      const before = full.filter((cue) => cue.at < pausedAt);
      const after = cuePlan(schedule, steps, options, pausedAt);
      assert.ok(after.every((cue) => cue.at >= pausedAt));
      for (const moment of [...schedule.map((segment) => segment.start), schedule.at(-1).end]) {
        const leads = [...before, ...after].filter((cue) => cue.kind === "clip" && cue.announces === moment && cue.at === moment);
        assert.equal(leads.length, moment === pausedAt ? 2 : 1, `boundary at ${moment} ms`);
      }
    });
  }

  test("resuming in the middle of a hold says where the person is, without 'Begin'", () => {
    const after = cuePlan(schedule, steps, options, 12000);
    assert.deepEqual(after.filter((cue) => cue.announces === 12000).map((cue) => cue.clip), ["exercise-knee-to-chest"]);
  });
});

describe("without some clips, or without the voice", () => {
  const schedule = buildSchedule(segments, steps);

  test("a missing clip makes the device's voice say the whole moment, once", () => {
    const { "exercise-figure-four": _missing, ...fewer } = clips;
    const plan = cuePlan(schedule, steps, { ...options, clips: fewer });
    const speech = plan.filter((cue) => cue.kind === "speech");
    assert.deepEqual(speech.map((cue) => [cue.at, cue.text]), [
      [schedule[2].start, "rest next exercise figure four right side"],
      [schedule[3].start, "begin exercise figure four right side"],
      [schedule[5].start, "begin exercise figure four left side"],
    ]);
  });

  test("with the voice off, beeps count down and mark each change", () => {
    const plan = cuePlan(schedule, steps, { ...options, voice: false });
    assert.ok(plan.every((cue) => cue.kind === "beep"));
    const changes = plan.filter((cue) => cue.tone === "change").map((cue) => cue.at);
    assert.deepEqual(changes, [...schedule.slice(1).map((segment) => segment.start), schedule.at(-1).end]);
    const counts = plan.filter((cue) => cue.tone === "count" && cue.at < schedule[0].end);
    assert.deepEqual(counts.map((cue) => cue.at), [2000, 3000, 4000]);
  });

  test("with both off, nothing sounds", () => {
    assert.deepEqual(cuePlan(schedule, steps, { ...options, voice: false, beeps: false }), []);
  });

  test("slow reps are counted aloud, halfway is said in a long hold", () => {
    const plan = cuePlan(schedule, steps, options);
    const reps = schedule.find((segment) => segment.step === 2 && segment.kind === "exercise");
    const repCues = plan.filter((cue) => cue.announces > reps.start && cue.announces < reps.end);
    // No "three, two, one" after the reps' own count.
    assert.deepEqual(repCues.map((cue) => [cue.clip, cue.at - reps.start]), [["number-2", 4000], ["number-3", 8000], ["number-4", 12000]]);
    const hold = schedule[1];
    assert.ok(plan.some((cue) => cue.clip === "halfway" && cue.at === hold.start + hold.ms / 2));
  });
});

test("the clips are asked for by the ids the page's rules name, none written into the plan", () => {
  const schedule = buildSchedule(segments, steps, { holdScale: 1 });
  const renamed = {
    cue_clips: Object.fromEntries(Object.entries(names.cue_clips).map(([cue, id]) => [cue, `x-${id}`])),
    clip_prefixes: Object.fromEntries(Object.entries(names.clip_prefixes).map(([kind, prefix]) => [kind, `x-${prefix}`])),
  };
  const renamedClips = Object.fromEntries(Object.entries(clips).map(([id, clip]) => [`x-${id}`, clip]));
  const plan = cuePlan(schedule, steps, { ...options, names: renamed, clips: renamedClips });
  const asked = spoken(plan).map((cue) => cue.clip);
  assert.ok(asked.length > 10 && asked.every((id) => id.startsWith("x-")), asked.join(", "));
  assert.deepEqual(spoken(plan).filter((cue) => cue.kind === "speech"), []);
});

test("with no clips at all (this device's voice chosen), a walk's note is said with its step", () => {
  const walk = [{ exercise: "knee-to-chest", hold: 30, reps: null, secondsPerRep: null }];
  const schedule = buildSchedule(segments.slice(0, 2), walk);
  const noted = { ...words, "note-walk-1": "Start slowly." };
  const plan = cuePlan(schedule, walk, { ...options, slug: "walk", clips: {}, words: noted });
  const begin = plan.find((cue) => cue.at === schedule[1].start);
  assert.deepEqual([begin.kind, begin.text], ["speech", "begin exercise knee to chest Start slowly."]);
});

// The numbers and comparisons of the plan, each pinned on both sides.
describe("every boundary, held", () => {
  // One exercise after the get-ready, laid out as the player lays it out.
  const single = (step, seconds) => ({
    one: [step], schedule: buildSchedule([{ kind: "exercise", seconds, step: 0, side: null }], [step]),
  });
  const hold = (seconds) => single({ exercise: "knee-to-chest", hold: seconds, reps: null, secondsPerRep: null }, seconds);
  const reps = (count, secondsPerRep) =>
    single({ exercise: "pelvic-tilt", hold: null, reps: count, secondsPerRep }, count * secondsPerRep);
  // Clips for every number a count could reach, so a count too many would be heard.
  const counting = { ...clips, ...Object.fromEntries([5, 6, 7, 8, 9].map((n) => [`number-${n}`, { ms: 600 }])) };
  // A number said during the segment (the segment's own announcement aside).
  const repCount = (segment) => (cue) => cue.clip?.startsWith("number-") && cue.at > segment.start && cue.at < segment.end;

  test("a 20-second hold hears 'halfway' at 10 seconds; a 19-second hold does not", () => {
    const twenty = hold(20);
    const halfway = cuePlan(twenty.schedule, twenty.one, options).filter((cue) => cue.clip === "halfway");
    assert.deepEqual(halfway.map((cue) => cue.at - twenty.schedule[1].start), [10_000]);
    const nineteen = hold(19);
    assert.deepEqual(cuePlan(nineteen.schedule, nineteen.one, options).filter((cue) => cue.clip === "halfway"), []);
  });

  test("reps of 1.5 seconds each are counted aloud; reps of 1.4 seconds are not", () => {
    const slow = reps(4, 1.5);
    const start = slow.schedule[1].start;
    const counted = cuePlan(slow.schedule, slow.one, { ...options, clips: counting }).filter(repCount(slow.schedule[1]));
    assert.deepEqual(counted.map((cue) => [cue.clip, cue.at - start]), [["number-2", 1500], ["number-3", 3000], ["number-4", 4500]]);
    const quick = reps(5, 1.4);
    assert.deepEqual(cuePlan(quick.schedule, quick.one, { ...options, clips: counting }).filter(repCount(quick.schedule[1])), []);
  });

  test("four reps are counted two, three, four (the first is 'Begin'), and nothing is said after 'well done'", () => {
    const schedule = buildSchedule(segments, steps);
    const plan = cuePlan(schedule, steps, { ...options, clips: counting });
    const last = schedule.at(-1);
    assert.deepEqual(spoken(plan).filter((cue) => cue.at >= last.start).map((cue) => cue.clip),
      ["begin", "exercise-pelvic-tilt", "number-2", "number-3", "number-4", "well-done"]);
  });

  test("a three-second side switch beeps 'two' and 'one' only: its 'three' would fall on the change beep", () => {
    const sided = [{ exercise: "figure-four", hold: 20, reps: null, secondsPerRep: null }];
    const schedule = buildSchedule([
      { kind: "exercise", seconds: 20, step: 0, side: "right" },
      { kind: "switch", seconds: 3, step: 0, side: "left" },
      { kind: "exercise", seconds: 20, step: 0, side: "left" },
    ], sided);
    const change = schedule[2];
    const plan = cuePlan(schedule, sided, { ...options, voice: false });
    const during = plan.filter((cue) => cue.at >= change.start && cue.at < change.end);
    assert.deepEqual(during.map((cue) => [cue.tone, cue.at - change.start]), [["change", 0], ["count", 1000], ["count", 2000]]);
  });

  test("an announcement's clips follow each other 80 ms apart; a count just as the last gap ends is said, 1 ms sooner it is not", () => {
    const { schedule, one } = hold(30);
    // The get-ready's announcement: 600 + 80 + 600 + 80 + `last` + 80 ms, then "three" at 2000 ms.
    const ready = (last) => {
      const timed = { ...clips, "get-ready": { ms: 600 }, first: { ms: 600 }, "exercise-knee-to-chest": { ms: last } };
      return cuePlan(schedule, one, { ...options, clips: timed, beeps: false }).filter((cue) => cue.at < schedule[0].end);
    };
    assert.deepEqual(ready(560).map((cue) => [cue.clip, cue.at, cue.end]), [
      ["get-ready", 0, 600], ["first", 680, 1280], ["exercise-knee-to-chest", 1360, 1920],
      ["number-3", 2000, 2844], ["number-2", 3000, 3807], ["number-1", 4000, 4770],
    ]);
    assert.deepEqual(ready(561).map((cue) => cue.clip), ["get-ready", "first", "exercise-knee-to-chest", "number-2", "number-1"]);
  });

  test("the device's own voice is given 1.5 s a phrase: a count a second after another is left out, 'well done' is not", () => {
    const { schedule, one } = hold(30);
    const end = schedule.at(-1).end;
    const plan = cuePlan(schedule, one, { ...options, clips: {}, beeps: false });
    assert.deepEqual(plan.filter((cue) => cue.at >= end - 3000).map((cue) => [cue.at - end, cue.text]),
      [[-3000, "number 3"], [-1000, "number 1"], [0, "well done"]]);
  });

  test("with the device's voice, reps of 1.5 s are each counted: a phrase's 1.5 s is over as the next rep starts", () => {
    const { schedule, one } = reps(4, 1.5);
    const start = schedule[1].start;
    const plan = cuePlan(schedule, one, { ...options, clips: {}, beeps: false });
    assert.deepEqual(plan.filter((cue) => cue.at >= start).map((cue) => [cue.at - start, cue.text]),
      [[0, "begin exercise pelvic tilt"], [1500, "number 2"], [3000, "number 3"], [4500, "number 4"], [6000, "well done"]]);
  });

  test("picking up exactly on a boundary says that segment's announcement, not the one just ended as well", () => {
    const schedule = buildSchedule(segments, steps);
    const at = schedule[3].start;
    const plan = cuePlan(schedule, steps, options, at);
    assert.deepEqual(spoken(plan).filter((cue) => cue.at < at + 3000).map((cue) => cue.clip),
      ["begin", "exercise-figure-four", "right-side"]);
  });

  test("picking up in a rest names the exercise coming next", () => {
    const schedule = buildSchedule(segments, steps);
    const at = schedule[2].start + 5000;
    const plan = cuePlan(schedule, steps, options, at);
    assert.deepEqual(spoken(plan).filter((cue) => cue.announces === at).map((cue) => cue.clip),
      ["rest", "next", "exercise-figure-four", "right-side"]);
  });

  for (const voice of [true, false]) {
    test(`the plan lists its moments in time order, each beep among them (voice ${voice ? "on" : "off"})`, () => {
      const plan = cuePlan(buildSchedule(segments, steps), steps, { ...options, voice });
      for (let n = 1; n < plan.length; n += 1) {
        assert.ok(plan[n].announces >= plan[n - 1].announces, `${plan[n].clip ?? plan[n].tone} at ${plan[n].at}`);
      }
    });
  }
});
