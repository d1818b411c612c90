"""Poses on a chair, facing right; one-sided ones work the near (right) side."""
from .body import At, Body
from .props import arc_arrow, ball, chair, chair_front
from .scene import picture

SEAT_HIP = -57   # hip height when sitting on the chair's seat


def seated(rise=0, **options):
    """A person sitting upright, feet flat and hands on the thighs, chair back just behind."""
    person = Body((0, SEAT_HIP - rise), -90, **options)
    person.leg("far", At(38, -6))
    person.leg("near", At(42, -6))
    person.arm("far", At(24, -67 - rise, -1))
    person.arm("near", At(26, -66 - rise, -1))
    return person


def on_chair(person, marks=(), back=-16):
    """A picture of the person on a side-view chair, on a floor line."""
    return picture("floor", chair(back, seat=46), person, marks=marks)


def ball_massage_seated():
    """A small ball under one buttock, hands on the thighs."""
    return on_chair(seated(rise=10, accent={"pelvis"}), marks=[ball(-4, -55, 8)])


def seated_nerve_glide():
    """The near knee straightening so the foot lifts forward, head tilting up."""
    person = Body((0, SEAT_HIP), -90, neck=-100, face=-20)
    person.leg("far", At(38, -6))
    person.leg("near", (-4, 12), accent=True, end=-70)
    person.arm("far", At(-2, -52, -1))
    person.arm("near", At(2, -52, -1))
    return on_chair(person, marks=[arc_arrow((40, -60), 40, 30, 75, both=True)])


def seated_pelvic_rock():
    """Sitting tall; the pelvis rocks forward and back."""
    return on_chair(seated(accent={"pelvis"}), marks=[arc_arrow((2, -64), 24, 120, 220, both=True)])


def shoulder_rolls():
    """Sitting tall; the shoulders circle up, back and down."""
    person = seated(accent={"shoulder"}, torso=1.06)
    centre = (person.shoulder[0] - 16, person.shoulder[1] - 6)
    return on_chair(person, marks=[arc_arrow(centre, 12, -250, 40)])


def slow_exhale_breathing():
    """Sitting tall, eyes closed, a long breath out of the mouth."""
    person = seated(eyes="closed")
    mouth = (person.head[0] + 14, person.head[1] + 5)
    return on_chair(person, marks=[arc_arrow((mouth[0], mouth[1] + 40), 40, -90, -40)])


def sit_to_stand():
    """Halfway up from the chair, leaning forward, arms reaching forward."""
    person = Body((6, -72), -48)
    person.leg("far", At(30, -6))
    person.leg("near", At(34, -6), accent=True)
    person.arm("far", (-14, -12))
    person.arm("near", (-8, -6))
    return on_chair(person, back=-34)


def front_seated(**options):
    """Sitting, seen from the front: the thighs point at us, so they look short."""
    person = Body((0, SEAT_HIP), -90, view="front", **options)
    person.leg("far", (80, 92), scale=(0.3, 1))
    return person


def seated_twist():
    """Upper body turned to the near side, far hand on the near knee, near hand on the chair back."""
    person = front_seated(face=180, head="profile")
    person.leg("near", (100, 88), scale=(0.3, 1))
    person.arm("near", At(-26, -84, -1), behind=True)
    person.arm("far", At(-12, -54, 1))
    return picture("floor", chair_front(0), person, marks=[arc_arrow((0, -100), 34, -40, -140)])


def seated_piriformis_stretch():
    """The near ankle resting across the far knee, so the legs make a figure four."""
    person = front_seated(torso=0.92)
    person.leg("near", (165, -4), scale=(0.75, 1.2), accent=True, end=0)
    person.arm("far", At(24, -52, 1))
    person.arm("near", At(-40, -58, -1))
    return picture("floor", chair_front(0), person)


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
