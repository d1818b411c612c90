"""My plan as a tired person uses it on a 360x640 phone: boxes as easy to tap as the buttons beside
them, the answer the plan needs first when a routine ends, and what a review changed said at the top."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_plan import NUMBNESS, WEAKNESS, answer_no_to_the_rest, group, set_up_through_the_api

TYPED = "input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea"


@pytest.mark.parametrize("screen", ["symptoms", "activities", "schedule"])
def test_every_box_on_the_set_up_is_as_easy_to_tap_as_a_button(small_phone, screen):
    small_phone.goto(f"/plan/setup/{screen}")
    boxes = small_phone.locator(TYPED)
    assert boxes.count() > 0
    for index in range(boxes.count()):
        box = boxes.nth(index)
        height = box.bounding_box()["height"]
        assert height >= 44, f"{box.get_attribute('id')} is {height:.0f} px tall"
    # And every one looks like the others: the same border and corners as the walking minutes' box.
    looks = {box.evaluate("(b) => { const s = getComputedStyle(b); return s.borderTopWidth + ' ' + "
                          "s.borderTopLeftRadius + ' ' + s.fontSize; }") for box in boxes.all()}
    assert len(looks) == 1, looks


def test_after_a_routine_from_the_plan_its_answer_comes_first(small_phone):
    page = small_phone
    set_up_through_the_api(page)
    page.clock.install(time="2026-11-23T08:00:00Z")
    page.goto("/plan")
    first = page.locator("[data-plan-today] .routine-card").first
    start = first.get_by_role("link", name=re.compile(r"^Start "))
    expect(start).to_have_attribute("href", re.compile(r"/play#from=plan$"))
    start.click()
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(25 * 60_000)  # longer than any routine
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    feedback = group(page, "How did this routine leave you?")
    helped = feedback.get_by_role("button", name="Helped")
    expect(helped).to_be_in_viewport()  # without scrolling, above the optional check-in
    helped.click()
    expect(page.get_by_text("Thank you. Your plan will take this into account.")).to_be_visible()
    expect(helped).to_have_attribute("aria-pressed", "true")
    expect(feedback.get_by_role("button", name="Worse")).not_to_have_attribute("aria-pressed", "true")
    back = page.get_by_role("link", name="Back to my plan")
    expect(back).to_be_in_viewport()
    assert violations(page) == ""
    back.click()
    expect(page.get_by_role("heading", name="My plan", level=1)).to_be_visible()


def test_a_routine_started_elsewhere_does_not_offer_the_way_back_to_the_plan(small_phone):
    page = small_phone
    page.clock.install(time="2026-11-23T08:00:00Z")
    page.goto("/routines/desk-break/play")
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(25 * 60_000)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    group(page, "How did this routine leave you?").get_by_role("button", name="Helped").click()
    expect(page.get_by_text("Thank you. If you follow a plan, it takes this into account.")).to_be_visible()
    expect(page.get_by_role("link", name="Back to my plan")).to_be_hidden()


def test_after_a_review_what_changed_is_said_above_the_first_routine(small_phone):
    page = small_phone
    set_up_through_the_api(page)
    page.goto("/plan/review")
    # Each scale shows the answer this one is compared with: the set-up's, before any review.
    expect(group(page, "Walk to the shops: how well can you do it now?")).to_contain_text("Last time: 3")
    expect(group(page, "Leg pain this week")).to_contain_text("Last time: 6")
    for legend, score in (("Walk to the shops: how well can you do it now?", "1"),
                          ("Sit through a film: how well can you do it now?", "0"),
                          ("Leg pain this week", "6")):
        group(page, legend).locator("label", has_text=score).first.click()
    group(page, NUMBNESS).get_by_label("The same").check()
    group(page, WEAKNESS).get_by_label("I have none").check()
    answer_no_to_the_rest(page)
    page.get_by_role("button", name="Save this week's review").click()
    change = page.get_by_text("This week's review: Staying at “Starting gently”: last week was harder")
    expect(change).to_be_in_viewport()
    card = page.locator("[data-plan-today] .card").first
    assert change.bounding_box()["y"] + change.bounding_box()["height"] <= card.bounding_box()["y"]
    # The reading below says which comparison it makes, from the same numbers.
    reading = page.get_by_text("Since you started, your everyday activities are harder (2.5 → 0.5")
    expect(reading).to_be_visible()
    assert violations(page) == ""


def test_home_offers_a_plan_to_someone_without_one_and_todays_plan_once_there_is_one(small_phone):
    page = small_phone
    page.goto("/")
    card = page.locator("[data-plan-card]")
    make = card.get_by_role("link", name="Make a plan")
    expect(make).to_be_visible()
    expect(card.get_by_role("link", name="Open my plan")).to_be_hidden()
    make.click()
    expect(page.get_by_role("heading", name="Where and when it hurts")).to_be_visible()
    set_up_through_the_api(page)
    page.goto("/plan")  # where this device learns it has a plan
    page.goto("/")
    expect(card.get_by_role("heading", name="My plan today")).to_be_visible()
    expect(card).to_contain_text("walk 8 minutes")
    expect(card.get_by_role("link", name="Open my plan")).to_be_visible()
    expect(make).to_be_hidden()
