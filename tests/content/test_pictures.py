"""The exercise pictures: every pose passes the model's checks before it is drawn, each check
refuses the fault it names (with the exercise, the part and the fix), the committed files are
what the poses draw, and all of them together stay within the pictures' budget as sent."""
import json

import pytest

from app import paths
from app.content.routines import load_library
from tools.artwork import DRAWN_FROM, fingerprint
from tools.figures import __main__ as figures
from tools.figures.body import At, Body
from tools.figures.checks import check
from tools.figures.props import chair
from tools.figures.scene import picture

POSES = figures.POSES
EXERCISES = load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR).exercises
PICTURES_BUDGET = 600 * 1024   # every picture and its lock-screen artwork, as sent


@pytest.mark.parametrize("name", sorted(POSES))
def test_every_pose_passes_its_checks(name):
    assert check(name, POSES[name](), EXERCISES[name]) == []


@pytest.mark.parametrize("name", sorted(POSES))
def test_every_picture_is_what_its_pose_draws(name):
    drawn = (paths.PICTURES_DIR / f"{name}.svg").read_text()
    assert drawn == POSES[name]().svg(), f"static/pictures/{name}.svg: run `make pictures`"


def test_every_exercise_has_a_pose():
    assert set(POSES) == set(EXERCISES)


def standing_person(near=None, hand=True):
    """A person standing by a chair, feet flat, one hand on its back: a pose that passes."""
    person = Body((0, -88), -90)
    person.leg("far", At(-2, -6), end=0)
    person.leg("near", near or At(2, -6), end=0)
    person.arm("far", (95, 85))
    person.arm("near", At(38, -100, -1), end=0)
    person.touch("far_foot", "floor").touch("near_foot", "floor")
    if hand:
        person.touch("near_hand", "chair-top")
    return person


def scene_of(person, **options):
    return picture("floor", chair(40, back=54), person, **options)


def problems_of(person, exercise=None, **options):
    return check("test-pose", scene_of(person, **options), exercise)


class Exercise:
    """The two facts of an exercise the picture checks read."""

    def __init__(self, sided=False, reps=None):
        self.sided, self.reps = sided, reps


def test_a_pose_that_stands_properly_passes():
    assert problems_of(standing_person()) == []


def test_a_knee_bent_backwards_is_refused_naming_the_joint_and_the_fix():
    person = standing_person(near=(90, 60))
    person.contacts.remove(("near_foot", "floor"))
    problems = problems_of(person)
    assert any("test-pose: the near knee is at -30 degrees" in p and "bring it to -4 or more" in p
               for p in problems), problems


def test_a_hip_past_its_range_is_refused():
    person = standing_person(near=(-80, -70))
    person.contacts.remove(("near_foot", "floor"))
    assert any("the near hip is at 170 degrees" in p and "back to 150 or less" in p
               for p in problems_of(person))


def test_a_bone_drawn_longer_than_the_model_is_refused():
    person = standing_person()
    limb = person.limbs[1]
    root, middle, tip = limb.joints
    person.limbs[1] = limb._replace(joints=(root, (middle[0], middle[1] + 8), (tip[0], tip[1] + 8)))
    assert any("the near thigh is 50.0 long where the model's is 42.0" in p for p in problems_of(person))


def test_a_limb_turned_too_far_towards_us_is_refused():
    person = standing_person()
    person.arm("far", (95, 85), toward=(85, 0))
    assert any("the far arm points 85 degrees towards us" in p for p in problems_of(person))


def test_a_foot_that_floats_above_the_floor_is_refused():
    person = standing_person(near=At(20, -30))
    assert any("the near foot should rest on the floor but is" in p and "move it down onto it" in p
               for p in problems_of(person))


def test_a_hand_that_misses_the_chair_is_refused():
    person = standing_person()
    person.touch("far_hand", "chair-top")
    assert any("the far hand should rest on the chair-top" in p for p in problems_of(person))


