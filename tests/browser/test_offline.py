"""Installable and offline, judged by Chromium itself."""
import re
from contextlib import ExitStack

import pytest
from playwright.sync_api import expect

from tests.conftest import separate_database_uri
from tools.servers import app_process, free_port

# Every non-persistent context is "incognito" to Chromium; nothing else may remain.
ALLOWED = {"in-incognito"}


def installability_errors(page):
    """Chromium's own list of reasons the page cannot be installed."""
    session = page.context.new_cdp_session(page)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    return {error["errorId"] for error in errors}


def wait_until_offline_ready(page):
    """Wait for the service worker to finish its precache and control the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    expect(page.locator("html")).to_have_attribute("data-offline-ready", "true", timeout=30000)


def test_chromium_finds_the_app_installable(page):
    page.goto("/")
    wait_until_offline_ready(page)
    assert installability_errors(page) <= ALLOWED


def test_installability_check_fails_on_a_broken_manifest(page):
    page.route("**/manifest.webmanifest", lambda route: route.fulfill(
        content_type="application/manifest+json", body='{"name": "Easeback", "display": "browser"}'))
    page.goto("/")
    wait_until_offline_ready(page)
    errors = installability_errors(page) - ALLOWED
    assert errors, "a manifest with no icons, start URL or standalone display must not be installable"
    assert "manifest-missing-suitable-icon" in errors or "manifest-display-not-supported" in errors


def test_never_visited_routine_works_offline_after_visiting_only_home(page, context):
    page.goto("/")
    wait_until_offline_ready(page)
    page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
    context.set_offline(True)
    response = page.goto("/routines/gentle-nerve-glide")
    assert response.from_service_worker
    expect(page.get_by_role("heading", level=1)).to_have_text("Gentle nerve glide")
    expect(page.get_by_role("status").filter(has_text="You are offline")).to_be_visible()
    picture = page.get_by_role("img").nth(1)
    expect(picture).to_have_attribute("alt", re.compile(r"\w+"))
    page.clock.install(time="2026-11-23T08:00:00Z")
    response = page.goto("/routines/gentle-nerve-glide/play")
    assert response.from_service_worker
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(5000)
    expect(page.get_by_text("Step 1 of 4", exact=True)).to_be_visible()
    page.get_by_role("button", name="Next step", exact=True).click()
    expect(page.get_by_text("Step 2 of 4", exact=True)).to_be_visible()
    expect(page.get_by_role("timer")).not_to_have_text("0:00")
    first = page.get_by_role("img", name=re.compile(r"\w+")).last
    assert first.evaluate("img => img.complete && img.naturalWidth > 0"), "the picture came from the cache"


def test_unknown_page_offline_shows_the_offline_page(page, context):
    page.goto("/")
    wait_until_offline_ready(page)
    context.set_offline(True)
    page.goto("/routines?goal=massage")
    expect(page.get_by_role("heading", level=1)).to_have_text("Routines")
    page.goto("/not-stored-anywhere")
    expect(page.get_by_role("heading", level=1)).to_have_text("You are offline")
    expect(page.get_by_role("link", name="Desk break")).to_be_visible()


def test_offline_note_comes_and_goes(page, context):
    page.goto("/")
    note = page.get_by_role("status").filter(has_text="You are offline")
    expect(note).to_be_hidden()
    context.set_offline(True)
    expect(note).to_be_visible()
    context.set_offline(False)
    expect(note).to_be_hidden()


class Deployment:
    """The app served in its own process, redeployable as a new version on the same address."""

    def __init__(self, database):
        self.database, self.port, self.running, self.url = database, free_port(), ExitStack(), None

    def deploy(self, version):
        """Stop the running version, if any, and serve this one."""
        self.running.close()
        self.url = self.running.enter_context(
            app_process(self.database, port=self.port, env={"FLASK_PWA_VERSION": version}))


@pytest.fixture
def build(tmp_path):
    """The first build of the app, on an address of its own."""
    deployment = Deployment(separate_database_uri(tmp_path, "easeback_update"))
    deployment.deploy("first-build")
    with deployment.running:
        yield deployment


def new_build(build, page):
    """Deploy a new version and let the browser look for it."""
    build.deploy("second-build")
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")


# Resolves once the new version's worker is installed and waiting: the moment the page
# decides whether to offer it.
NEW_WORKER_INSTALLED = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  if (registration.waiting) return true;
  const worker = registration.installing ?? await new Promise((resolve) => registration.addEventListener(
    "updatefound", () => resolve(registration.installing), { once: true }));
  if (worker.state !== "installed") {
    await new Promise((resolve) => worker.addEventListener("statechange", () => {
      if (worker.state === "installed") resolve();
    }));
  }
  return true;
}"""


def cache_names(page):
    """The Cache Storage names this origin has."""
    return page.evaluate("caches.keys()")


def test_update_is_offered_and_activates_on_reload(page, build):
    url = build.url
    page.goto(url + "/")
    wait_until_offline_ready(page)
    assert cache_names(page) == ["easeback-first-build"]
    new_build(build, page)
    expect(page.get_by_text("Update available")).to_be_visible(timeout=30000)
    with page.expect_navigation():  # accepting reloads the page under the new version
        page.get_by_role("button", name="Reload", exact=True).click()
    wait_until_offline_ready(page)
    expect(page.get_by_text("Update available")).to_be_hidden()
    assert cache_names(page) == ["easeback-second-build"]


def start_playing(page, build):
    """Start a routine on the first build, on a fake clock, once the worker is ready; give the base URL."""
    page.clock.install(time="2026-11-23T08:00:00Z")
    page.goto(build.url + "/")
    wait_until_offline_ready(page)
    page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
    page.goto(build.url + "/routines/gentle-nerve-glide/play")
    page.get_by_role("button", name="Start", exact=True).click()
    return build.url


def test_update_waits_until_the_routine_is_over(page, build):
    start_playing(page, build)
    new_build(build, page)
    page.evaluate(NEW_WORKER_INSTALLED)  # so the offer has been made, and held back
    page.clock.run_for(10000)
    expect(page.get_by_text("Update available")).to_be_hidden()
    page.clock.run_for(20 * 60 * 1000)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    expect(page.get_by_text("Update available")).to_be_visible(timeout=30000)


def test_reload_in_another_tab_leaves_a_routine_playing(page, context, build):
    url = start_playing(page, build)
    navigations = []
    page.on("framenavigated",
            lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
    page.evaluate("""() => { window.newVersionHere = new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true })); }""")
    other = context.new_page()
    other.goto(url + "/")
    new_build(build, other)
    expect(other.get_by_text("Update available")).to_be_visible(timeout=30000)
    with other.expect_navigation():
        other.get_by_role("button", name="Reload", exact=True).click()
    page.evaluate("window.newVersionHere.then(() => true)")  # the new version controls the playing tab too
    expect(page.get_by_text("Update available")).to_be_hidden()
    page.clock.run_for(20 * 60 * 1000)  # a reloaded player comes back paused and would never finish
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    assert navigations == []
    expect(page.get_by_text("Update available")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Reload", exact=True).click()
