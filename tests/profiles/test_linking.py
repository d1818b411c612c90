"""Linking devices: one-time codes that really work once, merging what a joining device
saved, the list of linked devices, and the device cookie's name under HTTPS."""
import re
import threading
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from app import profiles
from app.db import db, engines
from app.models import DeviceKey, LinkCode
from tests.api.test_api import T0, change, favourites
from tests.api.test_concurrency import device
from tools.servers import serving

SAME_SITE = {"Sec-Fetch-Site": "same-origin"}
HTTPS = "https://localhost"


def link_code(client):
    """A fresh link code made by client's profile (saving something first, if it has none)."""
    return client.post("/api/v1/link-codes").json["code"]


def checklist(client, at, ticks):
    """Save the checklist from client as changed at device time at."""
    return client.put("/api/v1/checklist", json={**change(at), "state": {"ticks": ticks}})


def devices(client, **kwargs):
    """The devices the server lists for client's profile."""
    return client.get("/api/v1/devices", **kwargs).json["devices"]


# --- One code, two devices at once ------------------------------------------------------------

DEVICES = 10


def test_one_code_typed_on_many_devices_at_once_links_only_one(make_app):
    """Over real HTTP, on SQLite (and on PostgreSQL in make test's second pass)."""
    app = make_app(LINK_TRY_LIMIT="100 per minute")
    code = link_code(app.test_client())
    statuses, start = [], threading.Barrier(DEVICES)
    with serving(app) as base:
        def redeem(post):
            start.wait()
            statuses.append(post("/api/v1/link", {"code": code}))

        threads = [threading.Thread(target=redeem, args=(device(base, method="POST"),))
                   for _ in range(DEVICES)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(statuses) == [200] + [400] * (DEVICES - 1)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(DeviceKey)) == 2  # the maker and one joiner
        assert db.session.scalar(select(LinkCode.used_at)) is not None


# --- What the joining device saved -------------------------------------------------------------

@pytest.mark.parametrize(("joiner_at", "kept"), [(T0 + 1, "joiner"), (T0 - 1, "maker")])
def test_linking_keeps_the_checklist_changed_last(app, joiner_at, kept):
    maker, joiner = app.test_client(), app.test_client()
    ids = {"maker": checklist(maker, T0, {"maker": True}).json["change_id"],
           "joiner": checklist(joiner, joiner_at, {"joiner": True}).json["change_id"]}
    assert joiner.post("/api/v1/link", json={"code": link_code(maker)}).status_code == 200
    for client in (maker, joiner):
        assert client.get("/api/v1/checklist").json == {
            "state": {"ticks": {kept: True}}, "changed_at": max(T0, joiner_at), "change_id": ids[kept]}


def test_linking_brings_a_checklist_the_profile_did_not_have(app):
    maker, joiner = app.test_client(), app.test_client()
    maker.put("/api/v1/favourites/in-bed", json=change())
    checklist(joiner, T0, {"registered": True})
    joiner.post("/api/v1/link", json={"code": link_code(maker)})
    assert maker.get("/api/v1/checklist").json["state"] == {"ticks": {"registered": True}}


def test_a_tie_in_time_is_settled_by_the_change_id_on_every_path(app):
    """The same rule as the API's own last-change-wins: a later change id wins a tie."""
    maker, joiner = app.test_client(), app.test_client()
    maker.put("/api/v1/favourites/in-bed", json=change(T0, "00000000-0000-4000-8000-000000000001"))
    joiner.delete("/api/v1/favourites/in-bed", json=change(T0, "ffffffff-ffff-4fff-bfff-ffffffffffff"))
    joiner.post("/api/v1/link", json={"code": link_code(maker)})
    assert favourites(maker) == []


# --- Codes ---------------------------------------------------------------------------------

def test_codes_have_ten_characters_in_two_groups(client):
    code = link_code(client)
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}", code)


def test_a_code_may_be_typed_in_lower_case_with_spaces(client, app):
    code = link_code(client)
    typed = code.lower().replace("-", "  ")
    assert app.test_client().post("/api/v1/link", json={"code": typed}).json == {"linked": True}


