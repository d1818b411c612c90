"""Write static/pictures/<exercise>.svg for every pose: python -m tools.figures [NAME ...]."""
import sys

from app import paths

from . import above, lying, sitting, standing, strength

POSES = {**above.POSES, **lying.POSES, **sitting.POSES, **standing.POSES, **strength.POSES}


def main(names):
    """Draw the named pictures, or all of them."""
    for name in names or sorted(POSES):
        (paths.PICTURES_DIR / f"{name}.svg").write_text(POSES[name]().svg())


if __name__ == "__main__":
    main(sys.argv[1:])
