// The browser's copy of the server's "next" rule (app/pages.py safe_next), used by
// the stored copy of the safety page offline.
import assert from "node:assert/strict";
import { test } from "node:test";

import { acknowledgedUrl, safeNext } from "../../static/js/lib/safety.js";

const PAGES = ["^/$", "^/routines$", "^/routines/[^/]+$", "^/routines/[^/]+/play$", "^/history$"];

test("a page of this app is kept, with its query", () => {
  assert.equal(safeNext("/routines/in-bed/play", PAGES), "/routines/in-bed/play");
  assert.equal(safeNext("/routines?goal=massage", PAGES), "/routines?goal=massage");
  assert.equal(safeNext("/routines/guided-walk/play#walk=8", PAGES), "/routines/guided-walk/play#walk=8");
});

for (const target of ["/\\evil.example", "/\\\\evil.example", "/\\/evil.example", "/\\\tevil.example",
  "//evil.example", "https://evil.example/", "javascript:alert(1)", "/\u0000x", "/api/v1/favourites",
  "/no-such-page", "routines", "", null]) {
  test(`${JSON.stringify(target)} leads nowhere`, () => {
    assert.equal(safeNext(target, PAGES), null);
  });
}

test("the continue address carries the acknowledgement mark", () => {
  assert.equal(acknowledgedUrl("/routines/in-bed/play"), "/routines/in-bed/play?safety=read");
  assert.equal(acknowledgedUrl("/routines?goal=massage"), "/routines?goal=massage&safety=read");
  assert.equal(acknowledgedUrl("/routines/guided-walk/play#walk=8"), "/routines/guided-walk/play?safety=read#walk=8");
});
