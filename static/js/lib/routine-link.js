// A routine of one's own as a link, /shared#<text>: the one codec, pure, no DOM.
//
// The text is small enough for a QR code a phone reads at arm's length: with an origin of 32
// characters, up to 10 steps with any doses, sides and rests and a name ("how often" included)
// of up to 30 bytes of UTF-8 fit version 8 at error correction M (49 modules: 0.65 mm each when
// printed 32 mm wide). A cut-short or changed link is refused with a sentence for a person
// (in the words `say` gives, lib/words.js on a page), never read wrongly. Version 1 is
//
//   "1" then base32 (RFC 4648 letters A-Z and 2-7, no padding) of these bytes:
//     the payload's length in bytes (one byte, or two with the top bit of the first set),
//     the payload, then the CRC-32 of "1" and everything before it (4 bytes, big-endian).
//   The payload, as bits, most significant first, zero bits to the last whole byte:
//     the name: 10 bits of its UTF-8 length in bytes, then the bytes;
//     "how often": 1 bit (given or not), then as the name when given;
//     the rest most steps take after them: 7 bits of seconds;
//     how many steps: 5 bits; then for each step:
//       the exercise's code (routines/exercises/*.toml, two of 0-9a-z): 11 bits, first * 36 + second;
//       1 bit, then 7 bits of hold seconds or reps when they differ from the exercise's own;
//       1 bit, then 7 bits of rest seconds when they differ from the routine's usual rest;
//       for a one-sided exercise only, 2 bits: both sides 0, only the left 1, only the right 2.
// Upper-case letters and digits are safe in a URL fragment (and would fill a QR code in its
// compact alphanumeric mode, were the full build of lean-qr sent). A newer format starts with
// a higher digit.
//
// catalogue: GET /routines/catalogue.json (app/pages/player.py catalogue); bounds: the pages'
// rules.own_routines (app/content/bounds.py). A link's routine is checked as the builder's form
// and the server check one (lib/own-routine.js checkOwnRoutine), and refused with its first problem.

import { checkOwnRoutine, normalised } from "./own-routine.js";

const VERSION = "1";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const CODE_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
const SIDES = ["both", "left", "right"];
const TEXT_BITS = 10;
const NUMBER_BITS = 7;
const STEP_COUNT_BITS = 5;

// Each refusal's sentence, from the words `say` gives.
const update = (sentence) => (say) => `${sentence(say)} ${say("link-update")}`;
export const PROBLEMS = {
  cutShort: (say) => say("link-cut-short"),
  changed: (say) => say("link-changed"),
  newer: update((say) => say("link-newer")),
};

// Thrown inside decodeRoutine only, and turned into its { problem } answer there.
class Refusal extends Error {
  constructor(problem) {
    super();
    this.problem = problem;
  }
}
const refuse = (problem) => { throw new Refusal(problem); };

const isTimed = (exercise) => exercise.hold !== null;

// The text after "#" in /shared#...; throws only for a definition the app should never have
// made (an exercise not in the catalogue, a number beyond what the format holds).
export function encodeRoutine(definition, catalogue) {
  const routine = normalised(definition, catalogue);
  const usualRest = mostCommon(routine.steps.map((step) => step.rest));
  const bits = new BitWriter();
  writeText(bits, routine.name);
  bits.write(routine.often === null ? 0 : 1, 1);
  if (routine.often !== null) writeText(bits, routine.often);
  bits.write(usualRest, NUMBER_BITS);
  bits.write(routine.steps.length, STEP_COUNT_BITS);
  for (const step of routine.steps) {
    const exercise = catalogue.exercises[step.exercise];
    const [first, second] = [...exercise.code].map((digit) => CODE_DIGITS.indexOf(digit));
    bits.write(first * 36 + second, 11);
    const dose = step.hold ?? step.reps;
    writeUnlessEqual(bits, dose, isTimed(exercise) ? exercise.hold : exercise.reps);
    writeUnlessEqual(bits, step.rest, usualRest);
    if (exercise.sided) bits.write(SIDES.indexOf(step.sides), 2);
  }
  const payload = bits.bytes();
  const head = payload.length < 0x80 ? [payload.length] : [0x80 | (payload.length >> 7), payload.length & 0x7f];
  const body = [...head, ...payload];
  return VERSION + toBase32([...body, ...crcBytes(body)]);
}

// { definition } (normalised) or { problem }: a sentence to show the person. Never throws for
// any text.
export function decodeRoutine(text, catalogue, bounds, say) {
  try {
    const definition = readRoutine(String(text ?? ""), catalogue, bounds);
    const [problem] = checkOwnRoutine(definition, catalogue, bounds, say);
    return problem ? { problem: problem.message } : { definition };
  } catch (error) {
    if (error instanceof Refusal) return { problem: error.problem(say) };
    throw error;
  }
}

// The CRC-32 (as zip and PNG use it) of the version mark and the bytes, big-endian.
function crcBytes(bytes) {
  let crc = ~0;
  for (const byte of [VERSION.charCodeAt(0), ...bytes]) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  crc = ~crc >>> 0;
  return [crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff];
}

