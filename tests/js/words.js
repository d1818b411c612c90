// The English words of app/site/words.py, said as a page's lib/words.js says them: the pure
// modules take `say` as an argument, and their tests hand them this one.
import { readFileSync } from "node:fs";

import { sayFrom } from "../../static/js/lib/words.js";

const SOURCE = readFileSync(new URL("../../app/site/words.py", import.meta.url), "utf8");
const LITERAL = /"(?:[^"\\\n]|\\.)*"/g;
// "key": _l("text"), the text possibly split over lines as adjacent literals.
const ENTRY = /^\s*"([\w-]+)": _l\(((?:\s*"(?:[^"\\\n]|\\.)*")+)\),?$/gm;

export const WORDS = Object.fromEntries([...SOURCE.matchAll(ENTRY)]
  .map(([, key, literals]) => [key, literals.match(LITERAL).map((literal) => JSON.parse(literal)).join("")]));

export const say = sayFrom(WORDS);
