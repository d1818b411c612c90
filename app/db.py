"""Database set-up: one SQLAlchemy object, migrations, and SQLite tuning."""
import os
import sqlite3

from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
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


@event.listens_for(Engine, "connect")
def _tune_sqlite(dbapi_connection, _record):
    """Use WAL and wait for locks, so concurrent writers queue instead of failing."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def init_app(app):
    """Bind the database and migrations to the app and make the instance folder."""
    os.makedirs(app.instance_path, exist_ok=True)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR))
