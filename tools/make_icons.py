"""Make the app icons (PNG) from the SVG artwork in static/icons/icon.svg.

    .venv/bin/python -m tools.make_icons

Chromium draws them, so the PNGs always match the SVG: 192 and 512 px
"any" icons (rounded, transparent corners) and a 512 px "maskable" icon
whose background fills the square and whose mark stays in the safe zone.
"""
from playwright.sync_api import sync_playwright

from app import paths
from tools.browser import launch

ICONS = paths.STATIC_DIR / "icons"
BACKGROUND = "#1f6f6a"
# Platforms crop maskable icons to a circle of 80% of the width: keep the
# mark inside it with room to spare.
MASKABLE_MARK_SCALE = 0.62


def page_for(svg, size, maskable):
    """An HTML page showing the artwork at size px, ready for a screenshot."""
    if maskable:
        inner = int(size * MASKABLE_MARK_SCALE)
        return (f"<body style='margin:0;width:{size}px;height:{size}px;background:{BACKGROUND};"
                "display:grid;place-items:center'>"
                f"<div style='width:{inner}px;height:{inner}px'>{svg}</div></body>")
    return (f"<body style='margin:0;background:transparent'>"
            f"<div style='width:{size}px;height:{size}px'>{svg}</div></body>")


def main():
    """Render every icon and write it into static/icons/."""
    svg = (ICONS / "icon.svg").read_text().replace("<svg ", "<svg width='100%' height='100%' ", 1)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for size, purpose in [(192, "any"), (512, "any"), (512, "maskable")]:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(page_for(svg, size, purpose == "maskable"))
            out = ICONS / f"icon-{purpose}-{size}.png"
            page.screenshot(path=out, omit_background=purpose == "any")
            print(out.relative_to(paths.PROJECT_ROOT))
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
