"""Check every pose, then write static/pictures/<exercise>.svg: python -m tools.figures [NAME ...].

Nothing is written while any pose fails its checks (tools/figures/checks.py): each failure
names the exercise, the part and the fix.
"""
import sys

from app import paths
from app.content.routines import load_library

from . import above, lying, sitting, standing, strength
from .checks import check

POSES = {**above.POSES, **lying.POSES, **sitting.POSES, **standing.POSES, **strength.POSES}


def problems(names):
    """Every pose problem among the named pictures, checked against their exercises' text."""
    exercises = load_library(paths.ROUTINES_DIR, paths.PICTURES_DIR).exercises
    return [problem for name in names for problem in check(name, POSES[name](), exercises.get(name))]


def main(names):
    """Check, then draw, the named pictures, or all of them."""
    names = names or sorted(POSES)
    found = problems(names)
    if found:
        sys.exit("Poses that fail their checks (nothing was drawn):\n" + "\n".join(f"- {p}" for p in found))
    for name in names:
        (paths.PICTURES_DIR / f"{name}.svg").write_text(POSES[name]().svg())
    print(f"{len(names)} poses checked and drawn in {paths.PICTURES_DIR}")


if __name__ == "__main__":
    main(sys.argv[1:])
