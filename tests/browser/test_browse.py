"""A person on a phone: browse, filter, read a routine, meet the safety page once."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations

PAGES = ["/", "/routines", "/routines?goal=massage", "/routines?q=trampoline", "/routines/morning-mobility",
         "/routines/gentle-nerve-glide", "/safety", "/about", "/settings", "/favourites", "/history", "/plan",
         "/no-such-page"]


def test_home_fits_a_phone(page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gentle routines for sciatica")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways ({width}px wide)"
    suggestions = page.locator("[data-day-part]:visible")
    expect(suggestions).to_have_count(1)


def test_home_suggests_for_the_device_clock(page):
    page.clock.set_fixed_time("2026-11-23T07:30:00Z")
    page.goto("/")
    expect(page.locator("[data-day-part]:visible")).to_have_attribute("data-day-part", "morning")
    page.clock.set_fixed_time("2026-11-23T22:30:00Z")
    page.reload()
    expect(page.locator("[data-day-part]:visible")).to_have_attribute("data-day-part", "night")


def test_filter_then_open_a_routine(page):
    page.goto("/routines")
    expect(page.get_by_label("Goal", exact=True)).to_be_hidden()
    page.get_by_text("Goal, position and length").click()
    page.get_by_label("Goal", exact=True).select_option(label="Self-massage")
    page.get_by_role("button", name="Show routines").click()
    expect(page).to_have_url(re.compile(r"goal=massage"))
    expect(page.get_by_role("status")).to_contain_text("match")
    expect(page.get_by_label("Goal", exact=True)).to_have_value("massage")
    page.get_by_role("link", name="Ball self-massage", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ball self-massage")
    expect(page.get_by_role("heading", name="Skip this routine today if")).to_be_visible()
    first_picture = page.get_by_role("listitem").get_by_role("img").first
    expect(first_picture).to_have_attribute("alt", re.compile(r"\w{3,}"))
    first_picture.scroll_into_view_if_needed()  # pictures load lazily
    expect(first_picture).to_have_js_property("complete", True)
    assert first_picture.evaluate("img => img.naturalWidth > 0")


def test_text_search(page):
    page.goto("/routines")
    page.get_by_label("Search").fill("bed")
    page.get_by_label("Search").press("Enter")
    expect(page.get_by_role("link", name="In bed", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Desk break")).to_have_count(0)


def test_every_picture_is_served_as_svg(page):
    page.goto("/routines")
    links = page.locator(".routine-card .card-title a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) >= 12
    for href in hrefs:
        page.goto(href)
        sources = page.locator(".steps img").evaluate_all("imgs => imgs.map(i => i.src)")
        assert sources, f"{href} shows no pictures"
        for source in sources:
            response = page.request.get(source)
            assert response.status == 200, source
            assert response.headers["content-type"].startswith("image/svg+xml"), source


def test_first_play_asks_for_the_safety_page_once(page):
    page.goto("/routines/in-bed")
    page.get_by_role("link", name="Start in bed", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/safety\?next=%2Froutines%2Fin-bed%2Fplay"))
    expect(page.get_by_role("heading", name="Call 999 or go to A&E now")).to_be_visible()
    page.get_by_role("link", name="I have read this: continue").click()
    expect(page).to_have_url(re.compile(r"/routines/in-bed/play$"))
    page.goto("/routines/desk-break/play")
    expect(page).to_have_url(re.compile(r"/routines/desk-break/play$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Desk break")


def test_the_safety_page_brings_a_first_visitor_back_to_the_walk_at_the_plans_length(page):
    page.goto("/routines/guided-walk/play#walk=8")
    expect(page).to_have_url(re.compile(r"/safety\?next=%2Froutines%2Fguided-walk%2Fplay%23walk%3D8$"))
    carry_on = page.get_by_role("link", name="I have read this: continue")
    expect(carry_on).to_have_attribute("data-ready", "true")
    carry_on.click()
    expect(page).to_have_url(re.compile(r"/routines/guided-walk/play#walk=8$"))
    expect(page.get_by_text("Walking for 8 minutes, as your plan suggests")).to_be_visible()


def test_back_from_the_player_after_the_safety_page_goes_to_the_routine_not_round_again(page):
    page.goto("/routines/in-bed")
    page.get_by_role("link", name="Start in bed", exact=True).first.click()
    carry_on = page.get_by_role("link", name="I have read this: continue")
    expect(carry_on).to_have_attribute("data-ready", "true")  # the page's script is listening
    carry_on.click()
    expect(page).to_have_url(re.compile(r"/routines/in-bed/play$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/routines/in-bed$"))


def test_offline_the_safety_page_leads_back_to_the_player_asked_for(page, context):
    """Offline, /safety is the worker's stored copy, made without "next": it must still lead back."""
    page.goto("/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    expect(page.locator("html")).to_have_attribute("data-offline-ready", "true", timeout=30000)
    context.set_offline(True)
    page.goto("/routines/bedtime-wind-down/play")
    expect(page).to_have_url(re.compile(r"/safety\?next=%2Froutines%2Fbedtime-wind-down%2Fplay"))
    page.get_by_role("link", name="I have read this: continue").click()
    expect(page).to_have_url(re.compile(r"/routines/bedtime-wind-down/play$"))
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()


def test_safety_page_does_not_follow_a_backslash_off_the_site(page):
    page.goto("/safety?next=/%5Cevil.example")
    link = page.get_by_role("link", name="I have read this", exact=True)
    expect(link).to_have_attribute("href", "/?safety=read")


def test_safety_page_remembers_it_was_read(page):
    page.goto("/safety")
    expect(page.get_by_text("You have read this page on this device")).to_be_hidden()
    page.get_by_role("link", name="I have read this").click()
    page.goto("/safety")
    expect(page.get_by_text("You have read this page on this device")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", PAGES)
def test_no_accessibility_violations(page, url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    report = violations(page)
    assert report == "", report


def test_play_page_has_no_accessibility_violations(page):
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    page.goto("/routines/in-a-chair/play")
    expect(page.get_by_role("heading", level=1)).to_have_text("In a chair")
    report = violations(page)
    assert report == "", report


def test_text_at_200_percent_still_fits(page):
    page.goto("/routines/morning-mobility")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"at 200% text the page scrolls sideways ({width}px wide)"
