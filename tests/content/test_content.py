"""Content: every real file loads and reads well; every rule has a failing example."""
import re
import shutil

import pytest

from app import paths
from app.content.loading import ContentError
from app.content.models import LONG_ON_THE_BACK
from app.content.routines import load_library
from app.content.startup import load_content
from tests.content.content_checks import assert_refused

LIBRARY = load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR)
ROUTINES = list(LIBRARY.routines.values())
EXERCISES = list(LIBRARY.exercises.values())
BANNED = re.compile(r"\b(cure[sd]?|curing|heal(s|ed|ing)?|fix(es|ed)?|guarantee[sd]?|miracle)\b", re.I)


def test_library_is_big_enough():
    assert len(EXERCISES) >= 24, "the library needs at least 24 exercises"
    assert len(ROUTINES) >= 12, "the library needs at least 12 routines"


@pytest.mark.parametrize("slug", [
    "morning-mobility", "flare-up-calm-down", "desk-break", "bedtime-wind-down",
    "ball-self-massage", "before-a-walk", "after-a-walk", "in-bed", "in-a-chair",
    "breathing-and-relaxation", "floor-transfers", "gentle-strength", "gentle-nerve-glide", "guided-walk",
])
def test_promised_routine_exists(slug):
    assert slug in LIBRARY.routines, f"routines/{slug}.toml is promised in PRODUCT.md"


@pytest.mark.parametrize("routine", ROUTINES, ids=lambda r: r.slug)
def test_routine_reads_well(routine):
    where = f"routines/{routine.slug}.toml"
    assert 3 * 60 <= routine.total_seconds <= 20 * 60, f"{where}: lasts {routine.total_seconds} s"
    assert routine.skip_if, f"{where}: say when to skip it"
    assert routine.sources, f"{where}: name its sources by title"
    for step in routine.steps:
        if step.exercise.sided:
            assert step.sides, f"{where}: {step.exercise.id} is one-sided but has no sides"
    assert 5 <= routine.rest <= 15, f"{where}: rests are 5 to 15 s"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_exercise_reads_well(exercise):
    where = f"routines/exercises/{exercise.id}.toml"
    for field in ("instructions", "breathing", "ease_off_if", "picture_alt"):
        assert len(getattr(exercise, field)) >= 15, f"{where}: {field} is too short to help"
    assert len(exercise.instructions) <= 400, f"{where}: instructions: keep to 1-3 short sentences"
    svg = (paths.PICTURES_DIR / exercise.picture).read_text()
    assert "<script" not in svg and "<style" not in svg and "style=" not in svg, \
        f"static/pictures/{exercise.picture}: use presentation attributes only"
    assert 'viewBox="0 0 240 160"' in svg, f"static/pictures/{exercise.picture}: keep the shared viewBox"


@pytest.mark.parametrize("path", sorted(paths.ROUTINES_DIR.rglob("*.toml")), ids=lambda p: p.name)
def test_no_overclaiming(path):
    found = BANNED.search(path.read_text())
    assert found is None, f"{path.name}: never promise outcomes ({found and found.group(0)!r})"


# NHS Sciatica: skin that feels numb cannot feel a burn, and hot-water bottles scald.
HOT_WATER_BOTTLE = re.compile(r"hot[- ]water bottle", re.I)


@pytest.mark.parametrize("path", sorted(paths.ROUTINES_DIR.rglob("*.toml")), ids=lambda p: p.name)
def test_heat_is_a_heat_pack_never_a_hot_water_bottle_and_never_on_numb_skin(path):
    text = path.read_text()
    assert not HOT_WATER_BOTTLE.search(text), f"{path.name}: suggest a heat pack, never a hot-water bottle"
    if re.search(r"heat pack", text, re.I):
        assert re.search(r"numb", text, re.I), (
            f"{path.name}: say a heat pack never goes on skin that feels numb")


CONTENT = load_content(paths.ROUTINES_DIR, paths.PICTURES_DIR)
READING = {**CONTENT.lessons.by_slug, "bad-day": CONTENT.bad_day}
# The traffic-light rule states its pain rises in one lesson only, as "rises by 0 to 2 points".
PAIN_RISE = re.compile(r"rises by (\d+) (?:to (\d+) )?points( or more)?")


