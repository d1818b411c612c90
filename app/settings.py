"""Settings kept on the device: sound, voice, vibration and timing."""
from flask import Blueprint, render_template

bp = Blueprint("settings", __name__)

HOLD_SCALES = [
    (0.5, "Half as long"),
    (0.75, "A bit shorter"),
    (1, "As written"),
    (1.25, "A bit longer"),
    (1.5, "Half as long again"),
]
REST_CHOICES = [("", "As the routine says"), ("5", "5 seconds"), ("10", "10 seconds"),
                ("15", "15 seconds"), ("20", "20 seconds"), ("30", "30 seconds")]


@bp.get("/settings")
def index():
    """Cues and timing for the player, kept on this device."""
    return render_template("settings.html", hold_scales=HOLD_SCALES, rest_choices=REST_CHOICES)
