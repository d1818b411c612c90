"""Poses seen from above, where a side view would hide the movement: the mat is
drawn as a rectangle under the person. On the back: head on the left, the near (right)
side at the bottom.
"""
from .body import At, Body
from .props import floor_mat
from .scene import picture


def on_back(arms):
    """A person on their back seen from above, head on the left, arms resting out at angle arms."""
    person = Body((0, 0), 180, view="front")
    person.arm("far", (-arms, -arms))
    person.arm("near", (arms, arms))
    return person.touch("hips", "mat").touch("head", "mat")


def knees_tipped(side):
    """Knees bent together and tipped to one side (1: the near side, towards the bottom of the
    picture; -1: the far side): the thighs point up at us less the further they tip."""
    person = on_back(35)
    person.leg("far", (26 * side - 8, -22 * side - 4), toward=(30, 35), accent=True)
    person.leg("near", (34 * side - 2, -14 * side + 4), toward=(30, 35), accent=True)
    return person.touch("near_foot", "mat").touch("far_foot", "mat")


def knee_rolls():
    """Knees bent together and tipped to the near side, then (lighter) over to the other side."""
    return picture(None, floor_mat(-100, 96, -62, 62), (knees_tipped(-1), knees_tipped(1)))


def figure_four_stretch():
    """The far knee bent, foot flat; the near (right) ankle rests across it and the near knee
    falls out to the side, so the legs make a figure four; arms out to the sides."""
    person = on_back(30)
    person.leg("far", (-8, 8), toward=(62, 55))
    knee = person.joints["far_knee"]
    person.leg("near", At(knee[0] - 2, knee[1] + 2, -1), accent=True)
    person.touch("near_ankle", "far_knee").touch("far_foot", "mat")
    return picture(None, floor_mat(-100, 86, -46, 56), person)


POSES = {
    "knee-rolls": knee_rolls,
    "figure-four-stretch": figure_four_stretch,
}
