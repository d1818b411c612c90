"""One way to draw a person: joints from angles, then the same shapes every time.

Angles are in degrees on screen (y down): 0 points right, 90 down, -90 up.
A pose is a turn of "standing, facing right", so by default the face is
90 degrees on from the spine and a foot 90 degrees back from its shin. The
person's right side is then the near side, the side one-sided pictures work.
"""
from collections import namedtuple
from itertools import pairwise
from math import acos, atan2, cos, degrees, hypot, radians, sin

INK = "#24323b"          # the figure
FAR = "#6b7a83"          # limbs on the far side, so depth reads
ACCENT = "#c8631e"       # the part that works
ACCENT_FAR = "#d98a4e"   # the working part on the far side
PALE = "#f3efe7"         # eyes, and the rim that parts a near limb from the trunk
LATER_OPACITY = 0.35     # the end position of a movement, behind the start

BONES = {"arm": (30, 26), "leg": (42, 40)}
WIDTHS = {"arm": (11, 10), "leg": (15, 12.5)}
TORSO = 52
HEAD = 11
SIDE_PROFILE = ((0, 24), (0.5, 21), (0.8, 24), (1, 22))
SAMPLES = 13        # points along each side of the torso
FRONT_PROFILE = ((0, 30), (0.45, 25), (0.8, 33), (1, 36))


def unit(angle):
    """The unit vector that points along an angle."""
    return cos(radians(angle)), sin(radians(angle))


def step(point, angle, length):
    """The point length away from point along angle."""
    dx, dy = unit(angle)
    return point[0] + dx * length, point[1] + dy * length


def angle_to(a, b):
    """The angle that points from a to b."""
    return degrees(atan2(b[1] - a[1], b[0] - a[0]))


def num(value):
    """A coordinate, short: one decimal, no trailing zero."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def pts(*points):
    """Points as an SVG points list."""
    return " ".join(f"{num(x)},{num(y)}" for x, y in points)


Limb = namedtuple("Limb", "kind side joints end accent behind toward")


def shortened(length, toward):
    """A bone's length on the page when it points toward (or away from) us by toward degrees."""
    return length * cos(radians(toward))


class At:
    """A limb whose end must reach a point; bend picks which way the middle joint goes."""

    def __init__(self, x, y, bend=1):
        self.point, self.bend = (x, y), bend


def reach(root, target, lengths, bend):
    """Angles of a two-bone limb from root whose end reaches target (or points at it)."""
    first, second = lengths
    distance = min(hypot(target[0] - root[0], target[1] - root[1]), first + second - 0.01)
    cosine = (first ** 2 + distance ** 2 - second ** 2) / (2 * first * distance)
    upper = angle_to(root, target) - bend * degrees(acos(max(-1, min(1, cosine))))
    middle = step(root, upper, first)
    return upper, angle_to(middle, target)


