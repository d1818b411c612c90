"""HTTP security headers and the production secret-key guard."""
from flask.sessions import SecureCookieSessionInterface
from flask_talisman import Talisman
from werkzeug.middleware.proxy_fix import ProxyFix

DEV_SECRET_KEY = "dev-only-not-secret"

# Everything the app needs is served by the app itself: no inline code, no CDN.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

PERMISSIONS_POLICY = {
    "camera": "()",
    "microphone": "()",
    "geolocation": "()",
    "payment": "()",
    "usb": "()",
}

# Talisman does not send these two: keep other sites' windows from holding a
# reference to ours (opener), and other sites' pages from embedding our
# responses (resource), so neither can read what a person saved.
ISOLATION_HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

talisman = Talisman()


class InsecureConfigError(RuntimeError):
    """Raised when the app would run in production with an unsafe setting."""


def check_secret_key(app):
    """Refuse to run outside debug and testing with the development key."""
    if app.debug or app.testing:
        return
    if app.config.get("SECRET_KEY") in (None, "", DEV_SECRET_KEY):
        raise InsecureConfigError(
            "FLASK_SECRET_KEY must be set to a long random value in production "
            "(for example: python -c 'import secrets; print(secrets.token_hex(32))')."
        )


def trust_proxies(app):
    """Behind PROXY_COUNT reverse proxies (FLASK_PROXY_COUNT=1), take the visitor's address
    and scheme from the X-Forwarded headers they set; with none, trust no such header."""
    count = int(app.config.get("PROXY_COUNT") or 0)
    if count > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def isolate(response):
    """Add the cross-origin isolation headers to a response."""
    for name, value in ISOLATION_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


class NoFlaskSession(SecureCookieSessionInterface):
    """Easeback keeps no Flask session (a device is known by its own cookie, app/profiles.py),
    so no request spends time looking for one, and none is ever written."""

    def open_session(self, app, request):
        return None  # Flask then uses its read-only null session

    def save_session(self, app, session, response):
        return None


def init_app(app):
    """Check the configuration and send security headers on every response."""
    check_secret_key(app)
    trust_proxies(app)
    app.session_interface = NoFlaskSession()
    talisman.init_app(
        app,
        # TLS is ended by the proxy in front of us; HSTS is still sent on HTTPS.
        force_https=False,
        session_cookie_secure=False,
        content_security_policy=CONTENT_SECURITY_POLICY,
        referrer_policy="strict-origin-when-cross-origin",
        permissions_policy=PERMISSIONS_POLICY,
        frame_options="DENY",
    )
    app.after_request(isolate)
