"""Poses on a chair, facing right; one-sided ones work the near (right) side."""
from .body import At, Body
from .props import arc_arrow, ball, chair, chair_front
from .scene import picture

SEAT_HIP = -57   # hip height when sitting on the chair's seat


def seated(rise=0, **options):
    """A person sitting upright, feet flat and hands on the thighs, chair back just behind."""
    person = Body((0, SEAT_HIP - rise), -90, **options)
    person.leg("far", At(38, -6), end=0)
    person.leg("near", At(42, -6), end=0)
    knee = person.joints["near_knee"]
    person.arm("far", At(knee[0] - 18, knee[1] - 10, -1))
    person.arm("near", At(knee[0] - 16, knee[1] - 9, -1))
    person.touch("far_foot", "floor").touch("near_foot", "floor").touch("near_hand", "near_thigh")
    return person.touch("buttocks", "ball" if rise else "seat")


def on_chair(person, marks=(), back=-16, **options):
    """A picture of the person (or an (end, start) pair) on a side-view chair, on a floor line."""
    return picture("floor", chair(back, seat=46), person, marks=marks, **options)


def ball_massage_seated():
    """A small ball under the near buttock, hands on the thighs."""
    person = seated(rise=10, accent={"pelvis"})
    person.works.add("near_buttock")
    return on_chair(person, marks=[ball(-4, -55, 8)])


def nerve_glide(out):
    """Sitting with the hands on the seat: the near knee bent, chin a little down, or (out)
    straightened so the foot lifts forward, head tilted gently up."""
    person = Body((0, SEAT_HIP), -90, neck=-100 if out else -80, face=-20 if out else 20)
    person.leg("far", At(38, -6))
    if out:
        person.leg("near", (-4, 12), accent=True, end=-70)
    else:
        person.leg("near", At(42, -6), accent=True)
        person.touch("near_foot", "floor")
    person.arm("far", At(-2, -58, -1))
    person.arm("near", At(2, -58, -1))
    return person.touch("buttocks", "seat").touch("far_foot", "floor").touch("near_hand", "seat")


def seated_nerve_glide():
    """The near knee bent, then (lighter) straightened so the foot lifts forward, head tilting up."""
    return on_chair((nerve_glide(out=True), nerve_glide(out=False)))


def seated_pelvic_rock():
    """Sitting tall; the pelvis rocks forward and back, a movement the curved arrow shows."""
    return on_chair(seated(accent={"pelvis"}), marks=[arc_arrow((2, -64), 24, 120, 220, both=True)],
                    moves="the pelvis rocks a few degrees: the curved double arrow shows it")


def shoulder_rolls():
    """Sitting tall; the shoulders circle up, back and down, as the circling arrow shows."""
    person = seated(accent={"shoulder"})
    centre = (person.shoulder[0] - 16, person.shoulder[1] - 6)
    return on_chair(person, marks=[arc_arrow(centre, 12, -250, 40)],
                    moves="the shoulders circle in place: the circling arrow shows it")


def slow_exhale_breathing():
    """Sitting tall, eyes closed, a long breath out of the mouth."""
    person = seated(eyes="closed")
    mouth = (person.head[0] + 14, person.head[1] + 5)
    return on_chair(person, marks=[arc_arrow((mouth[0], mouth[1] + 40), 40, -90, -40)])


def sit_to_stand():
    """Sitting near the front of the chair, leaning forward with the hands on the thighs and the
    feet a little behind the knees; then (lighter) standing tall."""
    start = Body((14, SEAT_HIP), -62)
    start.leg("far", At(44, -6))
    start.leg("near", At(48, -6), accent=True)
    start.arm("far", At(40, -66, -1))
    start.arm("near", At(42, -64, -1))
    start.touch("buttocks", "seat").touch("near_foot", "floor").touch("far_foot", "floor")
    start.touch("near_hand", "near_thigh")
    end = Body((44, -88), -90)
    end.leg("far", At(42, -6))
    end.leg("near", At(46, -6), accent=True)
    end.arm("far", (95, 80))
    end.arm("near", (92, 78))
    end.touch("near_foot", "floor").touch("far_foot", "floor")
    return on_chair((end, start), back=-18)


def front_seated(**options):
    """Sitting, seen from the front: the thighs point at us, so they look short."""
    person = Body((0, SEAT_HIP - 2), -90, view="front", **options)
    person.leg("far", (80, 92), toward=(73, 0))
    return person.touch("hips", "seat")


def seated_twist():
    """Upper body turned to the near side, far hand on the near knee, near hand on the chair back."""
    person = front_seated(face=180, head="profile")
    person.leg("near", (100, 88), toward=(73, 0))
    person.arm("near", At(-26, -90, -1), behind=True)
    person.arm("far", At(-12, -54, 1))
    person.touch("far_hand", "near_knee").touch("near_hand", "chair-back")
    person.works.add("near_turn")
    return picture("floor", chair_front(0), person, marks=[arc_arrow((0, -100), 34, -40, -140)])


def seated_piriformis_stretch():
    """Seen from the front, leaning a little forward: the near (right) ankle resting across the
    far knee, that thigh turned out to the side, the far foot flat; a hand on the crossed knee
    and one on the ankle."""
    person = front_seated(toward=20)
    person.leg("near", (196, 13), toward=(50, 0), accent=True)
    person.arm("near", At(-30, -66, -1))
    person.arm("far", At(6, -60, 1))
    person.touch("near_ankle", "far_knee").touch("near_hand", "near_knee").touch("far_hand", "near_shin")
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
