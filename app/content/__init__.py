"""Content: the files under routines/, read once at start-up (app/content/startup.py), checked,
frozen, and reached here by the views.

One module per kind of file (routines.py: exercises and routines; checklists.py: the
therapist checklist and the registers where you live; learning.py: the lessons and the bad-day
guide; safety.py: the warning signs, each in one tier), built from the field types in fields.py
and read by loading.py.
`flask content check` (app/cli.py) runs the same load_content as start-up.
"""
from flask import current_app
from flask_babel import get_locale

from app.content.translation import ENGLISH


def in_use():
    """The content in the language of the page being made (app/site/languages.py)."""
    every = current_app.extensions["easeback_content"]
    return every.get(str(get_locale())) or every[ENGLISH]


def library():
    """Return the current app's exercises and routines."""
    return in_use().library


def checklist():
    """Return the current app's therapist checklist."""
    return in_use().checklist


def lessons():
    """Return the current app's lessons, in reading order."""
    return in_use().lessons


def bad_day():
    """Return the current app's bad-day guide."""
    return in_use().bad_day


def registers():
    """Return the current app's registers, place by place, for the checklist page."""
    return in_use().registers


def warning_signs():
    """Return the current app's warning signs, tier by tier (app/content/safety.py)."""
    return in_use().safety
