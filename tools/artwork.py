"""Make the lock-screen artwork: a square PNG of every exercise picture, drawn by Chromium.

    .venv/bin/python -m tools.artwork

The player names the current exercise to the Media Session with its picture as artwork, and
lock screens want a square raster image: each SVG in static/pictures/ is drawn centred on the
picture panel's light colour, 256 px square, into static/pictures/artwork/. `make pictures`
runs it after redrawing the SVGs, and artwork/drawn-from.json records the SHA-256 of the
picture each PNG was drawn from, so a test can tell when the artwork is behind its pose.
"""
import hashlib
import json

from playwright.sync_api import sync_playwright

from app import paths
from tools.browser import launch

PICTURES = paths.STATIC_DIR / "pictures"
ARTWORK = PICTURES / "artwork"
SIZE = 256
PANEL = "#f3efe7"  # --picture-bg in app.css, light
DRAWN_FROM = ARTWORK / "drawn-from.json"


def fingerprint(picture):
    """The SHA-256 of a picture's SVG text."""
    return hashlib.sha256(picture.read_bytes()).hexdigest()


def page_for(svg):
    """An HTML page showing one picture centred on the panel, ready for a screenshot."""
    sized = svg.replace("<svg ", "<svg width='100%' ", 1)
    return (f"<body style='margin:0;width:{SIZE}px;height:{SIZE}px;background:{PANEL};"
            "display:grid;place-items:center'>"
            f"<div style='width:{SIZE - 16}px'>{sized}</div></body>")


def main():
    """Draw every picture's artwork, replacing the old set."""
    ARTWORK.mkdir(exist_ok=True)
    for old in ARTWORK.glob("*.png"):
        old.unlink()
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": SIZE, "height": SIZE})
        for picture in sorted(PICTURES.glob("*.svg")):
            page.set_content(page_for(picture.read_text()))
            page.screenshot(path=ARTWORK / f"{picture.stem}.png")
        browser.close()
    drawn_from = {picture.stem: fingerprint(picture) for picture in sorted(PICTURES.glob("*.svg"))}
    DRAWN_FROM.write_text(json.dumps(drawn_from, indent=1, sort_keys=True) + "\n")
    print(f"{len(list(ARTWORK.glob('*.png')))} pictures in {ARTWORK}")


if __name__ == "__main__":
    main()
