"""A picture: people and props in model units, cropped to fill the 240 x 160 frame."""
from .body import Body, num
from .props import ground

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

    def add(self, item, layer=None):
        """Add a Body, or a prop's (shapes, points), to a layer; returns the item."""
        if isinstance(item, Body):
            shapes, points = item.parts(), item.points()
            layer = layer or "people"
        else:
            shapes, points = item
            layer = layer or "back"
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


def picture(ground, *items, marks=(), mirror=False):
    """A Scene on a mat, a floor or nothing, holding props and people, with marks in front."""
    scene = Scene(ground, mirror)
    for item in items:
        scene.add(item)
    for mark in marks:
        scene.add(mark, "front")
    return scene
