// A bad day lasts until the device's calendar day ends.
import assert from "node:assert/strict";
import { test } from "node:test";

import { localDay, saysBadDay } from "../../static/js/lib/bad-day.js";

test("the day is the device's own calendar day", () => {
  assert.equal(localDay(new Date(2026, 11, 2, 23, 59)), "2026-12-02");
  assert.equal(localDay(new Date(2027, 0, 9, 0, 0)), "2027-01-09");
});

test("a bad day said today holds all day and ends at midnight", () => {
  const said = localDay(new Date(2026, 11, 2, 7, 30));
  assert.equal(saysBadDay(said, new Date(2026, 11, 2, 0, 1)), true);
  assert.equal(saysBadDay(said, new Date(2026, 11, 2, 23, 59)), true);
  assert.equal(saysBadDay(said, new Date(2026, 11, 3, 0, 0)), false);
  assert.equal(saysBadDay(said, new Date(2026, 11, 1, 12, 0)), false);
});

test("nothing stored, or something odd, is not a bad day", () => {
  for (const stored of [null, undefined, true, 20261202, {}, ""]) {
    assert.equal(saysBadDay(stored, new Date(2026, 11, 2)), false);
  }
});