@pytest.mark.parametrize("code", ["ABCD-EFGH", "ABCDE-FGHJK-MNPQR-STUVW-XYZ"])
def test_a_code_of_the_wrong_length_is_refused_plainly(client, code):
    response = client.post("/api/v1/link", json={"code": code})
    assert response.status_code == 422
    assert response.json["detail"].startswith("code:")


def guess(app, code, address):
    """A link try with code from a new device at address; the response."""
    return app.test_client().post("/api/v1/link", json={"code": code}, environ_base={"REMOTE_ADDR": address})


def test_wrong_guesses_from_many_networks_never_block_the_right_code(app):
    """200 wrong codes from 40 addresses once spent a budget shared by everyone: the person with
    the right code, on a network of their own, was then refused for an hour."""
    statuses = {guess(app, "AAAAA-AAAAA", f"198.51.100.{n}").status_code for n in range(40) for _ in range(5)}
    assert statuses == {400}
    code = link_code(app.test_client())
    assert guess(app, code, "203.0.113.5").json == {"linked": True}


def test_a_sixth_wrong_try_from_one_network_waits_ten_minutes(app):
    statuses = [guess(app, "AAAAA-AAAAA", "198.51.100.7").status_code for _ in range(5)]
    refused = guess(app, "AAAAA-AAAAA", "198.51.100.7")
    assert statuses == [400] * 5
    assert refused.status_code == 429
    assert "Wait ten minutes" in refused.json["detail"]
    assert 0 < int(refused.headers["Retry-After"]) <= 600


def test_tries_refused_at_one_network_cost_the_right_code_nothing(make_app):
    app = make_app(LINK_TRY_LIMIT="2 per hour")
    assert [guess(app, "AAAAA-AAAAA", "198.51.100.7").status_code
            for _ in range(6)] == [400, 400, 429, 429, 429, 429]
    assert guess(app, link_code(app.test_client()), "203.0.113.5").status_code == 200


# --- The linked devices -----------------------------------------------------------------------

@pytest.fixture
def two_devices(app):
    """A maker and a joined phone, linked to one profile."""
    maker, phone = app.test_client(), app.test_client()
    maker.put("/api/v1/favourites/in-bed", json=change())
    phone.post("/api/v1/link", json={"code": link_code(maker)})
    return maker, phone


def test_no_profile_no_devices(client):
    response = client.get("/api/v1/devices")
    assert response.json == {"devices": []}
    assert "Set-Cookie" not in response.headers


def test_devices_are_listed_with_when_linked_and_last_used_and_this_one_marked(two_devices):
    maker, phone = two_devices
    listed = devices(phone)
    assert [device["this_device"] for device in listed] == [False, True]
    assert [device["this_device"] for device in devices(maker)] == [True, False]
    for linked in listed:
        assert set(linked) == {"id", "linked_at", "last_used_at", "this_device"}
        assert linked["linked_at"].endswith("Z") and linked["last_used_at"].endswith("Z")


def test_removing_another_device_unlinks_it(two_devices):
    maker, phone = two_devices
    phone_id = next(device["id"] for device in devices(maker) if not device["this_device"])
    response = maker.delete(f"/api/v1/devices/{phone_id}", headers=SAME_SITE)
    assert response.status_code == 204
    assert "Set-Cookie" not in response.headers
    assert favourites(phone) == [] and favourites(maker) == ["in-bed"]
    assert len(devices(maker)) == 1


def test_removing_this_device_forgets_its_cookie(two_devices):
    maker, phone = two_devices
    this = next(device["id"] for device in devices(phone) if device["this_device"])
    response = phone.delete(f"/api/v1/devices/{this}")
    assert response.status_code == 204
    assert response.headers["Set-Cookie"].startswith(f"{profiles.COOKIE}=;")
    assert phone.get_cookie(profiles.COOKIE) is None
    assert favourites(maker) == ["in-bed"]


def test_the_only_device_is_not_removed(client):
    client.put("/api/v1/favourites/in-bed", json=change())
    [only] = devices(client)
    response = client.delete(f"/api/v1/devices/{only['id']}")
    assert response.status_code == 409
    assert "Delete everything" in response.json["detail"]


