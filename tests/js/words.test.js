// The scripts' words (app/site/words.py) and the scripts that say them (static/js): every word a
// script asks for is there, every word there is asked for, and a translation keeps each {name}.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import { sayFrom } from "../../static/js/lib/words.js";
import { say, WORDS } from "./words.js";

const ROOT = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT), "utf8");
const SCRIPTS = readdirSync(new URL("static/js", ROOT), { recursive: true })
  .filter((path) => path.endsWith(".js") && !path.startsWith("vendor"))
  .map((path) => ({ path, text: read(`static/js/${path}`) }));

// The first argument of each say(...) call: up to the comma or parenthesis that closes it.
function firstArguments(text) {
  const found = [];
  for (const match of text.matchAll(/\bsay\(/g)) {
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < text.length; end += 1) {
      const character = text[end];
      if ("([{".includes(character)) depth += 1;
      else if (")]}".includes(character) && depth-- === 0) break;
      else if (character === "," && depth === 0) break;
    }
    found.push(text.slice(match.index + match[0].length, end));
  }
  return found;
}

const ASKED = SCRIPTS.flatMap(({ path, text }) => firstArguments(text).map((argument) => ({ path, argument })));
// A key made in a template (`screen-off-${answer}`) as the keys it can make.
const TEMPLATES = ASKED.flatMap(({ path, argument }) => [...argument.matchAll(/`([^`]*)`/g)]
  .map(([, template]) => ({ path, template, pattern: new RegExp(`^${template.replace(/\$\{[^}]*\}/g, ".+")}$`) })));

test("app/site/words.py is read whole: one key, one word", () => {
  const entries = read("app/site/words.py").match(/^\s*"[\w-]+": _l\(/gm);
  assert.equal(Object.keys(WORDS).length, entries.length);
  assert.ok(entries.length > 50);
});

test("every word a script asks for by name is in app/site/words.py", () => {
  for (const { path, argument } of ASKED) {
    for (const [, key] of argument.matchAll(/"([a-z0-9-]+)"/g)) assert.ok(key in WORDS, `${path}: say("${key}")`);
  }
  for (const { path, template, pattern } of TEMPLATES) {
    assert.ok(Object.keys(WORDS).some((key) => pattern.test(key)), `${path}: say(\`${template}\`)`);
  }
});

test("every word in app/site/words.py is asked for by a script", () => {
  const everything = SCRIPTS.map(({ text }) => text).join("\n");
  for (const key of Object.keys(WORDS)) {
    const asked = everything.includes(`"${key}"`) || TEMPLATES.some(({ pattern }) => pattern.test(key));
    assert.ok(asked, `${key} is said by no script: remove it from app/site/words.py`);
  }
});

test("say fills each {name}, leaves other words alone, and falls back to the key", () => {
  const sayIt = sayFrom({ moved: "Moved {name} to step {number}.", plain: "50% {not a name}" });
  assert.equal(sayIt("moved", { name: "Cat-cow", number: 2 }), "Moved Cat-cow to step 2.");
  assert.equal(sayIt("moved", { name: "$& {number}", number: 0 }), "Moved $& {number} to step 0.");
  assert.equal(sayIt("plain"), "50% {not a name}");
  assert.equal(sayIt("missing"), "missing");
  assert.equal(say("step-of", { number: 3, count: 6 }), "Step 3 of 6");
});

// msgid -> msgstr of a .po file (plural forms left out: the scripts' words have none).
function catalogue(text) {
  const messages = {};
  for (const block of text.split(/\n\s*\n/)) {
    const field = (name) => {
      const match = block.match(new RegExp(`^${name} ((?:"(?:[^"\\\\]|\\\\.)*"\\s*)+)`, "m"));
      return match && match[1].match(/"(?:[^"\\]|\\.)*"/g).map((literal) => JSON.parse(literal)).join("");
    };
    const id = field("msgid");
    if (id && !block.includes("\n#~")) messages[id] = field("msgstr");
  }
  return messages;
}

test("each Spanish word keeps the English word's {names}", () => {
  const spanish = catalogue(read("translations/es/LC_MESSAGES/messages.po"));
  const names = (word) => [...word.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();
  for (const [key, english] of Object.entries(WORDS)) {
    if (spanish[english]) assert.deepEqual(names(spanish[english]), names(english), `${key}: ${spanish[english]}`);
  }
});
