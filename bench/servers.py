"""The app as it runs in production (gunicorn, not debug), on a loopback port,
against a throwaway SQLite file or a fresh PostgreSQL database.

PostgreSQL comes from the PG* variables that Debian's pg_virtualenv sets
(`make bench` wraps itself in one when PostgreSQL is installed), reached
over loopback TCP.
"""
import os
import secrets
import subprocess
import sys
import tempfile
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from tools import redis_server
from tools.servers import free_port, wait_until_serving

WORKERS = 2
THREADS = 4
# Every simulated device in the load test is a new profile from 127.0.0.1; a deployment's
# per-address budget (PROFILE_CREATION_LIMIT) would stop the test, not measure the app.
MANY_DEVICES = {"FLASK_PROFILE_CREATION_LIMIT": "1000000 per hour"}


def postgres_available():
    """True when pg_virtualenv (or a PG* environment) points at a server we may use."""
    return bool(os.environ.get("PGPORT") and os.environ.get("PGUSER"))


def _postgres_url(database):
    return URL.create("postgresql+psycopg", username=os.environ["PGUSER"],
                      password=os.environ.get("PGPASSWORD"), host="127.0.0.1",
                      port=int(os.environ["PGPORT"]), database=database)


@contextmanager
def database(kind, folder, name="easeback_bench"):
    """A fresh, empty database: a SQLite file in folder, or a PostgreSQL database called name."""
    if kind == "sqlite":
        yield f"sqlite:///{folder}/{name}.sqlite3"
        return
    admin = create_engine(_postgres_url(os.environ.get("PGDATABASE", "postgres")),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield _postgres_url(name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def rate_limit_where():
    """Where rate_limit_storage keeps the counts, in words."""
    return "limits in Redis" if redis_server.installed() else "limits in memory"


@contextmanager
def rate_limit_storage(folder):
    """Where the app processes keep rate-limit counts, as a deployment with several does:
    a throwaway Redis when redis-server is installed, else each process's own memory.
    Yields the environment that says so."""
    if not redis_server.installed():
        yield {}
        return
    with redis_server.redis_server(folder) as url:
        yield {"FLASK_RATELIMIT_STORAGE_URI": url}


def environment(database_url, extra=None):
    """A production environment: a real secret key, no debug, no testing."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("FLASK_")}
    env.update({"DATABASE_URL": database_url, "FLASK_SECRET_KEY": secrets.token_hex(32), **MANY_DEVICES,
                **(extra or {})})
    return env


@contextmanager
def gunicorn(target="app:create_app()", *, database_url=None, env=None, workers=WORKERS, threads=THREADS):
    """Serve target with gunicorn (workers x threads) on 127.0.0.1; yield the base URL.

    For the app, the database is migrated first, as `make serve` does.
    """
    environ = environment(database_url, env) if database_url else {**os.environ, **(env or {})}
    if database_url:
        subprocess.run([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], env=environ,
                       check=True, capture_output=True)
    port = free_port()
    errors = tempfile.TemporaryFile(mode="w+")  # a pipe read only at the end would fill and stop the server
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--threads", str(threads),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", target],
        env=environ, stdout=subprocess.DEVNULL, stderr=errors, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, server, path="/")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.returncode not in (0, -15):
            errors.seek(0)
            print(errors.read(), file=sys.stderr)
        errors.close()
