"""The find-a-therapist checklist (being built: see issue 6)."""
from flask import Blueprint

bp = Blueprint("checklist", __name__)


def init_app(app):
    """Load the checklist content once at start-up."""
