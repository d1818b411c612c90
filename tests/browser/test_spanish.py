"""Easeback in Spanish, as a Spanish-speaking person's browser meets it: found by itself, chosen in
Settings, kept offline, given back to the browser by "Delete everything", accessible and never
scrolling sideways on a small phone at twice the text size."""
import re
from datetime import UTC, datetime

import pytest
from babel.support import Translations
from playwright.sync_api import expect

from app import paths
from tests.browser.axe import violations
from tests.browser.test_offline import wait_until_offline_ready
from tests.browser.test_reflow import DOUBLE_TEXT, WIDEST
from tools.browser import PHONE
from tools.screenshots import PAGES, SEND, saves

SPANISH = Translations.load(str(paths.TRANSLATIONS_DIR), ["es"])
es = SPANISH.gettext
# Every page, at its Spanish address.
SPANISH_PAGES = ["/es" + path for path in PAGES]


@pytest.fixture
def spanish_browser(browser, base_url):
    """A phone whose browser asks for Mexican Spanish first."""
    context = browser.new_context(base_url=base_url, viewport=PHONE, locale="es-MX",
                                  service_workers="allow", timezone_id="UTC")
    yield context.new_page()
    context.close()


def test_a_spanish_browser_opens_easeback_in_spanish(spanish_browser):
    page = spanish_browser
    page.goto("/")
    assert page.url.endswith("/es/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    nav = page.get_by_role("navigation", name=es("Main"))
    expect(nav.get_by_role("link", name=es("Routines"))).to_have_attribute("href", "/es/routines")
    page.get_by_role("link", name=es("Routines")).first.click()
    expect(page).to_have_url(re.compile(r"/es/routines$"))
    expect(page.get_by_role("heading", level=1)).not_to_have_text(re.compile("Routines"))


def test_the_choice_in_settings_holds_on_every_page_offline_too_until_delete_everything(page, context):
    page.goto("/settings")
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change language").click()
    expect(page).to_have_url(re.compile(r"/es/settings$"))
    expect(page.get_by_label(es("Language"))).to_have_value("es")
    # The Spanish worker takes over and keeps the Spanish pages.
    page.wait_for_function("() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js?lang=es')",
                           timeout=30000)
    wait_until_offline_ready(page)
    expect(page.locator("[data-update-prompt]")).to_be_hidden()  # a language is not an update
    # An English address, typed or bookmarked, is in the chosen language.
    page.goto("/routines/morning-mobility")
    expect(page).to_have_url(re.compile(r"/es/routines/morning-mobility$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Movilidad por la mañana")
    context.set_offline(True)
    for path, heading in (("/es/learn/massage", "Masaje para la ciática"), ("/", None), ("/safety", None)):
        response = page.goto(path)
        assert response.from_service_worker, path
        expect(page.locator("html")).to_have_attribute("lang", "es")
        if heading:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("status").filter(has_text=es(
        "You are offline. Every routine still works; saved changes will sync later."))).to_be_visible()
    context.set_offline(False)
    page.goto("/es/settings")
    page.get_by_role("button", name=es("Delete everything")).click()
    page.get_by_role("button", name=es("Yes, delete everything")).click()
    expect(page.get_by_text(es("Everything is deleted, here and on our server."))).to_be_visible()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")


def test_a_translated_lesson_says_so_with_the_english_one_tap_away(page):
    page.goto("/es/learn/massage")
    note = page.get_by_text(re.compile("traducido", re.IGNORECASE)).first
    expect(note).to_be_visible()
    page.locator("a[hreflang], a[lang^='en']").first.click()
    expect(page).to_have_url(re.compile(r"/en/learn/massage$"))
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    expect(page.get_by_role("heading", level=1)).to_have_text("Massage for sciatica")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", SPANISH_PAGES)
def test_no_accessibility_violations_in_spanish(page, url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(url, wait_until="networkidle")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    report = violations(page)
    assert not report, report


@pytest.mark.parametrize("url", SPANISH_PAGES)
def test_spanish_never_scrolls_sideways_on_a_small_phone_at_200_percent(small_phone, url):
    small_phone.add_init_script(DOUBLE_TEXT)
    small_phone.goto(url)
    small_phone.wait_for_load_state("load")
    measured = small_phone.evaluate(WIDEST)
    assert measured["scroll"] <= measured["width"], measured


@pytest.mark.parametrize("url", ["/es/history", "/es/plan", "/es/plan/summary", "/es/favourites"])
def test_spanish_pages_full_of_someones_weeks_never_scroll_sideways_at_200_percent(small_phone, url):
    """Three weeks of saves and a plan, as `make screenshots` makes them: longer Spanish week
    labels and table headings must wrap, not widen the page."""
    small_phone.evaluate("localStorage.setItem('easeback:has-plan', 'true')")
    small_phone.evaluate(SEND, saves(datetime.now(UTC)))
    small_phone.add_init_script(DOUBLE_TEXT)
    small_phone.goto(url, wait_until="networkidle")
    measured = small_phone.evaluate(WIDEST)
    assert measured["scroll"] <= measured["width"], measured
