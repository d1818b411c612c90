// The tab bar (templates/base.html) and the other bars at the foot of the screen (the player's
// controls, the checklist's "Saved" line, marked data-foot-bar): keep the room the page leaves for
// the tab bar equal to its height, which changes with the text size, and what all of them cover,
// so a focused control scrolls clear of them (css/app.css, scroll-padding-bottom); and let "More"
// close as menus do, with Escape or a tap elsewhere.

function keepFootRoom() {
  const root = document.documentElement;
  const bars = [...document.querySelectorAll("[data-tab-bar], [data-foot-bar]")];
  const covers = (bar) => ["fixed", "sticky"].includes(getComputedStyle(bar).position);
  const measure = () => {
    // Fixed to the foot on a phone; in the header's flow on a wide screen, which needs no room.
    const tab = bars.find((bar) => bar.matches("[data-tab-bar]"));
    const others = bars.filter((bar) => bar !== tab && covers(bar)).map((bar) => bar.offsetHeight);
    root.style.setProperty("--tab-bar-height", `${tab && covers(tab) ? tab.offsetHeight : 0}px`);
    root.style.setProperty("--foot-bar-height", `${Math.max(0, ...others)}px`);
  };
  const observer = new ResizeObserver(measure);
  for (const bar of bars) observer.observe(bar);
}

export function initTabBar() {
  keepFootRoom();
  const bar = document.querySelector("[data-tab-bar]");
  if (!bar) return;
  const more = bar.querySelector("[data-more]");
  const close = () => { more.open = false; };
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && more.open) {
      close();
      more.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (more.open && !more.contains(event.target)) close();
  });
}
