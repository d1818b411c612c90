// The scripts' words: tests/js/words.js reads app/site/words.py whole, and lib/words.js says them.
// Which page has which words, and their translations' {names}: tests/site/test_script_words.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { sayFrom } from "../../static/js/lib/words.js";
import { say, WORDS } from "./words.js";

const ROOT = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT), "utf8");
test("app/site/words.py is read whole: one key, one word", () => {
  const entries = read("app/site/words.py").match(/^\s*"[\w-]+": _l\(/gm);
  assert.equal(Object.keys(WORDS).length, entries.length);
  assert.ok(entries.length > 50);
});

test("say fills each {name}, leaves other words alone, and falls back to the key", () => {
  const sayIt = sayFrom({ moved: "Moved {name} to step {number}.", plain: "50% {not a name}" });
  assert.equal(sayIt("moved", { name: "Cat-cow", number: 2 }), "Moved Cat-cow to step 2.");
  assert.equal(sayIt("moved", { name: "$& {number}", number: 0 }), "Moved $& {number} to step 0.");
  assert.equal(sayIt("plain"), "50% {not a name}");
  assert.equal(sayIt("missing"), "missing");
  assert.equal(say("step-count", { count: 6 }), "6 steps");
});
