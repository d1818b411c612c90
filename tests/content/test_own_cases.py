"""The server's side of tests/cases/own-routines.json: for each own routine there, the player data
and summary Python gives (app/pages/player.py player_data, app/content/own.py), which the device's
static/js/lib/own-routine.js must give too from the catalogue in the same file
(tests/js/own-routine.test.js). After changing either side's rules, or the content, rewrite the
file with `UPDATE_CASES=1 .venv/bin/pytest tests/content/test_own_cases.py` and read its diff."""
import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from app import paths
from app.content import library
from app.content.own import OwnRoutine, slug_of
from app.content.routines import load_library
from app.pages.player import catalogue, player_data
from app.pages.routines import stays_off_the_floor
from app.rules import CLIP_PREFIXES, OWN_ROUTINES
from app.site.templating import duration

CASES = Path(__file__).parent.parent / "cases" / "own-routines.json"
EXERCISES = {"exercises": load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR).exercises}
# Versioned static addresses change with every picture: the table compares them without it.
VERSION = re.compile(r"\?v=[0-9a-f]+")
DEFINITIONS = [
    ("one timed step", "3f1e0c2a-7b6d-4e5f-8a9b-0c1d2e3f4a5b",
     {"name": "Just breathe", "steps": [{"exercise": "body-scan"}]}),
    ("both sides, one side, reps, rests", "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
     {"name": "Morning, my way", "often": "Twice a day", "steps": [
         {"exercise": "knee-to-chest-single", "hold": 30, "rest": 15},
         {"exercise": "figure-four-stretch", "sides": "left", "hold": 40, "rest": 0},
         {"exercise": "glute-bridge", "reps": 12, "rest": 120},
         {"exercise": "cat-cow"}]}),
    ("standing only, many reps", "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
     {"name": "Kitchen strength", "steps": [
         {"exercise": "calf-raise", "reps": 30, "rest": 30},
         {"exercise": "sit-to-stand", "reps": 1}]}),
]

HOLD, REPS, REST, STEPS = (OWN_ROUTINES[key] for key in ("hold", "reps", "rest", "steps"))
# Routines both sides refuse: the device's form and link reader, and the server.
REFUSALS = [
    ("no name", {"name": " ", "steps": [{"exercise": "body-scan"}]}),
    ("a name too long", {"name": "x" * (OWN_ROUTINES["name"] + 1), "steps": [{"exercise": "body-scan"}]}),
    ("a name of two lines", {"name": "Two\nlines", "steps": [{"exercise": "body-scan"}]}),
    ("no steps", {"name": "Empty", "steps": []}),
    ("too many steps", {"name": "Long", "steps": [{"exercise": "cat-cow", "reps": 1}] * (STEPS[1] + 1)}),
    ("a hold too short", {"name": "x", "steps": [{"exercise": "body-scan", "hold": HOLD[0] - 1}]}),
    ("a hold too long", {"name": "x", "steps": [{"exercise": "body-scan", "hold": HOLD[1] + 1}]}),
    ("no reps", {"name": "x", "steps": [{"exercise": "cat-cow", "reps": REPS[0] - 1}]}),
    ("too many reps", {"name": "x", "steps": [{"exercise": "cat-cow", "reps": REPS[1] + 1}]}),
    ("a rest too long", {"name": "x", "steps": [{"exercise": "cat-cow", "rest": REST[1] + 1}]}),
    ("a negative rest", {"name": "x", "steps": [{"exercise": "cat-cow", "rest": REST[0] - 1}]}),
    ("a hold given as text", {"name": "x", "steps": [{"exercise": "body-scan", "hold": "30"}]}),
    ("a hold for a counted exercise", {"name": "x", "steps": [{"exercise": "cat-cow", "hold": 30}]}),
    ("reps for a timed exercise", {"name": "x", "steps": [{"exercise": "body-scan", "reps": 5}]}),
    ("sides for an exercise done once", {"name": "x", "steps": [{"exercise": "cat-cow", "sides": "left"}]}),
    ("an unknown side", {"name": "x", "steps": [{"exercise": "knee-to-chest-single", "sides": "middle"}]}),
    ("an unknown exercise", {"name": "x", "steps": [{"exercise": "lifting-a-car"}]}),
    ("over an hour", {"name": "x", "steps": [{"exercise": "body-scan", "hold": HOLD[1], "rest": REST[1]}] * 15
                      + [{"exercise": "body-scan", "hold": HOLD[1]}]}),
]


def unversioned(data):
    return json.loads(VERSION.sub("", json.dumps(data)))


def table(app):
    """The whole table as Python works it out now."""
    with app.test_request_context():
        cases = []
        for name, routine_id, definition in DEFINITIONS:
            own = OwnRoutine.model_validate(definition, context={"exercises": library().exercises})
            routine = SimpleNamespace(slug=slug_of(routine_id), title=own.name, steps=own.steps,
                                      segments=own.segments)
            macros = app.jinja_env.get_template("macros.html").module
            cases.append({"name": name, "slug": routine.slug, "definition": own.definition(),
                          "playerData": player_data(routine),
                          "summary": {"seconds": own.total_seconds, "suitsABadDay": own.suits_a_bad_day,
                                      "downLow": not stays_off_the_floor(own),
                                      "longOnTheBack": own.long_on_the_back,
                                      "positions": list(own.positions)},
                          "length": duration(own.total_seconds),
                          "timings": [str(macros.step_timing(step)).strip() for step in own.steps]})
        return unversioned({"rules": {"own_routines": OWN_ROUTINES, "clip_prefixes": CLIP_PREFIXES},
                            "catalogue": catalogue(library()), "cases": cases,
                            "refusals": [{"name": name, "definition": definition}
                                         for name, definition in REFUSALS]})


def test_the_table_is_what_python_says(app):
    fresh = table(app)
    if os.environ.get("UPDATE_CASES"):
        CASES.write_text(json.dumps(fresh, indent=1, ensure_ascii=False) + "\n")
    assert json.loads(CASES.read_text()) == fresh, (
        "tests/cases/own-routines.json is behind: rewrite it with UPDATE_CASES=1 (see this file's docstring)")


def own(definition):
    return OwnRoutine.model_validate(definition, context=EXERCISES)


@pytest.mark.parametrize("case", DEFINITIONS, ids=[name for name, _, _ in DEFINITIONS])
def test_each_case_is_a_valid_own_routine(case):
    assert own(case[2]).total_seconds <= OWN_ROUTINES["most_seconds"]


def test_the_cases_cover_sides_switches_rests_and_both_kinds_of_dose():
    routines = [own(definition) for *_, definition in DEFINITIONS]
    segments = [segment for routine in routines for segment in routine.segments]
    assert {segment.kind for segment in segments} == {"exercise", "switch", "rest"}
    assert {segment.side for segment in segments} == {None, "left", "right"}
    steps = [step for routine in routines for step in routine.steps]
    assert any(step.hold for step in steps) and any(step.reps for step in steps)
    assert {routine.suits_a_bad_day for routine in routines} == {True, False}
    assert {stays_off_the_floor(routine) for routine in routines} == {True, False}
    assert {routine.long_on_the_back for routine in routines} == {True, False}


@pytest.mark.parametrize("case", REFUSALS, ids=[name for name, _ in REFUSALS])
def test_the_server_refuses_each_refusal(case):
    with pytest.raises(ValidationError):
        own(case[1])
