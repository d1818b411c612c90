// What the node tests of own routines use for the library and its bounds: the catalogue and the
// rules of tests/cases/own-routines.json, which tests/content/test_own_cases.py writes from the
// app itself (GET /routines/catalogue.json, app/content/bounds.py) and keeps up to date.
import { readFileSync } from "node:fs";

const { rules, catalogue } = JSON.parse(readFileSync(new URL("../cases/own-routines.json", import.meta.url)));

export const BOUNDS = rules.own_routines;
export const CATALOGUE = catalogue;
