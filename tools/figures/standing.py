"""Standing and kneeling poses, facing right; one-sided ones work the near (right) side."""
from math import cos, radians, sin

from .body import At, Body
from .props import arc_arrow, arrow, ball, chair, wall
from .scene import picture

STAND_HIP = -88   # hip height standing with straight legs


def standing(lean=-90, x=0, drop=0, **options):
    """A person standing at x, leaning by lean; drop lowers the hips for bent knees."""
    return Body((x, STAND_HIP + drop), lean, **options)


def on_feet(person, near, far):
    """Both feet flat on the floor, where near and far (At) put them."""
    person.leg("far", far, end=0)
    person.leg("near", near, end=0)
    return person.touch("far_foot", "floor").touch("near_foot", "floor")


def back_extension(lean):
    """Standing with the hands on the back of the hips, leaning back by lean."""
    person = standing(-90 - lean, x=4, bend=lean / 2, neck=-90 - lean * 0.3, face=-lean * 0.3,
                      accent={"back"} if lean else ())
    on_feet(person, At(-1, -6), At(-4, -6))
    hip = person.hip
    person.arm("far", At(hip[0] - 16, hip[1] - 8, -1), end=95)
    person.arm("near", At(hip[0] - 14, hip[1] - 4, -1), end=95)
    return person.touch("near_hand", "back")


def standing_back_extension():
    """Standing tall with the hands on the back of the hips, then (lighter) leaning back a little."""
    return picture("floor", (back_extension(18), back_extension(0)))


def gentle_walking():
    """An easy stride, arms swinging."""
    person = standing(-86, drop=3)
    person.leg("far", At(-22, -8), end=25)
    person.leg("near", At(22, -6), end=-12, accent=True)
    person.arm("far", (70, 30))
    person.arm("near", (112, 80))
    person.touch("far_toes", "floor").touch("near_heel", "floor")
    return picture("floor", person)


def march(lift):
    """One hand on a chair back, the near knee lifted by lift degrees."""
    person = standing()
    person.leg("far", At(0, -6), end=0)
    if lift:
        person.leg("near", (90 - lift, 90 + lift * 0.2), accent=True)
    else:
        person.leg("near", At(2, -6), end=0, accent=True)
        person.touch("near_foot", "floor")
    person.arm("far", (95, 80))
    person.arm("near", At(38, -100, -1), end=0)
    return person.touch("far_foot", "floor").touch("near_hand", "chair-top")


def standing_march():
    """Standing tall by a chair, then (lighter) the near knee lifted a little, as in a slow march."""
    return picture("floor", chair(42, seat=46, back=54), (march(60), march(0)))


def standing_hip_flexor_stretch():
    """A short lunge by a chair: the near (right) leg back with the knee a little bent and the
    heel up, the front knee bent over the foot, the pelvis tucked so the hips ease forward and
    the front of the back hip opens; the body upright."""
    person = standing(-90, x=4, drop=8, accent={"pelvis"})
    person.leg("far", At(34, -6), end=0)
    person.leg("near", (112, 125), end=28, accent=True)
    person.arm("far", (95, 75))
    person.arm("near", At(46, -94, -1), end=0)
    person.touch("far_foot", "floor").touch("near_toes", "floor").touch("near_hand", "chair-top")
    return picture("floor", chair(48, seat=46, back=50), person,
                   marks=[arc_arrow((person.hip[0] + 2, person.hip[1] + 6), 22, 150, 200)])


def calf_stretch_wall():
    """Hands on a wall, the near leg back and straight with the heel down."""
    person = standing(-68, drop=6)
    person.leg("far", At(24, -6), end=0)
    person.leg("near", At(-34, -6), end=0, accent=True)
    shoulder = person.shoulder
    person.arm("far", At(shoulder[0] + 44, shoulder[1] - 2, -1), end=-90)
    person.arm("near", At(shoulder[0] + 46, shoulder[1] + 2, -1), end=-90)
    person.touch("far_foot", "floor").touch("near_foot", "floor").touch("near_hand", "wall")
    return picture("floor", wall(shoulder[0] + 52, 1), person)


def ball_massage_glute_wall():
    """Back to a wall, a ball between the near buttock and the wall, knees soft."""
    person = standing(-90, x=24, drop=6, accent={"pelvis"})
    on_feet(person, At(42, -6), At(38, -6))
    person.arm("far", (95, 80))
    person.arm("near", (88, 70))
    person.touch("buttocks", "ball")
    person.works.add("near_buttock")
    return picture("floor", wall(-4, -1), ball(4, -84, 8), person)


def all_fours(x=0, **options):
    """A person on hands and knees facing right: knees under hips, hands under shoulders."""
    person = Body((x, -49), -13, **options)
    person.leg("far", (90, 180), end=170)
    person.leg("near", (92, 180), end=170)
    person.arm("far", (93, 89), end=0)
    person.arm("near", (92, 88), end=0)
    return person.touch("near_knee", "mat").touch("near_shin", "mat").touch("near_hand", "mat")


def cat_cow():
    """On hands and knees, the back rounding up (cat), then (lighter) sinking gently down (cow)."""
    cat = all_fours(bend=-14, neck=40, face=105, accent={"back"})
    cow = all_fours(bend=8, neck=-30, face=60)
    return picture("mat", (cow, cat))


def childs_pose():
    """Kneeling, sitting back towards the heels, forehead down on the mat and arms reaching
    forward along it."""
    knee = (12, -6)
    hip = (knee[0] - 42 * cos(radians(40)), knee[1] - 42 * sin(radians(40)))
    person = Body(hip, 8, neck=55, face=150, eyes="closed", accent={"back"})
    person.leg("far", (41, 180), end=170)
    person.leg("near", (40, 180), end=170)
    person.arm("far", (23, 9), end=0)
    person.arm("near", (25, 10), end=0)
    person.touch("near_shin", "mat").touch("near_knee", "mat").touch("near_hand", "mat")
    person.touch("head", "mat")
    return picture("mat", person)


def half_kneeling(x, hand):
    """Back knee down, front foot flat, one hand reaching to hand."""
    person = Body((x, -50), -86)
    person.leg("far", (90, 180), end=170)
    person.leg("near", At(x + 42, -6), end=0)
    person.arm("far", (100, 80))
    person.arm("near", At(*hand, -1), end=0)
    return person.touch("far_knee", "mat").touch("near_foot", "mat")


def standing_by_chair(x, hand):
    """Standing tall with one hand on a chair back."""
    person = on_feet(standing(x=x), At(x + 2, -6), At(x - 2, -6))
    person.arm("far", (95, 85))
    person.arm("near", At(*hand, -1), end=0)
    return person.touch("near_hand", "chair-top")


def stages(first, second, third):
    """Three stages left to right, with small arrows between them."""
    marks = [arrow((x - 9, -120), (x + 9, -120)) for x in (70, 200)]
    return picture("mat", *first, *second, *third, marks=marks)


def floor_get_down():
    """Standing at a chair, half-kneeling with a hand on it, then on hands and knees."""
    return stages([chair(34, back=50), standing_by_chair(0, (32, -98))],
                  [chair(156, back=50), half_kneeling(100, (152, -96)).touch("near_hand", "chair-top")],
                  [all_fours(x=230)])


def floor_get_up():
    """On hands and knees, half-kneeling with hands on a chair seat, then standing."""
    return stages([all_fours(x=0)],
                  [chair(180, facing=-1), half_kneeling(110, (142, -50)).touch("near_hand", "seat")],
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
