"""`make serve`: several gunicorn workers need shared rate-limit counts."""
import subprocess
import sys
from types import SimpleNamespace

import pytest

from app.site.gunicorn_conf import SharedLimitsNeeded, check_limit_storage, on_starting


@pytest.mark.parametrize("storage", ["memory://", "memory:///"])
def test_several_workers_with_counts_in_memory_are_refused(storage):
    with pytest.raises(SharedLimitsNeeded, match="FLASK_RATELIMIT_STORAGE_URI=redis://"):
        check_limit_storage(2, storage)


@pytest.mark.parametrize(("workers", "storage"), [(1, "memory://"), (2, "redis://127.0.0.1:6379"),
                                                    (4, "memcached://127.0.0.1:11211")])
def test_one_worker_or_shared_counts_may_start(workers, storage):
    check_limit_storage(workers, storage)


def test_the_hook_reads_the_apps_own_configuration(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "x" * 64)
    server = SimpleNamespace(cfg=SimpleNamespace(workers=2))
    with pytest.raises(SharedLimitsNeeded):
        on_starting(server)
    monkeypatch.setenv("FLASK_RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379")
    on_starting(server)


def test_make_serve_uses_the_check():
    dry_run = subprocess.run(["make", "-n", "serve"], capture_output=True, text=True, check=True).stdout
    assert "--config python:app.site.gunicorn_conf" in dry_run


def test_gunicorn_refuses_to_start_two_workers_without_shared_counts(tmp_path):
    env = {"FLASK_SECRET_KEY": "x" * 64,
           "FLASK_SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "PATH": "/usr/bin:/bin"}
    started = subprocess.run([sys.executable, "-m", "gunicorn", "--config", "python:app.site.gunicorn_conf",
                              "--workers", "2", "--bind", "127.0.0.1:0", "app:create_app()"],
                             env=env, capture_output=True, text=True, timeout=60)
    assert started.returncode != 0
    assert "shared storage" in started.stderr
