// A routine of one's own as a link: what goes in comes out, and a link that is cut short,
// changed, newer, unknown or out of bounds is refused with a sentence, never misread.
import assert from "node:assert/strict";
import { test } from "node:test";

import { qrSvg } from "../../static/js/lib/qr.js";
import { normalised, ownSummary } from "../../static/js/lib/own-routine.js";
import { decodeRoutine, encodeRoutine, PROBLEMS } from "../../static/js/lib/routine-link.js";
import { BOUNDS, CATALOGUE } from "./own-catalogue.js";
import { say } from "./words.js";

// An origin as long as a real one is likely to be; the QR code holds the whole link.
const ORIGIN = "https://easeback.example/shared#";
const IDS = Object.keys(CATALOGUE.exercises);
const decode = (text) => decodeRoutine(text, CATALOGUE, BOUNDS, say);
// Each refusal's sentence, in English.
const REFUSED = Object.fromEntries(Object.entries(PROBLEMS).map(([name, sentence]) => [name, sentence(say)]));
const roundTrip = (definition) => decode(encodeRoutine(definition, CATALOGUE));
const utf8Bytes = (text) => new TextEncoder().encode(text ?? "").length;

const MORNING = {
  name: "  Rücken, ça va? Morgens 🙂 ",
  often: "Twice a day, morning and evening",
  steps: [
    { exercise: "cat-cow" },
    { exercise: "knee-to-chest-single", hold: 45, sides: "left", rest: 10 },
    { exercise: "bird-dog", reps: 4, sides: "both", rest: 10 },
    { exercise: "step-up", sides: "right", rest: 0 },
    { exercise: "gentle-walking", hold: 90, rest: 10 },
  ],
};

test("a routine comes back as the server's definition: every dose, rest and side written out", () => {
  assert.deepEqual(roundTrip(MORNING), {
    definition: {
      name: "Rücken, ça va? Morgens 🙂",
      often: "Twice a day, morning and evening",
      steps: [
        { exercise: "cat-cow", reps: 8, rest: 0 },
        { exercise: "knee-to-chest-single", hold: 45, rest: 10, sides: "left" },
        { exercise: "bird-dog", reps: 4, rest: 10, sides: "both" },
        { exercise: "step-up", reps: 8, rest: 0, sides: "right" },
        { exercise: "gentle-walking", hold: 90, rest: 10 },
      ],
    },
  });
});

test("one step with nothing but its exercise, and no 'how often', comes back as it was", () => {
  const { definition } = roundTrip({ name: "Stiff", often: "  ", steps: [{ exercise: "rest-90-90" }] });
  assert.deepEqual(definition, { name: "Stiff", often: null,
                                 steps: [{ exercise: "rest-90-90", hold: 90, rest: 0 }] });
});

// A version 1 link as made today: links already handed out must keep opening the same routine.
const PINNED = "1BQARCGK43LBII3YIDKAEADM6V5WA";

test("the version 1 format is pinned: a link made today opens the same routine later", () => {
  const desk = { name: "Desk", steps: [{ exercise: "cat-cow", rest: 10 }, { exercise: "seated-twist", sides: "left" }] };
  assert.equal(encodeRoutine(desk, CATALOGUE), PINNED);
  assert.deepEqual(decode(PINNED).definition, {
    name: "Desk",
    often: null,
    steps: [{ exercise: "cat-cow", reps: 8, rest: 10 }, { exercise: "seated-twist", hold: 20, rest: 0, sides: "left" }],
  });
});

// A small seeded generator (mulberry32), so a failure can be replayed.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const ASCII = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,'-!?"];
const LETTERS = [...ASCII, ..."éèçñüößøåłŋžšÆŒΩλπЖщ中文", "🙂", "🌿"];

function randomText(random, fewest, most, letters) {
  const length = fewest + Math.floor(random() * (most - fewest + 1));
  const text = Array.from({ length }, () => letters[Math.floor(random() * letters.length)]);
  return text.join("").replace(/^ | $/g, "x");
}

// A number at either edge of [low, high] or inside it, or undefined (left out).
function randomNumber(random, [low, high]) {
  const choice = random();
  if (choice < 0.2) return undefined;
  if (choice < 0.35) return low;
  if (choice < 0.5) return high;
  return low + Math.floor(random() * (high - low + 1));
}

