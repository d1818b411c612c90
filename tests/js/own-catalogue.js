// What the node tests of own routines use for the library: some real exercises, in the shape the
// app serves ({ exercises: { <id>: { code, name, hold | reps, sided, secondsPerRep } } }), and the
// bounds the pages get (tests/js/own-rules.json, held to app/rules.py by
// tests/content/test_own_link_rules.py).
import { readFileSync } from "node:fs";

export const BOUNDS = JSON.parse(readFileSync(new URL("./own-rules.json", import.meta.url)));

const timed = (code, name, hold, sided) => ({ code, name, hold, sided });
const counted = (code, name, reps, secondsPerRep, sided) => ({ code, name, reps, sided, secondsPerRep });

export const CATALOGUE = {
  exercises: {
    "cat-cow": counted("cc", "Cat-cow", 8, 5, false),
    "bird-dog": counted("bd", "Bird dog", 6, 6, true),
    "glute-bridge": counted("gb", "Glute bridge", 8, 5, false),
    "step-up": counted("su", "Step-ups", 8, 4, true),
    "calf-raise": counted("cr", "Calf raises holding a chair", 10, 4, false),
    "knee-to-chest-single": timed("k1", "Single knee to chest", 30, true),
    "figure-four-stretch": timed("f4", "Figure-four stretch", 30, true),
    "seated-twist": timed("st", "Seated twist", 20, true),
    "gentle-walking": timed("gw", "Gentle walking", 120, false),
    "rest-90-90": timed("90", "Legs up on a chair", 90, false),
    "childs-pose": timed("cp", "Child's pose", 30, false),
  },
};
