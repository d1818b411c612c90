"""The player on a small phone (the exercise gets the screen), its check-ins before and after,
and the overview's Continue / Start again. Desk break on a fake clock, as in test_player.py."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_offline import wait_until_offline_ready
from tests.browser.test_player import PLAY, START, heading, start_and_run, timer
from tests.browser.test_saved import fill_checkin
from tools.browser import SMALL_PHONE

OVERVIEW = "/routines/desk-break"
DOUBLE_TEXT = ("document.addEventListener('DOMContentLoaded', "
               "() => { document.documentElement.style.fontSize = '200%'; })")
# Buttons whose words are wider than the button itself: a label spilling out.
SPILLING = """() => [...document.querySelectorAll("button, .button")]
  .filter((b) => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
  .map((b) => b.textContent.trim())"""


def open_player(page, viewport=None, double_text=False):
    """Desk break's player with the safety page read, on a fake clock."""
    if viewport:
        page.set_viewport_size(viewport)
    if double_text:
        page.add_init_script(DOUBLE_TEXT)
    page.clock.install(time=START)
    page.goto("/safety")
    page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
    page.goto(PLAY)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    return page


def box(locator):
    """The element's box on screen."""
    return locator.bounding_box()


@pytest.mark.parametrize(("scheme", "text"), [("light", "100%"), ("dark", "100%"), ("light", "200%")])
@pytest.mark.parametrize("seconds", [8, 75], ids=["reps", "sided"])
def test_started_exercise_fits_above_the_controls_on_a_small_phone(page, scheme, text, seconds):
    page.emulate_media(color_scheme=scheme)
    open_player(page, SMALL_PHONE, double_text=text == "200%")
    start_and_run(page, seconds)
    # The controls as a row of icons at double text, each named by its word.
    controls = box(page.get_by_role("button", name="Pause", exact=True))
    shown = [("step name", page.locator("#step-name")), ("timer", timer(page)),
             ("picture", page.locator("[data-picture]"))]
    # With text at its usual size, the caution's first line too (the rest, and at double text all of
    # it, a scroll away).
    if text == "100%":
        shown.append(("caution", page.locator(".ease-off")))
    for name, element in shown:
        where = box(element)
        if name == "caution":
            where["height"] = element.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)")
        assert where["y"] >= 0, f"the {name} starts above the screen: {where}"
        assert where["y"] + where["height"] <= controls["y"], (
            f"the {name} is under the controls: {where}, {controls}")
    # The site's header has made room; the title stays, for screen readers, and the way out stays.
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_have_text("Desk break")
    expect(page.get_by_role("link", name="Routine overview")).to_be_visible()


def test_header_and_title_stay_before_start_and_come_back_at_the_finish(page):
    open_player(page, SMALL_PHONE)
    expect(page.locator(".site-header")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    start_and_run(page, 273)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    expect(page.locator(".site-header")).to_be_attached()
    assert page.locator(".site-header").evaluate("el => getComputedStyle(el).display") != "none"


def test_the_caution_wraps_in_full_and_how_to_do_it_is_one_tap_away(page):
    open_player(page, SMALL_PHONE)
    start_and_run(page, 8)
    caution = page.locator(".ease-off")
    line = caution.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)")
    # Never cut short with "...": it wraps onto as many lines as it needs, all of it in view.
    wraps = "el => el.scrollWidth <= el.clientWidth && getComputedStyle(el).whiteSpace"
    assert caution.evaluate(wraps) == "normal"
    assert box(caution)["height"] > line * 1.5, "a caution longer than a line wraps"
    expect(caution).to_contain_text("Make it smaller if")
    expect(caution).to_be_in_viewport(ratio=1)
    instructions = page.locator("[data-stage]").get_by_text(
        re.compile("^Sit upright near the front of a chair"))
    expect(instructions).to_be_hidden()
    how = page.get_by_text("How to do it", exact=True)
    how.click()
    expect(instructions).to_be_visible()
    expect(page.locator("[data-breathing]")).to_be_visible()
    report = violations(page)
    assert report == "", report
    # It stays open for the next step, which the person asked to see.
    page.get_by_role("button", name="Next step", exact=True).click()
    expect(heading(page)).to_have_text("Shoulder rolls")
    expect(page.locator("[data-instructions]")).to_be_visible()


@pytest.mark.parametrize("viewport", [SMALL_PHONE, {"width": 390, "height": 844}], ids=["360", "390"])
@pytest.mark.parametrize("seconds", [None, 8, 273], ids=["ready", "playing", "done"])
def test_no_sideways_scroll_and_no_spilled_labels_at_double_text(page, viewport, seconds):
    open_player(page, viewport, double_text=True)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    if seconds:
        start_and_run(page, seconds)
    if seconds == 273:
        expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "sideways scroll"
    assert page.evaluate(SPILLING) == []
    if seconds == 8:
        # Every control keeps its name, though the step controls may show an icon instead.
        for name in ["Pause", "Previous step", "Next step", "Restart step"]:
            button = box(page.get_by_role("button", name=name, exact=True))
            assert button["height"] >= 48 and button["width"] >= 48, name
            assert button["x"] >= 0 and button["x"] + button["width"] <= viewport["width"], name


