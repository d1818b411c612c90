"""`make screenshots` works on a fresh clone: its own server, tables and a person's saves."""
import subprocess
import sys

import pytest

# Its own process, as `make screenshots` runs it: this test process may already hold the
# browser tests' Playwright.
pytestmark = pytest.mark.browser


def test_screenshots_of_personal_pages_with_data(tmp_path):
    subprocess.run([sys.executable, "-m", "tools.screenshots", "--out", str(tmp_path), "--no-player",
                    "/history", "/settings"], check=True, capture_output=True, timeout=300)
    shots = sorted(path.name for path in tmp_path.glob("*.png"))
    for view in ("light", "dark", "small", "small-dark", "small-200"):
        assert f"history.{view}.0.png" in shots
        assert f"settings.{view}.0.png" in shots
    # Ten sessions with their check-ins make a long page: chart, weeks and the sessions list.
    assert "history.light.3.png" in shots, shots


def test_screenshots_name_a_page_that_scrolls_sideways(tmp_path):
    """The settings page asked for at a width narrower than its words: the tool says so and fails."""
    run = subprocess.run([sys.executable, "-c", "import sys; from tools import screenshots; "
                          "screenshots.VIEWS = [('tiny', {'width': 120, 'height': 400}, 'light', '200%')]; "
                          "print(screenshots.main(['/settings'], "
                          f"out=__import__('pathlib').Path('{tmp_path}'), player=False))"],
                         capture_output=True, text=True, timeout=300, check=True)
    assert "[('/settings', 'tiny', " in run.stdout, run.stdout
