"""Poses on the floor or a bed. On the back: head on the left, the near (right) side towards us."""
from .body import At, Body
from .props import arc_arrow, arrow, bed, chair, pillow, strap
from .scene import picture

BACK = 13   # hip and shoulder height when lying on the back


def supine(**options):
    """A person on their back on the mat, head on the left."""
    return Body((0, -BACK), 180, **options)


def prone(lift=0, **options):
    """A person face down, head on the right (the picture is mirrored), feet pointing back."""
    person = Body((0, -BACK), -lift, **options)
    person.leg("far", (180, 180), end=168)
    person.leg("near", (181, 180), end=168)
    return person


def arms_by_sides(body):
    """Both arms resting along the mat by the body."""
    body.arm("far", (2, 0))
    body.arm("near", (4, 2))
    return body


def knees_bent(body, feet=62):
    """Both knees bent with the feet flat on the mat."""
    body.leg("far", At(feet - 4, -6))
    body.leg("near", At(feet, -6))
    return body


def body_scan():
    """Legs long over a cushion, arms by the sides, eyes closed."""
    person = arms_by_sides(supine(eyes="closed"))
    person.leg("far", (-4, 6))
    person.leg("near", (-7, 8))
    return picture("mat", pillow(40, -7, 34, 13), person)


def diaphragmatic_breathing():
    """Knees bent, a hand on the chest and one on the belly, which rises and falls."""
    person = knees_bent(supine(eyes="closed", accent={"belly"}))
    person.arm("far", At(-40, -27, -1))
    person.arm("near", At(-16, -28, -1))
    return picture("mat", person, marks=[arrow((-12, -44), (-12, -62), both=True)])


def glute_bridge():
    """Feet flat, hips lifted so shoulders, hips and knees make a slope."""
    person = Body((0, -40), 149, neck=178, face=-90, accent={"pelvis"})
    person.leg("far", At(40, -6))
    person.leg("near", At(44, -6))
    return picture("mat", arms_by_sides(person))


def pelvic_tilt():
    """Knees bent, the pelvis tilting to flatten the lower back."""
    person = arms_by_sides(knees_bent(supine(accent={"pelvis"})))
    return picture("mat", person, marks=[arc_arrow((2, -13), 26, -150, -80)])


def knee_to_chest_double():
    """Both knees drawn towards the chest, hands behind them."""
    person = supine()
    person.leg("far", (-116, 35), accent=True)
    person.leg("near", (-112, 32), accent=True)
    person.arm("far", At(-12, -46, -1))
    person.arm("near", At(-8, -48, -1))
    return picture("mat", person)


def knee_to_chest_single():
    """The near knee hugged towards the chest, the other foot flat."""
    person = supine()
    person.leg("far", At(62, -6))
    person.leg("near", (-122, 30), accent=True)
    person.arm("far", At(-18, -46, -1))
    person.arm("near", At(-6, -52, -1))
    return picture("mat", person)


def strap_hamstring_stretch():
    """The near leg raised fairly straight, a strap round the foot held in both hands."""
    person = supine()
    person.leg("far", At(62, -6))
    foot = person.leg("near", (-68, -62), accent=True)
    ends = person.arm("far", At(-22, -54, -1)), person.arm("near", At(-18, -56, -1))
    sole = (foot[0] - 4, foot[1] - 4)
    return picture("mat", person, marks=[strap(ends[0], sole, ends[1])])


def rest_90_90():
    """Lower legs resting on a chair seat, hips and knees at right angles."""
    person = arms_by_sides(supine())
    person.leg("far", (-90, 0))
    person.leg("near", (-88, 0))
    return picture("mat", chair(72, facing=-1, seat=48), person)


def prone_lying():
    """Face down, the head turned to one side and resting on folded hands."""
    person = prone(neck=-30, head="front", eyes="closed")
    # The folded arms go behind the head, or they would hide the face resting on them.
    person.arm("far", (10, -160), scale=(1, 0.8), behind=True)
    person.arm("near", (20, -155), scale=(1, 0.8), behind=True)
    return picture("mat", person, mirror=True)


def prone_press_up():
    """Face down, propped on the forearms, hips staying on the mat."""
    person = prone(lift=25, neck=-35, face=5, accent={"back"})
    person.arm("far", (92, 0), end=0)
    person.arm("near", (88, 0), end=0)
    return picture("mat", person, mirror=True)


def log_roll_out_of_bed():
    """Seen from the bedside: on one side, lower legs over the edge, one arm pushing up."""
    person = Body((30, -65), -172, view="front", neck=182)
    person.leg("far", (72, 88), scale=(0.45, 1))
    person.leg("near", (48, 92), scale=(0.45, 1))
    person.arm("far", At(-46, -52, 1), accent=True)
    return picture("floor", bed(-110, 64), pillow(person.head[0] - 2, -56, 40, 14), person)


POSES = {
    "body-scan": body_scan,
    "diaphragmatic-breathing": diaphragmatic_breathing,
    "glute-bridge": glute_bridge,
    "pelvic-tilt": pelvic_tilt,
    "knee-to-chest-double": knee_to_chest_double,
    "knee-to-chest-single": knee_to_chest_single,
    "strap-hamstring-stretch": strap_hamstring_stretch,
    "rest-90-90": rest_90_90,
    "prone-lying": prone_lying,
    "prone-press-up": prone_press_up,
    "log-roll-out-of-bed": log_roll_out_of_bed,
}
