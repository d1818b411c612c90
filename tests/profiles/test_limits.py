"""Rate limits on saves and on device linking (Flask-Limiter).

Saves are counted per profile, or per address for a device without one, and
the count can live in storage shared by several app servers (Redis here).
"""
import http.cookiejar
import os
import signal
import uuid
from contextlib import ExitStack

import pytest
import redis as redis_client
from limits import parse

from app.profiles.limits import limiter
from bench.load import USERS
from bench.servers import environment
from tests.api.test_api import checkin_body
from tests.api.test_concurrency import device
from tools.redis_server import redis_server
from tools.servers import app_process

FEW = "3 per minute"


@pytest.fixture
def strict_app(make_app):
    """An app that allows only a few saves a minute."""
    return make_app(WRITE_RATE_LIMIT=FEW)


def test_default_write_limit_leaves_room_for_a_long_offline_queue(app):
    assert app.config["WRITE_RATE_LIMIT"] == "120 per minute"


def test_saves_beyond_the_limit_are_refused_with_a_plain_message(strict_app):
    phone = strict_app.test_client()
    # The first save makes the profile (counted by address).
    phone.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body())
    for _ in range(3):
        assert phone.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body()).status_code == 201
    refused = phone.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body())
    assert refused.status_code == 429
    assert refused.json["error"] == "Too Many Requests"
    assert "sends them again" in refused.json["detail"]
    assert int(refused.headers["Retry-After"]) > 0
    # Every kind of save shares the one count; reading is never limited.
    favourite = phone.put("/api/v1/favourites/in-bed",
                          json={"change_id": str(uuid.uuid4()), "changed_at": 1_795_000_000_000})
    assert favourite.status_code == 429
    unfavourite = phone.delete("/api/v1/favourites/in-bed",
                               json={"change_id": str(uuid.uuid4()), "changed_at": 1_795_000_000_001})
    assert unfavourite.status_code == 429
    for _ in range(10):
        assert phone.get("/api/v1/checkins").status_code == 200
    assert len(phone.get("/api/v1/checkins").json["checkins"]) == 4


def test_an_accepted_save_is_one_trip_to_the_counts_and_carries_no_limit_headers(app, monkeypatch):
    """X-RateLimit headers cost two more trips to the counts (Redis, in production) on every save,
    and no page reads them: only a refusal says when to send again (Retry-After, above)."""
    phone = app.test_client()
    phone.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body())
    trips = []  # what the limiter asks of the counts: a hit is one trip, a window's stats two
    for name in ("hit", "test", "get_window_stats"):
        counted = getattr(limiter.limiter, name)
        monkeypatch.setattr(limiter.limiter, name, lambda *args, _name=name, _counted=counted, **kwargs: (
            trips.append(_name), _counted(*args, **kwargs))[1])
    response = phone.put("/api/v1/favourites/in-bed", json={"change_id": str(uuid.uuid4()),
                                                             "changed_at": 1_795_000_000_000})
    assert response.status_code == 200
    assert trips == ["hit"]
    assert not [name for name in response.headers.keys()
                if name.lower().startswith(("x-ratelimit", "retry-after"))]


def test_one_busy_device_does_not_slow_down_another(strict_app):
    busy, other = strict_app.test_client(), strict_app.test_client()
    busy.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body())
    for _ in range(4):
        busy.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body())
    assert busy.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body()).status_code == 429
    other.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body())
    assert other.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body()).status_code == 201


def test_made_up_cookies_are_counted_by_address(strict_app):
    """A cookie that names no profile cannot buy a fresh count."""
    statuses = []
    for _ in range(5):
        forger = strict_app.test_client()
        forger.set_cookie("easeback_device", uuid.uuid4().hex)
        statuses.append(forger.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body()).status_code)
    assert statuses == [201, 201, 201, 429, 429]


def test_linking_keeps_its_own_stricter_limit(strict_app):
    guesser = strict_app.test_client()
    statuses = [guesser.post("/api/v1/link", json={"code": "AAAAA-AAAAA"}).status_code for _ in range(6)]
    assert statuses == [400] * 5 + [429]


# --- Shared storage: two app servers, one count -------------------------------------------

@pytest.fixture
def redis_url(tmp_path):
    """A throwaway Redis on a loopback port (Debian's redis-server)."""
    with redis_server(tmp_path) as url:
        yield url


def test_two_app_servers_share_one_count(tmp_path, redis_url):
    database = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    env = {"FLASK_RATELIMIT_STORAGE_URI": redis_url, "FLASK_WRITE_RATE_LIMIT": FEW}
    jar = http.cookiejar.CookieJar()  # one phone; cookies go to 127.0.0.1 whatever the port
    with app_process(database, env=env) as first, app_process(database, env=env) as second:
        servers = {first: device(first, jar), second: device(second, jar)}
        statuses = [servers[first](f"/api/v1/checkins/{uuid.uuid4()}", checkin_body())]
        for base in (first, second, first, second, first):
            statuses.append(servers[base](f"/api/v1/checkins/{uuid.uuid4()}", checkin_body()))
    assert statuses == [201, 201, 201, 201, 429, 429]


