"""Each exercise's link code: two lower-case letters or digits, used by one exercise only, so a
shared routine's link (static/js/lib/routine-link.js) names exactly one exercise."""
import shutil

import pytest

from app import paths
from app.content.loading import ContentError
from app.content.routines import load_library
from tests.content.content_checks import assert_refused


@pytest.fixture
def routines(tmp_path):
    """A copy of the real content folder, to break one exercise at a time."""
    folder = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, folder)
    return folder


def load(folder):
    return load_library(folder, paths.PICTURES_DIR)


def test_every_exercise_has_its_own_code():
    exercises = load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR).exercises.values()
    codes = [exercise.code for exercise in exercises]
    assert len(set(codes)) == len(codes)
    assert exercises and all(len(code) == 2 for code in codes)


def test_a_code_used_twice_is_refused_naming_both_files(routines):
    exercises = routines / "exercises"
    text = (exercises / "glute-bridge.toml").read_text()
    (exercises / "glute-bridge.toml").write_text(text.replace('code = "gb"', 'code = "cc"'))
    with pytest.raises(ContentError) as raised:
        load(routines)
    assert raised.value.field == "code"
    assert str(raised.value).endswith("duplicate code 'cc', also used by cat-cow.toml")
    assert raised.value.path.name == "glute-bridge.toml"


@pytest.mark.parametrize(("code", "words"), [
    ('"CC"', "'CC': use lower-case"), ('"c-"', "'c-': use lower-case"), ('"c"', "at least 2 characters"),
    ('"cat"', "at most 2 characters"), ("12", "must be a non-empty string"),
])
def test_a_code_that_is_not_two_lower_case_letters_or_digits_is_refused(routines, code, words):
    assert_refused(routines / "exercises" / "cat-cow.toml", 'code = "cc"', f"code = {code}",
                   lambda: load(routines), "code", words)


def test_an_exercise_without_a_code_is_refused(routines):
    assert_refused(routines / "exercises" / "cat-cow.toml", 'code = "cc"\n', "",
                   lambda: load(routines), "code", "missing required key")
