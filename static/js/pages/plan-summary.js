// The GP summary's Print button: the browser's own print dialog (css/summary-print.css lays the
// page out on one sheet). The button only works with this script, so it appears with it.
const actions = document.querySelector("[data-print-actions]");
actions.querySelector("[data-print]").addEventListener("click", () => window.print());
actions.hidden = false;
