"""Pages the same for everyone are built once per process and served from memory; personal
pages are not. The headers every page gets stay as they were."""
import gzip
from datetime import timedelta

import brotli
import pytest
from flask import template_rendered

from app import days
from app.site import page_cache

CONTENT_PAGES = ["/", "/routines", "/routines?goal=massage", "/routines/desk-break",
                 "/routines/desk-break/play", "/learn", "/learn/how-much-pain-is-ok", "/bad-day",
                 "/checklist", "/safety", "/safety?next=/favourites", "/about", "/offline", "/favourites",
                 "/settings"]


@pytest.fixture
def renders(app):
    """The templates rendered while the test runs, by name."""
    rendered = []

    def note(_sender, template, context, **extra):
        rendered.append(template.name)
    template_rendered.connect(note, app)
    yield rendered
    template_rendered.disconnect(note, app)


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_a_content_page_is_rendered_once_and_then_served_from_memory(client, renders, path):
    first = client.get(path)
    assert first.status_code == 200 and renders
    seen = len(renders)
    again = client.get(path)
    assert len(renders) == seen, "the second request rendered a template again"
    assert again.get_data() == first.get_data()
    for header in ("Content-Security-Policy", "Cross-Origin-Opener-Policy", "X-Content-Type-Options",
                   "Cache-Control"):
        assert again.headers[header] == first.headers[header]
    assert again.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("path", ["/", "/routines/desk-break/play", "/checklist"])
def test_each_encoding_is_the_same_page_with_its_own_strong_etag(client, path):
    plain = client.get(path)
    packed_br = client.get(path, headers={"Accept-Encoding": "br"})
    packed_gzip = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert packed_br.headers["Content-Encoding"] == "br" and packed_gzip.headers["Content-Encoding"] == "gzip"
    unpacked_br = brotli.decompress(packed_br.get_data())
    assert unpacked_br == gzip.decompress(packed_gzip.get_data()) == plain.get_data()
    etags = {response.headers["ETag"] for response in (plain, packed_br, packed_gzip)}
    assert len(etags) == 3 and not any(etag.startswith("W/") for etag in etags)
    assert "Accept-Encoding" in packed_br.headers["Vary"]
    unchanged = client.get(path, headers={"Accept-Encoding": "br",
                                          "If-None-Match": packed_br.headers["ETag"]})
    assert unchanged.status_code == 304 and unchanged.get_data() == b""


def test_personal_pages_and_missing_pages_are_never_kept(client, renders):
    for path in ["/history", "/history", "/routines/no-such-routine", "/routines/no-such-routine"]:
        client.get(path)
    assert renders.count("history.html") == 2
    assert client.get("/routines/no-such-routine").status_code == 404
    kept = [address for address, _ in client.application.extensions.get("easeback_built_pages", {})]
    assert not [address for address in kept if address.startswith(("/history", "/routines/no-such-routine"))]


def test_home_is_built_again_for_a_new_day(client, renders, monkeypatch):
    client.get("/")
    client.get("/")
    assert renders.count("home.html") == 1

    tomorrow = days.clock() + timedelta(days=1)
    monkeypatch.setattr(days, "clock", lambda: tomorrow)
    client.get("/")
    assert renders.count("home.html") == 2


def test_made_up_query_strings_cannot_grow_the_store_without_bound(client, monkeypatch):
    monkeypatch.setattr(page_cache, "MOST_PAGES", 5)
    for n in range(12):
        assert client.get(f"/routines?q=word{n}").status_code == 200
    assert len(client.application.extensions["easeback_built_pages"]) <= 5
