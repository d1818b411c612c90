"""The database: migrations build exactly the models' schema, and SQLite is tuned for concurrency."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from app import create_app
from app.db import autocommitting, db

TABLES = {"profiles", "device_keys", "favourites", "sessions", "checkins", "checklist_states", "link_codes",
          "saved_routines"}


def test_migrations_upgrade_from_empty_match_the_models_and_downgrade(app):
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()
        assert TABLES | {"alembic_version"} <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert differences == [], "the models changed: run make migration m='...'"
        downgrade(revision="base")
        assert not TABLES & set(inspect(db.engine).get_table_names())
        db.session.remove()


def test_sqlite_uses_wal_and_waits_for_locks(tmp_path):
    # Its own SQLite app, so this runs in the PostgreSQL pass too.
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'wal.sqlite3'}"})
    with app.app_context():
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar_one() == 5000
            # FULL (2): every commit is on disk when it returns; in WAL mode NORMAL could lose the last ones.
            assert connection.execute(text("PRAGMA synchronous")).scalar_one() == 2
    with app.test_request_context():  # the connection single-statement saves commit on
        assert autocommitting().execute(text("PRAGMA synchronous")).scalar_one() == 2
    with app.app_context():
        db.engine.dispose()
