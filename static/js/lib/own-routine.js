// A routine a person builds, made ready to play: its player data built from the exercise
// catalogue (GET /routines/catalogue.json) the way app/pages/player.py's player_data builds a
// built-in routine's, laid out in time as app/content/timing.py's build_segments lays one out,
// with the clips chosen by voice_for's rule. tests/cases/own-routines.json, written by Python,
// holds both to the same answers. The definition is already checked (app/content/own.py on the
// server, lib/routine-link.js for a link, the builder's form on the device).

// Each step's sides in the order they are done, its length per side, and its rest after.
function stepsOf(definition, catalogue) {
  return definition.steps.map((step) => {
    const exercise = catalogue.exercises[step.exercise];
    const hold = exercise.hold === null ? null : step.hold ?? exercise.hold;
    const reps = exercise.reps === null ? null : step.reps ?? exercise.reps;
    let sides = [];
    if (exercise.sided) sides = !step.sides || step.sides === "both" ? catalogue.sideOrder : [step.sides];
    const perSide = hold ?? reps * exercise.player.secondsPerRep;
    return { exercise, hold, reps, sides, perSide, rest: step.rest ?? 0 };
  });
}

// The routine in time: each side of each step, a switch between sides, a rest between steps.
export function layOut(steps, switchSides) {
  const segments = [];
  steps.forEach((step, index) => {
    const sides = step.sides.length ? step.sides : [null];
    sides.forEach((side, number) => {
      if (number) segments.push({ kind: "switch", seconds: switchSides, step: index, side });
      segments.push({ kind: "exercise", seconds: step.perSide, step: index, side });
    });
    if (index < steps.length - 1 && step.rest) segments.push({ kind: "rest", seconds: step.rest, step: index, side: null });
  });
  return segments;
}

export const totalSeconds = (segments) => segments.reduce((sum, segment) => sum + segment.seconds, 0);

// The clips a routine's cues may ask for: every cue word, the numbers up to its most reps (at
// least three, for the count-down), and each of its exercises' names.
function voiceFor(steps, catalogue, prefixes) {
  const recorded = catalogue.voice.clips;
  const particular = Object.values(prefixes);
  const mostReps = Math.max(3, ...steps.map((step) => step.reps ?? 0));
  const wanted = [
    ...Object.keys(recorded).filter((clip) => !particular.some((prefix) => clip.startsWith(prefix))),
    ...Array.from({ length: mostReps }, (_, n) => `${prefixes.number}${n + 1}`),
    ...steps.map((step) => `${prefixes.exercise}${step.exercise.player.exercise}`),
  ];
  const clips = {};
  for (const clip of wanted) if (recorded[clip]) clips[clip] = recorded[clip];
  return { clips, holder: catalogue.voice.holder };
}

// The player's data for an own routine: rules are the pages' rules (app/rules.py).
export function ownPlayerData(definition, catalogue, { slug, rules }) {
  const steps = stepsOf(definition, catalogue);
  return {
    slug,
    title: definition.name,
    steps: steps.map((step) => ({ ...step.exercise.player, note: null, hold: step.hold, reps: step.reps })),
    segments: layOut(steps, rules.own_routines.switch_sides),
    voice: voiceFor(steps, catalogue, rules.clip_prefixes),
  };
}

// What the overview says of it, from its exercises as the built-in routines' pages work it out:
// fit for a bad day only when every exercise is, and whether it goes down to the floor.
export function ownSummary(definition, catalogue, rules) {
  const steps = stepsOf(definition, catalogue);
  const segments = layOut(steps, rules.own_routines.switch_sides);
  // The longest spell on the back, the rests and switches within it counted (LaidOut.longest_on_the_back).
  let longest = 0;
  let spell = 0;
  for (const segment of segments) {
    spell = steps[segment.step].exercise.lyingOn === "back" ? spell + segment.seconds : 0;
    longest = Math.max(longest, spell);
  }
  return {
    seconds: totalSeconds(segments),
    suitsABadDay: steps.every((step) => step.exercise.suitsABadDay),
    downLow: steps.some((step) => step.exercise.downLow),
    longOnTheBack: longest >= catalogue.longOnTheBack,
    positions: [...new Set(steps.map((step) => step.exercise.position))],
  };
}

// The words of this module and of the pages that show what it works out come from `say`
// (lib/words.js on a page), so it stays pure.

// A length as the pages spell it (app/site/templating.py duration): "45 s", "2 min", "1 min 30 s".
export function spell(seconds, say) {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (!minutes) return say("seconds", { sec: rest });
  return say(rest ? "minutes-seconds" : "minutes", { min: minutes, sec: rest });
}