def words_of(guide):
    """Everything a reader meets in a lesson or guide, as one string."""
    texts = [guide.title, guide.summary, *(source.title for source in guide.sources)]
    for section in guide.sections:
        texts += [section.heading, *section.paragraphs, *section.points]
    return " ".join(texts)


def pain_bands():
    """The traffic-light bands of the pain rule, as {colour: (lowest rise, highest rise or None)}."""
    bands = {}
    for section in READING["how-much-pain-is-ok"].sections:
        colour = section.heading.split(":")[0]
        rises = [found for point in section.points if (found := PAIN_RISE.search(point))]
        if colour in ("Green", "Amber", "Red"):
            assert len(rises) == 1, f"how-much-pain-is-ok.toml: {colour}: state its pain rise once"
            low, high, open_ended = rises[0].groups()
            bands[colour] = (int(low), None if open_ended else int(high))
    return bands


def test_pain_bands_start_at_zero_and_meet_without_overlapping():
    bands = pain_bands()
    assert list(bands) == ["Green", "Amber", "Red"], "how-much-pain-is-ok.toml: green, amber, red in order"
    assert bands["Green"][0] == 0, "green starts at no rise at all"
    assert bands["Amber"][0] == bands["Green"][1] + 1, f"green and amber must meet, not overlap: {bands}"
    assert bands["Red"][0] == bands["Amber"][1] + 1, f"amber and red must meet, not overlap: {bands}"
    assert bands["Red"][1] is None, "red is open-ended: 'N points or more'"


@pytest.mark.parametrize("slug", sorted(set(READING) - {"how-much-pain-is-ok"}))
def test_pain_bands_are_stated_in_one_lesson_only(slug):
    assert not PAIN_RISE.search(words_of(READING[slug])), \
        f"{slug}: link to the pain lesson instead of restating its bands"


# Facts a clinician checked; each must stay in its lesson, in words a reader would recognise.
FACTS = [
    ("how-much-pain-is-ok", "rule of thumb"),
    ("how-much-pain-is-ok", "settles within about an hour"),
    ("how-much-pain-is-ok", "no worse the next morning"),
    ("what-sciatica-is", "L4 to S3"),
    ("what-sciatica-is", "join inside the pelvis"),
    ("what-sciatica-is", "just above the back of the knee"),
    ("what-sciatica-is", "tibial"),
    ("what-sciatica-is", "much better by about 3 months"),
    ("self-massage", "cannot reach most of it"),
    ("massage", "CD001929"),
    ("massage", "Furlan"),
    ("massage", "No one technique has been shown to work better"),
    ("massage", "Osteoporosis"),
    ("massage", "Cancer that has spread to bone"),
    ("everyday-positions", "emergency stop"),
    ("walking-water-and-worry", "intermittent claudication"),
    ("what-helps", "NICE guideline NG59"),
    ("what-helps", "NHS: Sciatica"),
    ("what-helps", "lowest dose"),
    ("what-helps", "gabapentin, pregabalin and other anti-epileptic medicines"),
    ("what-helps", "oral corticosteroids"),
    ("what-helps", "benzodiazepines"),
    ("what-helps", "opioids"),
    ("what-helps", "offence to drive"),
]


@pytest.mark.parametrize(("slug", "words"), FACTS)
def test_clinical_fact_stays_in_its_lesson(slug, words):
    assert words.lower() in words_of(READING[slug]).lower(), f"{slug}.toml: keep {words!r}"


@pytest.mark.parametrize("slug", sorted(READING))
def test_exercise_may_reduce_recurrences_and_never_prevents_them(slug):
    found = re.search(r"\bprevent\w*", words_of(READING[slug]), re.I)
    assert found is None, f"{slug}: say exercise may reduce the chance, never {found and found.group(0)!r}"


def test_new_tingling_or_numbness_alone_is_not_red_in_the_pain_rule():
    red = next(section for section in READING["how-much-pain-is-ok"].sections
               if section.heading.startswith("Red"))
    for point in red.points:
        assert not re.search(r"tingl|numb", point, re.I), f"red point {point!r}: see the safety page instead"


def test_every_picture_is_used():
    used = {exercise.picture for exercise in EXERCISES}
    on_disk = {path.name for path in paths.PICTURES_DIR.glob("*.svg")}
    assert on_disk == used, f"unused pictures: {sorted(on_disk - used)}"


