"""Every page tells the server the device's time zone, in a small cookie the page cache and
/history read (app/days.py), so days are counted on the person's own clock."""
import pytest


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
@pytest.mark.parametrize("path", ["/about", "/history"])
def test_the_first_page_sends_the_devices_zone(browser, browser_context_args, base_url, zone, path):
    context = browser.new_context(**{**browser_context_args, "timezone_id": zone, "base_url": base_url})
    page = context.new_page()
    page.goto(path)
    page.wait_for_function("document.cookie.split('; ').some((c) => c.startsWith('zone='))")
    (cookie,) = [cookie for cookie in context.cookies() if cookie["name"] == "zone"]
    assert (cookie["value"], cookie["path"], cookie["sameSite"]) == (zone, "/", "Lax")
    context.close()
