"""What syncing costs: a favourite tap sends one request, not a pull of both lists besides; the
lists are pulled when news may have come (the page loads or is shown again, or a save lost), and
a pull of nothing new is answered 304."""
import re
import time
import uuid
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.browser.test_linking import link_another_device

CHECKLIST = re.compile(r"/api/v1/checklist$")


def api_calls(page):
    """A list that fills with the (method, path, status) of each API answer the page gets."""
    calls = []
    page.on("response", lambda response: calls.append(
        (response.request.method, urlsplit(response.url).path, response.status))
        if "/api/" in response.url else None)
    return calls


def settled(page):
    """Wait until nothing is waiting to be sent (set once a flush, and any pull, has finished)."""
    expect(page.locator("html")).to_have_attribute("data-pending", "0")


def load(page, path):
    """Open path and wait for the pull a page's start makes (favourites, own routines, then the checklist)."""
    with page.expect_response(CHECKLIST):
        page.goto(path)
    settled(page)


def test_a_favourite_tap_costs_one_request(page):
    load(page, "/routines/desk-break")
    calls = api_calls(page)
    button = page.get_by_role("button", name="Favourite Desk break")
    for _method, pressed in (("PUT", "true"), ("DELETE", "false"), ("PUT", "true")):
        with page.expect_response(re.compile(r"/api/v1/favourites/desk-break$")):
            button.click()
        expect(button).to_have_attribute("aria-pressed", pressed)
        settled(page)
    assert calls == [(method, "/api/v1/favourites/desk-break", 200) for method in ("PUT", "DELETE", "PUT")]


def test_a_pull_of_nothing_new_is_answered_304(page):
    load(page, "/routines/desk-break")
    page.get_by_role("button", name="Favourite Desk break").click()
    settled(page)
    load(page, "/favourites")  # the tap changed this device's copy: a full answer, whose ETag is kept
    calls = api_calls(page)
    load(page, "/favourites")
    assert calls == [("GET", "/api/v1/favourites", 304), ("GET", "/api/v1/own-routines", 304),
                     ("GET", "/api/v1/checklist", 304)]
    expect(page.get_by_role("heading", name="Desk break")).to_be_visible()


def test_a_tap_that_lost_pulls_the_change_that_won(page):
    load(page, "/routines/desk-break")
    page.get_by_role("button", name="Favourite Desk break").click()
    settled(page)
    # Another device's change, made an hour later by its clock, is on the server already.
    later = {"change_id": str(uuid.uuid4()), "changed_at": int(time.time() * 1000) + 3_600_000}
    assert page.request.delete("/api/v1/favourites/in-bed", data=later).ok
    assert page.request.put("/api/v1/favourites/desk-break", data=later).ok
    load(page, "/routines/in-bed")
    calls = api_calls(page)
    button = page.get_by_role("button", name="Favourite In bed")
    button.click()
    settled(page)
    expect(button).to_have_attribute("aria-pressed", "false")  # the later change won, here too
    assert calls == [("PUT", "/api/v1/favourites/in-bed", 200), ("GET", "/api/v1/favourites", 200),
                     ("GET", "/api/v1/own-routines", 200), ("GET", "/api/v1/checklist", 200)]


def test_a_change_on_another_device_arrives_when_shown_again_and_on_reload(page, browser, base_url):
    load(page, "/routines/in-bed")
    page.get_by_role("button", name="Favourite In bed").click()
    settled(page)
    other = link_another_device(page, browser, base_url)
    load(page, "/favourites")
    cards = page.locator("[data-favourites-list]").get_by_role("heading")
    expect(cards).to_have_text(["In bed"])

    load(other, "/routines/desk-break")
    other.get_by_role("button", name="Favourite Desk break").click()
    settled(other)
    # The tab is shown again (a phone's app brought back): what the other device saved arrives.
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(cards).to_have_text(["Desk break", "In bed"])

    other.get_by_role("button", name="Favourite Desk break").click()
    settled(other)
    load(page, "/favourites")
    expect(cards).to_have_text(["In bed"])
    other.context.close()