CAUTION_LABEL = re.compile(r'cue--caution[^"]*"[^>]*><span class="cue-label">\{\{ _\("([^"]+)"\) \}\}</span>')


def caution_labels(template):
    """The labels a template puts above an exercise's skip line and its ease-off sentence."""
    return CAUTION_LABEL.findall((paths.TEMPLATES_DIR / template).read_text())


def test_caution_labels_are_the_same_on_the_routine_page_and_in_the_player():
    on_the_page = caution_labels("macros.html")
    assert on_the_page == caution_labels("player/play.html") == ["Before you start", "Take care"]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_caution_sentence_does_not_repeat_its_label(exercise):
    sentences = (exercise.skip_if or "", exercise.ease_off_if)
    for label, text in zip(caution_labels("macros.html"), sentences, strict=True):
        assert not text.lower().startswith(label.lower()), (
            f"routines/exercises/{exercise.id}.toml: the page already shows {label!r} above this; "
            "start differently")


# Moves that bend the back one way get a skip line for people whose leg that way worsens.
SKIP_LINES = {
    "prone-press-up": "bending backwards", "standing-back-extension": "bending backwards",
    "knee-to-chest-double": "bending forward", "childs-pose": "bending forward",
    "seated-piriformis-stretch": "bending forward", "knee-to-chest-single": "bending forward",
    "prone-lying": "bending backwards",
}


@pytest.mark.parametrize(("exercise_id", "words"), SKIP_LINES.items())
def test_directional_moves_say_when_to_skip_them(exercise_id, words):
    skip_if = LIBRARY.exercises[exercise_id].skip_if or ""
    assert words in skip_if, f"routines/exercises/{exercise_id}.toml: skip_if should mention {words!r}"
    if words == "bending backwards":
        assert "stenosis" in skip_if


@pytest.mark.parametrize("exercise_id", ["prone-lying", "prone-press-up"])
def test_lying_on_the_front_is_skipped_in_pregnancy(exercise_id):
    skip_if = LIBRARY.exercises[exercise_id].skip_if or ""
    assert "pregnant" in skip_if, f"routines/exercises/{exercise_id}.toml: skip_if should mention pregnancy"


def test_press_up_tells_a_good_sign_from_a_reason_to_stop():
    ease_off_if = LIBRARY.exercises["prone-press-up"].ease_off_if
    assert "spreads further down your leg" in ease_off_if, "leg pain spreading down is a reason to stop"
    assert "shrinks back up towards your back is a good sign" in ease_off_if, \
        "back ache growing while leg pain shrinks upwards is a good sign"


def test_calf_stretch_offers_a_bent_knee_option():
    instructions = LIBRARY.exercises["calf-stretch-wall"].instructions
    assert "bend the back knee" in instructions


def test_back_bends_stay_out_of_strength_and_the_start_of_a_walk():
    strength = [step.exercise.id for step in LIBRARY.routines["gentle-strength"].steps]
    assert "prone-press-up" not in strength, "the press-up is not a strength exercise"
    first = LIBRARY.routines["before-a-walk"].steps[0].exercise
    assert first.bends is None, "before-a-walk should open with a move that bends the back neither way"
    assert any("bend forward" in reason for reason in LIBRARY.routines["morning-mobility"].skip_if)


def test_guided_walk_paces_a_walk_of_10_to_15_minutes():
    walk = LIBRARY.routines["guided-walk"]
    walking = [step for step in walk.steps if step.exercise.id == "gentle-walking"]
    assert 10 * 60 <= sum(step.seconds_per_side for step in walking) <= 15 * 60
    assert all(step.note for step in walking), "each stage of the walk needs a pacing cue"
    assert "halfway" in " ".join(step.note for step in walking)


def test_segments_lay_out_sides_switches_and_rests():
    routine = next(r for r in ROUTINES if any(len(s.sides) == 2 for s in r.steps))
    kinds = [segment.kind for segment in routine.segments]
    assert kinds.count("exercise") == sum(len(s.sides) or 1 for s in routine.steps)
    assert kinds.count("switch") == sum(1 for s in routine.steps if len(s.sides) == 2)
    assert kinds[-1] == "exercise", "no rest after the last step"
    assert routine.total_seconds == sum(segment.seconds for segment in routine.segments)


