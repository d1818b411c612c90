"""Linked devices on /settings: listed with when each was linked and last used, and removable."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations

CODE = re.compile(r"^[2-9A-Z]{5}-[2-9A-Z]{5}$")


def favourite_in_bed(page):
    """Save something from page, so its device has a profile."""
    page.goto("/routines/in-bed")
    page.get_by_role("button", name="Favourite In bed").click()
    expect(page.locator("html")).to_have_attribute("data-pending", "0")


def link_another_device(page, browser, base_url):
    """Show a code on page and type it on a new device; return the new device's page, on /settings."""
    page.goto("/settings")
    page.get_by_role("button", name="Show a code").click()
    shown = page.get_by_role("status").filter(has_text=CODE)
    expect(shown).to_be_visible()
    other = browser.new_context(base_url=base_url).new_page()
    other.goto("/settings")
    other.get_by_label("Code from your other device").fill(shown.inner_text())
    other.get_by_role("button", name="Link this device").click()
    expect(other.get_by_text("This device is linked.", exact=False)).to_be_visible()
    return other


def device_rows(page):
    """The rows of the linked devices list."""
    return page.get_by_role("region", name="Linked devices").get_by_role("listitem")


@pytest.fixture
def linked(page, browser, base_url):
    """This page's device and another one, linked; yields the other device's page."""
    favourite_in_bed(page)
    other = link_another_device(page, browser, base_url)
    yield other
    other.context.close()


def test_the_list_shows_each_device_and_marks_this_one(page, linked):
    rows = device_rows(linked)
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="This device")).to_contain_text("Linked today, last used today.")
    expect(rows.filter(has_text="Another device")).to_contain_text("Linked today, last used today.")
    page.reload()
    expect(device_rows(page).first).to_contain_text("This device")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        report = violations(page)
        assert report == "", report


def test_removing_the_other_device_unlinks_it(page, linked):
    page.reload()
    other_row = device_rows(page).filter(has_text="Another device")
    other_row.get_by_role("button", name="Remove", exact=True).click()
    expect(page.get_by_text("That device is unlinked.", exact=False)).to_be_visible()
    expect(device_rows(page)).to_have_count(1)
    expect(device_rows(page).get_by_role("button")).to_have_count(0)  # the only device stays
    assert linked.request.get("/api/v1/favourites").json()["favourites"] == []


def test_removing_this_device_forgets_its_cookie(page, linked):
    linked.get_by_role("button", name="Remove this device").click()
    expect(linked.get_by_text("This device is unlinked.", exact=False)).to_be_visible()
    expect(device_rows(linked)).to_have_count(0)
    # Only the device's time zone is left: a setting of the device, not of any profile (app/days.py).
    assert [cookie["name"] for cookie in linked.context.cookies()] == ["zone"]
    page.reload()
    expect(device_rows(page)).to_have_count(1)


def test_a_code_of_the_wrong_length_gets_a_plain_message(page):
    page.goto("/settings")
    field = page.get_by_label("Code from your other device")
    field.evaluate("input => input.removeAttribute('minlength')")  # as an older page would send it
    field.fill("ABCD-EFGH")
    page.get_by_role("button", name="Link this device").click()
    expect(page.get_by_text("A code has 10 letters and numbers", exact=False)).to_be_visible()


def test_offline_the_list_says_so_and_comes_back_online(page, context):
    favourite_in_bed(page)
    page.goto("/settings")
    expect(device_rows(page)).to_have_count(1)
    context.set_offline(True)
    page.evaluate("document.dispatchEvent(new CustomEvent('easeback:devices-changed'))")
    unreachable = page.get_by_text("Connect to the internet to see your linked devices.")
    expect(unreachable).to_be_visible()
    context.set_offline(False)
    expect(unreachable).to_be_hidden()
    expect(device_rows(page)).to_have_count(1)


# Counts the device-list answers the page has finished reading, so a test can wait for one.
COUNT_DEVICE_LISTS_READ = """(() => {
  window.deviceListsRead = 0;
  const original = window.fetch;
  window.fetch = async (...args) => {
    const response = await original(...args);
    if (!String(args[0]).endsWith("/api/v1/devices")) return response;
    const read = response.json.bind(response);
    response.json = () => read().finally(() => { window.deviceListsRead += 1; });
    return response;
  };
})();"""


def test_an_older_answer_never_hides_what_a_newer_refresh_found(page):
    """A list asked for before going offline, answered after, must not hide the offline note."""
    favourite_in_bed(page)
    page.add_init_script(COUNT_DEVICE_LISTS_READ)
    page.goto("/settings")
    expect(device_rows(page)).to_have_count(1)
    held = []
    page.route("**/api/v1/devices",
               lambda route: held.append(route) if not held else route.abort("internetdisconnected"))
    refresh = "document.dispatchEvent(new CustomEvent('easeback:devices-changed'))"
    with page.expect_request("**/api/v1/devices"):
        page.evaluate(refresh)  # the older refresh: held on its way
    page.evaluate(refresh)  # the newer one: no connection
    unreachable = page.get_by_text("Connect to the internet to see your linked devices.")
    expect(unreachable).to_be_visible()
    read_before = page.evaluate("window.deviceListsRead")
    held[0].fulfill(json={"devices": []})
    page.wait_for_function("count => window.deviceListsRead > count", arg=read_before)
    expect(unreachable).to_be_visible()
    expect(device_rows(page)).to_have_count(1)
