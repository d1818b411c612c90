"""Props and marks, in muted colours that read on both picture panels.

Each returns (shapes, points) or a Prop (shapes, points, surfaces): SVG elements in model
units (floor at y = 0), the points, with a margin, that cropping must keep in the frame, and
the surfaces a person can rest on, which tools/figures/checks.py measures contacts against.
"""
from collections import namedtuple

from .body import ACCENT, angle_to, num, pts, step

Prop = namedtuple("Prop", "shapes points surfaces")
# A named surface: the segment from a to b, thickened by radius (a ball is a point and a
# radius); an area is the rectangle with corners a and b, for a mat seen from above.
Surface = namedtuple("Surface", "name a b radius area", defaults=(0, False))

WOOD = "#8a6d52"
WALL = "#b3aa9b"
WALL_EDGE = "#8c8273"
CLOTH = "#e4eaee"
CLOTH_EDGE = "#7f95a6"
BALL = "#3f857b"
STRAP = "#2f6f95"
MAT = "#9dbfae"
FLOOR = "#8c8273"


def chair(x, facing=1, seat=46, depth=38, back=44):
    """A side-view chair: x is the back edge of the seat, facing is where the seat points."""
    front = x + facing * depth
    top = -seat - back
    shapes = [f'<g stroke="{WOOD}" stroke-width="6" fill="none">'
              f'<polyline points="{pts((x, top), (x, 0))}"/>'
              f'<line x1="{num(x)}" y1="{-seat}" x2="{num(front)}" y2="{-seat}"/>'
              f'<line x1="{num(front - facing * 3)}" y1="{-seat}" '
              f'x2="{num(front - facing * 3)}" y2="0"/></g>']
    surfaces = [Surface("seat", (x, -seat - 3), (front, -seat - 3)),
                Surface("chair-back", (x, top), (x, -seat)),
                Surface("chair-top", (x, top - 3), (x, top - 3), 2)]
    return Prop(shapes, [((x, top), 4), ((front, 0), 4)], surfaces)


def chair_front(x, seat=46, width=52, back=40):
    """A chair seen from the front: the seat, its legs and the top of the back behind."""
    left, right = x - width / 2, x + width / 2
    top = -seat - back
    shapes = [f'<g stroke="{WOOD}" stroke-width="6" fill="none">'
              f'<polyline points="{pts((left + 4, 0), (left + 4, top), (right - 4, top), (right - 4, 0))}"/>'
              f'<line x1="{num(left)}" y1="{-seat}" x2="{num(right)}" y2="{-seat}"/></g>']
    surfaces = [Surface("seat", (left, -seat - 3), (right, -seat - 3)),
                Surface("chair-back", (left + 4, top), (right - 4, top), 3)]
    return Prop(shapes, [((left, top), 4), ((right, 0), 4)], surfaces)


def wall(x, side=1, height=175):
    """A wall whose face is at x; side 1 puts the wall to the right of it, -1 to the left."""
    thickness = 14
    left = x if side > 0 else x - thickness
    shapes = [f'<rect x="{num(left)}" y="{-height}" width="{thickness}" height="{height}" fill="{WALL}"/>',
              f'<line x1="{num(x)}" y1="{-height}" x2="{num(x)}" y2="0" '
              f'stroke="{WALL_EDGE}" stroke-width="2.5"/>']
    face = Surface("wall", (x, -height), (x, 0))
    return Prop(shapes, [((left, -height), 0), ((left + thickness, 0), 0)], [face])


def pillow(x, y, width, height, angle=0):
    """A soft cushion centred on (x, y)."""
    shapes = [f'<rect x="{num(x - width / 2)}" y="{num(y - height / 2)}" width="{num(width)}" '
              f'height="{num(height)}" rx="{num(height / 2)}" fill="{CLOTH}" stroke="{CLOTH_EDGE}" '
              f'stroke-width="2.5" transform="rotate({num(angle)} {num(x)} {num(y)})"/>']
    reach = max(width, height) / 2
    along = step((x, y), angle, max(width - height, 0) / 2)
    back = step((x, y), angle + 180, max(width - height, 0) / 2)
    surfaces = [Surface("pillow", back, along, height / 2)] if width >= height else \
        [Surface("pillow", step((x, y), angle + 90, (height - width) / 2),
                 step((x, y), angle - 90, (height - width) / 2), width / 2)]
    return Prop(shapes, [((x, y), reach)], surfaces)


