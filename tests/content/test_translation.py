"""Translations of the content (routines/<language>/): complete, the same structure as the English,
and never a dropped warning sign, number or tier."""
import shutil

import pytest

from app import paths
from app.content.loading import ContentError
from app.content.startup import load_translations
from app.content.translation import KEPT
from app.site.languages import CODES
from tests.content.content_checks import translate_as_is

EVERY = load_translations(paths.ROUTINES_DIR, paths.PICTURES_DIR, CODES)
ENGLISH, SPANISH = EVERY["en"], EVERY["es"]
DATED = "translated = 2026-12-07"


def test_every_language_the_site_speaks_has_its_content():
    assert set(EVERY) == set(CODES) == {"en", "es"}


def test_a_translation_keeps_every_routine_and_its_timing():
    english, spanish = ENGLISH.library, SPANISH.library
    assert set(spanish.routines) == set(english.routines)
    for slug, routine in english.routines.items():
        translated = spanish.routines[slug]
        assert translated.segments == routine.segments, slug
        assert [step.exercise.id for step in translated.steps] == [step.exercise.id for step in routine.steps]
        assert translated.title != routine.title, f"{slug}: the title is not translated"
        assert translated.translated is not None and routine.translated is None


def test_every_exercise_has_its_own_words_and_the_same_picture():
    for exercise_id, exercise in ENGLISH.library.exercises.items():
        translated = SPANISH.library.exercises[exercise_id]
        assert translated.instructions != exercise.instructions, exercise_id
        assert (translated.picture, translated.code, translated.kind) == (exercise.picture, exercise.code,
                                                                           exercise.kind)


def test_the_warning_signs_keep_their_tiers_and_their_numbers():
    assert [tier.id for tier in SPANISH.safety.tiers] == [tier.id for tier in ENGLISH.safety.tiers]
    for english, spanish in zip(ENGLISH.safety.tiers, SPANISH.safety.tiers, strict=True):
        assert [sign.id for sign in spanish.signs] == [sign.id for sign in english.signs]
        assert spanish.calls == english.calls
    assert "999" in SPANISH.safety.tiers[0].heading
    assert [call.number for call in SPANISH.safety.calls] == ["999", "911", "112", "000", "111"]


def test_lessons_say_when_they_were_translated():
    assert [lesson.slug for lesson in SPANISH.lessons] == [lesson.slug for lesson in ENGLISH.lessons]
    assert all(lesson.translated is not None for lesson in SPANISH.lessons)
    assert SPANISH.safety.translated is not None and ENGLISH.safety.translated is None


def test_names_and_links_stay_as_they_are():
    assert "sources" in KEPT and "url" in KEPT
    assert [s.id for s in SPANISH.lessons.by_slug["massage"].sources] == \
        [s.id for s in ENGLISH.lessons.by_slug["massage"].sources]


# --- What the check refuses ------------------------------------------------------------

@pytest.fixture
def content(tmp_path):
    """A copy of the real content, to break one translation at a time."""
    folder = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, folder)
    return folder


def change(path, old, new):
    text = path.read_text()
    assert old in text, f"update the example: {old!r} is no longer in {path}"
    path.write_text(text.replace(old, new, 1))


def refused(content, message):
    with pytest.raises(ContentError) as error:
        load_translations(content, paths.PICTURES_DIR, CODES)
    assert message in str(error.value), str(error.value)
    return str(error.value)


def test_an_item_without_its_translation_is_refused(content):
    (content / "es" / "exercises" / "cat-cow.toml").unlink()
    refused(content, "es/exercises/cat-cow.toml: file: missing")


def test_a_sentence_left_untranslated_is_refused(content):
    change(content / "es" / "exercises" / "cat-cow.toml", "breathing = ", "# breathing = ")
    refused(content, "cat-cow.toml: breathing: missing: translate it")


def test_a_translation_may_not_change_a_dose(content):
    change(content / "es" / "exercises" / "cat-cow.toml", DATED, f"{DATED}\nreps = 20")
    refused(content, "cat-cow.toml: reps: the same in every language")


def test_a_dropped_number_is_refused(content):
    change(content / "es" / "safety" / "warning-signs.toml", "Llama al 999 o", "Llama a emergencias o")
    refused(content, "tiers[0].heading: drops 999")


@pytest.mark.parametrize(("table", "message"), [
    ("[[tiers.signs]]", "tiers[0].signs: has 11 tables; the English file has 12"),  # a sign
    ("[[tiers]]", "tiers: has 3 tables; the English file has 4"),  # a tier, with its signs
])
def test_a_dropped_warning_sign_or_tier_is_refused(content, table, message):
    path = content / "es" / "safety" / "warning-signs.toml"
    text = path.read_text()
    start = text.index(table)
    end = text.index(table, start + 1)
    path.write_text(text[:start] + text[end:])
    refused(content, message)


def test_a_caution_dropped_from_a_list_is_refused(content):
    change(content / "es" / "guided-walk.toml", '  "Una caída o lesión reciente",\n', "")
    refused(content, "guided-walk.toml: skip_if: has 3 items; the English has 4")


def test_a_sign_the_english_names_must_be_named_in_the_translation(content):
    change(content / "es" / "guided-walk.toml", "Mareo o inestabilidad al estar de pie hoy", "Mareo hoy")
    refused(content, "guided-walk.toml: skip_if[3]: the English names the sign 'walking'")


def test_a_translation_must_say_when_it_was_made(content):
    change(content / "es" / "exercises" / "cat-cow.toml", f"{DATED}\n", "")
    refused(content, "cat-cow.toml: translated: missing")


def test_a_translation_may_not_add_what_the_english_does_not_say(content):
    change(content / "es" / "exercises" / "cat-cow.toml", DATED, f'{DATED}\ntip = "x"')
    refused(content, "cat-cow.toml: tip: not in the English file")


def test_a_new_language_may_start_from_the_english_words(content):
    """words_of holds what the check asks of a translation, no more and no less, in every file: a
    language whose files repeat the English words (a translator's starting point) loads as the English."""
    shutil.rmtree(content / "es")
    for path in sorted(content.rglob("*.toml")):
        translate_as_is(content, path.relative_to(content).as_posix())
    spanish = load_translations(content, paths.PICTURES_DIR, CODES)["es"]
    for slug, routine in ENGLISH.library.routines.items():
        assert (spanish.library.routines[slug].title, spanish.library.routines[slug].segments) == (
            routine.title, routine.segments)
    assert spanish.safety.tiers == ENGLISH.safety.tiers
