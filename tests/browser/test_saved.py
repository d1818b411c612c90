"""Favourites, sessions and check-ins in the browser: offline first, synced, never lost."""
import re

from playwright.sync_api import expect

from tests.browser.axe import violations

START = "2026-11-23T08:00:00Z"


def server_favourites(page):
    """What the server has, asked with this browser's own cookie."""
    response = page.request.get("/api/v1/favourites")
    return [row["routine"] for row in response.json()["favourites"]]


def synced(page):
    """Wait until nothing saved on the device is waiting to be sent."""
    expect(page.locator("html")).to_have_attribute("data-pending", "0")


def test_favourite_on_and_off(page):
    page.goto("/routines/desk-break")
    button = page.get_by_role("button", name="Favourite Desk break")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    synced(page)
    assert server_favourites(page) == ["desk-break"]
    page.goto("/favourites")
    expect(page.get_by_role("link", name="Desk break")).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("heading", name="Your favourites")).to_be_visible()
    page.goto("/routines")
    catalogue_button = page.get_by_role("button", name="Favourite Desk break")
    expect(catalogue_button).to_have_attribute("aria-pressed", "true")
    catalogue_button.click()
    expect(catalogue_button).to_have_attribute("aria-pressed", "false")
    synced(page)
    assert server_favourites(page) == []
    page.goto("/favourites")
    expect(page.get_by_role("heading", name="No favourites yet")).to_be_visible()


def test_favourite_offline_then_sync(page, context):
    page.goto("/routines/in-bed")
    synced(page)
    context.set_offline(True)
    page.get_by_role("button", name="Favourite In bed").click()
    expect(page.get_by_role("button", name="Favourite In bed")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("html")).to_have_attribute("data-pending", "1")
    context.set_offline(False)
    synced(page)
    assert server_favourites(page) == ["in-bed"]


def test_a_save_the_server_slowed_down_is_sent_when_it_says(page):
    page.clock.install(time=START)
    answered = []

    def slow_down_once(route):
        if answered:
            route.continue_()
        else:
            answered.append(429)
            route.fulfill(status=429, headers={"Retry-After": "30"},
                          json={"error": "Too Many Requests", "detail": "Too many changes in a short time."})

    page.route("**/api/v1/favourites/desk-break", slow_down_once)
    page.goto("/routines/desk-break")
    with page.expect_response("**/api/v1/favourites/desk-break") as response:
        page.get_by_role("button", name="Favourite Desk break").click()
    assert response.value.status == 429
    expect(page.locator("html")).to_have_attribute("data-pending", "1")
    assert server_favourites(page) == []
    page.clock.run_for(31_000)
    synced(page)
    assert server_favourites(page) == ["desk-break"]


def test_offline_changes_survive_a_closed_tab(page, context):
    page.goto("/routines/in-bed")
    synced(page)
    context.set_offline(True)
    page.get_by_role("button", name="Favourite In bed").click()
    expect(page.locator("html")).to_have_attribute("data-pending", "1")
    page.close()
    context.set_offline(False)
    again = context.new_page()
    again.goto("/favourites")
    synced(again)
    expect(again.get_by_role("link", name="In bed")).to_be_visible()
    assert server_favourites(again) == ["in-bed"]


def finish_desk_break(page, *, before=None, after=None):
    """Play desk break to the end on a fake clock, with optional check-ins."""
    page.clock.install(time=START)
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    page.goto("/routines/desk-break/play")
    if before:
        page.get_by_text("Log your pain before you start (optional)").click()
        fill_checkin(page, *before)
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(280_000)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    if after:
        fill_checkin(page, *after)


def fill_checkin(page, back, leg, reach, note="", *, check_saved=True):
    """Fill and save the visible check-in form."""
    form = page.locator("form[data-checkin-form]:visible")
    form.get_by_role("group", name=re.compile("^Back pain")).get_by_text(str(back), exact=True).click()
    form.get_by_role("group", name=re.compile("^Leg pain")).get_by_text(str(leg), exact=True).click()
    form.get_by_label(reach, exact=True).check()
    if note:
        form.get_by_label("Note (optional)").fill(note)
    form.get_by_role("button", name="Save check-in").click()
    if check_saved:
        expect(form.get_by_role("status")).to_have_text(f"Saved: back {back}, leg {leg}. Thank you.")


