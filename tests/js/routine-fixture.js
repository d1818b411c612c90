// A routine laid out like the real ones, for the player's pure modules' tests: a hold, a
// rest, a one-sided hold with its side switch, another rest, then reps.
export const segments = [
  { kind: "exercise", seconds: 30, step: 0, side: null },
  { kind: "rest", seconds: 10, step: 0, side: null },
  { kind: "exercise", seconds: 20, step: 1, side: "right" },
  { kind: "switch", seconds: 5, step: 1, side: "left" },
  { kind: "exercise", seconds: 20, step: 1, side: "left" },
  { kind: "rest", seconds: 10, step: 1, side: null },
  { kind: "exercise", seconds: 16, step: 2, side: null },
];
