// The QR code of a shared routine's link: a named image of exactly the code lean-qr makes, small
// enough for a 10-step routine, and a vendored library the CSP allows.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { qrSvg } from "../../static/js/lib/qr.js";
import { encodeRoutine } from "../../static/js/lib/routine-link.js";
import { correction, generate } from "../../static/js/vendor/lean-qr.js";
import { CATALOGUE } from "./own-catalogue.js";

const LINK = "https://easeback.example/shared#1BQARCGK43LBII3YIDKAEADM6V5WA";
const VENDORED = new URL("../../static/js/vendor/lean-qr.js", import.meta.url);

// The dark modules an SVG draws, as "x y" (quiet zone taken off), from its runs "Mx yhNv1h-Nz".
function darkModules(svg) {
  const path = svg.match(/<path fill="#000" d="([^"]*)"/)[1];
  const dark = new Set();
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let step = 0; step < Number(run); step += 1) dark.add(`${Number(x) + step - 4} ${Number(y) - 4}`);
  }
  return dark;
}

test("the code is an image named for what it is, with no inline style", () => {
  const { svg } = qrSvg(LINK, "QR code of the link");
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" role="img" aria-label="QR code of the link"/);
  assert.doesNotMatch(svg, /style|<script|\son\w+=/i);
  assert.match(svg, /<rect width="(\d+)" height="\1" fill="#fff"\/>/);
});

test("its name stays one attribute, whatever the words", () => {
  assert.match(qrSvg(LINK, 'Code "QR" <du lien> & co').svg, / aria-label="Code &#34;QR&#34; &#60;du lien> &#38; co" /);
});

test("the SVG draws lean-qr's modules exactly, inside a quiet zone of 4, as many as the version has", () => {
  const { svg, version } = qrSvg(LINK, "QR");
  const code = generate(LINK, { minCorrectionLevel: correction.M });
  assert.equal(code.size, 17 + 4 * version);
  const side = Number(svg.match(/viewBox="0 0 (\d+) \1"/)[1]);
  assert.equal(side, code.size + 8);
  const expected = new Set();
  for (let y = 0; y < code.size; y += 1) {
    for (let x = 0; x < code.size; x += 1) if (code.get(x, y)) expected.add(`${x} ${y}`);
  }
  assert.deepEqual(darkModules(svg), expected);
  assert.equal(qrSvg("EASEBACK", "QR").version, 1);
});

test("the same text gives the same SVG", () => {
  assert.equal(qrSvg(LINK, "QR").svg, qrSvg(LINK, "QR").svg);
  assert.notEqual(qrSvg(LINK, "QR").svg, qrSvg(`${LINK}A`, "QR").svg);
});

test("10 steps, every dose and rest its own, with a 30-character name, fit version 8", () => {
  const ids = Object.keys(CATALOGUE.exercises).slice(0, 10);
  const steps = ids.map((exercise, index) => {
    const own = CATALOGUE.exercises[exercise];
    const dose = own.hold !== null ? { hold: 120 - index } : { reps: 30 - index };
    return { exercise, ...dose, rest: 120 - index, ...(own.sided ? { sides: "right" } : {}) };
  });
  const link = encodeRoutine({ name: "Morning stretches for my back!", often: null, steps }, CATALOGUE);
  assert.ok(link.length <= 120, `${link.length} characters`);
  assert.ok(qrSvg(`https://easeback.example/shared#${link}`, "QR").version <= 8);
});

test("the vendored lean-qr is 2.7.4's nano.mjs unchanged, and nothing in it runs strings as code or sets styles", () => {
  const source = readFileSync(VENDORED);
  assert.equal(createHash("sha256").update(source).digest("hex"),
               "9f064e870e3ab537ca1f87fadbaa45dd7fa56d8c32440bbddb8b893201b951d7");
  const text = source.toString();
  assert.doesNotMatch(text, /\beval\(|\bFunction\(|setTimeout\("|\.style\b|innerHTML|insertAdjacentHTML|document\.write/);
  assert.match(readFileSync(new URL("../../static/js/vendor/lean-qr.LICENSE", import.meta.url), "utf8"),
               /^MIT License\n\nCopyright \(c\) 2021-2025 David Evans/);
});
