// My plan's reminders in the person's calendar. On /plan, "Remind me in my calendar" makes a
// subscription and shows its address once, with Copy; the file download says what to do with the
// file. Settings says whether a calendar is subscribed, and stops it.
// The words each line shows sit in the page, as data- attributes of the line (data-offline and
// data-failed on both pages' status line): this script is counted against the JavaScript
// budget, the pages are not.
let status = null;
const part = (name) => document.querySelector(`[data-calendar-${name}]`);
const show = (line, words) => { line.textContent = line.dataset[words]; };

async function run(method, done) {
  try {
    const response = await fetch("/api/v1/plan/calendar-feed",
      { method, headers: { "Content-Type": "application/json" } });
    // A stop answers 204, with no body to read.
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.detail ?? status.dataset.failed);
    done(data);
  } catch (error) {
    if (error instanceof TypeError) show(status, "offline");
    else status.textContent = error.message;
  }
}

export function initCalendarFeed() {
  status = part("status");
  const address = part("address");
  part("subscribe")?.addEventListener("click", () => run("POST", ({ url }) => {
    address.value = url.replace("webcal:", location.protocol);
    part("open").href = url;
    part("made").hidden = false;
    show(status, "made");
  }));
  part("copy")?.addEventListener("click", async () => {
    let words = "copied";
    try {
      await navigator.clipboard.writeText(address.value);
    } catch {
      // No clipboard here (an insecure page, an old browser, a refusal): select it to copy by hand.
      address.select();
      words = "selected";
    }
    show(part("copied"), words);
  });
  part("file")?.addEventListener("click", () => show(part("file-status"), "done"));
  const revoke = part("revoke");
  revoke?.addEventListener("click", () => run("DELETE", () => {
    revoke.hidden = true;
    show(status, "stopped");
  }));
  // Both pages say whether a calendar is subscribed: on /plan, so a second tap does not stop the
  // address a calendar already has without the person knowing.
  if (status?.dataset.on) run("GET", ({ active }) => {
    if (revoke) revoke.hidden = !active;
    show(status, active ? "on" : "off");
  });
}