def test_a_routine_records_a_session_with_check_ins(page):
    finish_desk_break(page, before=(7, 5, "Calf", "stiff"), after=(4, 3, "Thigh"))
    synced(page)
    sessions = page.request.get("/api/v1/sessions").json()["sessions"]
    assert len(sessions) == 1
    assert sessions[0]["routine"] == "desk-break" and sessions[0]["completed"] is True
    assert sessions[0]["steps_done"] == sessions[0]["steps_total"] == 8
    checkins = page.request.get("/api/v1/checkins").json()["checkins"]
    assert {(c["moment"], c["back_pain"], c["leg_pain"], c["reach"]) for c in checkins} == {
        ("before", 7, 5, "calf"), ("after", 4, 3, "thigh")}
    assert all(c["session_id"] == sessions[0]["id"] for c in checkins)
    page.goto("/history")
    expect(page.get_by_role("link", name="Desk break")).to_be_visible()
    expect(page.get_by_text("Before: back 7, leg 5.")).to_be_visible()


def test_leaving_part_way_records_a_stopped_session(page):
    page.clock.install(time=START)
    page.goto("/safety")
    page.get_by_role("link", name="I have read this").click()
    page.goto("/routines/desk-break/play")
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(80_000)
    page.goto("/history")
    synced(page)
    page.reload()
    expect(page.get_by_text(re.compile(r"Stopped after 2 of 8 steps"))).to_be_visible()


def test_history_chart_and_table_from_check_ins(page):
    page.goto("/history")
    expect(page.get_by_text(re.compile("No check-ins yet"))).to_be_visible()
    for back, leg, reach in [(7, 3, "Buttock"), (6, 4, "Thigh"), (5, 6, "Calf")]:
        # Once a check-in has synced, /history reloads to draw it.
        with page.expect_navigation():
            fill_checkin(page, back, leg, reach, check_saved=False)
    expect(page.get_by_role("img", name=re.compile("Back and leg pain over time"))).to_be_visible()
    page.get_by_text("The same check-ins as a table").click()
    table = page.get_by_role("table").first
    expect(table.get_by_role("row")).to_have_count(4)
    expect(page.get_by_role("heading", name="Worth a look")).to_be_visible()
    expect(page.get_by_text(re.compile("worth talking to your doctor"))).to_have_count(2)
    report = violations(page)
    assert report == "", report


def test_delete_everything_from_settings(page):
    page.goto("/routines/in-bed")
    page.get_by_role("button", name="Favourite In bed").click()
    synced(page)
    page.goto("/settings")
    page.get_by_role("button", name="Delete everything").click()
    page.get_by_role("button", name="Keep my data").click()
    assert server_favourites(page) == ["in-bed"]
    page.get_by_role("button", name="Delete everything").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.get_by_text("Everything is deleted, here and on our server.")).to_be_visible()
    assert server_favourites(page) == []
    page.goto("/favourites")
    expect(page.get_by_role("heading", name="No favourites yet")).to_be_visible()


def test_link_a_second_device(page, browser, base_url):
    page.goto("/routines/in-bed")
    page.get_by_role("button", name="Favourite In bed").click()
    synced(page)
    page.goto("/settings")
    page.get_by_role("button", name="Show a code").click()
    shown = page.get_by_role("status").filter(has_text=re.compile(r"^[2-9A-Z]{4}-[2-9A-Z]{4}$"))
    expect(shown).to_be_visible()
    code = shown.inner_text()
    other = browser.new_context(base_url=base_url).new_page()
    other.goto("/settings")
    other.get_by_label("Code from your other device").fill(code)
    other.get_by_role("button", name="Link this device").click()
    expect(other.get_by_text("This device is linked.", exact=False)).to_be_visible()
    other.goto("/favourites")
    expect(other.get_by_role("link", name="In bed")).to_be_visible()
    other.context.close()