class Body:
    """A person: a spine from hip to shoulder, a head, and up to four limbs."""

    def __init__(self, hip, spine, bend=0, neck=None, face=None, eyes="open", view="side",
                 head=None, toward=0, accent=(), later=False):
        """hip and spine (the angle from hip to shoulder) place the trunk; toward tips it toward
        us (leaning forward, seen from the front); later marks the end position of a movement,
        drawn lighter behind the start."""
        self.hip, self.view, self.eyes, self.later = hip, view, eyes, later
        self.head_view = head or ("front" if view == "front" else "profile")
        self.spine = angle = spine
        self.bend, self.toward = bend, toward
        self.shoulder = step(hip, angle, shortened(TORSO, toward))
        mid = ((hip[0] + self.shoulder[0]) / 2, (hip[1] + self.shoulder[1]) / 2)
        self.control = step(mid, angle + 90, bend)
        self.neck = angle if neck is None else neck
        self.head = step(self.shoulder, self.neck, HEAD + 6)
        self.face = angle + 90 if face is None else face
        self.limbs = []
        self.accent = set(accent)
        self.between = []   # shapes between the limbs behind and the trunk, such as a pillow
        self.joints = {"hip": hip, "shoulder": self.shoulder, "head": self.head}
        self.contacts = []   # (part, what it rests on): checked by tools/figures/checks.py
        self.works = set()   # parts that do the work when they are not accented limbs

    def touch(self, part, *surfaces):
        """Say that a part of the body rests on each surface (a prop's surface or a body part)."""
        self.contacts.extend((part, surface) for surface in surfaces)
        return self

    def root(self, kind, side):
        """Where a limb starts: one point in side view, spread apart in front view."""
        base = self.shoulder if kind == "arm" else self.hip
        if self.view == "side":
            return base
        # Facing us, the person's right (the near side) is on our left.
        spread = 15 if kind == "arm" else 9
        return step(base, self.spine - 90 if side == "near" else self.spine + 90, spread)

    def limb(self, kind, side, spec, accent=False, end=None, toward=(0, 0), behind=None):
        """Add an arm or leg from angles (upper, lower) or At(x, y, bend).

        end turns the hand or foot; toward says by how many degrees each bone points toward
        (or away from) us, which shortens it on the page; behind puts the limb behind the
        trunk (by default, far limbs in side view).
        """
        root = self.root(kind, side)
        lengths = tuple(shortened(bone, angle) for bone, angle in zip(BONES[kind], toward, strict=True))
        upper, lower = reach(root, spec.point, lengths, spec.bend) if isinstance(spec, At) else spec
        middle = step(root, upper, lengths[0])
        tip = step(middle, lower, lengths[1])
        if end is None:
            end = lower if kind == "arm" else lower - 90
        self.joints[f"{side}_{kind}"] = tip
        self.joints[f"{side}_{'elbow' if kind == 'arm' else 'knee'}"] = middle
        if behind is None:
            behind = side == "far" and self.view == "side"
        self.limbs.append(Limb(kind, side, (root, middle, tip), end, accent, behind, tuple(toward)))
        return tip

    def arm(self, side, spec, **options):
        """Add an arm; see limb."""
        return self.limb("arm", side, spec, **options)

    def leg(self, side, spec, **options):
        """Add a leg; see limb."""
        return self.limb("leg", side, spec, **options)

    def colour(self, side, accent):
        """The colour of a limb by its side and whether it works."""
        if accent:
            return ACCENT if side == "near" or self.view != "side" else ACCENT_FAR
        return INK if side == "near" or self.view != "side" else FAR

    def draw_limb(self, limb):
        """A limb as two thick round-capped bones, with a hand or a foot."""
        kind, side, joints, end, accent, behind, _ = limb
        shapes = self.limb_shapes(kind, joints, end, self.colour(side, accent))
        if behind:
            return shapes
        # A pale rim keeps a near limb apart from the dark torso it crosses.
        return self.limb_shapes(kind, joints, end, PALE, grow=3) + shapes

    def limb_shapes(self, kind, joints, end, colour, grow=0):
        """The bones, hand and foot of one limb in one colour; grow widens them for a rim."""
        root, middle, tip = joints
        upper, lower = WIDTHS[kind]
        parts = [line(root, middle, colour, upper + grow), line(middle, tip, colour, lower + grow)]
        if kind == "arm":
            parts.append(oval(step(tip, end, 4), 7 + grow / 2, 5 + grow / 2, end, colour))
        elif self.view == "front":
            parts.append(oval((tip[0], tip[1] + 3), 7 + grow / 2, 5 + grow / 2, 0, colour))
        else:
            parts.append(line(step(tip, end, -3), step(tip, end, 14), colour, 9 + grow))
        return parts

    @property
    def profile(self):
        """Torso widths along the spine: deeper from the side, broader from the front."""
        return FRONT_PROFILE if self.view != "side" else SIDE_PROFILE

    def torso_outline(self):
        """The torso as a closed path that follows the curved spine and its width profile."""
        left, right = [], []
        for i in range(SAMPLES):
            t = i / (SAMPLES - 1)
            point = bezier(self.hip, self.control, self.shoulder, t)
            tangent = angle_to(bezier(self.hip, self.control, self.shoulder, max(t - 0.05, 0)),
                               bezier(self.hip, self.control, self.shoulder, min(t + 0.05, 1)))
            half = width_at(self.profile, t) / 2
            left.append(step(point, tangent - 90, half))
            right.append(step(point, tangent + 90, half))
        return left + right[::-1]

    def draw_trunk(self):
        """Torso, neck and head, which sit between the far limbs and the near ones."""
        outline = self.torso_outline()
        hips, shoulders = self.profile[0][1] / 2, self.profile[-1][1] / 2
        parts = [f'<polygon points="{pts(*outline)}" fill="{INK}" stroke="{INK}" stroke-width="4"/>',
                 oval(self.hip, hips, hips, 0, INK), *self.seat(),
                 oval(self.shoulder, shoulders, shoulders, 0, INK)]
        parts += self.accents(outline)
        parts.append(line(step(self.shoulder, self.spine, 2), self.head, INK, 11))
        parts.extend(self.draw_head())
        return parts

    def seat(self):
        """In side view, the buttocks round out the back of the hips (face down, they show)."""
        if self.view != "side":
            return []
        centre = step(step(self.hip, self.spine - 90, 3), self.spine, 4)
        return [oval(centre, 13, 12, self.spine, INK)]

    def accents(self, outline):
        """Accent marks on the trunk: the back, the shoulder, the belly or the pelvis."""
        parts = []
        if "back" in self.accent:
            parts.append(f'<polyline points="{pts(*outline[1:SAMPLES - 2])}" fill="none" stroke="{ACCENT}" '
                         f'stroke-width="8"/>')
        if "shoulder" in self.accent:
            parts.append(oval(self.shoulder, 11, 11, 0, ACCENT))
        if "belly" in self.accent:
            belly = step(bezier(self.hip, self.control, self.shoulder, 0.35), self.face, 4)
            parts.append(oval(belly, 14, 9, self.spine, ACCENT))
        if "pelvis" in self.accent:
            parts.append(oval(step(self.hip, self.spine, 6), 15, 14, self.spine, ACCENT))
        return parts

    def draw_head(self):
        """A round head with a nose and an eye, so the way the face points reads."""
        x, y = self.head
        parts = [f'<circle cx="{num(x)}" cy="{num(y)}" r="{HEAD}" fill="{INK}"/>']
        if self.head_view == "front":
            for side in (-1, 1):
                eye = step(step(self.head, self.neck, 1), self.neck + 90, 4.5 * side)
                parts.append(self.eye(eye, self.neck + 90))
            return parts
        nose = step(step(self.head, self.face, HEAD - 1), self.neck, -1)
        parts.append(f'<circle cx="{num(nose[0])}" cy="{num(nose[1])}" r="3.5" fill="{INK}"/>')
        eye = step(step(self.head, self.face, 5.5), self.neck, 2.5)
        parts.append(self.eye(eye, self.face))
        return parts

    def eye(self, at, across):
        """An open eye is a dot; a closed one a short stroke."""
        if self.eyes == "closed":
            a, b = step(at, across, -2.2), step(at, across, 2.2)
            return (f'<line x1="{num(a[0])}" y1="{num(a[1])}" x2="{num(b[0])}" y2="{num(b[1])}" '
                    f'stroke="{PALE}" stroke-width="1.6"/>')
        return f'<circle cx="{num(at[0])}" cy="{num(at[1])}" r="1.8" fill="{PALE}"/>'

    def parts(self):
        """Every shape, back to front: far limbs, trunk, near limbs. An end position is one
        lighter group, so the start position drawn over it stays clear."""
        back = [p for limb in self.limbs if limb.behind for p in self.draw_limb(limb)]
        front = [p for limb in self.limbs if not limb.behind for p in self.draw_limb(limb)]
        shapes = back + self.between + self.draw_trunk() + front
        if self.later:
            return [f'<g opacity="{LATER_OPACITY}">', *("  " + shape for shape in shapes), "</g>"]
        return shapes

    def points(self):
        """Points with a margin that the whole figure lies within, for cropping."""
        found = [(self.head, HEAD + 3), (self.hip, 15), (self.shoulder, 18)]
        for limb in self.limbs:
            middle, tip = limb.joints[1:]
            found += [(middle, 8), (tip, 8), (step(tip, limb.end, 14), 5)]
        return found


