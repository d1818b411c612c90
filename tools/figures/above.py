"""Poses seen from above, where a side view would hide the movement: the mat is
drawn as a rectangle under the person. On the back: head on the left, the near (right)
side at the bottom. On the side: the front of the body faces the bottom of the picture.
"""
from .body import Body
from .props import arc_arrow, floor_mat, pillow
from .scene import picture


def on_back(arms):
    """A person on their back seen from above, head on the left, arms out at angle arms."""
    person = Body((0, 0), 180, view="front")
    person.arm("far", (-arms, -arms))
    person.arm("near", (arms, arms))
    return person


def knee_rolls():
    """Knees bent together and tipped to the near side, arms out to the sides."""
    person = on_back(85)
    person.leg("far", (30, -30), scale=(0.8, 0.8), accent=True)
    person.leg("near", (40, -22), scale=(0.8, 0.8), accent=True)
    return picture(None, floor_mat(-100, 86, -56, 56), person,
                   marks=[arc_arrow((4, 0), 60, -28, 38, both=True)])


def figure_four_stretch():
    """The far knee bent, the near ankle crossed over it, so the legs make a figure four."""
    person = on_back(25)
    person.leg("far", (0, 0), scale=(0.45, 0.55))
    person.leg("near", (39, -98), scale=(0.8, 1.05), accent=True)
    return picture(None, floor_mat(-100, 86, -46, 46), person)


def side_lying_pillow():
    """On one side, knees bent with a pillow between them, head on a pillow."""
    person = Body((0, 0), 0)
    person.leg("far", (132, 208))
    person.leg("near", (122, 200))
    knee = person.joints["near_knee"]
    person.between.extend(pillow(knee[0] + 6, knee[1] + 2, 44, 22, 150)[0])
    person.arm("near", (168, 176))
    head = pillow(person.head[0] + 4, person.head[1] - 2, 26, 44)
    return picture(None, floor_mat(-66, 100, -30, 56), head, person, mirror=True)


POSES = {
    "knee-rolls": knee_rolls,
    "figure-four-stretch": figure_four_stretch,
    "side-lying-pillow": side_lying_pillow,
}
