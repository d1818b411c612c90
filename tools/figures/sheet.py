"""Contact sheets of the exercise pictures, to look at them as a phone shows them.

    .venv/bin/python -m tools.figures.sheet [OUT_DIR] [NAME ...]

Chromium draws every picture 320 px wide on the light and the dark panel colours
(static/css/app.css --picture-bg), each as drawn (the right side, as the player shows it)
and mirrored (the left side), and writes sheet-light.png and sheet-dark.png. `make pictures`
writes them into screenshots/pictures/ for review.
"""
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from app import paths
from tools.browser import launch

BACKGROUNDS = {"light": "#f3efe7", "dark": "#d9d3c7"}
WIDTH = 320


def page_for(names, background):
    """An HTML grid of the named pictures, each as drawn and mirrored, captioned, on one panel colour."""
    cells = []
    for name in names:
        uri = (paths.PICTURES_DIR / f"{name}.svg").as_uri()
        for flip, label in (("", "right side"), ("transform:scaleX(-1);", "mirrored: left side")):
            cells.append(f"<figure style='margin:0;background:{background};padding:6px;border-radius:10px'>"
                         f"<img src='{uri}' width='{WIDTH}' style='display:block;{flip}'>"
                         f"<figcaption style='font:14px sans-serif'>{name} ({label})</figcaption></figure>")
    return ("<body style='margin:8px;background:#fff;display:grid;gap:8px;"
            f"grid-template-columns:repeat(4,{WIDTH + 12}px)'>" + "".join(cells) + "</body>")


def main(argv):
    """Write one PNG per panel colour into the output folder."""
    out = (Path(argv[0]) if argv else Path("/tmp/pictures")).resolve()
    out.mkdir(parents=True, exist_ok=True)
    names = argv[1:] or sorted(path.stem for path in paths.PICTURES_DIR.glob("*.svg"))
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 4 * (WIDTH + 20) + 16, "height": 400})
        for label, colour in BACKGROUNDS.items():
            html = out / f"sheet-{label}.html"
            html.write_text(page_for(names, colour))
            page.goto(html.as_uri())
            page.screenshot(path=out / f"sheet-{label}.png", full_page=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
