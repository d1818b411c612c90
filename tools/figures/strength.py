"""Strength poses that keep the lower back still, facing right; one-sided ones work the near
(right) side. The back stays upright, or level on hands and knees, in every one of them."""
from .body import At, Body, num
from .props import WALL, WALL_EDGE, WOOD, arrow, chair, wall
from .scene import picture
from .standing import standing

SIDE_HIP = -15   # hip height lying on one side, seen from the front: half the hips' width


def side_lying_hip_lift():
    """Lying on the left side, seen from the front: the top (right) leg lifted a little, straight."""
    person = Body((0, SIDE_HIP), 0, view="front", neck=4)
    person.leg("far", (180, 176))
    person.leg("near", (-170, -171), accent=True)
    person.arm("far", (-4, 2), scale=(0.8, 0.7), behind=True)
    person.arm("near", At(20, -6, 1))
    foot = person.joints["near_leg"]
    return picture("mat", person, marks=[arrow((foot[0] + 14, foot[1] + 4), (foot[0] + 14, foot[1] - 18))])


def calf_raise():
    """Facing the back of a chair, both hands on it, up on the balls of both feet."""
    person = standing(-90, drop=-13)
    person.leg("far", At(-2, -20), end=62, accent=True)
    person.leg("near", At(2, -19), end=62, accent=True)
    person.arm("far", At(36, -100, -1), end=0)
    person.arm("near", At(40, -98, -1), end=0)
    return picture("floor", chair(44, seat=46, back=54), person,
                   marks=[arrow((-14, -6), (-14, -34), both=True)])


def wall_sit():
    """Back flat against a wall, slid a little way down, knees bent only partly, feet forward."""
    person = standing(-90, x=14, drop=10)
    person.leg("far", (48, 96), accent=True)
    person.leg("near", (52, 94), accent=True)
    person.arm("far", (92, 60))
    person.arm("near", (80, 40))
    return picture("floor", wall(-1, -1), person)


def supported_split_squat():
    """A split stance holding a chair back: the near (right) leg in front, the back heel up,
    both knees bent a little as the body lowers straight down."""
    person = standing(-90, drop=16)
    person.leg("far", At(-34, -12), end=38)
    person.leg("near", At(30, -6), accent=True)
    person.arm("far", (95, 78))
    person.arm("near", At(50, -98, -1), end=0)
    return picture("floor", chair(52, seat=46, back=54), person,
                   marks=[arrow((-26, -150), (-26, -126), both=True)])


RISE, TREAD = 16, 34    # a stair's height and depth


def stairs(x, count=2):
    """The bottom stairs, seen from the side, the first one's front edge at x."""
    shapes = []
    for number in range(count):
        left, height = x + number * TREAD, RISE * (number + 1)
        width = TREAD * (count - number)
        shapes.append(f'<rect x="{left}" y="{-height}" width="{width}" height="{RISE}" '
                      f'fill="{WALL}" stroke="{WALL_EDGE}" stroke-width="2.5"/>')
    top = RISE * count
    return shapes, [((x, -top), 2), ((x + TREAD * count, 0), 2)]


def banister(start, end, height, posts=(62, 80)):
    """A rail rising with the stairs, from x start (height above the floor) to x end, on thin
    posts that stand on the second stair, clear of the person."""
    def rail_at(x):
        return -height - (x - start) * RISE / TREAD

    lines = [f'<line x1="{start}" y1="{num(rail_at(start))}" x2="{end}" y2="{num(rail_at(end))}" '
             'stroke-width="5"/>']
    lines += [f'<line x1="{x}" y1="{num(rail_at(x))}" x2="{x}" y2="{-2 * RISE}" stroke-width="3"/>'
              for x in posts]
    shapes = [f'<g stroke="{WOOD}" fill="none">' + "".join(lines) + "</g>"]
    return shapes, [((start, rail_at(start)), 4), ((end, rail_at(end)), 4)]


def step_up():
    """The near (right) foot up on the bottom stair, stepping up, one hand on the banister."""
    person = standing(-86, x=-6, drop=4)
    person.leg("far", At(-22, -6), end=20)
    person.leg("near", At(26, -RISE - 6), accent=True)
    person.arm("far", (100, 70))
    person.arm("near", At(24, -78 - 20 * RISE / TREAD, -1), end=-25)
    return picture("floor", stairs(16), banister(4, 84, 78), person)


def bird_dog():
    """On hands and knees, back level: the near (right) leg reaching back and the far (left) arm
    reaching forward, both at the height of the back."""
    person = Body((0, -49), -13)
    person.leg("far", (90, 180), end=180)
    person.leg("near", (180, 180), accent=True, end=90)
    person.arm("far", (-10, -10), accent=True, end=-10)
    person.arm("near", At(person.shoulder[0] + 2, -6), end=0)
    return picture("mat", person)


POSES = {
    "side-lying-hip-lift": side_lying_hip_lift,
    "calf-raise": calf_raise,
    "wall-sit": wall_sit,
    "supported-split-squat": supported_split_squat,
    "step-up": step_up,
    "bird-dog": bird_dog,
}
