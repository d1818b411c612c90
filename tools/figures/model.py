"""What a drawn person is, measured: joint angles as a physiotherapist names them, and the
parts of the body that can rest on something, as discs (a centre and a radius).

The body always faces spine + 90 degrees (on screen, y down): standing facing right, the
spine points up (-90) and the front right (0). Flexion moves a limb towards the front, so
one rule measures every pose, standing, sitting, lying or kneeling.
"""
from collections import namedtuple
from math import hypot

from .body import BONES, HEAD, TORSO, WIDTHS, angle_to, bezier, shortened, step, width_at

# Human joint ranges in degrees. Hip and knee bend furthest kneeling back towards the heels.
# hip: flexion (+) and extension (-); knee, elbow: flexion only (a few degrees straighter
# than straight is a locked joint, not a pose); ankle: pointing the toes (+) and pulling
# them up (-), pointed furthest lying face down or kneeling, the tops of the feet on the floor;
# shoulder: raising the arm forward (+) and back (-); neck: chin down (+) and up (-).
RANGES = {"hip": (-25, 150), "knee": (-4, 160), "ankle": (-30, 80), "shoulder": (-60, 180),
          "elbow": (-4, 155), "neck": (-55, 60)}
# A bone pointing towards us by more than this shows too little of itself to measure an angle.
FORESHORTENED = 45

Disc = namedtuple("Disc", "centre radius")
# A part touches when any of its discs touches (mode "any") or every one does ("all": a foot
# flat on the floor touches at heel and toes, forearms flat on the mat along their length).
Part = namedtuple("Part", "discs mode")


def turn(angle):
    """An angle brought into -180..180."""
    return (angle + 180) % 360 - 180


def joint_angles(body):
    """{"near knee": degrees, ...} for every joint whose bones lie across the page."""
    angles = {}
    front = 1 if body.view == "side" else None
    spine = body.spine
    if body.view == "side":
        angles["neck"] = turn(body.neck - spine)
    for limb in body.limbs:
        root, middle, tip = limb.joints
        upper_toward, lower_toward = limb.toward
        upper = angle_to(root, middle)
        lower = angle_to(middle, tip)
        first, second = ("shoulder", "elbow") if limb.kind == "arm" else ("hip", "knee")
        if front and upper_toward <= FORESHORTENED:
            angles[f"{limb.side} {first}"] = -turn(upper - (spine + 180))
        if upper_toward <= FORESHORTENED and lower_toward <= FORESHORTENED:
            bend = turn(lower - upper)
            if front:
                angles[f"{limb.side} {second}"] = bend if limb.kind == "leg" else -bend
            else:
                angles[f"{limb.side} {second}"] = abs(bend)
        if limb.kind == "leg" and front and lower_toward <= FORESHORTENED:
            angles[f"{limb.side} ankle"] = turn(limb.end - (lower - 90))
    return angles


def along(a, b, radius, count=4):
    """Discs spaced along a bone from a to b."""
    return [Disc((a[0] + (b[0] - a[0]) * i / (count - 1), a[1] + (b[1] - a[1]) * i / (count - 1)), radius)
            for i in range(count)]


def parts(body):
    """Every part of the body a contact can name, as discs in model units."""
    found = {"head": Part([Disc(body.head, HEAD)], "any"),
             "hips": Part([Disc(body.hip, 13)], "any"),
             "shoulders": Part([Disc(body.shoulder, 12)], "any")}
    if body.view == "side":
        found["forehead"] = Part([Disc(step(body.head, body.face, 6), HEAD - 5)], "any")
        seat = step(step(body.hip, body.spine - 90, 3), body.spine, 4)
        found["buttocks"] = Part([Disc(seat, 12)], "any")
        outline = body.torso_outline()
        half = len(outline) // 2
        # The outline runs up the back side (spine - 90) and returns down the front.
        found["back"] = Part([Disc(point, 2) for point in outline[:half]], "any")
        found["front"] = Part([Disc(point, 2) for point in outline[half:]], "any")
        found["belly"] = Part([Disc(_front_at(body, 0.3), 5)], "any")
        found["chest"] = Part([Disc(_front_at(body, 0.75), 5)], "any")
    else:
        found["side"] = Part([Disc(point, 2) for point in body.torso_outline()], "any")
    for limb in body.limbs:
        root, middle, tip = limb.joints
        side = limb.side
        upper, lower = WIDTHS[limb.kind]
        if limb.kind == "arm":
            found[f"{side}_hand"] = Part([Disc(step(tip, limb.end, 4), 6)], "any")
            found[f"{side}_elbow"] = Part([Disc(middle, lower / 2)], "any")
            found[f"{side}_forearm"] = Part(along(middle, tip, lower / 2), "all")
            found[f"{side}_arm"] = Part(along(root, middle, upper / 2) + along(middle, tip, lower / 2), "any")
        else:
            heel, toes = step(tip, limb.end, -3), step(tip, limb.end, 14)
            if body.view != "side":   # a foot seen from the front or above is an oval at the ankle
                heel = toes = (tip[0], tip[1] + 3)
            found[f"{side}_foot"] = Part([Disc(heel, 4.5), Disc(toes, 4.5)], "all")
            found[f"{side}_heel"] = Part([Disc(heel, 4.5)], "any")
            found[f"{side}_toes"] = Part([Disc(toes, 4.5)], "any")
            found[f"{side}_knee"] = Part([Disc(middle, lower / 2)], "any")
            found[f"{side}_ankle"] = Part([Disc(tip, lower / 2)], "any")
            found[f"{side}_shin"] = Part(along(middle, tip, lower / 2), "all")
            found[f"{side}_calf"] = Part(along(step(middle, angle_to(middle, tip), 0.4 * _len(middle, tip)),
                                               tip, lower / 2, 3), "all")
            found[f"{side}_thigh"] = Part(along(root, middle, upper / 2), "any")
            # Behind the knee: the back of the thigh, just above the bend.
            above_knee = step(root, angle_to(root, middle), 0.7 * _len(root, middle))
            found[f"{side}_behind_knee"] = Part(along(above_knee, middle, upper / 2, 3), "any")
            found[f"{side}_leg"] = Part(along(root, middle, upper / 2) + along(middle, tip, lower / 2), "any")
    return found


def _front_at(body, t):
    """A point on the front of the trunk, a fraction t of the way from hip to shoulder."""
    centre = bezier(body.hip, body.control, body.shoulder, t)
    return step(centre, body.spine + 90, width_at(body.profile, t) / 2)


def _len(a, b):
    return hypot(b[0] - a[0], b[1] - a[1])


def bone_lengths(body):
    """[(bone name, length on the page, length the model gives)] for the trunk and every limb."""
    found = [("trunk", _len(body.hip, body.shoulder), shortened(TORSO, body.toward)),
             ("neck", _len(body.shoulder, body.head), HEAD + 6)]
    for limb in body.limbs:
        root, middle, tip = limb.joints
        names = ("upper arm", "forearm") if limb.kind == "arm" else ("thigh", "shin")
        for name, (a, b), bone, toward in zip(names, ((root, middle), (middle, tip)), BONES[limb.kind],
                                              limb.toward, strict=True):
            found.append((f"{limb.side} {name}", _len(a, b), shortened(bone, toward)))
    return found