# --- Each validation rule, broken on purpose in a tiny library ---------------

EXERCISE = '''id = "reach"
name = "Reach"
code = "re"
kind = "stretch"
position = "lying"
lying_on = "back"
instructions = "Lie on your back. Reach your arms overhead."
breathing = "Breathe out as you reach."
ease_off_if = "Your back twinges."
sided = false
hold = 30
picture = "reach.svg"
picture_alt = "A person lying on a mat, arms overhead."
'''

STEP = '''
[[steps]]
exercise = "reach"
hold = 45
'''

ROUTINE = '''slug = "tiny"
title = "Tiny"
summary = "A small routine."
for_whom = "Anyone."
skip_if = ["A red-flag sign."]
goals = ["mobility"]
time_of_day = ["morning"]
rest = 10
switch_sides = 5
sources = ["NHS: Sciatica"]
''' + STEP * 4


@pytest.fixture
def tiny(tmp_path):
    """A valid one-exercise, one-routine library to break in one place."""
    (tmp_path / "exercises").mkdir()
    (tmp_path / "pictures").mkdir()
    (tmp_path / "exercises" / "reach.toml").write_text(EXERCISE)
    (tmp_path / "tiny.toml").write_text(ROUTINE)
    shutil.copy(paths.PICTURES_DIR / EXERCISES[0].picture, tmp_path / "pictures" / "reach.svg")
    return tmp_path


def load(folder):
    """Load the tiny library."""
    return load_library(folder, folder / "pictures")


def test_tiny_library_is_valid(tiny):
    assert load(tiny).routines["tiny"].total_seconds == 4 * 45 + 3 * 10


# Two spells on the back, each 45 s plus the rest after it, with a step on the side between them.
SPELLS_ON_THE_BACK = ROUTINE.split("[[steps]]")[0] + """
[[steps]]
exercise = "reach"
hold = 45
rest_after = {rest}

[[steps]]
exercise = "side"
hold = 45
""" * 2


@pytest.mark.parametrize(("rest", "long"), [(LONG_ON_THE_BACK - 46, False), (LONG_ON_THE_BACK - 45, True)])
def test_a_spell_on_the_back_a_minute_long_earns_the_pregnancy_caution(tiny, rest, long):
    side = EXERCISE.replace('"reach"', '"side"').replace('"Reach"', '"Side"').replace('"re"', '"si"')
    (tiny / "exercises" / "side.toml").write_text(side.replace('lying_on = "back"', 'lying_on = "side"'))
    (tiny / "tiny.toml").write_text(SPELLS_ON_THE_BACK.format(rest=rest))
    routine = load(tiny).routines["tiny"]
    assert routine.longest_on_the_back == 45 + rest
    assert routine.long_on_the_back is long


def test_held_nerve_tension_makes_a_routine_unfit_for_a_bad_day(tiny):
    assert load(tiny).routines["tiny"].suits_a_bad_day
    exercise = tiny / "exercises" / "reach.toml"
    exercise.write_text(EXERCISE.replace("sided = false", "sided = false\nholds_nerve_tension = true"))
    assert not load(tiny).routines["tiny"].suits_a_bad_day


