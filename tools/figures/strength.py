"""Strength poses that keep the lower back still, facing right; one-sided ones work the near
(right) side. The back stays upright, or level on hands and knees, in every one of them."""
from .body import At, Body, num
from .lying import SIDE_HIP
from .props import WALL, WALL_EDGE, WOOD, Prop, Surface, chair, wall
from .scene import picture
from .standing import standing


def hip_lift(lift):
    """Lying on the left side, seen from the front, the top (right) leg straight and lifted by
    lift degrees; head on the lower arm, the top hand on the mat in front."""
    person = Body((0, SIDE_HIP - 2), 0, view="front", neck=4)
    person.leg("far", (180, 178))
    person.leg("near", (180 + lift, 180 + lift), accent=True)
    person.arm("far", (-4, 2), toward=(37, 46), behind=True)
    person.arm("near", At(20, -6, 1))
    return person.touch("side", "mat").touch("far_leg", "mat").touch("near_hand", "mat")


def side_lying_hip_lift():
    """The top leg resting on the lower one, then (lighter) lifted a little way, straight."""
    return picture("mat", (hip_lift(12), hip_lift(2)))


def calf_raise_at(up):
    """Facing the back of a chair, both hands on it: feet flat, or (up) on the balls of the feet."""
    person = standing(-90, drop=-12 if up else 0)
    if up:
        person.leg("far", At(-2, -18), end=50, accent=True)
        person.leg("near", At(2, -18), end=50, accent=True)
        person.touch("near_toes", "floor").touch("far_toes", "floor")
    else:
        person.leg("far", At(-2, -6), end=0, accent=True)
        person.leg("near", At(2, -6), end=0, accent=True)
        person.touch("near_foot", "floor").touch("far_foot", "floor")
    person.arm("far", At(36, -100, -1), end=0)
    person.arm("near", At(40, -98, -1), end=0)
    return person.touch("near_hand", "chair-top")


def calf_raise():
    """Standing flat, then (lighter) up on the balls of both feet."""
    return picture("floor", chair(44, seat=46, back=54), (calf_raise_at(True), calf_raise_at(False)))


def wall_sit():
    """Back flat against a wall, slid a little way down, knees bent only partly, feet forward."""
    person = standing(-90, x=14, drop=10)
    person.leg("far", (48, 96), accent=True, end=0)
    person.leg("near", (52, 94), accent=True, end=0)
    person.arm("far", (92, 60))
    person.arm("near", (80, 40))
    person.touch("near_foot", "floor").touch("far_foot", "floor").touch("back", "wall")
    return picture("floor", wall(-1, -1), person)


def supported_split_squat():
    """A split stance holding a chair back: the near (right) leg in front, the back heel up,
    both knees bent a little as the body lowers straight down."""
    def stance(drop):
        person = standing(-90, drop=drop)
        person.leg("far", At(-34, -12), end=40)
        person.leg("near", At(30, -6), accent=True, end=0)
        person.arm("far", (95, 78))
        person.arm("near", At(50, -98, -1), end=0)
        return person.touch("far_toes", "floor").touch("near_foot", "floor").touch("near_hand", "chair-top")
    return picture("floor", chair(52, seat=46, back=54), (stance(18), stance(6)))


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
    treads = [Surface("stair", (x + number * TREAD, -RISE * (number + 1)),
                      (x + count * TREAD, -RISE * (number + 1))) for number in range(count)]
    return Prop(shapes, [((x, -top), 2), ((x + TREAD * count, 0), 2)], treads)


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
    rail = Surface("banister", (start, rail_at(start)), (end, rail_at(end)), 2.5)
    return Prop(shapes, [((start, rail_at(start)), 4), ((end, rail_at(end)), 4)], [rail])


def step_up():
    """The near (right) foot up on the bottom stair, one hand on the banister; then (lighter)
    standing up on that stair."""
    start = standing(-86, x=-6, drop=4)
    start.leg("far", At(-22, -6), end=20)
    start.leg("near", At(26, -RISE - 6), accent=True, end=0)
    start.arm("far", (100, 70))
    start.arm("near", At(24, -78 - 20 * RISE / TREAD, -1), end=-25)
    start.touch("far_toes", "floor").touch("near_foot", "stair").touch("near_hand", "banister")
    end = standing(-90, x=28, drop=-RISE)
    end.leg("far", At(26, -RISE - 6), end=0)
    end.leg("near", At(30, -RISE - 6), accent=True, end=0)
    end.arm("far", (95, 80))
    end.arm("near", At(44, -82 - 44 * RISE / TREAD, -1), end=-25)
    end.touch("near_foot", "stair").touch("far_foot", "stair").touch("near_hand", "banister")
    return picture("floor", stairs(16), banister(4, 84, 78), (end, start))


def bird_dog():
    """On hands and knees, back level: the near (right) leg reaching back and the far (left) arm
    reaching forward, both at the height of the back."""
    def reach(out):
        person = Body((0, -49), -13)
        person.leg("far", (90, 180), end=170)
        person.arm("near", (92, 88), end=0)
        if out:
            person.leg("near", (180, 180), accent=True, end=95)
            person.arm("far", (-10, -10), accent=True, end=-10)
        else:
            person.leg("near", (92, 180), accent=True, end=170)
            person.arm("far", (93, 89), accent=True, end=0)
        return person.touch("far_knee", "mat").touch("far_shin", "mat").touch("near_hand", "mat")
    return picture("mat", (reach(True), reach(False)))


POSES = {
    "side-lying-hip-lift": side_lying_hip_lift,
    "calf-raise": calf_raise,
    "wall-sit": wall_sit,
    "supported-split-squat": supported_split_squat,
    "step-up": step_up,
    "bird-dog": bird_dog,
}
