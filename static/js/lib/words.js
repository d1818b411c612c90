// The page's words for its scripts (app/site/words.py), in the page's own language.
import { readPageData } from "./page-data.js";

// A say() for these words: the word called key, with each {name} in it filled from values.
// Pure, so node --test can say things in English from app/site/words.py (tests/js/words.js).
export const sayFrom = (words) => (key, values = {}) =>
  (words[key] ?? key).replace(/\{(\w+)\}/g, (_match, name) => String(values[name] ?? ""));

let page;

// The page's word called key: say("ticked", { ticked: 2, count: 5 }).
export const say = (key, values) => (page ??= sayFrom(readPageData("words") || {}))(key, values);
