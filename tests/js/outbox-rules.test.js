// What sync.js does with each answer from the server, and what it tells the person.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  MAX_TRIES, countsAsTry, laterDelay, notSentEntry, outcome, retryDelay, statusMessage, winsOver,
} from "../../static/js/lib/outbox-rules.js";
import { say } from "./words.js";

describe("outcome", () => {
  for (const status of [200, 201, 204]) {
    test(`${status} means sent`, () => assert.equal(outcome(status), "sent"));
  }
  // The server understood the change and will never take it: park it, never block the rest.
  for (const status of [400, 404, 409, 413, 422]) {
    test(`${status} parks the change`, () => assert.equal(outcome(status), "park"));
  }
  for (const status of [408, 429]) {
    test(`${status} means try later`, () => assert.equal(outcome(status), "later"));
  }
  // A proxy's refusal is not the server's answer: keep the change, never throw it away.
  for (const status of [401, 403, 405, 418]) {
    test(`${status} keeps the change`, () => assert.equal(outcome(status), "keep"));
  }
  test("a 5xx keeps the change until the last try, then parks it", () => {
    for (let tries = 0; tries < MAX_TRIES - 1; tries += 1) assert.equal(outcome(500, tries), "keep");
    assert.equal(outcome(503, MAX_TRIES - 1), "park");
  });
  test("a 503 that says when to come back is a wait, never a try towards parking", () => {
    assert.equal(outcome(503, MAX_TRIES + 3, "60"), "later");
    assert.equal(outcome(503, MAX_TRIES - 1, null), "park");
    assert.equal(outcome(500, MAX_TRIES - 1, "60"), "park");
  });
  test("earlier 5xx answers do not park a change the server now takes", () => {
    assert.equal(outcome(200, MAX_TRIES + 3), "sent");
  });
  // The numbers themselves, pinned on both sides.
  test("the fifth server error in a row parks a change; the fourth keeps it", () => {
    assert.equal(outcome(500, 3), "keep");
    assert.equal(outcome(500, 4), "park");
  });
  test("299 is the last answer that means sent; 300 keeps the change", () => {
    assert.equal(outcome(299), "sent");
    assert.equal(outcome(300), "keep");
  });
});

test("the same change again does not beat the row it made", () => {
  assert.equal(winsOver(5, "b", { changedAt: 5, changeId: "b" }), false);
  assert.equal(winsOver(5, "c", { changedAt: 5, changeId: "b" }), true);
});

test("only server errors count as tries", () => {
  assert.deepEqual([403, 429, 500, 502].map(countsAsTry), [false, false, true, true]);
});

test("retries back off, doubling, at most five minutes", () => {
  assert.deepEqual([1, 2, 3, 4, 5, 10].map(retryDelay), [30, 60, 120, 240, 300, 300]);
});

test("Retry-After is honoured, at most five minutes, a minute when missing or odd", () => {
  assert.deepEqual(["30", "600", null, "soon", "0"].map(laterDelay), [30, 300, 60, 60, 60]);
  // One second is a wait of one second; 300 exactly is taken as it is.
  assert.deepEqual(["1", "300", "301"].map(laterDelay), [1, 300, 300]);
});

describe("statusMessage", () => {
  test("says nothing when all is well", () => assert.equal(statusMessage({}, say), ""));
  test("a kept change", () => {
    assert.equal(statusMessage({ held: true }, say),
      "Some changes could not be sent yet. They are kept on this device and will be sent again.");
  });
  test("parked changes, counted, in plain words", () => {
    assert.match(statusMessage({ parked: 1 }, say), /^1 change could not be saved on our server\. It is kept/);
    assert.match(statusMessage({ parked: 3 }, say), /^3 changes could not be saved on our server\. They are kept/);
    assert.match(statusMessage({ parked: 2 }, say), /download your data in Settings\.$/);
  });
  test("the most pressing first", () => {
    const message = statusMessage({ blocked: true, held: true, parked: 1 }, say);
    assert.ok(message.startsWith("Easeback is open in another tab."));
    assert.ok(message.indexOf("could not be sent yet") < message.indexOf("could not be saved on our server"));
  });
  test("a failed device write", () => {
    assert.equal(statusMessage({ deviceFailed: true }, say), "Your last change could not be saved on this device. Please try again.");
  });
});

describe("notSentEntry", () => {
  const item = { seq: 4, method: "PUT", path: "/api/v1/favourites/in-bed", body: { change_id: "x" }, queuedAt: 0 };
  test("a waiting change", () => {
    assert.deepEqual(notSentEntry(item, "waiting"), {
      state: "waiting", method: "PUT", path: "/api/v1/favourites/in-bed", body: { change_id: "x" },
      queued_at: "1970-01-01T00:00:00.000Z",
    });
  });
  test("a parked change keeps the server's answer", () => {
    const entry = notSentEntry({ ...item, status: 422, detail: "Too far ahead.", parkedAt: 1000 }, "parked");
    assert.equal(entry.server_status, 422);
    assert.equal(entry.server_detail, "Too far ahead.");
    assert.equal(entry.parked_at, "1970-01-01T00:00:01.000Z");
  });
});