def ball(x, y, radius=8):
    """A small massage ball."""
    shapes = [f'<circle cx="{num(x)}" cy="{num(y)}" r="{radius}" fill="{BALL}"/>',
              f'<circle cx="{num(x - radius / 3)}" cy="{num(y - radius / 3)}" r="{num(radius / 3)}" '
              'fill="#8cc2b8"/>']
    return Prop(shapes, [((x, y), radius)], [Surface("ball", (x, y), (x, y), radius)])


def strap(*points):
    """A strap or towel through the given points."""
    shapes = [f'<polyline points="{pts(*points)}" fill="none" stroke="{STRAP}" stroke-width="4"/>']
    return shapes, [(point, 3) for point in points]


def floor_mat(left, right, top, bottom):
    """A mat seen from above, behind a person drawn from above."""
    shapes = [f'<rect x="{num(left)}" y="{num(top)}" '
              f'width="{num(right - left)}" height="{num(bottom - top)}" rx="8" fill="{MAT}"/>']
    return Prop(shapes, [((left, top), 0), ((right, bottom), 0)],
                [Surface("mat", (left, top), (right, bottom), area=True)])


def bed(left, right, top=-50, mattress=18):
    """A bed seen from its long side: a mattress on a low frame."""
    shapes = [f'<g stroke="{WOOD}" stroke-width="6"><line x1="{num(left + 6)}" y1="{num(top)}" '
              f'x2="{num(left + 6)}" y2="0"/><line x1="{num(right - 6)}" y1="{num(top)}" '
              f'x2="{num(right - 6)}" y2="0"/></g>',
              f'<rect x="{num(left)}" y="{num(top)}" width="{num(right - left)}" height="{mattress}" '
              f'rx="6" fill="{CLOTH}" stroke="{CLOTH_EDGE}" stroke-width="2.5"/>']
    return Prop(shapes, [((left, top), 2), ((right, 0), 2)], [Surface("bed", (left, top), (right, top))])


def arrow_head(tip, angle, size=6):
    """Two short strokes that make an arrow head pointing along angle."""
    return pts(step(tip, angle + 150, size), tip, step(tip, angle - 150, size))


def arrow(a, b, both=False):
    """A straight arrow from a to b; both puts a head at each end."""
    heading = angle_to(a, b)
    shapes = [f'<line x1="{num(a[0])}" y1="{num(a[1])}" x2="{num(b[0])}" y2="{num(b[1])}"/>',
              f'<polyline points="{arrow_head(b, heading)}"/>']
    if both:
        shapes.append(f'<polyline points="{arrow_head(a, heading + 180)}"/>')
    return marks(shapes), [(a, 8), (b, 8)]


def arc_arrow(centre, radius, start, end, both=False):
    """A curved arrow round centre from angle start to angle end (clockwise if end > start)."""
    a = step(centre, start, radius)
    b = step(centre, end, radius)
    sweep = 1 if end > start else 0
    large = 1 if abs(end - start) > 180 else 0
    turn = 90 if sweep else -90
    shapes = [f'<path d="M{num(a[0])},{num(a[1])}'
              f'A{radius},{radius} 0 {large} {sweep} {num(b[0])},{num(b[1])}"/>',
              f'<polyline points="{arrow_head(b, end + turn)}"/>']
    if both:
        shapes.append(f'<polyline points="{arrow_head(a, start - turn)}"/>')
    return marks(shapes), [(centre, radius + 6)]


def waves(x, y, count=2, width=22, gap=7):
    """Short wavy lines, as for air or breath."""
    shapes = []
    for i in range(count):
        top = y - i * gap
        shapes.append(f'<path d="M{num(x - width / 2)},{num(top)}q{num(width / 4)},-5 {num(width / 2)},0'
                      f't{num(width / 2)},0"/>')
    return marks(shapes), [((x, y - gap * (count - 1) / 2), width / 2 + 4)]


def marks(shapes):
    """Arrows and marks: thin accent strokes, in one group."""
    return [f'<g fill="none" stroke="{ACCENT}" stroke-width="3.5">' + "".join(shapes) + "</g>"]


def ground(kind, y, left=6, right=234):
    """A mat or a floor line across the frame at frame height y (drawn after cropping)."""
    if kind == "mat":
        return f'<rect x="{left}" y="{num(y)}" width="{right - left}" height="8" rx="4" fill="{MAT}"/>'
    return (f'<line x1="{left}" y1="{num(y + 1)}" x2="{right}" y2="{num(y + 1)}" '
            f'stroke="{FLOOR}" stroke-width="3"/>')

