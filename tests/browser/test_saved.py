"""Favourites, sessions and check-ins in the browser: offline first, synced, never lost."""
import json
import re
from pathlib import Path

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
    expect(page.get_by_role("link", name="Desk break", exact=True)).to_be_visible()
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


def test_a_favourite_card_drawn_on_the_device_is_the_card_the_server_draws(page):
    """One card markup (templates/macros.html routine_card): the script fills in a clone of it."""
    def card_html(selector):
        return page.locator(selector).evaluate(
            "card => card.outerHTML.replace(/\\s+/g, ' ').replace(/> </g, '><')")
    page.goto("/")
    server_card = card_html(
        "[aria-labelledby=all-heading] article.routine-card:has(a[href='/routines/in-bed'])")
    page.locator("[aria-labelledby=all-heading]").get_by_role("button", name="Favourite In bed").click()
    page.goto("/favourites")
    drawn = page.locator("[data-favourites-list] article.routine-card")
    expect(drawn).to_have_count(1)
    expect(drawn.get_by_role("button", name="Favourite In bed")).to_have_attribute("aria-pressed", "true")
    assert card_html("[data-favourites-list] article.routine-card") == server_card.replace(
        'aria-pressed="false"', 'aria-pressed="true"')


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
    expect(again.get_by_role("link", name="In bed", exact=True)).to_be_visible()
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
    # 2 of desk-break's 8 stops (its sides counted apart) are 2 of its 6 steps.
    expect(page.get_by_text(re.compile(r"Stopped after 2 of 6 steps"))).to_be_visible()


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
    # Written as the rest of the app writes dates ("2 Dec, 08:00"), not in the browser's own (en-US) style.
    when = table.get_by_role("row").nth(1).get_by_role("cell").first
    expect(when).to_have_text(re.compile(r"^\d{1,2} [A-Z][a-z]{2}, \d\d:\d\d$"))
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
    shown = page.get_by_role("status").filter(has_text=re.compile(r"^[2-9A-Z]{5}-[2-9A-Z]{5}$"))
    expect(shown).to_be_visible()
    code = shown.inner_text()
    other = browser.new_context(base_url=base_url).new_page()
    other.goto("/settings")
    other.get_by_label("Code from your other device").fill(code)
    other.get_by_role("button", name="Link this device").click()
    expect(other.get_by_text("This device is linked.", exact=False)).to_be_visible()
    other.goto("/favourites")
    expect(other.get_by_role("link", name="In bed", exact=True)).to_be_visible()
    other.context.close()


# --- Nothing lost, nothing doubled, nothing dropped without a word -------------

KEPT = "Some changes could not be sent yet. They are kept on this device and will be sent again."


def sync_note(page, text):
    """The page-wide note about saving, with this text in it."""
    return page.get_by_role("status").filter(has_text=text)


def refuse(status, detail="Refused."):
    """A route handler answering every request with this error."""
    return lambda route: route.fulfill(status=status, json={"error": "Refused", "detail": detail})


