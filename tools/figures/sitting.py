"""Poses on a chair, facing right; one-sided ones work the near (right) side."""
from .body import At, Body
from .props import arc_arrow, arrow, ball, chair, chair_front
from .scene import Scene

SEAT_HIP = -57   # hip height when sitting on the chair's seat


def seated(lean=-90, rise=0, **options):
    """A person sitting on a side-view chair whose back is just behind them."""
    return Body((0, SEAT_HIP - rise), lean, **options)


def feet_flat(body, far=38, near=42, **near_options):
    """Both feet flat on the floor in front of the chair."""
    body.leg("far", At(far, -6))
    body.leg("near", At(near, -6), **near_options)


def hands_on_thighs(body):
    """Both hands resting on the thighs."""
    body.arm("far", At(24, -67, -1))
    body.arm("near", At(26, -66, -1))


def on_chair(person, back=-16):
    """A scene with the chair behind the person and a floor line."""
    scene = Scene("floor")
    scene.add(chair(back, seat=46))
    scene.add(person)
    return scene


def ball_massage_seated():
    person = seated(rise=10, accent={"pelvis"})
    feet_flat(person)
    hands_on_thighs(person)
    scene = on_chair(person)
    scene.add(ball(-4, -55, 8), "front")
    return scene


def seated_nerve_glide():
    person = seated(neck=-100, face=-20)
    person.leg("far", At(38, -6))
    person.leg("near", (-4, 12), accent=True, end=-70)
    person.arm("far", At(-2, -52, -1))
    person.arm("near", At(2, -52, -1))
    scene = on_chair(person)
    scene.add(arc_arrow((40, -60), 40, 30, 75, both=True), "front")
    return scene


def seated_pelvic_rock():
    person = seated(accent={"pelvis"})
    feet_flat(person)
    hands_on_thighs(person)
    scene = on_chair(person)
    scene.add(arc_arrow((2, -64), 24, 120, 220, both=True), "front")
    return scene


def shoulder_rolls():
    person = seated(accent={"shoulder"}, torso=1.06)
    feet_flat(person)
    hands_on_thighs(person)
    scene = on_chair(person)
    centre = (person.shoulder[0] - 16, person.shoulder[1] - 6)
    scene.add(arc_arrow(centre, 12, -250, 40), "front")
    return scene


def slow_exhale_breathing():
    person = seated(eyes="closed")
    feet_flat(person)
    hands_on_thighs(person)
    scene = on_chair(person)
    mouth = (person.head[0] + 14, person.head[1] + 5)
    scene.add(arc_arrow((mouth[0], mouth[1] + 40), 40, -90, -40), "front")
    return scene


def sit_to_stand():
    person = Body((6, -72), -48)
    person.leg("far", At(30, -6))
    person.leg("near", At(34, -6), accent=True)
    person.arm("far", (-14, -12))
    person.arm("near", (-8, -6))
    return on_chair(person, back=-34)


def front_seated(**options):
    """A person sitting on a chair, seen from the front; thighs come towards us, so they look short."""
    return Body((0, SEAT_HIP), -90, view="front", **options)


def front_legs(body, near=None, near_accent=False):
    """Both lower legs hanging to the floor, knees a little apart."""
    body.leg("far", (80, 92), scale=(0.3, 1))
    body.leg("near", near or (100, 88), scale=(0.3, 1), accent=near_accent)


def seated_twist():
    scene = Scene("floor")
    scene.add(chair_front(0))
    person = front_seated(face=180, head="profile")
    front_legs(person)
    person.arm("near", At(-26, -84, -1), behind=True)
    person.arm("far", At(-12, -54, 1))
    scene.add(person)
    scene.add(arc_arrow((0, -100), 34, -40, -140), "front")
    return scene


def seated_piriformis_stretch():
    scene = Scene("floor")
    scene.add(chair_front(0))
    person = front_seated(torso=0.92)
    person.leg("far", (80, 92), scale=(0.3, 1))
    person.leg("near", (155, -4), scale=(0.55, 1.1), accent=True, end=0)
    person.arm("far", At(14, -58, -1))
    person.arm("near", At(-28, -56, 1))
    scene.add(person)
    return scene


POSES = {
    "ball-massage-seated": ball_massage_seated,
    "seated-nerve-glide": seated_nerve_glide,
    "seated-pelvic-rock": seated_pelvic_rock,
    "shoulder-rolls": shoulder_rolls,
    "slow-exhale-breathing": slow_exhale_breathing,
    "sit-to-stand": sit_to_stand,
    "seated-twist": seated_twist,
    "seated-piriformis-stretch": seated_piriformis_stretch,
}
