"""Delete everything: nothing personal stays on the device, the service worker's caches included."""
import re
from datetime import UTC, datetime
from uuid import uuid4

from playwright.sync_api import expect

from tests.browser.test_offline import wait_until_offline_ready
from tests.browser.test_saved import fill_checkin, synced

PERSONAL_PAGES = {"/history", "/plan", "/plan/review", "/plan/summary", "/plan/setup/symptoms",
                  "/plan/setup/activities", "/plan/setup/schedule"}
CHART = re.compile("Back and leg pain over time")

# Every Cache Storage entry, every IndexedDB store's row count and every localStorage key.
DEVICE_CONTENTS = """async () => {
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const cached = {};
  for (const name of await caches.keys()) {
    const requests = await (await caches.open(name)).keys();
    cached[name] = requests.map((request) => new URL(request.url).pathname + new URL(request.url).search);
  }
  const rows = {};
  for (const { name } of await indexedDB.databases()) {
    const db = await done(indexedDB.open(name));
    for (const store of db.objectStoreNames) {
      rows[`${name}/${store}`] = await done(db.transaction(store).objectStore(store).count());
    }
    db.close();
  }
  return { caches: cached, indexedDB: rows, localStorage: Object.keys(localStorage) };
}"""


def device_contents(page):
    """What this browser keeps for the site: caches, IndexedDB rows, localStorage keys."""
    return page.evaluate(DEVICE_CONTENTS)


def personal_copies(contents):
    """Stored copies of personal pages, as (cache, address) pairs."""
    return [(name, address) for name, addresses in contents["caches"].items()
            for address in addresses if address.split("?")[0] in PERSONAL_PAGES]


def log_a_check_in_on_history(page):
    """Check in on /history once the worker is ready, so its copy has the chart."""
    page.goto("/")
    wait_until_offline_ready(page)
    page.goto("/history")
    with page.expect_navigation():  # once synced, /history reloads to draw the check-in
        fill_checkin(page, 6, 4, "Thigh", check_saved=False)
    expect(page.get_by_role("img", name=CHART)).to_be_visible()


def delete_everything(page):
    """Delete everything from the settings page."""
    page.goto("/settings")
    page.get_by_role("button", name="Delete everything").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.get_by_text("Everything is deleted, here and on our server.")).to_be_visible()


def test_history_and_favourites_work_offline_for_someone_who_has_not_deleted(page, context):
    log_a_check_in_on_history(page)
    page.goto("/routines/in-bed")
    page.get_by_role("button", name="Favourite In bed").click()
    synced(page)
    context.set_offline(True)
    for address in ["/history", "/history?from=home"]:
        assert page.goto(address).from_service_worker
        expect(page.get_by_role("img", name=CHART)).to_be_visible()
    page.goto("/favourites")
    expect(page.get_by_role("link", name="In bed", exact=True)).to_be_visible()


def test_delete_everything_leaves_nothing_personal_on_the_device(page, context):
    log_a_check_in_on_history(page)
    before = device_contents(page)
    assert personal_copies(before), "the worker keeps /history for offline use"
    assert any(before["indexedDB"].values()) and before["localStorage"], before
    delete_everything(page)
    after = device_contents(page)
    assert personal_copies(after) == []
    assert not any(after["indexedDB"].values()), after["indexedDB"]
    assert after["localStorage"] == []
    context.set_offline(True)
    for address in ["/history", "/history?from=home"]:
        page.goto(address)
        expect(page.get_by_role("heading", level=1)).to_have_text("You are offline")
        expect(page.get_by_role("img", name=CHART)).to_have_count(0)
    # Only personal things went: every routine is still there offline.
    assert page.goto("/routines/in-bed").from_service_worker
    expect(page.get_by_role("heading", level=1)).to_have_text("In bed")


def test_a_history_page_on_its_way_during_deletion_is_not_kept(page, context):
    page.goto("/")
    wait_until_offline_ready(page)
    saved = page.request.put(f"/api/v1/checkins/{uuid4()}", data={
        "moment": "any", "back_pain": 6, "leg_pain": 4, "reach": "thigh",
        "recorded_at": datetime.now(UTC).isoformat(timespec="seconds")})
    assert saved.ok, saved.text()
    held = []
    # The worker's own request for the page: answered only once everything is deleted.
    context.route("**/history", lambda route: held.append((route, route.fetch())))
    other = context.new_page()
    other.goto("/about")
    with context.expect_event("request", predicate=lambda request: request.url.endswith("/history")):
        other.evaluate("location.assign('/history')")
    delete_everything(page)
    (route, answer), = held
    assert route.request.service_worker, "the request came from the worker"
    assert "Back and leg pain over time" in answer.text(), "the answer on its way still has the chart"
    route.fulfill(response=answer)
    # With no copy stored yet, the worker waits for the network and stores before it answers.
    expect(other.get_by_role("img", name=CHART)).to_be_visible()
    assert personal_copies(device_contents(page)) == []


def test_plan_answers_kept_for_offline_go_with_delete_everything(page, context):
    page.goto("/")
    wait_until_offline_ready(page)
    now = int(datetime.now(UTC).timestamp() * 1000)
    for part, answers in (("symptoms", {"areas": ["buttock"], "since": "weeks"}),
                          ("activities", {"activities": [{"name": "Carry the grandchildren", "score": 3}]})):
        saved = page.request.put(f"/api/v1/plan/parts/{part}", data={
            "changed_at": now, "change_id": str(uuid4()), "answers": answers})
        assert saved.ok, saved.text()
    for address in ["/plan/setup/activities", "/plan/review"]:
        page.goto(address)
        assert "Carry the grandchildren" in page.content(), address
    assert len(personal_copies(device_contents(page))) >= 2, "the worker keeps the set-up and review offline"
    delete_everything(page)
    assert personal_copies(device_contents(page)) == []
    context.set_offline(True)
    for address in ["/plan/setup/activities", "/plan/review"]:
        page.goto(address)
        expect(page.get_by_role("heading", level=1)).to_have_text("You are offline")
        assert "Carry the grandchildren" not in page.content(), address
