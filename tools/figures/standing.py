"""Standing and kneeling poses, facing right; one-sided ones work the near (right) side."""
from .body import At, Body
from .props import arrow, ball, chair, wall
from .scene import picture

STAND_HIP = -88   # hip height standing with straight legs


def standing(lean=-90, x=0, drop=0, **options):
    """A person standing at x, leaning by lean; drop lowers the hips for bent knees."""
    return Body((x, STAND_HIP + drop), lean, **options)


def standing_back_extension():
    """Hands on the back of the hips, leaning back a little."""
    person = standing(-109, x=4, bend=9, neck=-96, face=-6, accent={"back"})
    person.leg("far", At(-4, -6))
    person.leg("near", At(-1, -6))
    person.arm("far", At(-16, -96, -1), end=95)
    person.arm("near", At(-14, -92, -1), end=95)
    return picture("floor", person)


def gentle_walking():
    """An easy stride, arms swinging."""
    person = standing(-86, drop=3)
    person.leg("far", At(-22, -8), end=25)
    person.leg("near", At(22, -6), end=-12, accent=True)
    person.arm("far", (70, 30))
    person.arm("near", (112, 80))
    return picture("floor", person)


def standing_march():
    """One hand on a chair back, the near knee lifted a little."""
    person = standing()
    person.leg("far", At(0, -6))
    person.leg("near", (28, 95), accent=True)
    person.arm("far", (95, 80))
    person.arm("near", At(38, -100, -1), end=0)
    return picture("floor", chair(42, seat=46, back=54), person)


def standing_hip_flexor_stretch():
    """A short lunge by a chair, the near leg back, hips eased forward."""
    person = standing(-92, drop=8, accent={"pelvis"})
    person.leg("far", At(28, -6))
    person.leg("near", At(-30, -8), end=35, accent=True)
    person.arm("far", (95, 75))
    person.arm("near", At(42, -94, -1), end=0)
    return picture("floor", chair(46, seat=46, back=48), person)


def calf_stretch_wall():
    """Hands on a wall, the near leg back and straight with the heel down."""
    person = standing(-68, drop=6)
    person.leg("far", At(24, -6))
    person.leg("near", At(-34, -6), end=0, accent=True)
    shoulder = person.shoulder
    person.arm("far", At(shoulder[0] + 44, shoulder[1] - 2, -1), end=-90)
    person.arm("near", At(shoulder[0] + 46, shoulder[1] + 2, -1), end=-90)
    return picture("floor", wall(shoulder[0] + 52, 1), person)


def ball_massage_glute_wall():
    """Back to a wall, a ball between the near buttock and the wall, knees soft."""
    person = standing(-90, x=24, drop=6, accent={"pelvis"})
    person.leg("far", At(38, -6))
    person.leg("near", At(42, -6))
    person.arm("far", (95, 80))
    person.arm("near", (88, 70))
    return picture("floor", wall(-4, -1), person, marks=[ball(4, -84, 8)])


def all_fours(x=0, **options):
    """A person on hands and knees facing right: knees under hips, hands under shoulders."""
    person = Body((x, -49), -13, **options)
    person.leg("far", (90, 180), end=180)
    person.leg("near", (92, 180), end=180)
    person.arm("far", At(person.shoulder[0] - 2, -6), end=0)
    person.arm("near", At(person.shoulder[0] + 2, -6), end=0)
    return person


def cat_cow():
    """On hands and knees, the back rounding up and sinking down."""
    person = all_fours(bend=-14, neck=40, face=105, accent={"back"})
    x, y = person.control
    return picture("mat", person, marks=[arrow((x, y - 30), (x, y - 58), both=True)])


def childs_pose():
    """Sitting back towards the heels, forehead down, arms forward on the mat."""
    person = Body((-36, -32), 16, neck=25, accent={"back"})
    person.leg("far", (38, 180), end=180)
    person.leg("near", (36, 180), end=180, behind=True)
    person.arm("far", (8, 2), end=0)
    person.arm("near", (10, 0), end=0, behind=True)
    return picture("mat", person)


def half_kneeling(x, hand):
    """Back knee down, front foot flat, one hand reaching to hand."""
    person = Body((x, -50), -86)
    person.leg("far", (90, 180), end=180)
    person.leg("near", At(x + 42, -6))
    person.arm("far", (100, 80))
    person.arm("near", At(*hand, -1), end=0)
    return person


def standing_by_chair(x, hand):
    """Standing tall with one hand on a chair back."""
    person = standing(x=x)
    person.leg("far", At(x - 2, -6))
    person.leg("near", At(x + 2, -6))
    person.arm("far", (95, 85))
    person.arm("near", At(*hand, -1), end=0)
    return person


def stages(first, second, third):
    """Three stages left to right, with small arrows between them."""
    marks = [arrow((x - 9, -120), (x + 9, -120)) for x in (70, 200)]
    return picture("mat", *first, *second, *third, marks=marks)


def floor_get_down():
    """Standing at a chair, half-kneeling with a hand on it, then on hands and knees."""
    return stages([chair(34, back=50), standing_by_chair(0, (32, -98))],
                  [chair(156, back=50), half_kneeling(100, (152, -96))],
                  [all_fours(x=230)])


def floor_get_up():
    """On hands and knees, half-kneeling with hands on a chair seat, then standing."""
    return stages([all_fours(x=0)],
                  [chair(180, facing=-1), half_kneeling(110, (142, -50))],
                  [chair(284, back=50), standing_by_chair(250, (282, -98))])


POSES = {
    "standing-back-extension": standing_back_extension,
    "gentle-walking": gentle_walking,
    "standing-march": standing_march,
    "standing-hip-flexor-stretch": standing_hip_flexor_stretch,
    "calf-stretch-wall": calf_stretch_wall,
    "ball-massage-glute-wall": ball_massage_glute_wall,
    "cat-cow": cat_cow,
    "childs-pose": childs_pose,
    "floor-get-down": floor_get_down,
    "floor-get-up": floor_get_up,
}