BROKEN = [
    # (file, text to replace, replacement, field named in the error, words in the error)
    ("exercises/reach.toml", 'name = "Reach"\n', "", "name", "missing required key"),
    ("exercises/reach.toml", "hold = 30", "hold = 30\ncolour = \"red\"", "colour", "unknown key"),
    ("exercises/reach.toml", "hold = 30", "hold = 0", "hold", "between 1 and"),
    ("exercises/reach.toml", "hold = 30", 'hold = "30"', "hold", "whole number"),
    ("exercises/reach.toml", "hold = 30", "hold = 90", "hold", "stretches hold 20 to 45"),
    ("exercises/reach.toml", "hold = 30", "hold = 30\nreps = 5", "hold", "not both"),
    ("exercises/reach.toml", 'kind = "stretch"', 'kind = "yoga"', "kind", "not one of"),
    ("exercises/reach.toml", 'picture = "reach.svg"', 'picture = "gone.svg"', "picture", "no file"),
    ("exercises/reach.toml", 'id = "reach"', 'id = "grab"', "id", "does not match the file name"),
    ("exercises/reach.toml", "Lie on your back. Reach your arms overhead.", "One. Two. Three. Four.",
     "instructions", "1 to 3 full sentences"),
    ("exercises/reach.toml", "sided = false", "sided = false\nsided = true", "syntax", ""),
    ("tiny.toml", 'exercise = "reach"\nhold = 45\n\n[[steps]]',
     'exercise = "stretch"\nhold = 45\n\n[[steps]]', "steps[0].exercise", "unknown exercise"),
    ("tiny.toml", 'slug = "tiny"', 'slug = "small"', "slug", "does not match the file name"),
    ("tiny.toml", "rest = 10", "rest = -10", "rest", "between 1 and"),
    ("tiny.toml", "rest = 10", "rest = 60", "rest", "5 to 15"),
    ("tiny.toml", 'goals = ["mobility"]', 'goals = ["fame"]', "goals[0]", "not one of"),
    ("tiny.toml", 'skip_if = ["A red-flag sign."]', "skip_if = []", "skip_if", "at least one"),
    ("tiny.toml", 'exercise = "reach"\nhold = 45\n\n[[steps]]',
     'exercise = "reach"\nhold = 45\nsides = "left"\n\n[[steps]]', "steps[0].sides", "not one-sided"),
    ("tiny.toml", 'exercise = "reach"\nhold = 45\n\n[[steps]]', 'exercise = "reach"\nreps = 4\n\n[[steps]]',
     "steps[0].reps", "timed, so use hold"),
    ("exercises/reach.toml", "sided = false", 'sided = false\nskip_if = "Skip this if it hurts. Or rest."',
     "skip_if", "write one full sentence ending in"),
    ("exercises/reach.toml", "sided = false", 'sided = false\nbends = "sideways"', "bends", "not one of"),
    ("exercises/reach.toml", "sided = false",
     'sided = false\nskip_if = "Skip this if bending backwards makes your leg worse."', "bends",
     'add bends = "backward"'),
    ("exercises/reach.toml", 'lying_on = "back"\n', "", "lying_on", 'say which way up: lying_on = "back"'),
    ("exercises/reach.toml", 'lying_on = "back"', 'lying_on = "up"', "lying_on", "not one of"),
    ("exercises/reach.toml", 'position = "lying"', 'position = "sitting"', "lying_on",
     'only goes with position = "lying"'),
    ("exercises/reach.toml", "sided = false", 'sided = false\nholds_nerve_tension = "yes"',
     "holds_nerve_tension", ""),
]


@pytest.mark.parametrize(("name", "old", "new", "field", "words"), BROKEN,
                         ids=[f"{case[0]}:{case[3]}" for case in BROKEN])
def test_broken_file_names_file_field_and_problem(tiny, name, old, new, field, words):
    assert_refused(tiny / name, old, new, lambda: load(tiny), field, words)


def test_routine_too_short_is_refused(tiny):
    path = tiny / "tiny.toml"
    path.write_text(path.read_text().replace("hold = 45", "hold = 20"))
    with pytest.raises(ContentError, match=r"tiny.toml: steps: the routine lasts 110 s"):
        load(tiny)


def test_duplicate_id_is_refused(tiny):
    copy = tiny / "exercises" / "stretch-copy.toml"
    copy.write_text(EXERCISE)
    refusal = r"stretch-copy.toml: id: duplicate id 'reach', already used by reach.toml"
    with pytest.raises(ContentError, match=refusal):
        load(tiny)


def test_duplicate_title_is_refused(tiny):
    (tiny / "tiny-copy.toml").write_text(ROUTINE.replace('slug = "tiny"', 'slug = "tiny-copy"'))
    with pytest.raises(ContentError, match=r"title: duplicate title 'Tiny'"):
        load(tiny)


def test_file_name_must_be_a_slug(tiny):
    (tiny / "tiny.toml").rename(tiny / "Tiny Routine.toml")
    with pytest.raises(ContentError, match="file name"):
        load(tiny)


def test_start_up_stops_on_broken_content(tiny):
    from app import create_app
    (tiny / "exercises" / "reach.toml").write_text(EXERCISE.replace('id = "reach"', 'id = "grab"'))
    with pytest.raises(ContentError, match="reach.toml: id: 'grab' does not match the file name"):
        create_app({"TESTING": True, "ROUTINES_DIR": str(tiny)})
