"""The checks every pose passes before `make pictures` draws it.

A pose is one body (fixed bone lengths, human joint ranges) placed by joint angles, plus what
it rests on. A pose fails, naming the exercise, the part and the fix, when:
- a bone is not the model's length (only pointing towards us may shorten it),
- a joint is outside its range (tools/figures/model.py RANGES),
- a stated contact does not touch: a part floats above what it should rest on, or sinks into it,
- any part of the body sinks into the floor, or nothing holds the person up,
- a one-sided exercise works any side but the right (the player mirrors the picture for the left),
- an exercise that moves shows one position with no mark to show the movement.
"""
from math import hypot

from .model import RANGES, bone_lengths, joint_angles, parts

GAP = 3      # model units a resting part may sit above its surface (line widths, soft tissue)
SINK = 4     # and how far it may press into it
LENGTH = 0.5
MOST_TOWARD = 80
GRIPS = {"chair-back", "chair-top", "banister"}   # held round, so a hand may overlap them
SUPPORTS = {"floor", "mat", "seat", "bed", "stair", "pillow", "ball"}


def segment_distance(point, a, b):
    """The distance from point to the segment a-b."""
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0 if length == 0 else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / length))
    return hypot(px - ax - t * dx, py - ay - t * dy)


def gap_to_surface(disc, surface):
    """How far a disc is from a surface: above it (+) or sunk into it (-). A disc whose centre
    has gone below a level surface (a floor, a seat, a stair) is sunk by all of that depth."""
    (x, y), (ax, ay), (bx, by) = disc.centre, surface.a, surface.b
    if ay == by and min(ax, bx) <= x <= max(ax, bx) and y > ay:
        return -(y - ay) - surface.radius - disc.radius
    return segment_distance(disc.centre, surface.a, surface.b) - surface.radius - disc.radius


def inside(disc, surface):
    """Whether a disc lies on an area (a mat seen from above)."""
    (left, top), (right, bottom) = surface.a, surface.b
    x, y = disc.centre
    return left <= x <= right and top <= y <= bottom


def gap_to_part(disc, part):
    """How far a disc is from the nearest disc of another part of the body (overlap is touching)."""
    return min(hypot(disc.centre[0] - other.centre[0], disc.centre[1] - other.centre[1])
               - disc.radius - other.radius for other in part.discs)


def contact_problems(name, body, scene):
    """Each stated contact that does not touch, with the fix."""
    found = parts(body)
    problems = []
    for part_name, target in body.contacts:
        part = found.get(part_name)
        if part is None:
            problems.append(f"{name}: the body has no part {part_name!r} to rest on {target}")
            continue
        surfaces = [surface for surface in scene.surfaces if surface.name == target]
        if target in found:
            gaps = [max(gap_to_part(disc, found[target]), 0) for disc in part.discs]
        elif surfaces:
            gaps = []
            for disc in part.discs:
                if any(surface.area for surface in surfaces):
                    gaps.append(0 if any(inside(disc, surface) for surface in surfaces) else GAP + 1)
                else:
                    gap = min((gap_to_surface(disc, surface) for surface in surfaces), key=abs)
                    # Seen from above (no floor), resting on something is lying over it.
                    gaps.append(max(gap, 0) if target in GRIPS or not scene.ground else gap)
        else:
            problems.append(f"{name}: {part_name} rests on {target!r}, but the picture has no {target}")
            continue
        if all(-SINK <= gap <= GAP for gap in gaps) if part.mode == "all" else \
                any(-SINK <= gap <= GAP for gap in gaps):
            continue
        worst = max(gaps, key=lambda gap: gap - GAP if gap > GAP else -SINK - gap)
        label = part_name.replace("_", " ")
        if worst > GAP:
            where = target.replace("_", " ")
            problems.append(f"{name}: the {label} should rest on the {where} but is {worst:.1f} away: "
                            "move it down onto it")
        else:
            problems.append(f"{name}: the {label} is {-worst:.1f} deep in the {target}: "
                            "lift it to rest on it")
    return problems


