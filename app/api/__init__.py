"""The JSON API (/api/v1): a parent blueprint holding the rules every request to it goes through
(cross-site writes refused, write limits, no-store, the device cookie), and its children, each a
part of the API: saves, reading back and exports, own routines, my plan, devices and linking, the
calendar feed, and the OpenAPI document made from the routes' own declarations."""
from flask import Blueprint, abort, request
from flask_babel import gettext

from app import profiles
from app.api import calendar, data, devices, openapi, own_routines, plan, saves
from app.profiles.limits import limit_writes

bp = Blueprint("api", __name__, url_prefix="/api/v1")
limit_writes(bp)
for child in (saves.bp, data.bp, own_routines.bp, plan.bp, devices.bp, calendar.bp, openapi.bp):
    bp.register_blueprint(child)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@bp.before_request
def refuse_cross_site_writes():
    """Only pages from this site may change data (with the SameSite cookie, this stops CSRF)."""
    if request.method in SAFE_METHODS:
        return
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        abort(403, description=gettext("Changes can only be made from Easeback's own pages."))
    origin = request.headers.get("Origin")
    if origin is not None and origin != request.host_url.rstrip("/"):
        abort(403, description=gettext("Changes can only be made from Easeback's own pages."))


@bp.after_request
def finish(response):
    """Keep answers out of every cache, tag what a read answers, and send a new device cookie
    when this request made a profile.

    no-store, as "Delete everything" cannot reach a browser's HTTP cache: so a device keeps a
    read's ETag itself and sends it back as If-None-Match, and nothing new costs a short 304.
    The tag is weak, so compressing the answer (which changes a strong tag) leaves it alone."""
    response.headers["Cache-Control"] = "no-store"
    whole_json_read = response.status_code == 200 and response.is_json and not response.is_streamed
    if request.method == "GET" and whole_json_read:
        response.add_etag(weak=True)
        response = response.make_conditional(request)
    return profiles.set_device_cookie(response)