def bezier(a, control, b, t):
    """A point on the quadratic curve from a to b."""
    return tuple((1 - t) ** 2 * a[i] + 2 * (1 - t) * t * control[i] + t ** 2 * b[i] for i in (0, 1))


def width_at(profile, t):
    """The torso width at a fraction t of the way from hip to shoulder."""
    for (t0, w0), (t1, w1) in pairwise(profile):
        if t <= t1:
            eased = (1 - cos(radians(180 * (t - t0) / (t1 - t0)))) / 2   # no corners at the keys
            return w0 + (w1 - w0) * eased
    return profile[-1][1]


def line(a, b, colour, width):
    """A round-capped stroke from a to b (the caps come from the enclosing group)."""
    return (f'<line x1="{num(a[0])}" y1="{num(a[1])}" x2="{num(b[0])}" y2="{num(b[1])}" '
            f'stroke="{colour}" stroke-width="{num(width)}"/>')


def oval(centre, rx, ry, angle, colour):
    """A filled ellipse turned to angle, for hands, feet seen from the front and accents."""
    x, y = centre
    turn = f' transform="rotate({num(angle)} {num(x)} {num(y)})"' if angle else ""
    return f'<ellipse cx="{num(x)}" cy="{num(y)}" rx="{num(rx)}" ry="{num(ry)}"{turn} fill="{colour}"/>'
