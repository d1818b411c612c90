// My plan's calendar subscription: made on /plan ("Keep my calendar in step"), stopped in Settings.
let status = null;

async function run(method, done) {
  try {
    const response = await fetch("/api/v1/plan/calendar-feed",
      { method, credentials: "same-origin", headers: { "Content-Type": "application/json" } });
    const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.detail ?? "That did not work. Try again in a moment.");
    done(data);
  } catch (error) {
    status.textContent = error instanceof TypeError
      ? "This needs a connection. Connect to the internet and try again." : error.message;
  }
}

function link(href, text = href) {
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

function showActive(active) {
  document.querySelector("[data-calendar-revoke]").hidden = !active;
  status.textContent = `${active ? "A" : "No"} calendar is subscribed to your plan's reminders.`;
}

export function initCalendarFeed() {
  status = document.querySelector("[data-calendar-status]");
  document.querySelector("[data-calendar-subscribe]")?.addEventListener("click", () => run("POST", ({ url }) => {
    status.replaceChildren(link(url, "Subscribe in my calendar app"), ". Or give your calendar this address: ",
      link(url.replace("webcal:", location.protocol)), ". It is shown only now.");
  }));
  const revoke = document.querySelector("[data-calendar-revoke]");
  revoke?.addEventListener("click", () => run("DELETE", () => {
    showActive(false);
    status.textContent = "Your calendar subscription is stopped: its address no longer works.";
  }));
  if (revoke) run("GET", ({ active }) => showActive(active));
}