def test_a_change_a_proxy_refuses_is_kept_told_and_sent_again(page):
    page.clock.install(time=START)
    page.route("**/api/v1/favourites/desk-break", refuse(403, "Forbidden by the proxy."))
    page.goto("/routines/desk-break")
    page.get_by_role("button", name="Favourite Desk break").click()
    expect(sync_note(page, KEPT)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-pending", "1")
    assert server_favourites(page) == []
    page.unroute("**/api/v1/favourites/desk-break")
    page.clock.run_for(31_000)
    synced(page)
    assert server_favourites(page) == ["desk-break"]
    expect(sync_note(page, KEPT)).to_have_count(0)


def test_a_change_the_server_never_takes_is_parked_and_the_rest_go_on(page):
    page.route("**/api/v1/favourites/desk-break", refuse(422, "Times more than a day ahead are refused."))
    page.goto("/routines")
    page.get_by_role("button", name="Favourite Desk break").click()
    page.get_by_role("button", name="Favourite In bed").click()
    synced(page)
    assert server_favourites(page) == ["in-bed"]
    parked = "1 change could not be saved on our server. It is kept on this device"
    expect(sync_note(page, parked)).to_be_visible()
    page.goto("/about")
    expect(sync_note(page, parked)).to_be_visible()


def test_a_change_the_server_fails_on_every_time_is_parked_after_five_tries(page, context):
    tries = []

    def fail(route):
        tries.append(route.request.method)
        route.fulfill(status=500, json={"error": "Internal Server Error", "detail": "Something went wrong."})

    page.route("**/api/v1/favourites/desk-break", fail)
    page.goto("/routines")
    synced(page)
    context.set_offline(True)  # queue two changes, the failing one first
    page.get_by_role("button", name="Favourite Desk break").click()
    page.get_by_role("button", name="Favourite In bed").click()
    expect(page.locator("html")).to_have_attribute("data-pending", "2")
    context.set_offline(False)
    for _ in range(4):
        expect(sync_note(page, KEPT)).to_be_visible()
        assert server_favourites(page) == []  # held up behind the failing change
        page.reload()  # each page sends what is waiting
    expect(sync_note(page, "1 change could not be saved on our server.")).to_be_visible()
    assert tries == ["PUT"] * 5
    synced(page)
    assert server_favourites(page) == ["in-bed"]  # parked, it no longer holds up the rest


def test_download_as_json_includes_changes_not_sent(page):
    page.route("**/api/v1/favourites/desk-break", refuse(409, "This profile is full."))
    page.route("**/api/v1/favourites/in-bed", refuse(403))
    page.goto("/routines")
    page.get_by_role("button", name="Favourite Desk break").click()
    expect(sync_note(page, "1 change could not be saved on our server.")).to_be_visible()
    page.get_by_role("button", name="Favourite In bed").click()
    expect(sync_note(page, KEPT)).to_be_visible()
    page.goto("/settings")
    link = page.get_by_role("link", name="Download as JSON")
    expect(link).to_have_attribute("href", "/api/v1/export.json")  # still a plain link without JavaScript
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "easeback-export.json"
    exported = json.loads(Path(download.value.path()).read_text())
    assert {"exported_at", "favourites", "sessions", "checkins", "checklist"} <= exported.keys()
    not_sent = {entry["path"]: entry for entry in exported["not_sent"]}
    assert not_sent.keys() == {"/api/v1/favourites/desk-break", "/api/v1/favourites/in-bed"}
    parked, waiting = not_sent["/api/v1/favourites/desk-break"], not_sent["/api/v1/favourites/in-bed"]
    parked_as = (parked["state"], parked["server_status"], parked["server_detail"])
    assert parked_as == ("parked", 409, "This profile is full.")
    assert waiting["state"] == "waiting" and waiting["method"] == "PUT" and "change_id" in waiting["body"]


def test_a_pull_never_undoes_a_tap_made_while_it_was_fetching(page):
    held = []
    page.route("**/api/v1/favourites", lambda route: route.continue_() if held else held.append(route))
    page.route("**/api/v1/favourites/desk-break", lambda route: route.abort())  # the tap stays unsent
    with page.expect_request(lambda request: request.url.endswith("/api/v1/favourites")):
        page.goto("/routines/desk-break")  # the page's first pull is on its way, and held
    button = page.get_by_role("button", name="Favourite Desk break")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    assert len(held) == 1
    # The server (which has not had the tap) answers the pull; it reads the checklist next.
    with page.expect_response("**/api/v1/checklist"):
        held[0].continue_()
    page.reload()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator("html")).to_have_attribute("data-pending", "1")


def test_a_second_submit_of_the_same_check_in_saves_it_once(page):
    page.goto("/history")
    form = page.locator("form[data-checkin-form]")
    form.get_by_role("group", name=re.compile("^Back pain")).get_by_text("6", exact=True).click()
    form.get_by_role("group", name=re.compile("^Leg pain")).get_by_text("4", exact=True).click()
    form.get_by_label("Not in the leg", exact=True).check()
    with page.expect_navigation():  # /history redraws once the check-in has synced
        form.evaluate("form => { form.requestSubmit(); form.requestSubmit(); }")
    synced(page)
    checkins = page.request.get("/api/v1/checkins").json()["checkins"]
    assert [(c["back_pain"], c["leg_pain"]) for c in checkins] == [(6, 4)]


FAIL_DEVICE_WRITES = """
const put = IDBObjectStore.prototype.put;
IDBObjectStore.prototype.put = function (...args) {
  if (window.failDeviceWrites) throw new DOMException("The device is full.", "QuotaExceededError");
  return put.apply(this, args);
};
"""


