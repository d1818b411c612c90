// The device's side of tests/cases/own-routines.json: from the catalogue and rules in the file,
// lib/own-routine.js must build the player data and summary Python built for each routine
// (tests/content/test_own_cases.py writes and checks the file).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  checkOwnRoutine, layOut, ownPlayerData, ownSummary, spell, stepTiming, totalSeconds,
} from "../../static/js/lib/own-routine.js";
import { say } from "./words.js";

const { rules, catalogue, cases, refusals } = JSON.parse(
  readFileSync(new URL("../cases/own-routines.json", import.meta.url)));
const bounds = rules.own_routines;

for (const { name, slug, definition, playerData, summary, length, timings } of cases) {
  test(`${name}: passes the device's checks as it passed the server's`, () => {
    assert.deepEqual(checkOwnRoutine(definition, catalogue, bounds, say), []);
  });
  test(`${name}: its length and each step's dose read as the server writes them`, () => {
    assert.equal(spell(summary.seconds, say), length);
    assert.deepEqual(definition.steps.map((step) => stepTiming(step, catalogue, say)), timings);
  });
  test(`${name}: the player data is the server's`, () => {
    assert.deepEqual(ownPlayerData(definition, catalogue, { slug, rules }), playerData);
  });
  test(`${name}: the summary is the server's`, () => {
    assert.deepEqual(ownSummary(definition, catalogue, rules), summary);
  });
}

test("left-out doses, sides and rests are the exercise's own, both sides and none", () => {
  const [full] = cases.filter((entry) => entry.definition.steps.length > 1);
  const bare = { name: full.definition.name, steps: full.definition.steps.map(({ exercise }) => ({ exercise })) };
  const data = ownPlayerData(bare, catalogue, { slug: full.slug, rules });
  data.steps.forEach((step, index) => {
    const own = catalogue.exercises[bare.steps[index].exercise];
    assert.equal(step.hold, own.hold);
    assert.equal(step.reps, own.reps);
  });
  assert.ok(!data.segments.some((segment) => segment.kind === "rest"));
});

test("the last step's rest is never laid out, and the total counts every segment", () => {
  const steps = [{ sides: [], perSide: 10, rest: 20 }, { sides: ["right", "left"], perSide: 5, rest: 30 }];
  const segments = layOut(steps, 4);
  assert.deepEqual(segments.map((segment) => segment.kind), ["exercise", "rest", "exercise", "switch", "exercise"]);
  assert.equal(totalSeconds(segments), 10 + 20 + 5 + 4 + 5);
});

for (const { name, definition } of refusals) {
  test(`refused, as the server refuses it: ${name}`, () => {
    const found = checkOwnRoutine(definition, catalogue, bounds, say);
    assert.ok(found.length > 0);
    for (const problem of found) assert.match(problem.message, /^[A-Z].*\.$/);
  });
}
