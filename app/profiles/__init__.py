"""Anonymous profiles: no sign-up, just a random secret in a cookie.

The first time something is saved, the server makes a profile and gives the
device a long-lived, HttpOnly, SameSite cookie (__Host- prefixed and Secure
under HTTPS) holding a random secret. Only
a hash of the secret is stored, so a copy of the database cannot be used to
get in. Another device joins the profile with a short one-time code.
"""
import hashlib
import secrets
from datetime import timedelta

from flask import g, request
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import make_transient_to_detached

from app.db import autocommitting, db
from app.models import DeviceKey, Profile, utcnow

COOKIE = "easeback_device"
# Under HTTPS the browser keeps a __Host- cookie only if it is Secure, has Path=/ and no
# Domain, so no other site on a sibling domain or plain-HTTP page can set or overwrite it.
SECURE_COOKIE = "__Host-" + COOKIE
COOKIE_MAX_AGE = int(timedelta(days=400).total_seconds())  # browsers cap cookies at 400 days


# Built once: building a statement costs more than running it.
DEVICE_KEY = (select(DeviceKey.id, DeviceKey.profile_id, DeviceKey.last_used_at)
              .where(DeviceKey.secret_hash == bindparam("secret_hash")))
NOTE_USE = (update(DeviceKey).where(DeviceKey.id == bindparam("key_id"))
            .values(last_used_at=bindparam("now")))


def secret_hash(secret):
    """The stored form of a secret or code."""
    return hashlib.sha256(secret.encode()).hexdigest()


def cookie_name():
    """The device cookie's name: __Host- prefixed under HTTPS, plain for local HTTP."""
    return SECURE_COOKIE if request.is_secure else COOKIE


def _cookie_secret():
    """The secret this device sent, and whether it came under the name used before the prefix."""
    secret = request.cookies.get(cookie_name())
    if secret is None and request.is_secure:
        return request.cookies.get(COOKIE), True
    return secret, False


def current_device():
    """This device's key as named by its cookie (a row: id, profile_id, last_used_at), or None.

    Looked up once a request without the ORM session (db.autocommitting): the limiter asks on
    every save, and a favourite needs no more than the profile's id. Views ask before they change
    anything: the day's note of use is a write of its own, which on SQLite would wait for a write
    this request's session had begun.
    """
    if "device" not in g:
        secret, old_name = _cookie_secret()
        device = None
        if secret:
            device = autocommitting().execute(DEVICE_KEY, {"secret_hash": secret_hash(secret)}).one_or_none()
            if device is not None:
                note_use(device)
        if device is not None and old_name:
            g.renamed_device_secret = secret  # a cookie from before the prefix: sent again under the new name
        g.device = device
    return g.device


def current_profile_id():
    """The id of this device's profile (None before its first save), without the ORM."""
    if "profile" in g:  # made or loaded by this request
        return g.profile.id if g.profile is not None else None
    device = current_device()
    return device.profile_id if device is not None else None


def current_profile():
    """The profile of this device's cookie, or None."""
    if "profile" not in g:
        device = current_device()
        g.profile = None if device is None else _known_profile(device.profile_id)
    return g.profile


def _known_profile(profile_id):
    """The profile with this id, which its device key proves exists, in the session without a query
    (its other columns load if ever read)."""
    profile = Profile(id=profile_id)
    make_transient_to_detached(profile)
    return db.session.merge(profile, load=False)


def current_device_key():
    """The device key of this device's cookie (or the one this request made), or None."""
    return g.device_key if "device_key" in g else current_device()


def note_use(device):
    """Record that this device was used today; at most one write a day, so reads stay cheap."""
    now = utcnow()
    if device.last_used_at is not None and device.last_used_at.date() == now.date():
        return
    autocommitting().execute(NOTE_USE, {"key_id": device.id, "now": now})


def give_device_a_key(profile):
    """Make a new secret for this device; the cookie is set on the way out."""
    secret = secrets.token_urlsafe(32)
    key = DeviceKey(profile=profile, secret_hash=secret_hash(secret))
    db.session.add(key)
    g.device_key = key
    g.new_device_secret = secret


def profile_for_writing():
    """This device's profile, made now if this is its first save."""
    profile = current_profile()
    if profile is None:
        profile = Profile()
        db.session.add(profile)
        give_device_a_key(profile)
        g.profile = profile
    return profile


def set_device_cookie(response):
    """Send the new secret, if this request made one, as a cookie."""
    secret = g.pop("new_device_secret", None) or g.pop("renamed_device_secret", None)
    if secret:
        if request.is_secure and COOKIE in request.cookies:
            response.delete_cookie(COOKIE, path="/", httponly=True, samesite="Lax", secure=True)
        response.set_cookie(cookie_name(), secret, max_age=COOKIE_MAX_AGE, httponly=True, samesite="Lax",
                            secure=request.is_secure, path="/")
    return response


def forget_device(response):
    """Remove the cookie from this device (under HTTPS, any cookie from before the prefix too)."""
    g.pop("new_device_secret", None)
    g.pop("renamed_device_secret", None)
    names = (SECURE_COOKIE, COOKIE) if request.is_secure else (COOKIE,)
    for name in names:
        response.delete_cookie(name, path="/", httponly=True, samesite="Lax", secure=request.is_secure)
    return response
