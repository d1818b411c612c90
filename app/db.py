"""Database set-up: one SQLAlchemy object, migrations, and SQLite tuning."""
import os
import sqlite3

from flask import current_app, g
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from app.paths import MIGRATIONS_DIR

db = SQLAlchemy()
migrate = Migrate()


def default_database_uri(instance_path):
    """The database to use unless the configuration names one: a deployment's
    DATABASE_URL (e.g. PostgreSQL), else SQLite inside the instance folder.

    Only a default: SQLALCHEMY_DATABASE_URI given in the test config, the
    instance config or FLASK_SQLALCHEMY_DATABASE_URI wins, so a developer's
    exported DATABASE_URL can never send the tests to a real database.
    """
    url = os.environ.get("DATABASE_URL")
    if not url:
        return "sqlite:///" + os.path.join(instance_path, "easeback.sqlite3")
    # Hosts hand out "postgres://" or "postgresql://"; name the driver we
    # install (psycopg 3) so SQLAlchemy does not guess another one.
    for scheme in ("postgres://", "postgresql://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url.removeprefix(scheme)
    return url


# The databases Easeback runs on, each with its INSERT ... ON CONFLICT.
UPSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def dialect():
    """The name of the database the app runs on: sqlite or postgresql."""
    return db.engine.dialect.name


def in_code_point_order(column, dialect_name):
    """column compared as Python compares str: SQLite already does (BINARY); PostgreSQL would use
    the database's locale, so a tie between two change ids could pick another winner than a merge."""
    return column.collate("C") if dialect_name == "postgresql" else column


def autocommitting():
    """This request's connection for statements that are each a transaction of their own, which the
    database commits as the statement ends: no BEGIN, COMMIT or ROLLBACK round trips, and none of
    the ORM session's work. Made on first use, closed as the request ends (app_context teardown).

    For a save that is one statement this is all the transaction it needs. On SQLite it also holds
    the one write lock only while the statement runs: in a session's transaction the lock is taken
    at the write and let go at the commit, and between the two this thread may wait its turn for
    Python's GIL while every other writer waits for it.
    """
    if "autocommitting" not in g:
        g.autocommitting = current_app.extensions["autocommit_engine"].connect()
    return g.autocommitting


def engines():
    """Every engine this app runs statements on: the session's, and db.autocommitting's."""
    return db.engine, current_app.extensions["autocommit_engine"]


def _autocommit_engine(engine, options):
    """The engine of db.autocommitting: a pool of its own whose connections stay in autocommit, so
    none is switched out of transactions and back again on every request; disposed with engine.
    An in-memory SQLite database lives in engine's one connection, so there it is that one, switched."""
    if engine.url.get_backend_name() == "sqlite" and engine.url.database in (None, "", ":memory:"):
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    autocommit = create_engine(engine.url, isolation_level="AUTOCOMMIT", **options)
    event.listen(engine, "engine_disposed", lambda _engine: autocommit.dispose())
    return autocommit


def _close_autocommitting(_error=None):
    connection = g.pop("autocommitting", None)
    if connection is not None:
        connection.close()


@event.listens_for(Engine, "connect")
def _tune_sqlite(dbapi_connection, _record):
    """Use WAL and wait for locks, so concurrent writers queue instead of failing; every commit
    is durable (synchronous FULL: in WAL mode NORMAL could lose the last commits to a power cut)."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def init_app(app):
    """Bind the database and migrations to the app and make the instance folder."""
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A database server restarted cuts every pooled connection: test each as it leaves the pool,
        # so a dead one is replaced instead of failing the save it was handed to.
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True,
                                                   **app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {})}
    db.init_app(app)
    with app.app_context():
        app.extensions["autocommit_engine"] = _autocommit_engine(
            db.engine, app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}))
    app.teardown_appcontext(_close_autocommitting)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR))
