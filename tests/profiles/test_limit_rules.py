"""The rate limits as declared: which requests each one counts, by what key, how many, and what the
refusal says. The API applies them once, when it is imported; here they are applied again to a
recorder, so each part of the declaration is read as a rule (tests/profiles/test_limits.py shows
the same limits refusing real requests).
"""
import logging
import time
from types import SimpleNamespace

import pytest
from flask import Blueprint, Response
from flask.logging import default_handler

from app import create_app
from app.profiles import limits


class Recorder:
    """Stands in for the limiter: keeps each limit declared, and returns the view or blueprint as is."""

    def __init__(self):
        self.declared = []

    def shared_limit(self, limit, **options):
        declared = SimpleNamespace(limit=limit, applied_to=None, **options)
        self.declared.append(declared)

        def apply(target):
            declared.applied_to = target
            return target
        return apply

    limit = shared_limit


@pytest.fixture
def recorder(monkeypatch):
    recorder = Recorder()
    monkeypatch.setattr(limits, "limiter", recorder)
    return recorder


def test_every_change_through_the_api_is_counted_twice_over(app, recorder):
    blueprint = Blueprint("probe", __name__)
    assert limits.limit_writes(blueprint) is blueprint
    new_profiles, writes = recorder.declared
    assert new_profiles.applied_to is writes.applied_to is blueprint
    with app.app_context():
        assert new_profiles.limit() == app.config["PROFILE_CREATION_LIMIT"] == "20 per hour"
        assert writes.limit() == app.config["WRITE_RATE_LIMIT"] == "120 per minute"
    # Saves that make a profile: per network, skipped for a device that already has one.
    assert new_profiles.scope == "new-profiles"
    assert new_profiles.key_func is limits.network
    assert new_profiles.exempt_when is limits.has_profile
    assert new_profiles.error_message == limits.NEW_PROFILES_SLOWED
    # Every save: per profile (or per network for a device without one), with no one exempt.
    assert writes.scope == "writes"
    assert writes.key_func is limits.writer
    assert not hasattr(writes, "exempt_when")
    assert writes.error_message == limits.WRITES_SLOWED
    # Only changes count; reading never does.
    assert new_profiles.methods == writes.methods == ["POST", "PUT", "PATCH", "DELETE"]


def test_link_tries_are_counted_per_network_and_only_when_a_code_was_wrong(app, recorder):
    def view():
        return "linked"

    assert limits.limit_link_tries(view) is view
    (tries,) = recorder.declared
    assert tries.applied_to is view
    with app.app_context():
        assert tries.limit() == app.config["LINK_TRY_LIMIT"] == "5 per 10 minutes"
    assert tries.key_func is limits.network
    assert tries.deduct_when is limits.wrong_try
    assert tries.error_message == "Too many tries. Wait ten minutes, then make a new code."


@pytest.mark.parametrize(("status", "costs_a_try"), [
    pytest.param(200, False, id="linked: no try spent"),
    pytest.param(429, False, id="refused for too many tries: no code was looked at"),
    pytest.param(404, True, id="no such code: a try spent"),
    pytest.param(410, True, id="a code that ran out: a try spent"),
    pytest.param(400, True, id="a code badly typed: a try spent"),
])
def test_which_answers_cost_a_link_try(status, costs_a_try):
    assert limits.wrong_try(SimpleNamespace(status_code=status)) is costs_a_try


@pytest.mark.parametrize(("address", "network"), [
    pytest.param("192.0.2.7", "192.0.2.7", id="an IPv4 address is its own network"),
    pytest.param("::ffff:192.0.2.7", "192.0.2.7", id="an IPv4 visitor on a dual-stack socket"),
    pytest.param("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64", id="an IPv6 address counts by its /64"),
    pytest.param("unix-socket", "unix-socket", id="not an address: counted as it is"),
])
def test_whose_network_a_request_comes_from(app, address, network):
    with app.test_request_context(environ_base={"REMOTE_ADDR": address}):
        assert limits.network() == network


def test_writes_are_counted_by_profile_when_the_cookie_names_one(app, monkeypatch):
    with app.test_request_context(environ_base={"REMOTE_ADDR": "192.0.2.7"}):
        monkeypatch.setattr(limits.profiles, "current_profile_id", lambda: 42)
        assert (limits.writer(), limits.has_profile()) == ("profile:42", True)
        monkeypatch.setattr(limits.profiles, "current_profile_id", lambda: None)
        assert (limits.writer(), limits.has_profile()) == ("address:192.0.2.7", False)