def test_before_check_in_is_offered_above_the_stage_and_start_works_without_it(page):
    open_player(page, SMALL_PHONE)
    offer = page.get_by_text("Log your pain before you start (optional)")
    expect(offer).to_be_visible()
    assert box(offer)["y"] < box(page.locator("[data-stage]"))["y"], "offered before the stage"
    start = box(page.get_by_role("button", name="Start", exact=True))
    assert box(offer)["y"] + box(offer)["height"] <= start["y"], "visible above Start"
    page.get_by_role("button", name="Start", exact=True).click()
    expect(offer).to_be_hidden()
    page.clock.run_for(8000)
    expect(page.get_by_text("Now", exact=True)).to_be_visible()


def test_finish_offers_the_check_in_first_then_shows_before_and_after(page):
    open_player(page)
    page.get_by_text("Log your pain before you start (optional)").click()
    fill_checkin(page, 5, 6, "Calf")
    start_and_run(page, 273)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    after = box(page.get_by_role("heading", name="How do you feel now? (optional)"))
    assert after["y"] < box(page.get_by_role("button", name="Do it again"))["y"], "the check-in comes first"
    change = page.locator("[data-checkin-change]")
    expect(change).to_be_hidden()
    fill_checkin(page, 5, 4, "Thigh")
    expect(change).to_contain_text("Back pain 5 \u2192 5")
    expect(change).to_contain_text("Leg pain 6 \u2192 4")
    expect(page.get_by_text("Leg pain was 6, now 4")).to_be_attached()
    report = violations(page)
    assert report == "", report


def test_before_check_in_survives_a_reload_part_way(page):
    open_player(page)
    page.get_by_text("Log your pain before you start (optional)").click()
    fill_checkin(page, 7, 3, "Buttock")
    start_and_run(page, 100)
    page.reload()
    page.get_by_role("button", name="Resume", exact=True).click()
    page.clock.run_for(180_000)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    fill_checkin(page, 6, 3, "Buttock")
    expect(page.locator("[data-checkin-change]")).to_contain_text("Back pain 7 \u2192 6")


def test_no_before_and_after_without_a_before_check_in(page):
    open_player(page)
    start_and_run(page, 273)
    fill_checkin(page, 3, 2, "Not in the leg")
    expect(page.locator("[data-checkin-change]")).to_be_hidden()


def scale_rows(page, group):
    """The distinct rows (tops) of a pain scale's eleven numbers, and their widths."""
    labels = page.get_by_role("group", name=re.compile(f"^{group}")).locator("label")
    boxes = [labels.nth(n).bounding_box() for n in range(11)]
    return sorted({round(b["y"]) for b in boxes}), {round(b["width"]) for b in boxes}


@pytest.mark.parametrize("width, rows", [(1024, 1), (390, 2)])
def test_pain_scale_is_one_row_where_it_fits(page, width, rows):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/history")
    tops, widths = scale_rows(page, "Back pain")
    assert len(tops) == rows, tops
    assert max(widths) - min(widths) <= 1, f"equal cells: {widths}"
    expect(page.get_by_text("0 no pain").first).to_be_visible()
    expect(page.get_by_text("10 worst").first).to_be_visible()
    # Nothing is chosen until the person chooses.
    expect(page.locator("input[name=back_pain]:checked")).to_have_count(0)


def leave_part_way(page, seconds=100):
    """Start desk break and leave it at the seated twist, step 3 of 6."""
    open_player(page)
    start_and_run(page, seconds)
    expect(page.get_by_text("Step 3 of 6", exact=True)).to_be_visible()
    page.goto(OVERVIEW)


def test_overview_offers_start_alone_without_a_saved_place(page):
    page.goto(OVERVIEW)
    expect(page.get_by_role("link", name="Start", exact=True).or_(
        page.get_by_role("link", name="Start desk break", exact=True)).first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Continue from step"))).to_have_count(0)
    expect(page.get_by_role("link", name="Start again")).to_have_count(0)


def test_overview_offers_continue_from_the_step_left(page):
    leave_part_way(page)
    expect(page.get_by_role("link", name=re.compile("^Start( desk break)?$"))).to_have_count(0)
    expect(page.get_by_role("link", name="Start again").first).to_be_visible()
    report = violations(page)
    assert report == "", report
    page.get_by_role("link", name="Continue from step 3").first.click()
    expect(page).to_have_url(re.compile(PLAY + "$"))
    expect(page.get_by_role("button", name="Resume", exact=True)).to_be_visible()
    expect(heading(page)).to_have_text("Seated twist")


def test_start_again_opens_the_player_at_step_one(page):
    leave_part_way(page)
    page.get_by_role("link", name="Start again").first.click()
    expect(page).to_have_url(re.compile(PLAY + "$"))
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    expect(heading(page)).to_have_text("Seated pelvic rock")
    expect(timer(page)).to_have_text("0:05")
    page.goto(OVERVIEW)
    expect(page.get_by_role("link", name=re.compile("^Continue from step"))).to_have_count(0)


def test_start_again_works_offline(page, context):
    page.goto(OVERVIEW)
    wait_until_offline_ready(page)
    leave_part_way(page)
    context.set_offline(True)
    page.reload()
    page.get_by_role("link", name="Start again").first.click()
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    expect(page.get_by_text("Step 1 of 6", exact=True)).to_be_visible()
