"""Poses on the floor or a bed. Lying on the back: head on the left, the near (right) side towards us."""
from .body import At, Body
from .props import arc_arrow, arrow, chair, pillow, strap
from .scene import Scene

BACK = 13   # hip and shoulder height when lying on the back


def supine(**options):
    """A person on their back on the mat, head on the left."""
    return Body((0, -BACK), 180, **options)


def arms_by_sides(body, near=(4, 2), far=(2, 0)):
    """Both arms resting along the mat by the body."""
    body.arm("far", far)
    body.arm("near", near)


def knees_bent(body, feet=62):
    """Both knees bent with the feet flat on the mat."""
    body.leg("far", At(feet - 4, -6))
    body.leg("near", At(feet, -6))


def body_scan():
    scene = Scene("mat")
    person = supine(eyes="closed")
    person.leg("far", (-4, 6))
    person.leg("near", (-7, 8))
    scene.add(pillow(40, -7, 34, 13))
    arms_by_sides(person)
    scene.add(person)
    return scene


def diaphragmatic_breathing():
    scene = Scene("mat")
    person = supine(eyes="closed", accent={"belly"})
    knees_bent(person)
    person.arm("far", At(-40, -27, -1))
    person.arm("near", At(-16, -28, -1))
    scene.add(person)
    scene.add(arrow((-12, -44), (-12, -62), both=True), "front")
    return scene


def glute_bridge():
    scene = Scene("mat")
    person = Body((0, -40), 149, neck=178, face=-90, accent={"pelvis"})
    person.leg("far", At(40, -6))
    person.leg("near", At(44, -6))
    person.arm("far", (2, 0))
    person.arm("near", (4, 0))
    scene.add(person)
    return scene


def pelvic_tilt():
    scene = Scene("mat")
    person = supine(accent={"pelvis"})
    knees_bent(person)
    arms_by_sides(person)
    scene.add(person)
    scene.add(arc_arrow((2, -13), 26, -150, -80), "front")
    return scene


def knee_to_chest_double():
    scene = Scene("mat")
    person = supine()
    person.leg("far", (-116, 35), accent=True)
    person.leg("near", (-112, 32), accent=True)
    person.arm("far", At(-12, -46, -1))
    person.arm("near", At(-8, -48, -1))
    scene.add(person)
    return scene


def knee_to_chest_single():
    scene = Scene("mat")
    person = supine()
    person.leg("far", At(62, -6))
    person.leg("near", (-122, 30), accent=True)
    person.arm("far", At(-18, -46, -1))
    person.arm("near", At(-6, -52, -1))
    scene.add(person)
    return scene


def strap_hamstring_stretch():
    scene = Scene("mat")
    person = supine()
    person.leg("far", At(62, -6))
    foot = person.leg("near", (-68, -62), accent=True)
    far_hand = person.arm("far", At(-22, -54, -1))
    hand = person.arm("near", At(-18, -56, -1))
    scene.add(person)
    sole = (foot[0] - 4, foot[1] - 4)
    scene.add(strap(far_hand, sole, hand), "front")
    return scene


def rest_90_90():
    scene = Scene("mat")
    scene.add(chair(72, facing=-1, seat=48))
    person = supine()
    person.leg("far", (-90, 0))
    person.leg("near", (-88, 0))
    arms_by_sides(person)
    scene.add(person)
    return scene


def prone(lift=0, **options):
    """A person face down, head on the right before mirroring."""
    return Body((0, -BACK), -lift, **options)


def prone_lying():
    scene = Scene("mat", mirror=True)
    person = prone(neck=-32, head="front", eyes="closed")
    person.leg("far", (180, 180), end=165)
    person.leg("near", (181, 180), end=165)
    person.arm("far", (12, -155), scale=(1, 0.7))
    person.arm("near", (17, -150), scale=(1, 0.75))
    scene.add(person)
    return scene


def prone_press_up():
    scene = Scene("mat", mirror=True)
    person = prone(lift=25, neck=-35, face=5, accent={"back"})
    person.leg("far", (180, 180), end=170)
    person.leg("near", (181, 180), end=170)
    person.arm("far", (92, 0), end=0)
    person.arm("near", (88, 0), end=0)
    scene.add(person)
    return scene


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
}
