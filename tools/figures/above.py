"""Poses seen from above, where a side view would hide the movement: the mat or bed is
drawn as a rectangle under the person. On the back: head on the left, the near (right)
side at the bottom. On the side: the front of the body faces the bottom of the picture.
"""
from .body import At, Body
from .props import arc_arrow, bed_from_above, floor_mat, pillow
from .scene import Scene


def on_back():
    """A person on their back seen from above, head on the left."""
    return Body((0, 0), 180, view="front")


def knee_rolls():
    scene = Scene()
    scene.add(floor_mat(-100, 86, -46, 46))
    person = on_back()
    person.arm("far", (-62, -75))
    person.arm("near", (62, 75))
    person.leg("far", (30, -30), scale=(0.8, 0.8), accent=True)
    person.leg("near", (40, -22), scale=(0.8, 0.8), accent=True)
    scene.add(person)
    scene.add(arc_arrow((4, 0), 60, -28, 38, both=True), "front")
    return scene


def figure_four_stretch():
    scene = Scene()
    scene.add(floor_mat(-100, 86, -46, 46))
    person = on_back()
    person.arm("far", (-30, -20))
    person.arm("near", (30, 20))
    person.leg("far", (0, 0), scale=(0.45, 0.55))
    person.leg("near", (39, -98), scale=(0.8, 1.05), accent=True)
    scene.add(person)
    return scene


def on_side(thigh=122, shin=200):
    """A person on their side seen from above, head to the right (mirrored later), knees bent."""
    person = Body((0, 0), 0)
    person.leg("far", (thigh + 6, shin + 6))
    person.leg("near", (thigh, shin))
    return person


def side_lying_pillow():
    scene = Scene(mirror=True)
    scene.add(floor_mat(-66, 100, -30, 56))
    person = on_side()
    scene.add(pillow(person.head[0] + 4, person.head[1] - 2, 26, 44))
    knee = person.joints["near_knee"]
    person.between.extend(pillow(knee[0] + 2, knee[1] + 6, 40, 20, 122)[0])
    person.arm("near", (168, 176))
    scene.add(person)
    return scene


def log_roll_out_of_bed():
    scene = Scene(mirror=True)
    person = on_side(thigh=112, shin=150)
    knee = person.joints["near_knee"]
    scene.add(bed_from_above(-64, 100, -36, knee[1] + 4))
    scene.add(pillow(person.head[0] + 4, person.head[1] - 2, 26, 44))
    person.arm("near", At(person.shoulder[0] + 8, person.shoulder[1] + 40, -1), accent=True)
    scene.add(person)
    return scene


POSES = {
    "knee-rolls": knee_rolls,
    "figure-four-stretch": figure_four_stretch,
    "side-lying-pillow": side_lying_pillow,
    "log-roll-out-of-bed": log_roll_out_of_bed,
}
