"""Lessons and the bad-day path, as a person uses them in Chromium: readable, offline, printable."""
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_offline import wait_until_offline_ready


@pytest.mark.parametrize("path", ["/learn", "/learn/massage", "/learn/how-much-pain-is-ok", "/bad-day",
                                  "/learn/medicines-injections-surgery"])
def test_reading_pages_have_no_accessibility_violations(page, path):
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert violations(page) == ""


def test_a_bad_day_said_on_the_bad_day_page_makes_home_suggest_only_gentle_routines(page):
    page.clock.set_fixed_time("2026-12-02T10:00:00")
    page.goto("/")
    suggestion = page.locator(".suggestion article:visible")
    expect(suggestion).to_have_count(1)
    expect(suggestion).not_to_contain_text("Gentle, for a bad day")
    page.get_by_role("link", name="Having a bad day?").click()
    expect(page.get_by_role("heading", level=1, name="Having a bad day?")).to_be_visible()
    page.get_by_role("button", name="Mark today as a bad day").click()
    expect(page.get_by_role("status").filter(has_text="Today is marked as a bad day")).to_be_in_viewport()
    expect(page.get_by_role("button", name="Undo")).to_be_focused()

    page.goto("/")
    expect(suggestion).to_have_count(1)
    expect(suggestion).to_contain_text("Gentle, for a bad day")
    expect(suggestion.get_by_role("link", name="Start flare-up calm-down")).to_be_visible()
    for harder in ("Gentle strength", "Gentle nerve glide"):
        expect(suggestion).not_to_contain_text(harder)

    # The next day is a new day: the time-of-day suggestion is back.
    page.clock.set_fixed_time("2026-12-03T10:00:00")
    page.reload()
    expect(suggestion).to_have_count(1)
    expect(suggestion).not_to_contain_text("Gentle, for a bad day")


def test_saying_it_is_not_a_bad_day_after_all_brings_the_usual_suggestion_back(page):
    page.goto("/bad-day")
    page.get_by_role("button", name="Mark today as a bad day").click()
    page.get_by_role("button", name="Undo").click()
    undone = page.get_by_role("status").filter(has_text="Back to the usual suggestions for today.")
    expect(undone).to_be_visible()
    expect(page.get_by_role("button", name="Mark today as a bad day")).to_be_focused()
    page.goto("/")
    expect(page.locator(".suggestion article:visible")).not_to_contain_text("Gentle, for a bad day")


def test_lessons_and_the_bad_day_page_work_offline(page, context):
    page.goto("/")
    wait_until_offline_ready(page)
    context.set_offline(True)
    try:
        page.goto("/bad-day")
        expect(page.get_by_role("heading", name="First, find a position of ease")).to_be_visible()
        page.get_by_role("button", name="Mark today as a bad day").click()
        page.goto("/learn")
        page.get_by_role("link", name="Massage for sciatica").click()
        expect(page.get_by_role("heading", name="The five techniques")).to_be_visible()
        expect(page.get_by_role("heading", name="Sources")).to_be_visible()
        page.goto("/")
        expect(page.locator(".suggestion article:visible")).to_contain_text("Gentle, for a bad day")
    finally:
        context.set_offline(False)


def test_a_printed_lesson_is_the_lesson_and_its_sources_without_the_site_around_it(page, tmp_path):
    page.goto("/learn/what-sciatica-is")
    page.emulate_media(media="print")
    path = tmp_path / "lesson.pdf"
    page.pdf(path=str(path), format="A4")
    text = subprocess.run(["/usr/bin/pdftotext", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "What sciatica is, and how long it lasts" in text
    assert "4 to 6 weeks" in text
    assert "Sources" in text and "NHS: Sciatica" in text
    # A link cannot be followed on paper, so each source's address is printed after its title.
    assert "(https://www.nhs.uk/conditions/sciatica/)" in text
    for screen_only in ("Skip to content", "All lessons", "Next:", "Settings, and your data"):
        assert screen_only not in text, screen_only
