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
    for scheme in ("light", "dark"):
        assert f"history.{scheme}.0.png" in shots
        assert f"settings.{scheme}.0.png" in shots
    # Ten sessions with their check-ins make a long page: chart, weeks and the sessions list.
    assert "history.light.3.png" in shots, shots
