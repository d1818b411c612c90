"""Linking devices to one profile: one-time codes, and the list of linked devices.

A code works once: redeeming it is a single conditional UPDATE, so two devices
typing the same code at the same moment cannot both join. Wrong codes are
limited per network only, so no one's guesses can turn away the right code.
"""
from datetime import UTC

from flask import Blueprint, Response, abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import func

from app import profiles
from app.api.bodies import body, send
from app.api.declare import WRITE_REFUSALS, documented
from app.db import db
from app.models import DeviceKey, rows_of
from app.profiles import linking
from app.profiles.limits import limit_link_tries, limiter
from app.schemas import DeviceList, DeviceOut, LinkCodeOut, Linked, LinkIn

bp = Blueprint("devices", __name__)

LARGEST_ID = 2**63 - 1  # a bigger number in the URL names no device (and no database can look it up)
NO_SUCH_DEVICE = _l("There is no such device linked to your saved data.")
ONLY_DEVICE = _l("This is the only device with your saved data, so it cannot be removed. "
                 "To remove everything, use Delete everything.")


@bp.post("/link-codes")
@documented(answers={201: LinkCodeOut})
@limiter.limit("10 per hour")
def create_link_code():
    """A one-time code, valid for 10 minutes, to join another device to this profile."""
    profile = profiles.profile_for_writing()
    db.session.flush()
    code, expires_at = linking.new_link_code(profile)
    db.session.commit()
    return send(LinkCodeOut(code=code, expires_at=expires_at), 201)


@bp.post("/link")
@documented(body=LinkIn, answers={200: Linked})
@limit_link_tries
def link_device():
    """Join this device to the profile whose code was typed; a few wrong tries only."""
    data = body(LinkIn)
    try:
        linking.redeem_link_code(data.code)
    except linking.CodeRefused as refused:
        db.session.rollback()
        abort(400, description=str(refused))
    db.session.commit()
    return send(Linked(linked=True))


def as_utc(moment):
    """A stored naive UTC time, marked as UTC so pages show it in local time."""
    return moment.replace(tzinfo=UTC) if moment else None


@bp.get("/devices")
@documented(answers={200: DeviceList})
def list_devices():
    """The devices linked to this profile, with when each joined and was last used."""
    profile = profiles.current_profile()
    keys = [] if profile is None else db.session.execute(
        rows_of(DeviceKey, profile).order_by(DeviceKey.created_at, DeviceKey.id)).scalars()
    this = profiles.current_device_key()
    return send(DeviceList(devices=[
        DeviceOut(id=key.id, linked_at=as_utc(key.created_at), last_used_at=as_utc(key.last_used_at),
                  this_device=key.id == this.id) for key in keys]))


@bp.delete("/devices/<int:device_id>")
@documented(answers={204: None}, errors={**WRITE_REFUSALS, 404: "No such device linked to this profile",
                                         409: "The only device linked cannot be removed"})
def remove_device(device_id):
    """Unlink one device; removing this one also forgets its cookie."""
    profile = profiles.current_profile()
    key = None if profile is None or device_id > LARGEST_ID else db.session.get(DeviceKey, device_id)
    if key is None or key.profile_id != profile.id:
        abort(404, description=str(NO_SUCH_DEVICE))
    devices = db.session.scalar(rows_of(DeviceKey, profile, func.count()))
    if devices == 1:
        abort(409, description=str(ONLY_DEVICE))
    this_device = key.id == profiles.current_device_key().id
    db.session.delete(key)
    db.session.commit()
    response = Response(status=204)
    return profiles.forget_device(response) if this_device else response
