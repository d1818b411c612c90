"""Nothing a person tabs to is hidden: on a small phone (360x640), every focus stop on every page,
and in the player, stays clear of the bars fixed or stuck to the screen (the tab bar, the player's
controls, the checklist's "Saved" line). WCAG 2.2, 2.4.11 Focus not obscured."""
import pytest

from tools.screenshots import PAGES

MOST_STOPS = 150  # more than any page has; a page that loops sooner stops sooner
# The focused element, and every fixed or stuck bar it does not sit in that overlaps it.
COVERED = """() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  const box = focused.getBoundingClientRect();
  const bars = [...document.querySelectorAll("body *")].filter((element) => {
    const position = getComputedStyle(element).position;
    return (position === "fixed" || position === "sticky") && !element.contains(focused)
      && getComputedStyle(element).visibility !== "hidden";
  });
  const over = bars.map((bar) => [bar, bar.getBoundingClientRect()]).filter(([, bar]) =>
    Math.min(box.bottom, bar.bottom) - Math.max(box.top, bar.top) > 1
    && Math.min(box.right, bar.right) - Math.max(box.left, bar.left) > 1);
  // A control taller than half the screen (a scrolling table) may run under a bar, as long as a
  // good part of it shows above.
  const clear = Math.min(window.innerHeight, ...over.map(([, bar]) => bar.top)) - Math.max(box.top, 0);
  if (box.height > window.innerHeight / 2 && clear >= 48) over.length = 0;
  const name = (element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`;
  return {
    focused: `${name(focused)} "${(focused.innerText || focused.value || "").trim().slice(0, 40)}"`,
    key: focused.outerHTML.slice(0, 200) + Math.round(box.top + window.scrollY),
    under: over.map(([bar]) => name(bar)),
  };
}"""


def hidden_stops(page, most=MOST_STOPS):
    """Tab through the page from its top: each stop that a bar overlaps, as 'element under bars'."""
    hidden, seen = [], set()
    for _ in range(most):
        page.keyboard.press("Tab")
        stop = page.evaluate(COVERED)
        if stop is None:
            continue
        if stop["key"] in seen:
            break
        seen.add(stop["key"])
        if stop["under"]:
            hidden.append(f"{stop['focused']} under {', '.join(stop['under'])}")
    return hidden



@pytest.mark.parametrize("path", [path for path in PAGES if not path.endswith("/play")])
def test_every_focus_stop_is_clear_of_the_bars(small_phone, path):
    small_phone.goto(path)
    small_phone.wait_for_load_state("networkidle")
    assert hidden_stops(small_phone) == []


def test_every_focus_stop_in_the_player_is_clear_of_its_controls(small_phone):
    small_phone.goto("/routines/gentle-nerve-glide/play")
    small_phone.get_by_role("button", name="Start", exact=True).wait_for()
    assert hidden_stops(small_phone) == []
    small_phone.get_by_role("button", name="Start", exact=True).click()
    small_phone.get_by_role("button", name="Pause").wait_for()
    small_phone.keyboard.press("Shift+Tab")
    assert hidden_stops(small_phone) == []