def test_a_body_sunk_into_the_floor_is_refused():
    person = Body((0, -70), -90)
    person.leg("far", (90, 90), end=0)
    person.leg("near", (90, 90), end=0)
    person.touch("near_foot", "floor")
    problems = problems_of(person)
    assert any("below the floor" in p for p in problems), problems
    assert any("the near foot is" in p and "deep in the floor" in p for p in problems), problems


def test_a_person_resting_on_nothing_is_refused():
    person = standing_person()
    person.contacts.clear()
    assert any("nothing holds this person up" in p for p in problems_of(person))


def test_a_contact_with_a_missing_prop_is_refused():
    person = standing_person()
    person.touch("buttocks", "bed")
    assert any("buttocks rests on 'bed', but the picture has no bed" in p for p in problems_of(person))


def test_a_one_sided_exercise_must_work_the_right_side():
    person = standing_person()
    person.limbs[0] = person.limbs[0]._replace(accent=True)   # the far (left) leg
    problems = problems_of(person, Exercise(sided=True))
    assert any("the working side is the left" in p for p in problems), problems


def test_mirroring_a_picture_swaps_its_working_side():
    person = standing_person()
    person.limbs[1] = person.limbs[1]._replace(accent=True)   # the near leg: the right, unmirrored
    assert problems_of(person, Exercise(sided=True)) == []
    mirrored = problems_of(person, Exercise(sided=True), mirror=True)
    assert any("the working side is the left" in p for p in mirrored), mirrored


def test_a_one_sided_exercise_must_mark_its_working_side():
    problems = problems_of(standing_person(), Exercise(sided=True))
    assert any("no part is marked as working" in p for p in problems), problems


def test_a_moving_exercise_shows_its_end_position_or_says_how_a_mark_shows_it():
    exercise = Exercise(reps=8)
    problems = problems_of(standing_person(), exercise)
    assert any("moves (8 reps) but the picture shows one position" in p for p in problems), problems
    assert check("test-pose", picture("floor", chair(40, back=54), (standing_person(), standing_person())),
                 exercise) == []


def test_make_pictures_draws_nothing_while_a_pose_fails(monkeypatch, tmp_path):
    drawn = paths.PICTURES_DIR / "glute-bridge.svg"
    before = drawn.read_text()

    def floating():
        person = standing_person(near=At(20, -30))
        return scene_of(person)

    monkeypatch.setitem(POSES, "glute-bridge", floating)
    with pytest.raises(SystemExit) as refused:
        figures.main(["glute-bridge", "bird-dog"])
    assert "glute-bridge: the near foot should rest on the floor" in str(refused.value)
    assert drawn.read_text() == before


def test_all_pictures_and_their_artwork_stay_within_budget(client):
    sent = 0
    files = sorted(paths.PICTURES_DIR.glob("*.svg")) + sorted((paths.PICTURES_DIR / "artwork").glob("*.png"))
    for path in files:
        url = "/static/" + path.relative_to(paths.STATIC_DIR).as_posix()
        with client.get(url, headers={"Accept-Encoding": "br, gzip"}) as response:
            assert response.status_code == 200, url
            sent += len(response.get_data())
    assert len(files) == 2 * len(POSES)
    assert sent <= PICTURES_BUDGET, f"{len(files)} pictures and artwork: {sent / 1024:.0f} KB as sent"


def test_the_lock_screen_artwork_is_drawn_from_the_pictures_as_they_are():
    drawn_from = json.loads(DRAWN_FROM.read_text())
    pictures = sorted(paths.PICTURES_DIR.glob("*.svg"))
    assert drawn_from == {picture.stem: fingerprint(picture) for picture in pictures}, (
        "the artwork was drawn from older pictures: run `make pictures`")
    assert all((paths.PICTURES_DIR / "artwork" / f"{picture.stem}.png").is_file() for picture in pictures)
