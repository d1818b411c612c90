"""The rules the server, the pages and their scripts share, each stated once.

Python imports them from here; templates and scripts get the same values once per page, as the
JSON block `for_pages()` makes (templates/base.html, read by static/js/lib/page-data.js), so no
template or script writes one of them out again. Plain data, importing nothing that reaches the
database.
"""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.content.bounds import OWN_ROUTINES
from app.content.loading import SLUG_MAX_LENGTH, SLUG_PATTERN


@dataclass(frozen=True)
class PainReach:
    """How far down the leg pain reaches: the stored value, a label for forms and tables,
    and a phrase for a sentence ("Back 6/10, leg 4/10, down to the calf")."""

    value: str
    label: str
    phrase: str


# Nearest first: forms, tables, the trend notes, the API and the checklist's summary take it from here.
PAIN_REACHES = (
    PainReach("none", _l("Not in the leg"), _l("not down the leg")),
    PainReach("buttock", _l("Buttock"), _l("into the buttock")),
    PainReach("thigh", _l("Thigh"), _l("down to the thigh")),
    PainReach("calf", _l("Calf"), _l("down to the calf")),
    PainReach("foot", _l("Foot"), _l("down to the foot")),
)

# My plan's steps, gentlest first, and the answers a set-up has before the person changes them.
LEVELS = (_l("Starting gently"), _l("Building"), _l("Steady"), _l("Stronger"))
# The weekdays a plan's schedule may name, Monday first (as date.weekday() counts them).
DAYS = {"MO": _l("Monday"), "TU": _l("Tuesday"), "WE": _l("Wednesday"), "TH": _l("Thursday"),
        "FR": _l("Friday"), "SA": _l("Saturday"), "SU": _l("Sunday")}
# The same days as a sentence names what falls on them ("Strength ... on Mondays and Thursdays").
ON_DAYS = {"MO": _l("Mondays"), "TU": _l("Tuesdays"), "WE": _l("Wednesdays"), "TH": _l("Thursdays"),
           "FR": _l("Fridays"), "SA": _l("Saturdays"), "SU": _l("Sundays")}
PLAN_DEFAULTS = {"walk_minutes": 5, "minutes": 10, "time": "09:00", "zone": "UTC"}
# Answers that mean "get medical help", not the plan, most urgent first: (field, answer, the tier of
# /safety it points to, as /safety#now). A set-up's "leg" or a weekly review's answers are read
# against them, and the first that matches names the tier. Numbness worse on its own is not among
# them: the plan reads it as a harder week and suggests the GP.
URGENT_ANSWERS = (
    ("warning_sign", True, "now"),  # a sign in the first group of /safety
    ("leg", "both", "now"),  # pain in both legs
    ("weakness", "worse", "same-day"),  # one leg's weakness getting worse
    ("foot_drags", True, "same-day"),
)
# What each urgent answer was, in my plan's words (app/plan/rules.py says them in this order).
URGENT_WORDS = {
    "warning_sign": _l("In your last weekly review you said you had one of the warning signs."),
    "leg": _l("You said you feel it in both legs."),
    "weakness": _l("In your last weekly review you said weakness in your leg or foot was getting worse."),
    "foot_drags": _l("In your last weekly review you said your foot drags or slaps down when you walk."),
}

# The guided walk and its walking exercise: the plan's walk card opens the walk's player with
# #walk=<minutes>, and the player stretches or shrinks the walking steps, together, to that length.
GUIDED_WALK = {"routine": "guided-walk", "exercise": "gentle-walking"}

# The most each field takes: characters for text, minutes for the walk, entries for lists.
LIMITS = {
    "note": 280,  # a check-in's note
    "long_text": 2000,  # the checklist's text areas
    "line_text": 200,  # the checklist's one-line fields
    "short_text": 120,  # a therapist's details
    "activity_name": 60,
    "activities": 3,
    "walk_minutes": 120,
    "search": 80,  # the routines catalogue's search box
    "link_code_min": 10,  # a linking code as shown (XXXXX-XXXXX), or typed with spaces
    "link_code_max": 24,
}

# Settings' choice of how long to hold each stretch, named as Settings names it: the plan's advice
# to hold longer names the same setting and choice (app/plan/rules.py).
HOLD_SETTING = _l("How long to hold each stretch")
HOLD_SCALES = (
    (0.5, _l("Half as long")),
    (0.75, _l("A bit shorter")),
    (1, _l("As written")),
    (1.25, _l("A bit longer")),
    (1.5, _l("Half as long again")),
)

# The service worker's cache of pages drawn from the person's own data, which "Delete everything"
# drops whole (the worker's template gets it from app/site/pwa.py).
PERSONAL_CACHE = "easeback-personal"

# The player's spoken cue words as recorded clip ids: tools/voice.py records one clip each, and
# the cue plan (static/js/lib/cue-plan.js) asks for them by these ids.
CUE_CLIPS = {
    "get_ready": "get-ready", "first": "first", "begin": "begin", "rest": "rest",
    "switch_sides": "switch-sides", "next": "next", "left": "left-side", "right": "right-side",
    "halfway": "halfway", "last_step": "last-step", "well_done": "well-done",
}
# Clips made for something in particular: a number (number-3), an exercise (exercise-cat-cow), a
# spoken step of one routine (note-guided-walk-2).
CLIP_PREFIXES = {"number": "number-", "exercise": "exercise-", "note": "note-"}


def for_pages(lazy=False):
    """Every rule above as plain JSON-ready data, for templates and the page's scripts, its words in
    the language of the request it is made in. lazy keeps the words lazy, each read in the language
    of the page that shows it, for the one copy every template shares (app/site/templating.py)."""
    word = (lambda text: text) if lazy else str
    return {
        "slug": {"pattern": SLUG_PATTERN, "max_length": SLUG_MAX_LENGTH},
        "reaches": {reach.value: {"label": word(reach.label), "phrase": word(reach.phrase)}
                    for reach in PAIN_REACHES},
        "levels": [word(level) for level in LEVELS],
        "plan_defaults": PLAN_DEFAULTS,
        "urgent_answers": [{"name": name, "value": value, "tier": tier}
                           for name, value, tier in URGENT_ANSWERS],
        "limits": LIMITS,
        "guided_walk": GUIDED_WALK,
        "personal_cache": PERSONAL_CACHE,
        "cue_clips": CUE_CLIPS,
        "clip_prefixes": CLIP_PREFIXES,
        "own_routines": OWN_ROUTINES,
    }