def body_problems(name, body, scene):
    """Bone lengths, joint ranges, contacts, the floor and support, for one person."""
    problems = []
    for bone, drawn, model in bone_lengths(body):
        if abs(drawn - model) > LENGTH:
            problems.append(f"{name}: the {bone} is {drawn:.1f} long where the model's is {model:.1f}: "
                            "place it by joint angles (or At), not by points")
    for limb in body.limbs:
        for toward in limb.toward:
            if not 0 <= toward <= MOST_TOWARD:
                problems.append(f"{name}: the {limb.side} {limb.kind} points {toward} degrees towards us: "
                                f"keep it within 0 to {MOST_TOWARD}")
    if not 0 <= body.toward <= MOST_TOWARD:
        problems.append(f"{name}: the trunk points {body.toward} degrees towards us: "
                        f"keep it within 0 to {MOST_TOWARD}")
    for joint, angle in joint_angles(body).items():
        kind = joint.split()[-1]
        low, high = RANGES[kind]
        beyond = f"{name}: the {joint} is at {angle:.0f} degrees, beyond the {kind}'s {low} to {high}"
        if angle > high:
            problems.append(f"{beyond}: bring it back to {high} or less")
        elif angle < low:
            problems.append(f"{beyond}: bring it to {low} or more")
    problems += contact_problems(name, body, scene)
    if not any(target in SUPPORTS for _, target in body.contacts):
        problems.append(f"{name}: nothing holds this person up: say what they rest on, "
                        "for example touch('buttocks', 'seat')")
    if scene.ground:
        depth, part = max((disc.centre[1] + disc.radius, part) for part, found in parts(body).items()
                          for disc in found.discs)
        if depth > SINK:
            problems.append(f"{name}: the {part.replace('_', ' ')} is {depth:.1f} below the {scene.ground}: "
                            "raise it, or bend the joint above it")
    return problems


def working_side(body, mirror):
    """The person's side that does the work: the accented leg's (a bird dog reaches with the
    opposite arm), else the accented arm's, else the named working parts'."""
    legs = {limb.side for limb in body.limbs if limb.accent and limb.kind == "leg"}
    arms = {limb.side for limb in body.limbs if limb.accent and limb.kind == "arm"}
    working = legs or arms or {part.split("_")[0] for part in body.works}
    # Facing right (or facing us), the near side is the right; a mirrored picture swaps them.
    return {("right" if side == "near" else "left") if not mirror else ("left" if side == "near" else "right")
            for side in working}


def exercise_problems(name, scene, exercise):
    """The working side and the movement, by what the exercise's text says."""
    problems = []
    people = [body for body in scene.bodies if not body.later]
    if exercise.sided:
        sides = set().union(*(working_side(body, scene.mirror) for body in people))
        if not sides:
            problems.append(f"{name}: one-sided, but no part is marked as working: accent the working limb "
                            "or name it in works")
        elif sides != {"right"}:
            problems.append(f"{name}: the working side is the {' and '.join(sorted(sides))}; one-sided "
                            "pictures show the right (the player mirrors them for the left): "
                            "work the near side, unmirrored")
    moves = (exercise.reps or 0) > 1
    if moves and not any(body.later for body in scene.bodies):
        if not (scene.moves and scene.marks):
            problems.append(f"{name}: the exercise moves ({exercise.reps} reps) but the picture shows one "
                            "position: add its end position, picture(..., (end, start)), "
                            "or say with moves= how a mark shows it")
    return problems


def check(name, scene, exercise=None):
    """Every problem with one pose, as sentences naming the exercise, the part and the fix."""
    problems = []
    for body in scene.bodies:
        problems += body_problems(name, body, scene)
    if exercise is not None:
        problems += exercise_problems(name, scene, exercise)
    return problems
