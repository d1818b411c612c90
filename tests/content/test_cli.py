"""`flask content check`, as an author runs it after editing content."""
import shutil

import pytest

from app import paths
from app.cli import content_cli


@pytest.fixture
def content(tmp_path):
    """A copy of the real content folder, to break one file at a time."""
    folder = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, folder)
    return folder


def check(runner, folder):
    """Run the command on folder; give its result."""
    return runner.invoke(content_cli, ["check", "--routines-dir", str(folder)])


def test_real_content_passes_with_a_summary(runner):
    result = check(runner, paths.ROUTINES_DIR)
    assert result.exit_code == 0, result.output
    assert "morning-mobility" in result.output
    assert result.output.splitlines()[-1].startswith("All good: ")
    assert "routines, a checklist of" in result.output
    assert " lessons; each translated into es." in result.output
    assert "massage" in result.output and "min read" in result.output


@pytest.mark.parametrize(("path", "breakage", "message"), [
    ("morning-mobility.toml", ('title = "', 'titel = "'), "morning-mobility.toml: "),
    ("checklist/therapist.toml", ("[[sections]]", "[[sectons]]"), "therapist.toml: "),
    ("lessons/massage.toml", ("sources = [", "sauces = ["), "massage.toml: "),
])
def test_a_broken_file_fails_with_its_path(runner, content, path, breakage, message):
    target = content / path
    text = target.read_text()
    assert breakage[0] in text, "update the example to match the content"
    target.write_text(text.replace(breakage[0], breakage[1], 1))
    result = check(runner, content)
    assert result.exit_code == 1
    assert "error: " in result.output and message in result.output, result.output
    assert "All good" not in result.output


def test_the_folder_comes_from_flask_routines_dir(runner, content, monkeypatch):
    (content / "in-bed.toml").write_text("not = [valid toml")
    monkeypatch.setenv("FLASK_ROUTINES_DIR", str(content))
    result = runner.invoke(content_cli, ["check"])
    assert result.exit_code == 1
    assert "in-bed.toml" in result.output
