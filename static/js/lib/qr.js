// A QR code of a link, as SVG text: pure, no DOM. The code itself comes from lean-qr 2.7.4
// (static/js/vendor/lean-qr.js is its nano.mjs unchanged, MIT, by David Evans: the small build,
// which codes the link in byte mode, a version larger than the full build would); the drawing is
// ours, so it carries a role and a name (the page's words for it, as `label`), and no style
// attribute the CSP would refuse.

import { correction, generate } from "../vendor/lean-qr.js";

// The light margin around the code that readers need, in modules (the standard asks for 4).
const QUIET_ZONE = 4;

// { svg, version }: the smallest code that holds text at error correction M or better (M is
// what a screen or a crumpled print needs), drawn as dark modules on white, named `label`.
export function qrSvg(text, label) {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const side = code.size + 2 * QUIET_ZONE;
  const rows = [];
  for (let y = 0; y < code.size; y += 1) {
    let x = 0;
    while (x < code.size) {
      if (!code.get(x, y)) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < code.size && code.get(x, y)) x += 1;
      rows.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" `
    + `aria-label="${label.replace(/[&<"]/g, (character) => `&#${character.charCodeAt(0)};`)}" shape-rendering="crispEdges">`
    + `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${rows.join("")}"/></svg>`;
  return { svg, version: (code.size - 17) / 4 };
}
