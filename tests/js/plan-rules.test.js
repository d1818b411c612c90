// The device's side of tests/cases/urgent-answers.json: the same answers, the same tiers as
// the server's app/plan/weeks.py, from the rules list the pages are given.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { urgentTier } from "../../static/js/lib/plan-rules.js";

// urgent_answers is app/rules.py's list as the pages get it (tests/plan/test_urgent_answers.py
// holds the table to it).
const { urgent_answers: urgentAnswers, cases } = JSON.parse(
  readFileSync(new URL("../cases/urgent-answers.json", import.meta.url)));

for (const { name, answers, tier } of cases) {
  test(name, () => assert.equal(urgentTier(answers, urgentAnswers), tier));
}