// Laid out as the player does (lib/own-routine.js, held to the server's layout by own-routine.test.js).
const seconds = (routine) => ownSummary(routine, CATALOGUE, { own_routines: BOUNDS }).seconds;

function randomRoutine(random) {
  for (;;) {
    const [fewest, most] = BOUNDS.steps;
    const count = fewest + Math.floor(random() * (most - fewest + 1));
    const steps = Array.from({ length: count }, () => {
      const exercise = IDS[Math.floor(random() * IDS.length)];
      const own = CATALOGUE.exercises[exercise];
      const step = { exercise };
      const dose = own.hold !== null ? randomNumber(random, BOUNDS.hold) : randomNumber(random, BOUNDS.reps);
      if (dose !== undefined) step[own.hold !== null ? "hold" : "reps"] = dose;
      const rest = randomNumber(random, BOUNDS.rest);
      if (rest !== undefined) step.rest = rest;
      const sides = [undefined, "both", "left", "right"][Math.floor(random() * 4)];
      if (own.sided && sides) step.sides = sides;
      return step;
    });
    const letters = random() < 0.5 ? ASCII : LETTERS;
    const name = randomText(random, 1, random() < 0.5 ? 30 : BOUNDS.name, letters);
    const often = random() < 0.6 ? null : randomText(random, 1, BOUNDS.often, letters);
    const routine = { name, often, steps };
    if (seconds(routine) <= BOUNDS.most_seconds) return routine;
  }
}

test("500 random routines within the bounds come back exactly, and up to 10 steps fit QR version 8", () => {
  const random = mulberry32(20261206);
  let checkedFit = 0;
  for (let index = 0; index < 500; index += 1) {
    const routine = randomRoutine(random);
    const link = encodeRoutine(routine, CATALOGUE);
    const where = JSON.stringify(routine);
    assert.match(link, /^1[A-Z2-7]+$/, where);
    assert.deepEqual(decode(link), { definition: normalised(routine, CATALOGUE) }, where);
    if (routine.steps.length <= 10 && utf8Bytes(routine.name) + utf8Bytes(routine.often) <= 30) {
      assert.ok(qrSvg(ORIGIN + link, "QR").version <= 8, `${link.length} characters: ${where}`);
      checkedFit += 1;
    }
  }
  assert.ok(checkedFit >= 50, `only ${checkedFit} routines were small enough to check the QR version`);
});

test("a link cut short anywhere says so", () => {
  const link = encodeRoutine(MORNING, CATALOGUE);
  for (let length = 0; length < link.length; length += 1) {
    assert.deepEqual(decode(link.slice(0, length)), { problem: REFUSED.cutShort }, `first ${length}`);
  }
});

test("a link with any one character changed is refused", () => {
  const link = encodeRoutine(MORNING, CATALOGUE);
  const others = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", ..."0189a-_.~"];
  for (let index = 0; index < link.length; index += 1) {
    for (const other of others.filter((character) => character !== link[index])) {
      const changed = link.slice(0, index) + other + link.slice(index + 1);
      const answer = decode(changed);
      assert.equal(answer.definition, undefined, `${other} at ${index}`);
      assert.ok(Object.values(REFUSED).includes(answer.problem), `${other} at ${index}: ${answer.problem}`);
    }
  }
  assert.deepEqual(decode(`${link}A`), { problem: REFUSED.changed });
});

test("a link from a newer Easeback asks for an update; an unknown mark is a changed link", () => {
  const link = encodeRoutine(MORNING, CATALOGUE);
  assert.deepEqual(decode(`2${link.slice(1)}`), { problem: REFUSED.newer });
  assert.match(REFUSED.newer, /newer version of Easeback\. Update Easeback/);
  assert.deepEqual(decode(`0${link.slice(1)}`), { problem: REFUSED.changed });
  assert.deepEqual(decode(`A${link.slice(1)}`), { problem: REFUSED.changed });
});

test("an exercise this version does not have is named by its step", () => {
  const newer = { exercises: { ...CATALOGUE.exercises, "new-stretch": { code: "zz", hold: 30, reps: null, sided: false, player: { name: "New" } } } };
  const link = encodeRoutine({ name: "New", steps: [{ exercise: "cat-cow" }, { exercise: "new-stretch" }] }, newer);
  assert.deepEqual(decode(link), {
    problem: "Step 2 is an exercise this version of Easeback does not have. Update Easeback (reload the "
      + "page, or close and open the app again), then open the link again.",
  });
});

