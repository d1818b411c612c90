// The device decides "the last change wins" as the server does: the one table of cases that
// tests/test_last_change.py runs against models.wins_over.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { winsOver } from "../../static/js/lib/outbox-rules.js";

const { cases } = JSON.parse(readFileSync(new URL("../cases/last-change-wins.json", import.meta.url)));

for (const { name, change, held, wins } of cases) {
  test(name, () => {
    const row = held && { changedAt: held.at, changeId: held.id };
    assert.equal(winsOver(change.at, change.id, row), wins);
  });
}

test("a missing time or id may be left out as well as null", () => {
  assert.equal(winsOver(undefined, "b", { changedAt: 0 }), true);
  assert.equal(winsOver(5, undefined, {}), true);
  assert.equal(winsOver(undefined, undefined, {}), false);
});
