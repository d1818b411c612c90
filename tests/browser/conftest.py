"""Browser tests: the app on a free loopback port, driven in Debian's Chromium."""
from pathlib import Path

import pytest

from tests.conftest import separate_database_uri
from tools.browser import ARGS, EXECUTABLE, PHONE, SMALL_PHONE
from tools.servers import app_process

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    """Mark the tests in this folder, and only those, as browser tests (the hook sees every item)."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Serve the app, in its own process, on 127.0.0.1 for the whole browser session.

    Every test's fresh browser context is a new device from 127.0.0.1, so the session makes
    far more profiles from one address than a household would.
    """
    database = separate_database_uri(tmp_path_factory.mktemp("live"), "easeback_live")
    with app_process(database, env={"FLASK_PROFILE_CREATION_LIMIT": "10000 per hour"}) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(live_server):
    """Let page.goto("/path") reach the live server."""
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use Debian's Chromium; Playwright cannot download its own here."""
    return {**browser_type_launch_args, "executable_path": EXECUTABLE, "args": ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A phone-sized context in which service workers may run."""
    return {**browser_context_args, "viewport": PHONE, "service_workers": "allow", "timezone_id": "UTC"}


@pytest.fixture(autouse=True)
def no_content_security_policy_violations(page):
    """Fail any browser test in whose page Chromium refused something under the CSP."""
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield
    assert refused == [], refused


@pytest.fixture
def small_phone(browser, base_url):
    """A 360x640 phone whose person has said they read the warning signs, so the player shows."""
    context = browser.new_context(base_url=base_url, viewport=SMALL_PHONE, service_workers="block")
    page = context.new_page()
    page.goto("/safety")
    page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
    yield page
    context.close()
