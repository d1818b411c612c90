"""My plan's reminders in the browser: "Add to calendar" downloads a calendar file, "Keep my
calendar in step" shows a subscription's address, and Settings stops it."""
import re

from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_plan import save_part, set_up_through_the_api

SCHEDULE = {"days": ["TU", "SA"], "time": "18:30", "minutes": 10, "zone": "Europe/Paris"}


def set_up_with_days(page):
    set_up_through_the_api(page)
    save_part(page, "schedule", SCHEDULE)


def test_add_to_calendar_downloads_the_reminders(page):
    set_up_with_days(page)
    page.goto("/plan")
    link = page.get_by_role("link", name="Add to calendar", exact=True)
    response = page.request.get(link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/calendar")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "easeback-plan.ics"
    with open(download.path(), "rb") as file:
        [event] = Calendar.from_ical(file.read()).events
    assert event["RRULE"]["BYDAY"] == ["TU", "SA"] and str(event.start.tzinfo) == "Europe/Paris"
    assert (event.start.hour, event.start.minute) == (18, 30)
    assert str(event["URL"]).endswith("/plan")


def test_keep_my_calendar_in_step_shows_an_address_that_works_without_a_cookie(page, browser, base_url):
    set_up_with_days(page)
    page.goto("/plan")
    page.get_by_role("button", name="Keep my calendar in step").click()
    subscribe = page.get_by_role("link", name="Subscribe in my calendar app")
    expect(subscribe).to_have_attribute("href", re.compile(r"^webcal://.+/plan/calendar/[\w-]{43}\.ics$"))
    copy = page.get_by_role("status").get_by_role("link", name=re.compile(r"^http:\S+\.ics$"))
    assert copy.get_attribute("href") == subscribe.get_attribute("href").replace("webcal:", "http:")
    assert violations(page) == ""
    # The long address wraps on a phone rather than pushing the page sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    calendar_app = browser.new_context(base_url=base_url)  # no cookie, like a calendar app
    answer = calendar_app.request.get(copy.get_attribute("href"))
    assert answer.ok and answer.headers["content-type"].startswith("text/calendar")
    assert Calendar.from_ical(answer.body()).events[0]["RRULE"]["BYDAY"] == ["TU", "SA"]
    calendar_app.close()


def test_settings_stops_a_subscription(page, browser, base_url):
    set_up_with_days(page)
    made = page.request.post("/api/v1/plan/calendar-feed")
    assert made.status == 201
    address = made.json()["url"].replace("webcal:", "http:")
    page.goto("/settings")
    card = page.get_by_role("heading", name="Calendar subscription").locator("..")
    expect(card.get_by_role("status")).to_have_text("A calendar is subscribed to your plan's reminders.")
    assert violations(page) == ""
    card.get_by_role("button", name="Stop calendar subscription").click()
    expect(card.get_by_role("status")).to_have_text(
        "Your calendar subscription is stopped: its address no longer works.")
    expect(card.get_by_role("button", name="Stop calendar subscription")).to_be_hidden()
    calendar_app = browser.new_context(base_url=base_url)
    assert calendar_app.request.get(address).status == 404
    calendar_app.close()
    assert page.request.get("/api/v1/plan/calendar-feed").json()["active"] is False


def test_settings_without_a_subscription_says_so(page):
    page.goto("/settings")
    card = page.get_by_role("heading", name="Calendar subscription").locator("..")
    expect(card.get_by_role("status")).to_have_text("No calendar is subscribed to your plan's reminders.")
    expect(card.get_by_role("button", name="Stop calendar subscription")).to_be_hidden()
