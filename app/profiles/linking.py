"""Linking another device to a profile: one-time codes, and merging what the joining device saved
into the code's profile, line by line of the register.

A code works once: redeeming it is a single conditional UPDATE, so two devices typing the same
code at the same moment cannot both join.
"""
import secrets
from datetime import timedelta

from flask import g
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select, update

from app.db import db
from app.models import LinkCode, Profile, utcnow, wins_over
from app.profiles import current_profile, give_device_a_key, secret_hash
from app.profiles.register import REGISTER, Merge

LINK_CODE_LIFETIME = timedelta(minutes=10)
# No 0/O, 1/I/L: easy to read aloud and type on a phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10  # 31**10 (about 8e14) codes: guessing one is hopeless within the try limits


def normalise_code(code):
    """Accept codes typed with spaces, dashes or lower case."""
    return "".join(character for character in code.upper() if character.isalnum())


def shown_code(code):
    """A code as people read it: two groups, XXXXX-XXXXX."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def new_link_code(profile):
    """Make a one-time code for profile; return it as shown, and when it expires."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires_at = utcnow() + LINK_CODE_LIFETIME
    db.session.add(LinkCode(profile_id=profile.id, code_hash=secret_hash(code), expires_at=expires_at))
    return shown_code(code), expires_at


class CodeRefused(Exception):
    """A link code that cannot join this device; the message says why, in the person's words."""


WRONG_CODE = _l("That code is not right, or it has expired. Make a new one on your other device.")
OWN_CODE = _l("That code was made on this device, which already has this saved data. "
              "Type it on your other device instead.")


def _code_owner(code_hash, now):
    """The profile id of an unused, unexpired code, or None."""
    return db.session.execute(select(LinkCode.profile_id).where(
        LinkCode.code_hash == code_hash, LinkCode.used_at.is_(None), LinkCode.expires_at > now)).scalar()


def _claim(code, this_profile_id):
    """Mark an unused, unexpired code used in one conditional UPDATE; return its profile id.

    Two devices redeeming one code at once both pass a read-then-write check; only one
    UPDATE can match the row while used_at is still empty. A code of this device's own
    profile is left unused, so it still works on the other device.
    """
    code_hash, now = secret_hash(normalise_code(code)), utcnow()
    owner = _code_owner(code_hash, now)
    if owner is not None and owner == this_profile_id:
        raise CodeRefused(str(OWN_CODE))
    claimed = db.session.execute(
        update(LinkCode).where(LinkCode.code_hash == code_hash, LinkCode.used_at.is_(None),
                               LinkCode.expires_at > now).values(used_at=now)
        .execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        raise CodeRefused(str(WRONG_CODE))
    return db.session.execute(select(LinkCode.profile_id).where(LinkCode.code_hash == code_hash)).scalar_one()


def redeem_link_code(code):
    """Join this device, and every device already linked to it, to the code's profile, bringing
    everything they saved; raise CodeRefused when the code is wrong, used, expired or its own."""
    old = current_profile()  # before the claim, so looking up this device commits nothing else
    target = db.session.get(Profile, _claim(code, old.id if old is not None else None))
    if old is None:
        give_device_a_key(target)
    else:
        merge_profiles(old.id, target.id)  # this device's key moves too: its cookie stays as it is
    g.profile = target


def merge_profiles(old_id, target_id):
    """Bring everything profile old_id owns into target_id, line by line of the register, then
    drop old_id, which then owns nothing: rows made on a device (and ways in) move, and of two rows
    with one key the later change is kept and the other deleted."""
    for line in REGISTER:
        if line.merge is Merge.MOVE:
            db.session.execute(update(line.model).where(line.model.profile_id == old_id)
                               .values(profile_id=target_id).execution_options(synchronize_session=False))
        else:
            _keep_later(line, old_id, target_id)
    db.session.execute(delete(Profile).where(Profile.id == old_id)
                       .execution_options(synchronize_session=False))


def _keep_later(line, old_id, target_id):
    """Move each of old_id's rows of a last-change-wins line to target_id unless target_id holds a
    row with the same key changed later; of each pair, the one that lost is deleted."""
    model = line.model
    keys = [model.__table__.c[name] for name in line.key]
    changes = select(*keys, model.changed_at, model.change_id)
    theirs = db.session.execute(changes.where(model.profile_id == target_id))
    held = {tuple(row[:len(keys)]): row for row in theirs}
    for mine in db.session.execute(changes.where(model.profile_id == old_id)).all():
        key = tuple(mine[:len(keys)])
        same_key = [column == value for column, value in zip(keys, key, strict=True)]
        if key in held and not wins_over(mine.changed_at, mine.change_id, held[key]):
            db.session.execute(delete(model).where(model.profile_id == old_id, *same_key)
                               .execution_options(synchronize_session=False))
            continue
        db.session.execute(delete(model).where(model.profile_id == target_id, *same_key)
                           .execution_options(synchronize_session=False))
        db.session.execute(update(model).where(model.profile_id == old_id, *same_key)
                           .values(profile_id=target_id).execution_options(synchronize_session=False))
