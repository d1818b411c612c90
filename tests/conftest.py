"""Fixtures shared by every test: a fresh app per test, and its clients."""
import pytest

from app import create_app


@pytest.fixture
def app(tmp_path):
    """An app with its own empty database in a temporary folder."""
    return create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite3'}",
    })


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner for the app's commands."""
    return app.test_cli_runner()