def test_counts_are_kept_in_memory_unless_shared_storage_is_named(app):
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"
    assert app.config["RATELIMIT_IN_MEMORY_FALLBACK_ENABLED"] is True  # storage gone: count in memory
    assert app.config["RATELIMIT_HEADERS_ENABLED"] is False  # no extra round trip on every accepted save
    assert "RATELIMIT_STORAGE_OPTIONS" not in app.config


def test_a_redis_that_hangs_is_given_up_on_within_a_second(tmp_path):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite3'}",
                      "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:1"})  # not reached: nothing is counted here
    assert app.config["RATELIMIT_STORAGE_OPTIONS"] == {"socket_connect_timeout": 1, "socket_timeout": 1}


def test_an_app_may_set_its_own_limits(make_app):
    app = make_app(WRITE_RATE_LIMIT="3 per minute", LINK_TRY_LIMIT="2 per hour")
    assert (app.config["WRITE_RATE_LIMIT"], app.config["LINK_TRY_LIMIT"]) == ("3 per minute", "2 per hour")
    assert app.config["PROFILE_CREATION_LIMIT"] == "20 per hour"


# --- What a refusal says, and who is looked up first --------------------------------------------------

@pytest.mark.parametrize(("status", "limit", "retry_after"), [
    pytest.param(429, (True, 30.5), "30", id="a refusal says in whole seconds when to send again"),
    pytest.param(429, (True, 0.4), "1", id="never sooner than in a second"),
    pytest.param(429, (True, -5), "1", id="a count already reset still says a second"),
    pytest.param(429, (False, 30.5), None, id="a refusal by another limit that is not breached"),
    pytest.param(429, None, None, id="a refusal with no limit counted (none applied)"),
    pytest.param(200, (True, 30.5), None, id="an accepted save carries no Retry-After"),
])
def test_when_a_refusal_says_to_send_again(status, limit, retry_after, monkeypatch):
    """limit: (breached, seconds until its count resets), or None."""
    if limit is not None:
        breached, seconds_left = limit
        limit = SimpleNamespace(breached=breached, reset_at=time.time() + seconds_left)
    monkeypatch.setattr(limits, "limiter", SimpleNamespace(current_limit=limit))
    response = limits.say_when_to_retry(Response(status=status))
    assert response.headers.get("Retry-After") == retry_after
    assert [name for name in response.headers.keys() if name.lower() == "retry-after"] == (
        ["Retry-After"] if retry_after else [])


@pytest.mark.parametrize(("method", "path", "looked_up"), [
    pytest.param("PUT", "/api/v1/favourites/in-bed", True, id="a save through the API"),
    pytest.param("DELETE", "/api/v1/favourites/in-bed", True, id="a delete through the API"),
    pytest.param("GET", "/api/v1/favourites", False, id="a read through the API"),
    pytest.param("POST", "/settings", False, id="a page, even posted to"),
])
def test_the_device_is_looked_up_before_the_limiter_only_for_api_writes(app, method, path, looked_up,
                                                                        monkeypatch):
    seen = []
    monkeypatch.setattr(limits.profiles, "current_profile_id", lambda: seen.append(path))
    with app.test_request_context(path, method=method):
        limits.look_up_the_device_first()
    assert bool(seen) is looked_up


@pytest.mark.parametrize(("root_has_handlers", "gets_the_apps"), [
    pytest.param(False, True, id="logging not set up: the limiter's warnings reach the app's log"),
    pytest.param(True, False, id="logging set up: the limiter's warnings go where it says"),
])
def test_the_limiters_warnings_reach_a_log(root_has_handlers, gets_the_apps, monkeypatch):
    monkeypatch.setattr(logging.getLogger(), "handlers", [logging.NullHandler()] if root_has_handlers else [])
    monkeypatch.setattr(limits.limiter.logger, "handlers", [])
    limits._warn_where_the_app_does()
    limits._warn_where_the_app_does()  # twice: still one handler
    assert limits.limiter.logger.handlers == ([default_handler] if gets_the_apps else [])
