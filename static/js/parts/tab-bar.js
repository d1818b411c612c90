// The tab bar (templates/base.html): keep the room the page leaves at its foot equal to the
// bar's height, which changes with the text size; and let "More" close as menus do, with
// Escape or a tap elsewhere.

export function initTabBar() {
  const bar = document.querySelector("[data-tab-bar]");
  if (!bar) return;
  const root = document.documentElement;
  new ResizeObserver(() => {
    // Fixed to the foot on a phone; in the header's flow on a wide screen, which needs no room.
    const fixed = getComputedStyle(bar).position === "fixed";
    root.style.setProperty("--tab-bar-height", fixed ? `${bar.offsetHeight}px` : "0px");
  }).observe(bar);

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
