"""`make screenshots` works on a fresh clone: its own server, tables and a person's saves."""
import pytest

from tools.screenshots import main

# Its own Playwright and server, like `make screenshots`: outside tests/browser/, whose
# fixtures already hold a Playwright instance.
pytestmark = pytest.mark.browser


def test_screenshots_of_personal_pages_with_data(tmp_path):
    main(["/history", "/settings"], out=tmp_path, player=False)
    shots = sorted(path.name for path in tmp_path.glob("*.png"))
    for scheme in ("light", "dark"):
        assert f"history.{scheme}.0.png" in shots
        assert f"settings.{scheme}.0.png" in shots
    # Ten sessions with their check-ins make a long page: chart, weeks and the sessions list.
    assert "history.light.3.png" in shots, shots