// "1 step", "3 steps".
export const stepCount = (count, say) => say(count === 1 ? "step-count-1" : "step-count", { count });

// How a step's dose reads on an overview (templates/macros.html step_timing).
export function stepTiming(step, catalogue, say) {
  const exercise = catalogue.exercises[step.exercise];
  const count = step.reps ?? exercise.reps;
  const dose = exercise.hold !== null ? spell(step.hold ?? exercise.hold, say) : say(count === 1 ? "once-slowly" : "times-slowly", { count });
  if (!exercise.sided) return dose;
  if (!step.sides || step.sides === "both") return say("each-side", { dose });
  return say("one-side-only", { dose, side: say(step.sides) });
}

const SIDE_CHOICES = ["both", "left", "right"];
const CONTROL = /[\u0000-\u001f\u007f]/;
// Characters as Python counts them (code points), not UTF-16 units.
const characters = (text) => [...text].length;

// The definition as the server's OwnRoutine.definition() writes it: every step's dose and rest
// in full, sides only for a one-sided exercise, "how often" null when not given.
export function normalised(definition, catalogue) {
  const often = typeof definition.often === "string" ? definition.often.trim() : "";
  return {
    name: String(definition.name ?? "").trim(),
    often: often || null,
    steps: definition.steps.map((step) => {
      const exercise = catalogue.exercises[step.exercise];
      const dose = exercise.hold !== null ? { hold: step.hold ?? exercise.hold } : { reps: step.reps ?? exercise.reps };
      return { exercise: step.exercise, ...dose, rest: step.rest ?? 0, ...(exercise.sided ? { sides: step.sides ?? "both" } : {}) };
    }),
  };
}

// A step's number: undefined (left out: the exercise's own) passes, else a whole number within
// [low, high]; `kind` is "hold", "reps" or "rest", and `where` names the step.
function numberProblem(value, [low, high], where, kind, say) {
  if (value === undefined) return null;
  if (!Number.isInteger(value)) return say(`${kind}-none`, { where, low, high });
  return value < low || value > high ? say(`${kind}-outside`, { where, value, low, high }) : null;
}

// What stops a routine from being saved, shared or opened from a link, each as { field, step?,
// message } in a plain sentence: the bounds are app/rules.py's (bounds = rules.own_routines),
// as app/content/own.py holds the server to them.
export function checkOwnRoutine(definition, catalogue, bounds, say) {
  const found = [];
  const add = (field, message, step) => found.push({ field, message, ...(step === undefined ? {} : { step }) });
  const name = String(definition.name ?? "").trim();
  const often = String(definition.often ?? "").trim();
  if (!name) add("name", say("no-name"));
  else if (characters(name) > bounds.name) {
    add("name", say("name-too-long", { count: characters(name), most: bounds.name }));
  }
  if (CONTROL.test(name) || CONTROL.test(often)) add("name", say("one-line"));
  if (characters(often) > bounds.often) {
    add("often", say("often-too-long", { count: characters(often), most: bounds.often }));
  }
  const steps = definition.steps ?? [];
  const [fewest, most] = bounds.steps;
  if (steps.length < fewest || steps.length > most) {
    add("steps", say(steps.length ? "steps-out" : "no-steps", { count: steps.length, fewest, most }));
  }
  steps.forEach((step, index) => {
    const exercise = catalogue.exercises[step.exercise];
    const number = index + 1;
    if (!exercise) {
      add("exercise", say("unknown-step", { number }), index);
      return;
    }
    const where = say("step-where", { number, name: exercise.player.name });
    const timed = exercise.hold !== null;
    if (step[timed ? "reps" : "hold"] !== undefined) {
      add("dose", say(timed ? "held-not-counted" : "counted-not-held", { where }), index);
    }
    const kind = timed ? "hold" : "reps";
    const dose = numberProblem(step[kind], bounds[kind], where, kind, say);
    if (dose) add("dose", dose, index);
    const rest = numberProblem(step.rest, bounds.rest, where, "rest", say);
    if (rest) add("rest", rest, index);
    if (step.sides !== undefined && !(exercise.sided && SIDE_CHOICES.includes(step.sides))) {
      add("sides", say(exercise.sided ? "sides-choice" : "not-sided", { where }), index);
    }
  });
  if (!found.length) {
    const { seconds } = ownSummary(definition, catalogue, { own_routines: bounds });
    if (seconds > bounds.most_seconds) {
      add("steps", say("too-long", { length: Math.ceil(seconds / 60), most: bounds.most_seconds / 60 }));
    }
  }
  return found;
}