const SOME = { name: "Edges", often: null };
const OUT_OF_BOUNDS = [
  ["a hold too short", [{ exercise: "cat-cow" }, { exercise: "seated-twist", hold: 4 }],
   "Step 2 (Seated twist) holds for 4 seconds; a hold lasts 5 to 120 seconds."],
  ["a hold too long", [{ exercise: "gentle-walking", hold: 121 }],
   "Step 1 (Gentle walking) holds for 121 seconds; a hold lasts 5 to 120 seconds."],
  ["no repetitions", [{ exercise: "cat-cow", reps: 0 }],
   "Step 1 (Cat-cow) has 0 repetitions; a step has 1 to 30."],
  ["too many repetitions", [{ exercise: "glute-bridge", reps: 31 }],
   "Step 1 (Glute bridge) has 31 repetitions; a step has 1 to 30."],
  ["a rest too long", [{ exercise: "cat-cow", rest: 121 }, { exercise: "cat-cow" }],
   "Step 1 (Cat-cow) rests 121 seconds after it; a rest lasts 0 to 120 seconds."],
  ["no steps", [], "This routine has no steps; a routine has 1 to 20."],
  ["21 steps", Array(21).fill({ exercise: "cat-cow" }), "This routine has 21 steps; a routine has 1 to 20."],
  ["a routine over an hour", Array(16).fill({ exercise: "gentle-walking", hold: 120, rest: 113 }),
   "This routine would last 61 minutes; a routine lasts at most 60 minutes."],
];

for (const [what, steps, problem] of OUT_OF_BOUNDS) {
  test(`a link with ${what} is refused, naming the step and the dose`, () => {
    assert.deepEqual(roundTrip({ ...SOME, steps }), { problem });
  });
}

test("each bound's own edge is accepted", () => {
  const edges = [
    [{ exercise: "seated-twist", hold: 5, rest: 0 }, { exercise: "gentle-walking", hold: 120, rest: 120 },
     { exercise: "cat-cow", reps: 1 }, { exercise: "glute-bridge", reps: 30 }],
    Array(20).fill({ exercise: "cat-cow" }),
    Array(16).fill({ exercise: "gentle-walking", hold: 120, rest: 112 }),
  ];
  for (const steps of edges) assert.ok(roundTrip({ ...SOME, steps }).definition, JSON.stringify(steps));
  const longest = { name: "🌿".repeat(BOUNDS.name), often: "🌿".repeat(BOUNDS.often), steps: edges[0] };
  assert.ok(roundTrip(longest).definition);
});

test("a name too long, an empty name and a long 'how often' are refused", () => {
  const steps = [{ exercise: "cat-cow" }];
  assert.deepEqual(roundTrip({ name: "a".repeat(61), steps }),
                   { problem: "This routine's name is 61 characters long; a name has at most 60." });
  assert.deepEqual(roundTrip({ name: "🌿".repeat(61), steps }),
                   { problem: "This routine's name is 61 characters long; a name has at most 60." });
  assert.deepEqual(roundTrip({ name: " ", steps }), { problem: "This routine has no name." });
  assert.deepEqual(roundTrip({ name: "Ok", often: "x".repeat(81), steps }),
                   { problem: "This routine's \"how often\" is 81 characters long; it has at most 80." });
  assert.deepEqual(roundTrip({ name: "Two\nlines", steps }), { problem: "The name and \"how often\" must each be one line." });
});

test("any text at all gets an answer, never an error, and oversize text is refused unread", () => {
  const random = mulberry32(7);
  const characters = [..."1ABCXYZ2345670189a-._~#%é🙂"];
  for (let index = 0; index < 2000; index += 1) {
    const text = randomText(random, 0, 200, characters);
    const answer = decode(text);
    assert.ok(answer.problem || answer.definition, text);
  }
  for (const odd of [undefined, null, 42, {}, "", "#", "1", "hello"]) assert.ok(decode(odd).problem, String(odd));
  assert.deepEqual(decode(`1${"A".repeat(5000)}`), { problem: REFUSED.changed });
});
