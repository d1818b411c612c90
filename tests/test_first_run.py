"""A fresh clone runs its tests with `make test` alone: it installs or names what it needs."""
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "system_packages.sh"
COMMANDS = {"chromium": "chromium", "pdftotext": "poppler-utils", "pg_virtualenv": "postgresql",
            "redis-server": "redis-server", "node": "nodejs", "lame": "lame"}


def fake_bin(folder, names, uid="1000"):
    """A PATH folder holding only the named commands (doing nothing) and an `id` that says uid."""
    folder.mkdir(exist_ok=True)
    for name in [*names, "id"]:
        command = folder / name
        command.write_text(f"#!/bin/sh\necho {uid}\n" if name == "id" else "#!/bin/sh\nexit 0\n")
        command.chmod(0o755)
    return str(folder)


def run_script(path, *purpose):
    return subprocess.run(["/bin/sh", str(SCRIPT), *purpose], env={"PATH": path},
                          capture_output=True, text=True)


@pytest.mark.parametrize("absent", sorted(COMMANDS))
def test_a_missing_package_stops_make_test_with_the_command_to_install_it(tmp_path, absent):
    present = [name for name in COMMANDS if name != absent]
    result = run_script(fake_bin(tmp_path / "bin", present))
    assert result.returncode == 1
    assert f"sudo apt-get install --no-install-recommends {COMMANDS[absent]}" in result.stderr


def test_nothing_is_installed_when_everything_is_there(tmp_path):
    result = run_script(fake_bin(tmp_path / "bin", COMMANDS))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_as_root_the_missing_packages_are_installed_with_apt_get(tmp_path):
    folder = tmp_path / "bin"
    fake_bin(folder, ["chromium", "pdftotext", "node"], uid="0")
    log = tmp_path / "apt.log"
    (folder / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {log}\n')
    (folder / "apt-get").chmod(0o755)
    result = run_script(str(folder))
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert calls[0] == "update -qq"
    assert calls[1].split()[-3:] == ["postgresql", "redis-server", "lame"]


def test_make_test_checks_the_packages_first_and_ci_only_calls_it():
    # As a newcomer types it, not as a sub-make of `make test` (which would add its own lines).
    env = {name: value for name, value in os.environ.items()
           if name not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    dry_run = subprocess.run(["make", "--dry-run", "--no-print-directory", "test"], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True).stdout
    assert dry_run.splitlines()[0] == "sh tools/system_packages.sh"
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line and not line.startswith("#")]
    assert ci[-1] == "make test"
    assert not any("apt-get" in line for line in ci)


def test_make_voice_installs_or_names_its_own_packages(tmp_path):
    result = run_script(fake_bin(tmp_path / "bin", ["flite", "lame"]), "voice")
    assert result.returncode == 1
    assert "make voice needs these Debian packages: sox" in result.stderr
    assert run_script(fake_bin(tmp_path / "all", ["flite", "sox", "lame"]), "voice").returncode == 0


def test_an_unknown_purpose_is_refused(tmp_path):
    result = run_script(fake_bin(tmp_path / "bin", COMMANDS), "lint")
    assert result.returncode == 2
    assert "usage" in result.stderr
