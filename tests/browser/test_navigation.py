"""The tab bar: every main place one tap away, one row at any text size, the current page marked."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations

TABS = ["Home", "Routines", "Favourites", "History", "More"]
DOUBLE_TEXT = ("document.addEventListener('DOMContentLoaded', "
               "() => { document.documentElement.style.fontSize = '200%'; })")


def tab_boxes(page):
    """Each tab's box, in order."""
    bar = page.get_by_role("navigation", name="Main")
    boxes = [bar.get_by_role("link", name=name, exact=True).bounding_box() for name in TABS[:-1]]
    return boxes + [bar.locator("summary").bounding_box()]


def assert_one_row_at_the_foot(page):
    viewport = page.viewport_size
    boxes = tab_boxes(page)
    assert len({round(box["y"]) for box in boxes}) == 1, boxes  # one row
    assert all(box["y"] + box["height"] <= viewport["height"] + 1 for box in boxes), boxes
    assert all(box["y"] > viewport["height"] * 0.8 for box in boxes), boxes  # at the foot
    assert all(box["height"] >= 48 and box["width"] >= 48 for box in boxes), boxes  # big targets
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] for box in boxes), boxes


@pytest.mark.parametrize("size", [{"width": 360, "height": 640}, {"width": 390, "height": 844}])
@pytest.mark.parametrize("text", ["100%", "200%"])
def test_tabs_are_one_row_at_the_foot_of_a_phone(page, size, text):
    page.set_viewport_size(size)
    if text == "200%":
        page.add_init_script(DOUBLE_TEXT)
    page.goto("/history")
    assert_one_row_at_the_foot(page)
    # Every tab keeps its name, shown or not, and the current one says so.
    bar = page.get_by_role("navigation", name="Main")
    expect(bar.get_by_role("link", name="History")).to_have_attribute("aria-current", "page")
    expect(bar.locator("[aria-current]")).to_have_count(1)
    if text == "100%":
        expect(bar.get_by_text("Favourites", exact=True)).to_be_visible()


@pytest.mark.parametrize("path, current", [("/", "Home"), ("/routines", "Routines"),
                                           ("/favourites", "Favourites"), ("/history", "History")])
def test_the_current_tab_is_marked(page, path, current):
    page.goto(path)
    bar = page.get_by_role("navigation", name="Main")
    expect(bar.locator("a[aria-current='page']")).to_have_accessible_name(current)


def test_a_routine_marks_routines_as_its_section(page):
    page.goto("/routines/desk-break")
    routines_tab = page.get_by_role("navigation", name="Main").get_by_role("link", name="Routines")
    expect(routines_tab).to_have_attribute("aria-current", "true")


def test_more_holds_the_other_places_one_tap_away(page):
    page.goto("/")
    bar = page.get_by_role("navigation", name="Main")
    checklist = bar.get_by_role("link", name="Therapist checklist")
    expect(checklist).to_be_hidden()
    bar.get_by_text("More", exact=True).click()
    for name in ["Therapist checklist", "Learn about sciatica", "Settings and your data", "Warning signs"]:
        expect(bar.get_by_role("link", name=name)).to_be_in_viewport()
    assert violations(page) == ""
    # Escape closes it and leaves focus on More; so does a tap elsewhere.
    page.keyboard.press("Escape")
    expect(checklist).to_be_hidden()
    expect(bar.locator("summary")).to_be_focused()
    bar.get_by_text("More", exact=True).click()
    page.get_by_role("heading", level=1).click()
    expect(checklist).to_be_hidden()
    bar.get_by_text("More", exact=True).click()
    checklist.click()
    expect(page).to_have_url("/checklist")
    bar = page.get_by_role("navigation", name="Main")
    expect(bar.locator(".tab--current")).to_have_text("More")
    bar.get_by_text("More", exact=True).click()
    expect(bar.get_by_role("link", name="Therapist checklist")).to_have_attribute("aria-current", "page")


def test_the_bar_never_covers_the_end_of_the_page(page):
    page.set_viewport_size({"width": 360, "height": 640})
    page.add_init_script(DOUBLE_TEXT)
    page.goto("/about")
    last = page.locator("footer a").last
    last.scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    bar_top = page.get_by_role("navigation", name="Main").bounding_box()["y"]
    box = last.bounding_box()
    assert box["y"] + box["height"] <= bar_top, (box, bar_top)


def test_on_a_wide_screen_the_tabs_sit_in_the_header(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/favourites")
    header = page.locator(".site-header").bounding_box()
    for box in tab_boxes(page):
        inside = box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"]
        assert inside, (box, header)
    page.get_by_role("navigation", name="Main").get_by_text("More", exact=True).click()
    expect(page.get_by_role("link", name="Settings and your data")).to_be_in_viewport()


def test_the_player_keeps_its_screen_to_itself(page):
    page.goto("/safety")
    page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
    page.goto("/routines/desk-break/play")
    page.get_by_role("button", name="Start", exact=True).wait_for()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)


def test_the_safety_page_says_why_a_routine_sent_you_and_how_to_go_on(page):
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto("/routines/in-bed/play")
    expect(page).to_have_url(re.compile(r"/safety\?next="))
    note = page.locator("[data-gate-note]")
    expect(note).to_be_in_viewport()
    expect(note).to_contain_text("Before your first routine")
    note.get_by_role("link", name='Go to "I have read this"').click()
    expect(page.get_by_role("link", name="I have read this: continue")).to_be_in_viewport()
    page.get_by_role("link", name="I have read this: continue").click()
    expect(page).to_have_url(re.compile(r"/routines/in-bed/play"))


def test_the_safety_page_read_on_its_own_has_no_gate_note(page):
    page.goto("/safety")
    expect(page.get_by_role("link", name="I have read this")).to_be_visible()
    expect(page.locator("[data-gate-note]")).to_be_hidden()
