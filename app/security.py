"""HTTP security headers and the production secret-key guard."""
from flask_talisman import Talisman

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


def init_app(app):
    """Check the configuration and send security headers on every response."""
    check_secret_key(app)
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