def test_a_favourite_the_device_could_not_keep_is_told_and_the_count_recovers(page):
    page.add_init_script(FAIL_DEVICE_WRITES)
    page.goto("/routines/desk-break")
    synced(page)
    page.evaluate("window.failDeviceWrites = true")
    button = page.get_by_role("button", name="Favourite Desk break")
    button.click()
    synced(page)  # not stuck at "saving"
    expect(sync_note(page, "Your last change could not be saved on this device.")).to_be_visible()
    expect(button).to_have_attribute("aria-pressed", "false")
    page.evaluate("window.failDeviceWrites = false")
    button.click()
    synced(page)
    expect(sync_note(page, "could not be saved on this device")).to_have_count(0)
    assert server_favourites(page) == ["desk-break"]


def test_a_check_in_the_device_could_not_keep_is_told_and_can_be_saved_again(page):
    page.add_init_script(FAIL_DEVICE_WRITES)
    page.goto("/history")
    synced(page)
    page.evaluate("window.failDeviceWrites = true")
    fill_checkin(page, 5, 2, "Thigh", check_saved=False)
    form = page.locator("form[data-checkin-form]")
    expect(form.get_by_role("status")).to_have_text(
        "This check-in could not be saved on this device. Please try again.")
    synced(page)
    page.evaluate("window.failDeviceWrites = false")
    with page.expect_navigation():
        form.get_by_role("button", name="Save check-in").click()
    synced(page)
    assert len(page.request.get("/api/v1/checkins").json()["checkins"]) == 1


def blank_page(context, path):
    """Another tab on the app's origin that runs none of its scripts."""
    tab = context.new_page()
    tab.route(f"**{path}", lambda route: route.fulfill(content_type="text/html", body="<title>Tab</title>"))
    tab.goto(path)
    return tab


OPEN_AS_OLD_VERSION = """() => new Promise((resolve, reject) => {
  const req = indexedDB.open("easeback", 1);
  req.onupgradeneeded = () => {  // version 1's stores, as the old tab made them
    req.result.createObjectStore("favourites", { keyPath: "routine" });
    req.result.createObjectStore("sessions", { keyPath: "id" });
    req.result.createObjectStore("checkins", { keyPath: "id" });
    req.result.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
  };
  req.onsuccess = () => { window.heldOpen = req.result; resolve(); };  // and never closed
  req.onerror = () => reject(req.error);
})"""

OPEN_AS_NEWER_VERSION = """async () => {
  const [{ version }] = await indexedDB.databases();
  return new Promise((resolve, reject) => {
    const req = indexedDB.open("easeback", version + 1);
    req.onblocked = () => reject(new Error("blocked by the other tab"));
    req.onsuccess = () => { req.result.close(); resolve(version + 1); };
    req.onerror = () => reject(req.error);
  });
}"""


def test_an_older_tab_holding_the_database_open_is_explained_not_a_silent_hang(page, context):
    old = blank_page(context, "/an-old-tab")
    old.evaluate(OPEN_AS_OLD_VERSION)
    page.goto("/routines/desk-break")
    blocked = sync_note(page, "Easeback is open in another tab. Close that tab")
    expect(blocked).to_be_visible()
    old.close()
    expect(blocked).to_have_count(0)
    page.get_by_role("button", name="Favourite Desk break").click()
    synced(page)
    assert server_favourites(page) == ["desk-break"]


def test_this_tab_steps_aside_for_a_newer_version_in_another_tab(page, context):
    page.goto("/routines/desk-break")
    synced(page)  # this tab has the database open
    newer = blank_page(context, "/a-newer-tab")
    assert newer.evaluate(OPEN_AS_NEWER_VERSION) > 1
    expect(sync_note(page, "Easeback was updated in another tab. Reload this page")).to_be_visible()
    page.get_by_role("button", name="Favourite Desk break").click()
    expect(sync_note(page, "Your last change could not be saved on this device.")).to_be_visible()
    expect(page.locator("html")).not_to_have_attribute("data-pending", "saving")


def test_deleting_everything_also_clears_the_note_about_parked_changes(page):
    page.route("**/api/v1/favourites/desk-break", refuse(422))
    page.goto("/routines/desk-break")
    page.get_by_role("button", name="Favourite Desk break").click()
    parked = sync_note(page, "1 change could not be saved on our server.")
    expect(parked).to_be_visible()
    page.goto("/settings")
    page.get_by_role("button", name="Delete everything").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.get_by_text("Everything is deleted, here and on our server.")).to_be_visible()
    expect(parked).to_have_count(0)