function readRoutine(text, catalogue, bounds) {
  if (text.length > longestLink(bounds)) refuse(PROBLEMS.changed);
  if (text === "") refuse(PROBLEMS.cutShort);
  if (text[0] !== VERSION) refuse(/[2-9]/.test(text[0]) ? PROBLEMS.newer : PROBLEMS.changed);
  const { bytes, leftover } = fromBase32(text.slice(1));
  if (bytes.length === 0 || (bytes[0] & 0x80 && bytes.length === 1)) refuse(PROBLEMS.cutShort);
  const [length, start] = bytes[0] & 0x80 ? [((bytes[0] & 0x7f) << 7) | bytes[1], 2] : [bytes[0], 1];
  const end = start + length;
  if (bytes.length < end + 4) refuse(PROBLEMS.cutShort);
  if (leftover || text.length - 1 !== Math.ceil(((end + 4) * 8) / 5)) refuse(PROBLEMS.changed);
  const check = crcBytes(bytes.slice(0, end));
  if (check.some((byte, index) => byte !== bytes[end + index])) refuse(PROBLEMS.changed);
  return readPayload(new BitReader(bytes.slice(start, end)), catalogue);
}

function readPayload(bits, catalogue) {
  const byCode = new Map(Object.entries(catalogue.exercises).map(([id, exercise]) => [exercise.code, id]));
  const name = readText(bits);
  const often = bits.read(1) ? readText(bits) : null;
  const usualRest = bits.read(NUMBER_BITS);
  const count = bits.read(STEP_COUNT_BITS);
  const steps = [];
  for (let number = 1; number <= count; number += 1) {
    const code = bits.read(11);
    const id = byCode.get(CODE_DIGITS[Math.floor(code / 36)] + CODE_DIGITS[code % 36]);
    if (id === undefined) refuse(update((say) => say("unknown-step", { number })));
    const exercise = catalogue.exercises[id];
    const timed = isTimed(exercise);
    const dose = bits.read(1) ? bits.read(NUMBER_BITS) : timed ? exercise.hold : exercise.reps;
    const rest = bits.read(1) ? bits.read(NUMBER_BITS) : usualRest;
    const step = { exercise: id, [timed ? "hold" : "reps"]: dose, rest };
    if (exercise.sided) step.sides = SIDES[bits.read(2)] ?? refuse(PROBLEMS.changed);
    steps.push(step);
  }
  bits.finish();
  return { name: name.trim(), often: often?.trim() || null, steps };
}

// The longest text a routine within the bounds can make (4 UTF-8 bytes a character at most):
// anything longer is refused before it is read.
function longestLink(bounds) {
  const textBits = (most) => TEXT_BITS + 32 * most;
  const stepBits = 11 + 2 * (1 + NUMBER_BITS) + 2;
  const payload = Math.ceil((textBits(bounds.name) + 1 + textBits(bounds.often) + NUMBER_BITS
    + STEP_COUNT_BITS + bounds.steps[1] * stepBits) / 8);
  return 1 + Math.ceil(((2 + payload + 4) * 8) / 5);
}

// The value most often given (the first of equals), or 0 for none.
function mostCommon(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0])[0];
}

function writeText(bits, text) {
  const bytes = new TextEncoder().encode(text);
  bits.write(bytes.length, TEXT_BITS);
  for (const byte of bytes) bits.write(byte, 8);
}

function readText(bits) {
  const bytes = Uint8Array.from({ length: bits.read(TEXT_BITS) }, () => bits.read(8));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) refuse(PROBLEMS.changed);
    throw error;
  }
}

function writeUnlessEqual(bits, value, usual) {
  bits.write(value === usual ? 0 : 1, 1);
  if (value !== usual) bits.write(value, NUMBER_BITS);
}

class BitWriter {
  constructor() { this.bits = []; }

  write(value, width) {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) {
      throw new RangeError(`${value} does not fit a shared routine's link`);
    }
    for (let bit = width - 1; bit >= 0; bit -= 1) this.bits.push((value >> bit) & 1);
  }

  bytes() {
    const bytes = new Uint8Array(Math.ceil(this.bits.length / 8));
    this.bits.forEach((bit, index) => { bytes[index >> 3] |= bit << (7 - (index & 7)); });
    return [...bytes];
  }
}

class BitReader {
  constructor(bytes) { this.bytes = bytes; this.at = 0; }

  read(width) {
    let value = 0;
    for (let bit = 0; bit < width; bit += 1, this.at += 1) {
      if (this.at >= this.bytes.length * 8) refuse(PROBLEMS.changed);
      value = value * 2 + ((this.bytes[this.at >> 3] >> (7 - (this.at & 7))) & 1);
    }
    return value;
  }

  // Only zero bits may follow the last step, and no whole byte.
  finish() {
    if (this.bytes.length * 8 - this.at >= 8) refuse(PROBLEMS.changed);
    while (this.at < this.bytes.length * 8) if (this.read(1)) refuse(PROBLEMS.changed);
  }
}

function toBase32(bytes) {
  let text = "";
  let buffer = 0;
  let held = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    held += 8;
    while (held >= 5) {
      held -= 5;
      text += BASE32[(buffer >> held) & 31];
    }
    buffer &= (1 << held) - 1;
  }
  return held ? text + BASE32[(buffer << (5 - held)) & 31] : text;
}

// The whole bytes, and the bits past the last of them (zero in a link as made); a character
// that is not base32 is a changed link.
function fromBase32(text) {
  const bytes = [];
  let buffer = 0;
  let held = 0;
  for (const character of text) {
    const value = BASE32.indexOf(character);
    if (value < 0) refuse(PROBLEMS.changed);
    buffer = (buffer << 5) | value;
    held += 5;
    if (held >= 8) {
      held -= 8;
      bytes.push((buffer >> held) & 0xff);
    }
    buffer &= (1 << held) - 1;
  }
  return { bytes, leftover: buffer };
}
