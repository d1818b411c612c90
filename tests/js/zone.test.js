// The device sends its time zone in a cookie the server can check, and only when it changes.
import assert from "node:assert/strict";
import { test } from "node:test";

import { sendZone, zoneCookie } from "../../static/js/lib/zone.js";

test("the cookie holds the zone's name for the whole site, Secure under HTTPS", () => {
  assert.equal(zoneCookie("Pacific/Kiritimati", false), "zone=Pacific/Kiritimati; Path=/; Max-Age=34560000; SameSite=Lax");
  assert.equal(zoneCookie("Etc/GMT+5", true), "zone=Etc/GMT+5; Path=/; Max-Age=34560000; SameSite=Lax; Secure");
});

test("a name that is no zone's is never written", () => {
  for (const odd of ["", "Europe/London; Domain=evil.example", "a=b", "x".repeat(65), undefined, 3]) {
    assert.equal(zoneCookie(odd, false), null);
  }
});

function fakeDocument(cookie) {
  const written = [];
  return {
    written,
    location: { protocol: "http:" },
    get cookie() { return cookie; },
    set cookie(value) { written.push(value); },
  };
}

test("the zone is written when it is new or has changed, and not again", () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const [cookie, writes] of [["", 1], ["zone=Mars/Olympus", 1], [`other=1; zone=${zone}`, 0]]) {
    const doc = fakeDocument(cookie);
    sendZone(doc);
    assert.equal(doc.written.length, writes, cookie);
    if (writes) assert.match(doc.written[0], new RegExp(`^zone=${zone.replace(/[+]/g, "\\+")};`));
  }
});