def test_another_profiles_device_cannot_be_removed(two_devices, app):
    maker, _ = two_devices
    target = devices(maker)[1]["id"]
    stranger = app.test_client()
    stranger.put("/api/v1/favourites/desk-break", json=change())
    stranger.put("/api/v1/favourites/in-bed", json=change())
    for client in (stranger, app.test_client()):
        response = client.delete(f"/api/v1/devices/{target}")
        assert response.status_code == 404
        assert response.json["error"] == "Not Found"
    assert len(devices(maker)) == 2


@pytest.mark.parametrize("device_id", [0, 2**63, 10**40])
def test_a_device_id_no_database_can_hold_is_not_found(two_devices, device_id):
    maker, _ = two_devices
    assert maker.delete(f"/api/v1/devices/{device_id}").status_code == 404


def test_removing_a_device_from_another_site_is_refused(two_devices):
    maker, _ = two_devices
    target = devices(maker)[1]["id"]
    response = maker.delete(f"/api/v1/devices/{target}", headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert len(devices(maker)) == 2


def test_last_used_is_written_at_most_once_a_day(two_devices, app, monkeypatch):
    maker, _ = two_devices
    writes = []
    with app.app_context():
        for engine in engines():
            listen = event.listens_for(engine, "before_cursor_execute")
            listen(lambda *args: writes.append(args[2]) if args[2].startswith("UPDATE device_keys") else None)
    for _ in range(3):
        maker.get("/api/v1/favourites")
    assert writes == []
    tomorrow = profiles.utcnow() + timedelta(days=1)
    monkeypatch.setattr(profiles, "utcnow", lambda: tomorrow)
    for _ in range(3):
        maker.get("/api/v1/favourites")
    assert len(writes) == 1
    assert devices(maker)[0]["last_used_at"].startswith(tomorrow.date().isoformat())


# --- The cookie's name ------------------------------------------------------------------------

def test_under_https_the_cookie_is_a_host_cookie(client):
    response = client.put("/api/v1/favourites/in-bed", json=change(), base_url=HTTPS)
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{profiles.SECURE_COOKIE}=")
    for flag in ("Secure", "Path=/", "HttpOnly", "SameSite=Lax"):
        assert flag in cookie
    assert "Domain" not in cookie
    assert favourites_at(client, HTTPS) == ["in-bed"]


def favourites_at(client, base_url):
    """The favourites the server has for client, asked at base_url."""
    return [row["routine"] for row in client.get("/api/v1/favourites", base_url=base_url).json["favourites"]]


def test_plain_http_keeps_the_plain_name(client):
    cookie = client.put("/api/v1/favourites/in-bed", json=change()).headers["Set-Cookie"]
    assert cookie.startswith(f"{profiles.COOKIE}=") and "Secure" not in cookie


def test_under_https_deleting_everything_forgets_the_host_cookie(client):
    client.put("/api/v1/favourites/in-bed", json=change(), base_url=HTTPS)
    response = client.delete("/api/v1/profile", base_url=HTTPS)
    assert any(header.startswith(f"{profiles.SECURE_COOKIE}=;")
               for header in response.headers.getlist("Set-Cookie"))
    assert client.get_cookie(profiles.SECURE_COOKIE) is None


def test_a_cookie_from_before_the_prefix_is_renamed_not_lost(client, app):
    client.put("/api/v1/favourites/in-bed", json=change())  # a device that saved before the prefix
    secret = client.get_cookie(profiles.COOKIE).value
    client.delete_cookie(profiles.COOKIE)
    client.set_cookie(profiles.COOKIE, secret, secure=True)
    response = client.get("/api/v1/favourites", base_url=HTTPS)
    assert [row["routine"] for row in response.json["favourites"]] == ["in-bed"]
    set_cookies = response.headers.getlist("Set-Cookie")
    assert any(header.startswith(f"{profiles.SECURE_COOKIE}={secret};") for header in set_cookies)
    assert any(header.startswith(f"{profiles.COOKIE}=;") for header in set_cookies)


@pytest.mark.parametrize("name", [profiles.SECURE_COOKIE, profiles.COOKIE])
def test_a_made_up_cookie_under_https_buys_nothing(client, name):
    client.set_cookie(name, uuid.uuid4().hex, secure=True)
    response = client.get("/api/v1/favourites", base_url=HTTPS)
    assert response.json["favourites"] == []
    assert "Set-Cookie" not in response.headers
