// The overview's "Continue from step N" reads the step from the saved place.
import assert from "node:assert/strict";
import { test } from "node:test";

import { placeStep } from "../../static/js/lib/resume.js";

test("a place says which step it continues from", () => {
  assert.equal(placeStep({ step: 3, where: "Step 3 of 6" }), 3);
  assert.equal(placeStep({ step: 1 }), 1);
});

test("a place saved before steps were kept is read from its words", () => {
  assert.equal(placeStep({ where: "Step 4 of 6" }), 4);
});

test("a place with neither starts from the first step", () => {
  for (const saved of [{}, { step: 0 }, { step: "2" }, { where: "" }]) assert.equal(placeStep(saved), 1);
});
