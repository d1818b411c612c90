"""Home on a phone: a suggestion that never needs the floor, one light question under it that
changes it, favourites one tap from play."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations

# How the card's meta line names the positions that need getting down (app/content/models.py POSITIONS).
FLOOR_WORDS = re.compile(r"Lying down|On hands and knees")
ANSWERS = ["A flare-up", "I feel stiff", "A break from my desk", "I can\u2019t get down to the floor"]


def suggestion(page):
    """The one suggestion card a person can see."""
    return page.locator(".suggestion article:visible")


def read_the_safety_page(page):
    """Acknowledge the safety page once, as the player asks before a first play."""
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()


@pytest.mark.parametrize("hour", ["07:30", "13:00", "19:00", "23:30"])
def test_a_first_visit_suggests_no_floor_work_at_any_time_of_day(page, hour):
    page.clock.set_fixed_time(f"2026-11-23T{hour}:00Z")
    page.goto("/")
    expect(page.get_by_role("heading", name="What do you need right now?")).to_be_visible()
    expect(suggestion(page)).to_have_count(1)
    expect(suggestion(page)).to_contain_text("Suggested for")
    expect(suggestion(page).locator(".meta")).not_to_have_text(FLOOR_WORDS)


def test_an_answer_changes_the_suggestion_and_is_remembered(page):
    page.clock.set_fixed_time("2026-11-23T07:30:00Z")
    page.goto("/")
    before = suggestion(page).get_by_role("heading").text_content()
    page.get_by_role("button", name="A break from my desk").click()
    expect(suggestion(page)).to_contain_text("A break from your desk")
    expect(suggestion(page).get_by_role("heading")).not_to_have_text(before)
    expect(suggestion(page).locator(".meta")).to_contain_text("Sitting")
    expect(page.get_by_role("status").filter(has_text="You chose: A break from my desk")).to_be_visible()
    expect(page.get_by_role("button", name="A break from my desk")).to_be_focused()

    page.reload()
    expect(suggestion(page)).to_contain_text("A break from your desk")
    expect(page.get_by_role("button", name="A break from my desk")).to_have_attribute("aria-pressed", "true")
    # Every choice stays in view, so the question is the same size answered or not.
    expect(page.get_by_role("button", name="I feel stiff")).to_have_attribute("aria-pressed", "false")


def test_the_answer_can_be_changed_or_cleared(page):
    page.clock.set_fixed_time("2026-11-23T07:30:00Z")
    page.goto("/")
    page.get_by_role("button", name="A flare-up").click()
    expect(suggestion(page)).to_contain_text("Gentle, for a flare-up")
    expect(suggestion(page).get_by_role("link", name="The bad-day plan")).to_be_visible()
    expect(page.get_by_role("button", name="A flare-up")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="I can\u2019t get down to the floor").click()
    expect(suggestion(page)).to_contain_text("Without getting down to the floor")
    expect(suggestion(page).locator(".meta")).not_to_have_text(FLOOR_WORDS)
    expect(page.get_by_role("button", name="A flare-up")).to_have_attribute("aria-pressed", "false")

    page.get_by_role("button", name="I can\u2019t get down to the floor").click()
    expect(suggestion(page)).to_contain_text("Suggested for this morning")
    said = page.get_by_role("status").filter(has_text="Your answer changes the suggestion above.")
    expect(said).to_be_visible()
    page.reload()
    expect(suggestion(page)).to_contain_text("Suggested for this morning")
    expect(page.get_by_role("button", name="A flare-up")).to_have_attribute("aria-pressed", "false")


def test_on_a_bad_day_the_gentle_card_stands_whatever_the_answer(page):
    page.clock.set_fixed_time("2026-11-23T10:00:00Z")
    page.goto("/")
    page.get_by_role("button", name="A break from my desk").click()
    page.evaluate("localStorage.setItem('easeback:bad-day', JSON.stringify('2026-11-23'))")
    page.reload()
    expect(suggestion(page)).to_contain_text("Gentle, for a bad day")
    said = page.get_by_role("status").filter(has_text="A bad day: the gentle card stays today.")
    expect(said).to_be_visible()
    page.get_by_role("button", name="I feel stiff").click()
    expect(suggestion(page)).to_contain_text("Gentle, for a bad day")
    # The next day the answer is back.
    page.clock.set_fixed_time("2026-11-24T10:00:00Z")
    page.reload()
    expect(suggestion(page)).to_contain_text("To ease stiffness")


@pytest.mark.parametrize("answer", ANSWERS)
def test_no_answer_suggests_floor_work(page, answer):
    page.goto("/")
    page.get_by_role("button", name=answer).click()
    expect(suggestion(page)).to_have_count(1)
    expect(suggestion(page)).not_to_contain_text("Suggested for")
    expect(suggestion(page).locator(".meta")).not_to_have_text(FLOOR_WORDS)


@pytest.mark.parametrize("place", ["/favourites", "/"])
def test_a_favourite_card_starts_its_routine_in_one_tap(page, place):
    read_the_safety_page(page)
    page.goto("/routines/in-bed")
    page.get_by_role("button", name="Favourite In bed").click()
    page.goto(place)
    favourites = page.locator("[data-favourites-list]")
    favourites.get_by_role("link", name="Start In bed").click()
    expect(page).to_have_url(re.compile(r"/routines/in-bed/play$"))
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()


def test_the_rest_of_a_card_still_opens_the_overview(page):
    page.goto("/")
    card = page.locator("[aria-labelledby=all-heading] article.routine-card:has(a[href='/routines/in-bed'])")
    # A tap on the summary lands on the title link stretched over the card.
    summary = card.locator("p").first
    summary.scroll_into_view_if_needed()
    box = summary.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"/routines/in-bed$"))


def favourite_and_answer(page):
    """A home page with a favourite drawn and an answer chosen."""
    page.goto("/routines/desk-break")
    page.get_by_role("button", name="Favourite Desk break").click()
    page.goto("/")
    page.get_by_role("button", name="I feel stiff").click()
    expect(page.locator("[data-favourites-list] article")).to_have_count(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_and_favourites_have_no_accessibility_violations_when_in_use(page, scheme):
    page.emulate_media(color_scheme=scheme)
    favourite_and_answer(page)
    assert violations(page) == ""
    page.goto("/favourites")
    expect(page.locator("[data-favourites-list] article")).to_have_count(1)
    assert violations(page) == ""


@pytest.mark.parametrize("text_size", ["100%", "200%"])
@pytest.mark.parametrize("width", [360, 390])
def test_home_and_favourites_never_scroll_sideways(page, width, text_size):
    page.set_viewport_size({"width": width, "height": 640})
    # The root element is there to size once the page is parsed.
    page.add_init_script("document.addEventListener('DOMContentLoaded', () => "
                         f"{{ document.documentElement.style.fontSize = '{text_size}'; }})")
    favourite_and_answer(page)
    for place in ("/", "/favourites"):
        page.goto(place)
        expect(page.locator("[data-favourites-list] article")).to_have_count(1)
        width_used = page.evaluate("document.documentElement.scrollWidth")
        assert width_used <= width, f"{place} scrolls sideways at {text_size} text ({width_used}px wide)"


def test_answer_buttons_are_big_enough_to_tap(page):
    page.goto("/")
    for answer in ANSWERS:
        box = page.get_by_role("button", name=answer).bounding_box()
        assert box["height"] >= 48 and box["width"] >= 48, answer
    page.goto("/routines")
    box = page.get_by_role("link", name="Start In bed").bounding_box()
    assert box["height"] >= 48 and box["width"] >= 48
