"""Gunicorn settings for `make serve` (gunicorn --config python:app.gunicorn_conf).

Flask-Limiter's default storage is memory, which each worker process keeps for
itself: two workers would let every device make twice the saves and twice the
wrong link-code tries. So several workers are refused unless the counts live
in shared storage (FLASK_RATELIMIT_STORAGE_URI=redis://... or memcached://...).
"""
from app import create_app

ONE_PROCESS_STORAGE = ("memory://",)


class SharedLimitsNeeded(RuntimeError):
    """Raised when several workers would each keep their own rate-limit counts."""


def check_limit_storage(workers, storage_uri):
    """Refuse several workers with per-process rate-limit counts."""
    if workers > 1 and storage_uri.startswith(ONE_PROCESS_STORAGE):
        raise SharedLimitsNeeded(
            f"{workers} workers would each keep their own rate-limit counts ({storage_uri}), "
            "multiplying every limit. Give them shared storage, "
            "e.g. FLASK_RATELIMIT_STORAGE_URI=redis://127.0.0.1:6379 "
            "(apt-get install redis-server), or serve with WORKERS=1."
        )


def on_starting(server):
    """Before any worker starts: check the app's limit storage against the number of workers."""
    app = create_app()
    check_limit_storage(server.cfg.workers, app.config["RATELIMIT_STORAGE_URI"])
