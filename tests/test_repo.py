"""No secrets in the repository: nothing that holds one is tracked, and no file carries one."""
import re
import subprocess

from app.paths import PROJECT_ROOT
from app.site.security import DEV_SECRET_KEY

NEVER_TRACKED = re.compile(r"(^|/)(\.env|instance/|.*\.sqlite3|.*\.pem|.*\.key|id_rsa|id_ed25519)")
SECRET_LOOKING = {
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "cloud access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    # a password written into a URL; placeholders and shell or Make variables are fine
    "password in a URL": re.compile(r"://(?!(?:user:pass|u:p)@)[\w.-]+:(?![$%{])[^@\s/'\"]+@"),
    "secret key set in code": re.compile(
        r"SECRET_KEY\s*=\s*[\"'](?!" + re.escape(DEV_SECRET_KEY) + r")[^\"']+[\"']"),
}


UNTRACKED_FOLDERS = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis",
                     "instance", "screenshots", "test-results", "build", "dist"}


def tracked_files():
    """Every file git tracks in this checkout; in a copy without git, every file outside what is ignored."""
    if (PROJECT_ROOT / ".git").exists():
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT_ROOT, capture_output=True, check=True)
        return [name for name in listed.stdout.decode().split("\0") if name]
    return [str(path.relative_to(PROJECT_ROOT)) for path in PROJECT_ROOT.rglob("*")
            if path.is_file() and not UNTRACKED_FOLDERS & set(path.relative_to(PROJECT_ROOT).parts)
            and not path.name.endswith((".sqlite3", ".pyc")) and ".egg-info" not in str(path)]


def test_nothing_that_holds_a_secret_is_tracked():
    files = tracked_files()
    assert "app/__init__.py" in files, "git ls-files did not list the project"
    assert [name for name in files if NEVER_TRACKED.search(name)] == []


def test_no_tracked_file_carries_a_secret():
    found = []
    for name in tracked_files():
        path = PROJECT_ROOT / name
        if not path.is_file() or path.suffix in {".png", ".ico", ".pdf"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{name}: {what}" for what, pattern in SECRET_LOOKING.items() if pattern.search(text)]
    assert found == []


def test_the_checks_would_see_a_secret():
    # Built in pieces, so this file does not trip its own check.
    with_password = "postgresql://easeback:" + "s3cret-Pa55@db.example/easeback"
    assert SECRET_LOOKING["password in a URL"].search(with_password)
    assert not SECRET_LOOKING["password in a URL"].search("postgresql://user:pass@host/easeback")
    assert not SECRET_LOOKING["password in a URL"].search('"postgresql+psycopg://$$PGUSER:$$PGPASSWORD@127.0.0.1"')
    assert SECRET_LOOKING["secret key set in code"].search("SECRET" + '_KEY = "9f1c2d"')
    assert SECRET_LOOKING["private key"].search("-----BEGIN OPENSSH " + "PRIVATE KEY-----")
    assert NEVER_TRACKED.search("instance/easeback.sqlite3") and NEVER_TRACKED.search(".env")
