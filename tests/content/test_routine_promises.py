"""Promises routines keep to people in pain: what a flare-up, a night in bed or a pregnancy never meets."""
import re
import shutil

import pytest

from app import paths
from app.content.loading import ContentError
from app.content.models import LONG_ON_THE_BACK
from app.content.routines import load_library
from app.content.startup import load_content
from app.plan.rules import fits_level
from app.rules import GUIDED_WALK

LIBRARY = load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR)
ROUTINES = list(LIBRARY.routines.values())
WITH_HELD_NERVE_TENSION = [routine for routine in ROUTINES
                           if any(step.exercise.holds_nerve_tension for step in routine.steps)]
FLARE_UP_OFF_THE_FLOOR = LIBRARY.routines["flare-up-chair-and-standing"]
WOKEN_AT_NIGHT = LIBRARY.routines["woken-by-leg-pain"]
PREGNANCY = "If you are pregnant: after about 16 weeks, avoid long spells lying flat on your back"


def slug_of(routine):
    return routine.slug


def test_the_strap_stretch_is_a_held_nerve_tension_position_with_a_gentler_painful_side():
    strap = LIBRARY.exercises["strap-hamstring-stretch"]
    where = "routines/exercises/strap-hamstring-stretch.toml"
    assert strap.holds_nerve_tension, f"{where}: a leg raised straight holds the nerve on a stretch"
    assert "On the side with the leg pain, keep that knee bent" in strap.instructions, \
        f"{where}: offer the bent-knee version for the painful side"
    assert "straighten and bend it again instead of holding it still" in strap.instructions, \
        f"{where}: offer the in-and-out version for the painful side"
    assert "flare-up" in strap.skip_if, f"{where}: say it waits until a flare-up has passed"


def test_a_routine_uses_the_strap_stretch_so_the_rules_below_are_tried():
    assert "after-a-walk" in {routine.slug for routine in WITH_HELD_NERVE_TENSION}


@pytest.mark.parametrize("routine", WITH_HELD_NERVE_TENSION, ids=slug_of)
def test_held_nerve_tension_keeps_a_routine_off_a_bad_day_and_out_of_the_gentlest_step(routine):
    assert not routine.suits_a_bad_day, f"{routine.slug}: a held nerve stretch does not suit a bad day"
    assert not fits_level(routine, 0), f"{routine.slug}: keep it out of the plan's gentlest step"


def test_the_bad_day_page_never_offers_held_nerve_tension(client):
    html = client.get("/bad-day").text
    offered = set(re.findall(r'href="/routines/([a-z0-9-]+)', html))
    assert offered, "the bad-day page should offer routines"
    assert not offered & {routine.slug for routine in WITH_HELD_NERVE_TENSION}, offered


def test_a_bad_day_guide_naming_a_routine_with_held_nerve_tension_is_refused(tmp_path):
    folder = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, folder)
    guide = folder / "guides" / "bad-day.toml"
    text = guide.read_text()
    assert 'routines = ["' in text, "the example no longer matches bad-day.toml"
    guide.write_text(text.replace('routines = ["', 'routines = ["after-a-walk", "', 1))
    with pytest.raises(ContentError, match=r"bad-day.toml: routines\[0\]: 'after-a-walk' has"):
        load_content(folder, paths.PICTURES_DIR)


def longest_step_on_the_back(routine):
    """The longest single step done lying on the back, in seconds (both sides counted)."""
    return max((step.seconds_per_side * max(1, len(step.sides)) for step in routine.steps
                if step.exercise.lying_on == "back"), default=0)


@pytest.mark.parametrize("routine", ROUTINES, ids=slug_of)
def test_a_routine_that_keeps_you_on_your_back_shows_the_pregnancy_caution(client, routine):
    html = client.get(f"/routines/{routine.slug}").text
    cautions = re.search(r'<section class="caution".*?</section>', html, re.S).group(0)
    if longest_step_on_the_back(routine) >= LONG_ON_THE_BACK:
        assert PREGNANCY in cautions, f"routines/{routine.slug}.toml: long on the back: show the line"
        assert "do not lie on your front" in cautions
    if longest_step_on_the_back(routine) == 0:
        assert PREGNANCY not in html, f"routines/{routine.slug}.toml: never on the back; no pregnancy line"


def test_the_pregnancy_caution_counts_a_spell_of_short_steps_on_the_back():
    # Short steps one after another on the back add up, rests between them included.
    routine = LIBRARY.routines["in-bed"]
    assert longest_step_on_the_back(routine) < routine.longest_on_the_back
    assert routine.long_on_the_back


def test_the_flare_up_routine_off_the_floor_never_needs_the_floor_or_a_bed():
    routine = FLARE_UP_OFF_THE_FLOOR
    assert set(routine.positions) <= {"sitting", "standing"}, routine.positions
    assert "flare-up" in routine.goals
    assert routine.suits_a_bad_day and fits_level(routine, 0)
    assert all(step.exercise.bends is None for step in routine.steps), \
        "a flare-up routine for everyone bends the back neither way"


def test_the_night_routine_stays_in_bed_and_never_bends_forward():
    routine = WOKEN_AT_NIGHT
    assert routine.time_of_day == ("night",)
    assert routine.positions == ("lying",), "everything is done lying in bed"
    assert "bed" in routine.for_whom
    forward = [step.exercise.id for step in routine.steps if step.exercise.bends == "forward"]
    assert forward == [], f"no forward bends at night: {forward}"
    assert routine.steps[-1].exercise.kind == "rest-position", "end settled, ready to sleep again"
    assert routine.suits_a_bad_day


@pytest.mark.parametrize("routine", [FLARE_UP_OFF_THE_FLOOR, WOKEN_AT_NIGHT], ids=slug_of)
def test_a_new_routine_says_who_it_is_for_when_to_skip_it_and_its_sources(client, routine):
    assert routine.for_whom and routine.skip_if
    assert any("safety page" in reason for reason in routine.skip_if), "point to the warning signs"
    assert "NHS: Sciatica" in routine.sources
    assert any(source.startswith("NICE guideline NG59") for source in routine.sources)
    html = client.get(f"/routines/{routine.slug}").text
    assert html.count('<span class="cue-label">Take care</span>') == len(routine.steps), \
        "every step says when to ease off or stop"


def test_the_bad_day_page_offers_a_flare_up_away_from_the_floor_and_one_for_the_night():
    content = load_content(paths.ROUTINES_DIR, paths.PICTURES_DIR)
    offered = content.bad_day.routines
    # The first stays the calm-down routine home's "Gentle, for a bad day" card shows.
    assert offered[0] == "flare-up-calm-down"
    assert FLARE_UP_OFF_THE_FLOOR.slug in offered and WOKEN_AT_NIGHT.slug in offered


def test_the_guided_walk_the_plan_opens_walks_with_the_exercise_the_player_stretches():
    walk = LIBRARY.routines[GUIDED_WALK["routine"]]
    walking = [step for step in walk.steps if step.exercise.id == GUIDED_WALK["exercise"]]
    # Its walking stages are what #walk=<minutes> shares out; at least two, so the shares mean something.
    assert len(walking) >= 2 and all(step.hold for step in walking)
