// Data the server hands to the scripts in <script type="application/json">
// blocks (the CSP forbids inline scripts, so no globals in a <script>).

// The parsed block with this id, or null on a page that has none.
export function readPageData(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : null;
}

// The rules every page shares (app/rules.py): reaches, limits, the urgent answers, clip ids...
export const readRules = () => readPageData("rules");
