"""The database: migrations apply from empty, and SQLite is tuned for concurrency."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from app.db import db


def test_migrations_upgrade_from_empty_and_downgrade(app):
    with app.app_context():
        upgrade()
        assert "alembic_version" in inspect(db.engine).get_table_names()
        version = db.session.execute(text("select version_num from alembic_version")).scalar_one()
        assert version
        downgrade(revision="base")
        assert db.session.execute(text("select count(*) from alembic_version")).scalar_one() == 0


def test_sqlite_uses_wal_and_waits_for_locks(app):
    with app.app_context():
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar_one() == 5000
