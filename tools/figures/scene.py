"""A picture: people and props in model units, cropped to fill the 240 x 160 frame."""
from .body import Body, num
from .props import Surface, ground

WIDTH, HEIGHT = 240, 160
MARGIN = 5
GROUND = 9          # room under the floor line for the mat
MAX_SCALE = 1.4     # lying poses grow to fill the width, but not beyond this


class Scene:
    """Shapes in layers (back, people, front) and an optional mat or floor under them."""

    def __init__(self, ground=None, mirror=False):
        self.ground, self.mirror = ground, mirror
        self.layers = {"back": [], "people": [], "front": []}
        self.points = []
        self.bodies, self.marks = [], []
        # The floor (and a mat on it) is the line y = 0.
        self.surfaces = [Surface(name, (-10_000, 0), (10_000, 0)) for name in ("floor", "mat") if ground]
        self.moves = None   # how a movement too small for two positions is shown instead

    def add(self, item, layer=None):
        """Add a Body, a prop's (shapes, points[, surfaces]) or a mark, to a layer; returns the item."""
        if isinstance(item, Body):
            shapes, points = item.parts(), item.points()
            layer = layer or "people"
            self.bodies.append(item)
        else:
            shapes, points, *surfaces = item
            layer = layer or "back"
            self.surfaces.extend(surfaces[0] if surfaces else [])
            if layer == "front":
                self.marks.append(item)
        self.layers[layer].extend(shapes)
        self.points.extend(points)
        return item

    def fit(self):
        """Scale and offset that put every point in the frame, centred, as large as allowed."""
        left = min(x - r for (x, y), r in self.points)
        right = max(x + r for (x, y), r in self.points)
        top = min(y - r for (x, y), r in self.points)
        bottom = max(y + r for (x, y), r in self.points)
        if self.ground:
            bottom = max(bottom, 0)
        room = GROUND if self.ground else 0
        scale = min((WIDTH - 2 * MARGIN) / (right - left),
                    (HEIGHT - 2 * MARGIN - room) / (bottom - top), MAX_SCALE)
        dx = (WIDTH - scale * (right - left)) / 2 - scale * left
        dy = (HEIGHT - scale * (bottom - top) - room) / 2 - scale * top
        return scale, dx, dy

    def svg(self):
        """The finished SVG text: presentation attributes only, so the CSP and tests are happy."""
        scale, dx, dy = self.fit()
        if self.mirror:
            transform = f"translate({num(WIDTH - dx)} {num(dy)}) scale({-scale:.3f} {scale:.3f})"
        else:
            transform = f"translate({num(dx)} {num(dy)}) scale({scale:.3f})"
        lines = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 160">']
        if self.ground:
            lines.append("  " + ground(self.ground, dy))
        lines.append(f'  <g transform="{transform}" stroke-linecap="round" stroke-linejoin="round">')
        for layer in ("back", "people", "front"):
            lines.extend("    " + shape for shape in self.layers[layer])
        lines.append("  </g>")
        lines.append("</svg>")
        return "\n".join(lines) + "\n"


def picture(ground, *items, marks=(), mirror=False, moves=None):
    """A Scene on a mat, a floor or nothing, holding props and people, with marks in front.

    A person given as (end, start) is a movement: the end position lighter, behind the start.
    moves says why a moving exercise shows one position (its marks show the movement)."""
    scene = Scene(ground, mirror)
    scene.moves = moves
    for item in items:
        if isinstance(item, tuple) and item and isinstance(item[0], Body):
            end, start = item
            end.later = True
            scene.add(end)
            scene.add(start)
            continue
        scene.add(item)
    for mark in marks:
        scene.add(mark, "front")
    return scene
