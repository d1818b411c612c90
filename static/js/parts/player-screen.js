// What the player shows for each segment of the schedule: the
// exercise, its side, what comes next, and the rep count. No timing here
// (that is lib/timeline.js), and nothing runs until the player asks.
import { say } from "../lib/words.js";

const WORDS = { ready: "get-ready", rest: "rest", switch: "switch-sides" };
const DETAILS = { rest: () => say("up-next"), switch: (side) => say("switch-to", { side: say(side) }) };

// The phase in a short phrase, as a screen reader hears it at each change.
function phaseLabel(segment, shown) {
  if (segment.kind === "rest") return say("rest-up-next");
  if (segment.kind === "switch") return DETAILS.switch(shown.side);
  if (segment.kind === "exercise") return say(shown.side ? `${shown.side}-side` : "now");
  return say(WORDS[segment.kind]);
}

// The big word on the stage and the line under it. Paused always says "Paused",
// never "Now", and keeps only the words that tell the person where they are.
export function phaseWords(segment, shown, paused) {
  const label = phaseLabel(segment, shown);
  if (paused) return { word: say("paused"), detail: label === say("now") ? "" : label };
  const word = segment.kind === "exercise" ? label : say(WORDS[segment.kind]);
  return { word, detail: DETAILS[segment.kind]?.(shown.side) ?? "" };
}

// Draws segments into the player's elements (`ui`, by data- name). What is heard is planned
// apart, on the audio clock (lib/cue-plan.js): a screen reader hears the announcer here.
export class PlayerScreen {
  constructor({ ui, data, schedule }) {
    Object.assign(this, { ui, data, schedule, segment: null, paused: false });
  }

  // During "get ready", rests and side switches, show the exercise coming up,
  // so the person can get into position.
  exerciseFor(segment) {
    if (segment.kind === "exercise") return segment;
    return this.schedule.slice(segment.index + 1).find((next) => next.kind === "exercise") ?? segment;
  }

  show(segment, { announce }) {
    const { ui } = this;
    const shown = this.exerciseFor(segment);
    const step = this.data.steps[shown.step];
    this.segment = segment;
    this.drawPhase();
    ui.name.textContent = step.name;
    ui.picture.src = step.picture;
    ui.picture.alt = step.alt;
    ui.picture.classList.toggle("mirrored", shown.side === "left");
    ui.instructions.textContent = step.instructions;
    ui.note.textContent = step.note ?? "";
    ui.note.hidden = !step.note;
    ui.breathing.textContent = step.breathing;
    ui.skipIf.textContent = step.skipIf ?? "";
    ui.skipLine.hidden = !step.skipIf;
    ui.easeOff.textContent = step.easeOffIf;
    ui.count.textContent = say("step-of", { number: shown.step + 1, count: this.data.steps.length });
    ui.stage.dataset.kind = segment.kind;
    const isReps = segment.kind === "exercise" && step.reps !== null;
    ui.reps.hidden = !isReps;
    ui.upNext.textContent = this.upNextText(segment);
    if (announce) ui.announcer.textContent = `${ui.count.textContent}. ${phaseLabel(segment, shown)}: ${step.name}.`;
  }

  // The step shown, counted from 1 as the header counts it.
  get stepNumber() {
    return this.segment ? this.exerciseFor(this.segment).step + 1 : 1;
  }

  // Pausing or resuming changes the words, not the segment.
  setPaused(paused) {
    this.paused = paused;
    if (this.segment) this.drawPhase();
  }

  drawPhase() {
    const { word, detail } = phaseWords(this.segment, this.exerciseFor(this.segment), this.paused);
    this.ui.phase.textContent = word;
    this.ui.phaseDetail.textContent = detail;
    this.ui.phaseDetail.hidden = !detail;
  }

  upNextText(segment) {
    if (segment.kind !== "exercise") return "";
    const next = this.schedule.slice(segment.index + 1).find((later) => later.kind === "exercise");
    if (!next) return say("last-step");
    const name = this.data.steps[next.step].name;
    return next.step === segment.step ? say("next-side", { name, side: say(next.side) }) : say("next", { name });
  }

  showReps(position) {
    const step = this.data.steps[position.segment.step];
    if (position.segment.kind !== "exercise" || step.reps === null) return;
    const rep = Math.min(step.reps, Math.floor(position.intoMs / (step.secondsPerRep * 1000)) + 1);
    this.ui.reps.textContent = say("rep-of", { rep, count: step.reps });
  }
}
