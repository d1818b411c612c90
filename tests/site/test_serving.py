"""Production serving: compression, ETags and the security headers a deployment relies on."""
import uuid

import pytest


@pytest.mark.parametrize("url", ["/", "/routines/in-bed", "/static/css/app.css", "/static/js/pages/player.js",
                                 "/static/pictures/glute-bridge.svg", "/sw.js", "/api/v1/openapi.json"])
@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_text_is_sent_compressed(client, url, encoding):
    with client.get(url, headers={"Accept-Encoding": encoding}) as response:
        assert response.status_code == 200
        assert response.headers["Content-Encoding"] == encoding
        assert "Accept-Encoding" in response.headers["Vary"]


def test_html_has_an_etag_and_answers_304(client):
    first = client.get("/about", headers={"Accept-Encoding": "br"})
    again = client.get("/about", headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    plain = client.get("/about")
    assert plain.headers["ETag"] != first.headers["ETag"], "each encoding has its own ETag"


def test_hsts_is_sent_under_https_only(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://localhost")
    assert "max-age=" in secure.headers["Strict-Transport-Security"]


def test_permissions_policy_turns_off_what_the_app_never_uses(client):
    policy = client.get("/").headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_behind_a_tls_proxy_https_is_recognised(make_app):
    """With FLASK_PROXY_COUNT=1 the proxy's X-Forwarded-Proto counts: HSTS and a Secure cookie."""
    app = make_app(PROXY_COUNT=1)
    proxied = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.5"}
    assert "max-age=" in app.test_client().get("/", headers=proxied).headers["Strict-Transport-Security"]
    saved = app.test_client().put(f"/api/v1/checkins/{uuid.uuid4()}", headers=proxied, json={
        "moment": "any", "back_pain": 1, "leg_pain": 1, "reach": "none",
        "recorded_at": "2026-11-21T08:00:00Z"})
    assert saved.status_code == 201
    assert "Secure" in saved.headers["Set-Cookie"]