STORAGE_LOST = "Rate limit storage unreachable - falling back to in-memory storage"


def stop(redis, _url):
    """Redis exits: connections are refused at once."""
    redis.close()


def hang(redis, url):
    """Redis stops answering (paused) but its port still takes connections; it goes on afterwards."""
    pid = redis_client.Redis.from_url(url).info()["process_id"]
    os.kill(pid, signal.SIGSTOP)
    redis.callback(os.kill, pid, signal.SIGCONT)


@pytest.mark.parametrize("fault", [stop, hang])
def test_with_redis_gone_saves_go_on_and_are_counted_in_memory(tmp_path, capsys, fault):
    """Nothing is lost when the counts' storage fails: saves are taken, limited by each app process
    on its own, and the server's log says so once."""
    log = tmp_path / "app.log"
    with ExitStack() as redis:
        url = redis.enter_context(redis_server(tmp_path))
        env = {"FLASK_WRITE_RATE_LIMIT": FEW, "FLASK_RATELIMIT_STORAGE_URI": url}
        with app_process(f"sqlite:///{tmp_path / 'saves.sqlite3'}", env=env, log=log) as base:
            before = device(base)(f"/api/v1/checkins/{uuid.uuid4()}", checkin_body())
            fault(redis, url)
            save = device(base)
            after = [save(f"/api/v1/checkins/{uuid.uuid4()}", checkin_body()) for _ in range(5)]
    warnings = log.read_text().count(STORAGE_LOST)
    with capsys.disabled():
        print(f"\nRedis made to {fault.__name__} under an app process: saves answered {after}, "
              f"storage warnings logged: {warnings}")
    assert before == 201
    assert after == [201] * 4 + [429]  # a new device's first save, then three a minute, counted in memory
    assert warnings == 1


def test_behind_a_proxy_each_visitor_is_counted_by_their_own_address(make_app):
    app = make_app(WRITE_RATE_LIMIT=FEW, PROXY_COUNT=1)

    def new_device_from(address):
        client = app.test_client()
        return client.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body(),
                          headers={"X-Forwarded-For": address}).status_code

    assert [new_device_from("198.51.100.7") for _ in range(4)] == [201, 201, 201, 429]
    assert new_device_from("203.0.113.9") == 201


def test_without_a_proxy_forwarded_addresses_are_not_believed(strict_app):
    statuses = [strict_app.test_client().put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body(),
                                             headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
                for n in range(4)]
    assert statuses == [201, 201, 201, 429]


# --- New profiles: a budget per network address ---------------------------------------------

def first_save_from(app, address):
    """A new device's first save (it makes a profile) from address; the response."""
    return app.test_client().put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body(),
                                 environ_base={"REMOTE_ADDR": address})


def test_default_profile_creation_limit(app):
    assert app.config["PROFILE_CREATION_LIMIT"] == "20 per hour"


def test_cookie_less_writes_from_one_address_make_only_so_many_profiles(app):
    """240 made-up devices from one address once made 240 profiles, each with its own allowance."""
    statuses = [first_save_from(app, "198.51.100.7").status_code for _ in range(21)]
    assert statuses == [201] * 20 + [429]
    refused = first_save_from(app, "198.51.100.7")
    assert refused.json["error"] == "Too Many Requests"
    assert "new devices" in refused.json["detail"] and "sends them again" in refused.json["detail"]
    assert 0 < int(refused.headers["Retry-After"]) <= 3600
    assert first_save_from(app, "203.0.113.9").status_code == 201  # another household


@pytest.mark.parametrize(("other", "shares"), [
    ("2001:db8:1:2:ffff:ffff:ffff:ffff", True),  # the same /64: one home or phone
    ("2001:db8:1:3::1", False),  # the next /64: someone else
    ("::ffff:192.0.2.1", False),  # an IPv4 visitor on a dual-stack socket
])
def test_ipv6_addresses_count_by_their_64_prefix(make_app, other, shares):
    app = make_app(PROFILE_CREATION_LIMIT="2 per hour")
    assert [first_save_from(app, f"2001:db8:1:2::{n}").status_code for n in (1, 2)] == [201, 201]
    assert first_save_from(app, other).status_code == (429 if shares else 201)


def test_devices_with_a_profile_keep_saving_when_new_ones_are_refused(make_app):
    app = make_app(PROFILE_CREATION_LIMIT="1 per hour")
    phone = app.test_client()
    assert phone.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body()).status_code == 201
    assert app.test_client().put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body()).status_code == 429
    for _ in range(3):
        assert phone.put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body()).status_code == 201


def test_the_profile_creation_limit_comes_from_config(make_app):
    app = make_app(PROFILE_CREATION_LIMIT="1000 per hour")
    assert {first_save_from(app, "198.51.100.7").status_code for _ in range(40)} == {201}


def test_the_load_test_may_make_a_profile_for_every_simulated_person():
    """make bench's Locust run starts USERS new devices from 127.0.0.1 at once."""
    allowed = parse(environment("sqlite://")["FLASK_PROFILE_CREATION_LIMIT"])
    assert allowed.amount >= 10 * USERS
