"""Debian's Chromium with the project's flags: shared by browser tests, screenshots and benchmarks."""

# Playwright cannot download its own browser on these machines.
EXECUTABLE = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    # The machine has no internet: stop Chromium phoning home.
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
# The smallest phone the pages are held to: reflow at 200% text, focus, layout shift, the player.
SMALL_PHONE = {"width": 360, "height": 640}


def launch(playwright):
    """Start headless Debian Chromium with the project's flags."""
    return playwright.chromium.launch(executable_path=EXECUTABLE, args=ARGS)
