"""Settings kept on the device: sound, voice, vibration and timing; and the language, kept in a
cookie the server reads (app/site/languages.py)."""
from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.api import refuse_cross_site_writes
from app.rules import HOLD_SCALES, HOLD_SETTING
from app.site import languages
from app.site.page_cache import same_for_everyone

bp = Blueprint("settings", __name__)

VOLUMES = [(0.4, _l("Soft")), (0.7, _l("Medium")), (1, _l("Full"))]
REST_CHOICES = [("", _l("As the routine says"))] + [
    (str(seconds), _l("%(seconds)s seconds", seconds=seconds)) for seconds in (5, 10, 15, 20, 30)]


def allowed_choices():
    """The values a device's settings may take, as static/js/lib/settings-store.js reads them.

    This is the one list: the settings store drops anything else back to its default.
    """
    return {
        "holdScales": [value for value, _ in HOLD_SCALES],
        # "" in the form means "as the routine says", which the store keeps as null.
        "restSeconds": [int(value) if value else None for value, _ in REST_CHOICES],
        "volumes": [value for value, _ in VOLUMES],
    }


@bp.get("/settings")
@same_for_everyone()
def index():
    """Cues and timing for the player, kept on this device."""
    return render_template("settings.html", hold_setting=HOLD_SETTING, hold_scales=HOLD_SCALES,
                           rest_choices=REST_CHOICES, volumes=VOLUMES, settings_choices=allowed_choices())


@bp.post("/settings/language")
def choose_language():
    """Settings' Language: remember the choice (or forget it, for the browser's own language), then
    show Settings in it."""
    refuse_cross_site_writes()
    code = request.form.get("language", "")
    if code and code not in languages.LANGUAGES:
        abort(400, description=_("Choose one of the languages listed."))
    # An unprefixed address, with the cookie gone, is in the browser's language.
    response = redirect(url_for("settings.index", _language=code or languages.ENGLISH), 303)
    languages.remember(response, code or None)
    return response
