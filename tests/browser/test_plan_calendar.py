"""My plan's reminders in the browser, on a 360x640 phone: one main button, "Remind me in my
calendar", shows a subscription's address once with a Copy button; the file is a quieter link that
says what to do with the download; a warning says not to use both; Settings stops the subscription.
Screenshots go to /tmp/shots/remind/ (light, dark, and 200% text) to be looked at."""
import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_plan import save_part, set_up_through_the_api
from tests.browser.test_player_screen import DOUBLE_TEXT
from tools.browser import SMALL_PHONE

SCHEDULE = {"days": ["TU", "SA"], "time": "18:30", "minutes": 10, "zone": "Europe/Paris"}
SHOTS = Path("/tmp/shots/remind")
MAIN = "Remind me in my calendar"
FILE = "Add to calendar"
WARNING = "Use one or the other: both together give two reminders a day."
ADDRESS = re.compile(r"^http://.+/plan/calendar/[\w-]{43}\.ics$")
NO_CLIPBOARD = "Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });"


@pytest.fixture
def phone(browser, base_url):
    """A 360x640 phone allowed to use the clipboard, whose test can read the clipboard back."""
    context = browser.new_context(base_url=base_url, viewport=SMALL_PHONE, service_workers="block",
                                  permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def open_reminders(page):
    """/plan for a person with a plan and chosen days: its reminders section."""
    set_up_through_the_api(page)
    save_part(page, "schedule", SCHEDULE)
    page.goto("/plan")
    return page.get_by_role("region", name="Reminders in your calendar")


def shot(page, section, name):
    """A picture of the section at the phone's width, to look at (without the tab bar, which would
    sit over part of it)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".tab-bar").evaluate("(bar) => { bar.style.visibility = 'hidden'; }")
    section.screenshot(path=SHOTS / f"{name}.png")


def fits_the_width(page):
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def box(locator):
    return locator.bounding_box()


@pytest.mark.parametrize(("scheme", "text"), [("light", "100%"), ("dark", "100%"), ("light", "200%")])
def test_one_main_button_a_quieter_file_and_the_warning_between(phone, scheme, text):
    phone.emulate_media(color_scheme=scheme)
    if text == "200%":
        phone.add_init_script(DOUBLE_TEXT)
    section = open_reminders(phone)
    # Before the address is made, the section's one button is the main way.
    expect(section.get_by_role("button")).to_have_count(1)
    main = section.get_by_role("button", name=MAIN)
    file = section.get_by_role("link", name=FILE)
    warning = section.get_by_text(WARNING)
    for shown in (main, file, warning):
        expect(shown).to_be_visible()
    # The main button is filled and across the screen; the file is a link with no fill, underlined.
    looks = """(el) => { const style = getComputedStyle(el);
      return [style.backgroundColor, style.textDecorationLine]; }"""
    main_fill, _ = main.evaluate(looks)
    file_fill, file_line = file.evaluate(looks)
    assert main_fill != "rgba(0, 0, 0, 0)" and file_fill == "rgba(0, 0, 0, 0)" and file_line == "underline"
    assert box(main)["width"] >= box(section)["width"] - 1
    for target in (main, file):
        assert box(target)["height"] >= 44, target
    # The warning sits between the two choices, so it is read before the second.
    assert box(main)["y"] + box(main)["height"] <= box(warning)["y"] < box(file)["y"]
    assert fits_the_width(phone)
    assert violations(phone) == ""
    shot(phone, section, f"plan-{scheme}-{text.rstrip('%')}")


def test_remind_me_shows_the_address_once_and_copy_puts_it_on_the_clipboard(phone, browser, base_url):
    section = open_reminders(phone)
    address = section.get_by_role("textbox", name="Your calendar address")
    expect(address).to_be_hidden()
    section.get_by_role("button", name=MAIN).click()
    expect(address).to_have_value(ADDRESS)
    expect(section.get_by_role("status").first).to_have_text("Your calendar address is ready below.")
    expect(section.get_by_text("Copy this address, then paste it into your calendar where it says "
                               "\"Subscribe\" or \"Add calendar from URL\".")).to_be_visible()
    expect(section.get_by_text("It is shown only this once.")).to_be_visible()
    opener = section.get_by_role("link", name="open it in your calendar app")
    assert opener.get_attribute("href") == address.input_value().replace("http:", "webcal:")

    copy = section.get_by_role("button", name="Copy", exact=True)
    assert box(copy)["height"] >= 44
    copy.click()
    expect(section.get_by_role("status").filter(has_text="Copied")).to_have_text("Copied")
    assert phone.evaluate("navigator.clipboard.readText()") == address.input_value()
    expect(section.get_by_text(WARNING)).to_be_visible()
    assert fits_the_width(phone)
    assert violations(phone) == ""
    shot(phone, section, "address-copied")

    calendar_app = browser.new_context(base_url=base_url)  # no cookie, like a calendar app
    answer = calendar_app.request.get(address.input_value())
    assert answer.ok and answer.headers["content-type"].startswith("text/calendar")
    assert Calendar.from_ical(answer.body()).events[0]["RRULE"]["BYDAY"] == ["TU", "SA"]
    calendar_app.close()


def test_without_a_clipboard_copy_selects_the_address(phone):
    phone.add_init_script(NO_CLIPBOARD)
    section = open_reminders(phone)
    section.get_by_role("button", name=MAIN).click()
    address = section.get_by_role("textbox", name="Your calendar address")
    expect(address).to_have_value(ADDRESS)
    section.get_by_role("button", name="Copy", exact=True).click()
    expect(section.get_by_role("status").filter(has_text="would not copy")).to_have_text(
        "This browser would not copy it: the address is selected, so copy it from the box.")
    expect(address).to_be_focused()
    selected = address.evaluate("(box) => box.value.slice(box.selectionStart, box.selectionEnd)")
    assert selected == address.input_value()


@pytest.mark.parametrize(("trouble", "words"), [
    ("offline", "This needs a connection. Connect to the internet and try again."),
    ("no reason given", "That did not work. Try again in a moment."),
    ("a reason given", "This server does not know its public address."),
])
def test_a_subscription_that_cannot_be_made_says_why(phone, trouble, words):
    section = open_reminders(phone)
    expect(section.get_by_role("status").first).to_have_text("")  # the look-up on load is done
    if trouble == "offline":
        phone.context.set_offline(True)
    else:
        body = "" if trouble == "no reason given" else json.dumps({"error": "unavailable", "detail": words})
        phone.route("**/api/v1/plan/calendar-feed", lambda route: route.fulfill(
            status=503, body=body, content_type="application/json"))
    section.get_by_role("button", name=MAIN).click()
    expect(section.get_by_role("status").first).to_have_text(words)
    expect(section.get_by_role("textbox", name="Your calendar address")).to_be_hidden()


def test_a_second_visit_says_the_calendar_already_has_the_reminders(phone):
    set_up_through_the_api(phone)
    save_part(phone, "schedule", SCHEDULE)
    assert phone.request.post("/api/v1/plan/calendar-feed").status == 201
    phone.goto("/plan")
    section = phone.get_by_role("region", name="Reminders in your calendar")
    expect(section.get_by_role("status").first).to_have_text(
        "Your calendar already has these reminders. Tap the button again only if you lost the address: "
        "a new address stops the old one.")


def test_the_file_downloads_and_then_says_what_to_do_with_it(phone):
    section = open_reminders(phone)
    after = "Open the downloaded file, easeback-plan.ics, to add the reminders to your calendar."
    expect(section.get_by_text(after)).to_have_count(0)
    link = section.get_by_role("link", name=FILE)
    response = phone.request.get(link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/calendar")
    with phone.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "easeback-plan.ics"
    with open(download.path(), "rb") as file:
        [event] = Calendar.from_ical(file.read()).events
    assert event["RRULE"]["BYDAY"] == ["TU", "SA"] and str(event.start.tzinfo) == "Europe/Paris"
    assert (event.start.hour, event.start.minute) == (18, 30)
    assert str(event["URL"]).endswith("/plan")
    status = section.get_by_role("status").filter(has_text=after)
    expect(status).to_be_in_viewport()
    assert violations(phone) == ""
    shot(phone, section, "file-downloaded")


def settings_card(page):
    return page.get_by_role("heading", name="Reminders in your calendar").locator("..")


def test_settings_stops_a_subscription(phone, browser, base_url):
    set_up_through_the_api(phone)
    save_part(phone, "schedule", SCHEDULE)
    made = phone.request.post("/api/v1/plan/calendar-feed")
    assert made.status == 201
    address = made.json()["url"].replace("webcal:", "http:")
    phone.goto("/settings")
    card = settings_card(phone)
    expect(card.get_by_role("status")).to_have_text(
        "Your calendar gets your plan's reminders from \"Remind me in my calendar\".")
    assert violations(phone) == ""
    card.get_by_role("button", name="Stop the reminders in my calendar").click()
    expect(card.get_by_role("status")).to_have_text(
        "Stopped: your calendar gets no new reminders. To clear the ones it still shows, "
        "remove \"Easeback: my plan\" from its list of calendars.")
    expect(card.get_by_role("button", name="Stop the reminders in my calendar")).to_be_hidden()
    shot(phone, card, "settings-stopped")
    calendar_app = browser.new_context(base_url=base_url)
    assert calendar_app.request.get(address).status == 404
    calendar_app.close()
    assert phone.request.get("/api/v1/plan/calendar-feed").json()["active"] is False


def test_settings_without_a_subscription_says_so(phone):
    phone.goto("/settings")
    card = settings_card(phone)
    expect(card.get_by_role("status")).to_have_text(
        "No calendar gets reminders from \"Remind me in my calendar\". You can set it up on My plan.")
    expect(card.get_by_role("button", name="Stop the reminders in my calendar")).to_be_hidden()
