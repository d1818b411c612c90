// Every cue of a routine laid on the same timeline the display uses: what sounds, and when
// (milliseconds from the routine's start). The player hands the part still to come to the
// AudioContext in one go (lib/cues.js), so the cues keep time with the screen off and no page
// timer is needed. Pure, with no audio and no DOM, so node --test can check every onset.
//
// A cue is { at, kind, announces, ... }:
//   kind "clip":   a recorded clip by id (static/audio/voice/clips.json; the ids are
//                  app/rules.py's CUE_CLIPS and CLIP_PREFIXES, as `names`), ending at `end`, or
//                  at `until` where a later announcement cuts it short;
//   kind "speech": a moment's words for the device's own voice, where a clip is missing;
//   kind "beep":   tone "count" (3, 2, 1 before a change, when the voice is off) or "change".
// `announces` is the moment on the timeline the cue is about: the first clip of each
// announcement starts exactly then.
import { totalMs } from "./timeline.js";

// Seconds of "three, two, one" before each change.
const COUNT_FROM = 3;
// Between the clips of one announcement.
const GAP_MS = 80;
// Holds this long or longer hear "halfway".
const HALFWAY_FROM_MS = 20000;
// Reps this slow or slower are counted aloud.
const REP_COUNT_FROM_MS = 1500;

// The words of each segment's announcement, as clip ids. `upcoming` is the exercise segment
// the person gets ready for (itself, for an exercise).
function announcement(schedule, segment, steps, { slug, names }) {
  const upcoming = schedule.find((later) => later.kind === "exercise" && later.start >= segment.start) ?? segment;
  const { cue_clips: cue, clip_prefixes: prefix } = names;
  const name = prefix.exercise + steps[upcoming.step].exercise;
  const side = (which) => (which ? [cue[which]] : []);
  if (segment.kind === "ready") return [cue.get_ready, cue.first, name, ...side(upcoming.side)];
  if (segment.kind === "rest") return [cue.rest, cue.next, name, ...side(upcoming.side)];
  if (segment.kind === "switch") return [cue.switch_sides, cue.next, ...side(upcoming.side)];
  return [cue.begin, name, ...side(segment.side), `${prefix.note}${slug}-${segment.step + 1}`];
}

// What one segment says, besides its announcement: halfway through a long hold, the reps.
function within(segment, steps, { cue_clips: cue, clip_prefixes: prefix }) {
  if (segment.kind !== "exercise") return [];
  const step = steps[segment.step];
  if (step.reps) {
    const repMs = step.secondsPerRep * 1000;
    if (repMs < REP_COUNT_FROM_MS) return [];
    return Array.from({ length: step.reps - 1 }, (_, n) => ({ at: segment.start + (n + 1) * repMs, clips: [prefix.number + (n + 2)] }));
  }
  return segment.ms >= HALFWAY_FROM_MS ? [{ at: segment.start + segment.ms / 2, clips: [cue.halfway] }] : [];
}

// "Three, two, one" before a change; not in a segment of reps, whose own count would clash.
function countdown(segment, steps, voice, names) {
  const cues = [];
  if (segment.kind === "exercise" && steps[segment.step].reps) return cues;
  for (let seconds = COUNT_FROM; seconds >= 1; seconds -= 1) {
    const at = segment.end - seconds * 1000;
    if (at <= segment.start) continue;
    cues.push(voice ? { at, clips: [names.clip_prefixes.number + seconds] } : { at, beep: "count" });
  }
  return cues;
}

// Every spoken moment and beep of the routine, before clips are laid out.
function moments(schedule, steps, { slug, names, voice, beeps }) {
  const found = [];
  for (const segment of schedule) {
    if (voice) found.push({ at: segment.start, clips: announcement(schedule, segment, steps, { slug, names }), lead: true });
    if (voice) found.push(...within(segment, steps, names));
    if (voice || beeps) found.push(...countdown(segment, steps, voice, names));
    if (beeps && segment.start > 0) found.push({ at: segment.start, beep: "change" });
  }
  const end = totalMs(schedule);
  if (voice) found.push({ at: end, clips: [names.cue_clips.well_done], lead: true });
  if (beeps) found.push({ at: end, beep: "change" });
  return found.sort((a, b) => a.at - b.at || (b.lead ? 1 : 0) - (a.lead ? 1 : 0));
}

// Where the person picks up part-way through a segment (Resume, or a page that comes back to
// a routine), say where they are: the segment's words, without "Begin" in the middle of a hold.
function restatement(schedule, steps, { slug, names }, fromMs) {
  const segment = schedule.find((candidate) => fromMs > candidate.start && fromMs < candidate.end);
  if (!segment) return [];
  const clips = announcement(schedule, segment, steps, { slug, names })
    .filter((id) => id !== names.cue_clips.begin && !id.startsWith(names.clip_prefixes.note));
  return [{ at: fromMs, clips, lead: true }];
}

// Lay each moment's clips end to end, from `fromMs` on. An announcement always starts on its
// moment and cuts short whatever is still speaking; anything else that would talk over speech
// is left out. Where this device lacks a clip of a moment, the device's own voice says the
// whole moment from `words`, or nothing if there are no words for it.
export function cuePlan(schedule, steps, { slug, names, voice = true, beeps = true, clips = {}, words = {} }, fromMs = 0) {
  const plan = [];
  let speaking = [];
  let busyUntil = -Infinity;
  const found = [...restatement(voice ? schedule : [], steps, { slug, names }, fromMs),
    ...moments(schedule, steps, { slug, names, voice, beeps })];
  for (const moment of found.filter((candidate) => candidate.at >= fromMs)) {
    if (moment.beep) {
      plan.push({ at: moment.at, kind: "beep", tone: moment.beep, announces: moment.at });
      continue;
    }
    if (!moment.lead && moment.at < busyUntil) continue;
    if (moment.lead) for (const cue of speaking) if (cue.end > moment.at) cue.until = moment.at;
    // A note only exists for a walk in stages (with its words): its absence is no gap to fill.
    const ids = moment.clips.filter((id) => clips[id] || words[id] || !id.startsWith(names.clip_prefixes.note));
    if (ids.every((id) => clips[id])) {
      let at = moment.at;
      speaking = ids.map((id) => {
        const cue = { at, kind: "clip", clip: id, end: at + clips[id].ms, announces: moment.at };
        at = cue.end + GAP_MS;
        return cue;
      });
      busyUntil = at;
    } else {
      const text = ids.map((id) => words[id]).filter(Boolean).join(" ");
      speaking = text ? [{ at: moment.at, kind: "speech", text, end: moment.at, announces: moment.at }] : [];
      // About as long as a short phrase takes to say.
      busyUntil = moment.at + 1500;
    }
    plan.push(...speaking);
  }
  return plan;
}
