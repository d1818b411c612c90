"""Every page reflows on a small phone, with text at twice its size: nothing scrolls sideways.

The text size is doubled as a browser's text-size setting doubles it: the root font size, which
every size in the style sheets is measured from (rem and em), so no zoom is involved.
"""
import pytest

from tools.screenshots import PAGES

DOUBLE_TEXT = ("document.addEventListener('DOMContentLoaded', "
               "() => { document.documentElement.style.fontSize = '200%'; })")
WIDEST = """() => {
  const width = document.documentElement.clientWidth;
  const over = [...document.querySelectorAll("body *")].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && getComputedStyle(element).position !== "fixed"
      && !element.closest(".visually-hidden, [data-scrolls-sideways]");
  }).slice(0, 5).map((element) => {
    const right = Math.round(element.getBoundingClientRect().right);
    return `${element.tagName.toLowerCase()}.${element.className} ${right}`;
  });
  return { scroll: document.documentElement.scrollWidth, width, over };
}"""



@pytest.mark.parametrize("text", ["100%", "200%"])
@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scroll_on_a_small_phone(small_phone, path, text):
    if text == "200%":
        small_phone.add_init_script(DOUBLE_TEXT)
    small_phone.goto(path)
    small_phone.wait_for_load_state("load")
    font_size = small_phone.evaluate("getComputedStyle(document.documentElement).fontSize")
    assert font_size == ("32px" if text == "200%" else "16px")
    measured = small_phone.evaluate(WIDEST)
    assert measured["scroll"] <= measured["width"], measured
