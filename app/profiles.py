"""Anonymous profiles: no sign-up, just a random secret in a cookie.

The first time something is saved, the server makes a profile and gives the
device a long-lived, HttpOnly, SameSite cookie holding a random secret. Only
a hash of the secret is stored, so a copy of the database cannot be used to
get in. Another device joins the profile with a short one-time code.
"""
import hashlib
import secrets
from datetime import timedelta

from flask import g, request
from sqlalchemy import select

from app.db import db
from app.models import CheckIn, DeviceKey, Favourite, LinkCode, PracticeSession, Profile, utcnow

COOKIE = "easeback_device"
COOKIE_MAX_AGE = int(timedelta(days=400).total_seconds())  # browsers cap cookies at 400 days
LINK_CODE_LIFETIME = timedelta(minutes=10)
# No 0/O, 1/I/L: easy to read aloud and type on a phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


def _hash(secret):
    """The stored form of a secret or code."""
    return hashlib.sha256(secret.encode()).hexdigest()


def current_profile():
    """The profile of this device's cookie, or None."""
    if "profile" not in g:
        secret = request.cookies.get(COOKIE)
        key = None
        if secret:
            found = db.session.execute(select(DeviceKey).where(DeviceKey.secret_hash == _hash(secret)))
            key = found.scalar_one_or_none()
        g.profile = key.profile if key else None
    return g.profile


def _give_device_a_key(profile):
    """Make a new secret for this device; the cookie is set on the way out."""
    secret = secrets.token_urlsafe(32)
    db.session.add(DeviceKey(profile=profile, secret_hash=_hash(secret)))
    g.new_device_secret = secret


def profile_for_writing():
    """This device's profile, made now if this is its first save."""
    profile = current_profile()
    if profile is None:
        profile = Profile()
        db.session.add(profile)
        _give_device_a_key(profile)
        g.profile = profile
    return profile


def set_device_cookie(response):
    """Send the new secret, if this request made one, as a cookie."""
    secret = g.pop("new_device_secret", None)
    if secret:
        response.set_cookie(COOKIE, secret, max_age=COOKIE_MAX_AGE, httponly=True, samesite="Lax",
                            secure=request.is_secure, path="/")
    return response


def forget_device(response):
    """Remove the cookie from this device."""
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="Lax", secure=request.is_secure)
    return response


def normalise_code(code):
    """Accept codes typed with spaces, dashes or lower case."""
    return "".join(character for character in code.upper() if character.isalnum())


def new_link_code(profile):
    """Make a one-time code for profile; return it shown as XXXX-XXXX, and when it expires."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires_at = utcnow() + LINK_CODE_LIFETIME
    db.session.add(LinkCode(profile_id=profile.id, code_hash=_hash(code), expires_at=expires_at))
    return f"{code[:4]}-{code[4:]}", expires_at


def redeem_link_code(code):
    """Join this device to the code's profile; return False if the code is wrong, used or expired."""
    link = db.session.execute(
        select(LinkCode).where(LinkCode.code_hash == _hash(normalise_code(code)),
                               LinkCode.used_at.is_(None), LinkCode.expires_at > utcnow())
    ).scalar_one_or_none()
    if link is None:
        return False
    link.used_at = utcnow()
    target = db.session.get(Profile, link.profile_id)
    old = current_profile()
    if old is not None and old.id != target.id:
        _merge_into(old, target)
    _give_device_a_key(target)
    g.profile = target
    return True


def _merge_into(old, target):
    """Bring what this device saved before into the profile it joins, then drop the old one."""
    for model in (PracticeSession, CheckIn):
        for row in db.session.execute(select(model).where(model.profile_id == old.id)).scalars():
            row.profile_id = target.id
    for mine in db.session.execute(select(Favourite).where(Favourite.profile_id == old.id)).scalars().all():
        theirs = db.session.get(Favourite, (target.id, mine.routine))
        if theirs is None:
            db.session.add(Favourite(profile_id=target.id, routine=mine.routine, favourite=mine.favourite,
                                     changed_at=mine.changed_at, change_id=mine.change_id))
        elif (mine.changed_at, mine.change_id) > (theirs.changed_at, theirs.change_id):
            theirs.favourite, theirs.changed_at, theirs.change_id = mine.favourite, mine.changed_at, mine.change_id
    db.session.flush()
    db.session.delete(old)
