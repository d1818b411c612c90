"""Fixtures shared by every test: a fresh app and database per test, and its clients.

Tests use a throwaway SQLite file by default. With TEST_DATABASE_URL set
(make test sets it for its PostgreSQL pass) they use that database instead,
with the tables made afresh for every test.
"""
import os

import pytest
from babel.messages.frontend import CommandLineInterface
from sqlalchemy import create_engine, make_url, text

from app import create_app, paths
from app.db import db
from app.profiles.limits import limiter


def pytest_configure(config):
    """Never let a developer's exported DATABASE_URL reach an app made by the tests; and test the
    catalogues as they are written (`make translations` compiles them the same way)."""
    os.environ.pop("DATABASE_URL", None)
    for po in paths.TRANSLATIONS_DIR.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            CommandLineInterface().run(["pybabel", "compile", "-i", str(po), "-o", str(mo)])


def database_uri(folder):
    """The database the tests run against."""
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{folder / 'test.sqlite3'}"


def separate_database_uri(folder, name):
    """A database of its own, for an app running in another process beside the tests.

    On PostgreSQL this creates (afresh) a database called name on the test server.
    """
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{folder / (name + '.sqlite3')}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def make_app(tmp_path, monkeypatch):
    """Make apps with their own empty database and fresh rate-limit counts, and extra config."""
    made = []

    def make(**config):
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_uri(tmp_path), **config})
        with app.app_context():
            db.drop_all()
            db.create_all()
        limiter.reset()
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    """An app with its own empty database."""
    return make_app()


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner for the app's commands."""
    return app.test_cli_runner()
