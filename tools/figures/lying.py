"""Poses on the floor or a bed. On the back: head on the left, the near (right) side towards us."""
from .body import At, Body, angle_to
from .props import Prop, arc_arrow, arrow, bed, chair, floor_mat, pillow, strap
from .scene import picture

BACK = 13   # hip and shoulder height when lying on the back
SIDE_HIP = -15   # hip height lying on one side, seen from the front: half the hips' width


def supine(**options):
    """A person on their back on the mat, head on the left: back, hips and head on the mat."""
    return Body((0, -BACK), 180, **options).touch("back", "mat").touch("hips", "mat").touch("head", "mat")


def prone(lift=0, **options):
    """A person face down, head on the right (the picture is mirrored), feet pointing back."""
    person = Body((0, -BACK), -lift, **options)
    person.leg("far", (172, 178), end=168)
    person.leg("near", (173, 179), end=168)
    return person.touch("hips", "mat").touch("far_shin", "mat").touch("near_shin", "mat")


def arms_by_sides(body):
    """Both arms resting along the mat by the body."""
    body.arm("far", (8, 4))
    body.arm("near", (9, 5))
    return body.touch("near_hand", "mat")


def knees_bent(body, feet=62):
    """Both knees bent with the feet flat on the mat."""
    body.leg("far", At(feet - 4, -6), end=0)
    body.leg("near", At(feet, -6), end=0)
    return body.touch("far_foot", "mat").touch("near_foot", "mat")


def body_scan():
    """Legs long over a cushion, arms by the sides, eyes closed."""
    person = arms_by_sides(supine(eyes="closed"))
    person.leg("far", (-6, 12))
    person.leg("near", (-8, 13))
    person.touch("near_knee", "pillow").touch("near_heel", "mat")
    return picture("mat", pillow(40, -8, 36, 15), person)


def diaphragmatic_breathing():
    """Knees bent, eyes closed, one hand resting on the chest and one on the belly, which rises
    and falls under it."""
    person = knees_bent(supine(eyes="closed", accent={"belly"}))
    # Both hands rest on the front of the body, so both arms are drawn in front of it.
    person.arm("far", (10, -135), behind=False)
    person.arm("near", (12, -58))
    person.touch("near_hand", "belly").touch("far_hand", "chest").touch("near_elbow", "mat")
    return picture("mat", person, marks=[arrow((-12, -46), (-12, -62), both=True)])


def bridge(lift):
    """On the back, knees bent and feet flat, the hips lifted by lift with the shoulders down."""
    shoulder = (-50, -BACK)
    hip = (0, -BACK - lift)
    spine = angle_to(hip, shoulder)
    person = Body(hip, spine, neck=178 if lift else None, face=-90, accent={"pelvis"} if lift else ())
    person.leg("far", At(40, -6), end=0)
    person.leg("near", At(44, -6), end=0)
    person.touch("far_foot", "mat").touch("near_foot", "mat").touch("shoulders", "mat").touch("head", "mat")
    return arms_by_sides(person)


def glute_bridge():
    """Starting on the back with the knees bent, then (lighter) the hips lifted a little way, so
    shoulders, hips and knees make a gentle slope."""
    start = bridge(0).touch("hips", "mat")
    return picture("mat", (bridge(16), start))


def pelvic_tilt():
    """Knees bent, the pelvis tilting to flatten the lower back: too small a movement to show
    twice, so a curved arrow at the pelvis shows it."""
    person = arms_by_sides(knees_bent(supine(accent={"pelvis"})))
    return picture("mat", person, marks=[arc_arrow((2, -13), 26, -150, -80)],
                   moves="the pelvis tilts a few degrees: the curved arrow shows it")


def hands_behind_knees(person, side, at=0.75):
    """Both hands holding the back of one thigh, just above the knee."""
    hip, knee = person.joints["hip"], person.joints[f"{side}_knee"]
    hold = (hip[0] + (knee[0] - hip[0]) * at, hip[1] + (knee[1] - hip[1]) * at)
    person.arm("far", At(hold[0] + 4, hold[1] + 2, -1))
    person.arm("near", At(hold[0] + 6, hold[1] + 6, -1))
    return person.touch("near_hand", f"{side}_behind_knee").touch("far_hand", f"{side}_behind_knee")


