"""Settings kept on the device: sound, voice, vibration and timing."""
from flask import Blueprint, render_template

from app.site.page_cache import same_for_everyone

bp = Blueprint("settings", __name__)

HOLD_SCALES = [
    (0.5, "Half as long"),
    (0.75, "A bit shorter"),
    (1, "As written"),
    (1.25, "A bit longer"),
    (1.5, "Half as long again"),
]
VOLUMES = [(0.4, "Soft"), (0.7, "Medium"), (1, "Full")]
REST_CHOICES = [("", "As the routine says"), ("5", "5 seconds"), ("10", "10 seconds"),
                ("15", "15 seconds"), ("20", "20 seconds"), ("30", "30 seconds")]


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
    return render_template("settings.html", hold_scales=HOLD_SCALES, rest_choices=REST_CHOICES,
                           volumes=VOLUMES, settings_choices=allowed_choices())