def knee_to_chest_double():
    """Both knees drawn towards the chest, hands holding behind them."""
    person = supine()
    person.leg("far", (-116, 35), accent=True)
    person.leg("near", (-112, 32), accent=True)
    return picture("mat", hands_behind_knees(person, "near"))


def knee_to_chest_single():
    """The near knee hugged towards the chest by the hands behind it, the other foot flat."""
    person = supine()
    person.leg("far", At(62, -6), end=0)
    person.leg("near", (-122, 30), accent=True)
    person.touch("far_foot", "mat")
    return picture("mat", hands_behind_knees(person, "near"))


def strap_hamstring_stretch():
    """The near leg raised fairly straight, a strap round the foot held in both hands."""
    person = supine()
    person.leg("far", At(62, -6), end=0)
    foot = person.leg("near", (-68, -62), accent=True)
    ends = person.arm("far", At(-22, -54, -1)), person.arm("near", At(-18, -56, -1))
    sole = (foot[0] - 4, foot[1] - 4)
    person.touch("far_foot", "mat")
    return picture("mat", person, marks=[strap(ends[0], sole, ends[1])])


def rest_90_90():
    """Lower legs resting on a chair seat, hips and knees at right angles."""
    person = arms_by_sides(supine())
    person.leg("far", (-90, 0))
    person.leg("near", (-88, 0))
    person.touch("near_calf", "seat").touch("far_calf", "seat")
    return picture("mat", chair(46, facing=-1, seat=46), person)


def prone_lying():
    """Face down, the head turned to one side and resting on the folded hands, elbows out in
    front of the head."""
    person = prone(neck=-32, head="front", eyes="closed")
    # The upper arms reach forward and out towards us; the forearms fold back under the face.
    person.arm("far", (12, 185), toward=(28, 55), behind=True)
    person.arm("near", At(62, -6, 1), toward=(25, 52))
    person.touch("near_elbow", "mat").touch("near_forearm", "mat").touch("head", "near_hand")
    return picture("mat", person, mirror=True)


def prone_press_up():
    """Face down with the elbows under the shoulders, then (lighter) propped up on the forearms,
    the hips staying on the mat."""
    start = prone(neck=-8, face=60)
    start.arm("far", (154, 0), toward=(40, 0), end=-3)
    start.arm("near", (153, 0), toward=(40, 0), end=-2)
    start.touch("front", "mat").touch("near_forearm", "mat")
    end = prone(lift=25, neck=-35, face=5, accent={"back"})
    end.arm("far", (86, -3), end=-3)
    end.arm("near", (88, -3), end=-3)
    end.touch("near_forearm", "mat").touch("far_forearm", "mat")
    return picture("mat", (end, start), mirror=True)


def log_roll_out_of_bed():
    """Seen from the bedside: lying on one side near the edge, head on the pillow, knees bent
    and the lower legs going over the edge, the top hand pushing on the mattress."""
    top = -50
    person = Body((28, top - 16), 180, view="front", neck=190, head="profile", face=90)
    person.leg("far", (80, 90), toward=(60, 35))
    person.leg("near", (84, 92), toward=(60, 38))
    person.arm("far", At(-4, top - 7, -1), accent=True)
    person.arm("near", (180, 170), toward=(50, 50), behind=True)
    person.touch("side", "bed").touch("head", "pillow").touch("far_hand", "bed")
    return picture("floor", bed(-110, 64), pillow(-50, top - 5, 36, 10), person)


def side_lying_pillow():
    """Seen from above: on one side, hips and knees bent, a pillow between the knees (it shows
    round the top knee, which lies on it), the head resting on a pillow."""
    person = Body((0, 0), 0)
    person.leg("far", (124, 206))
    person.leg("near", (112, 198))
    lower, upper = person.joints["far_knee"], person.joints["near_knee"]
    knees = pillow((lower[0] + upper[0]) / 2, (lower[1] + upper[1]) / 2 - 2, 40, 26, 30)
    person.between.extend(knees.shapes)
    person.arm("near", (168, 160))
    head = pillow(person.head[0] + 4, person.head[1] - 2, 26, 44)
    person.touch("hips", "mat").touch("head", "pillow")
    person.touch("near_knee", "pillow").touch("far_knee", "pillow")
    return picture(None, floor_mat(-66, 100, -30, 62), head, person, Prop([], knees.points, knees.surfaces),
                   mirror=True)


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
    "side-lying-pillow": side_lying_pillow,
}
