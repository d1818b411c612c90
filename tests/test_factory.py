"""The application factory: paths, configuration and the production guard."""
import os
from pathlib import Path

import pytest

from app import create_app, paths
from app.site.security import DEV_SECRET_KEY, InsecureConfigError


def test_folders_beside_app_are_found(app):
    assert Path(app.template_folder) == paths.TEMPLATES_DIR
    assert Path(app.static_folder) == paths.STATIC_DIR
    assert Path(app.config["ROUTINES_DIR"]) == paths.ROUTINES_DIR
    assert app.jinja_env.get_template("base.html") is not None
    assert app.extensions["easeback_content"]["en"].library.routines


def test_static_files_are_served(client):
    with client.get("/static/css/app.css") as response:
        assert response.status_code == 200
        assert response.mimetype == "text/css"


@pytest.mark.parametrize("key", [None, DEV_SECRET_KEY])
def test_production_refuses_the_development_key(monkeypatch, key):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    config = {} if key is None else {"SECRET_KEY": key}
    with pytest.raises(InsecureConfigError, match="FLASK_SECRET_KEY"):
        create_app({"TESTING": False, **config})


def test_production_starts_with_a_secret_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "a-real-secret-from-the-environment")
    app = create_app({"TESTING": False})
    assert app.config["SECRET_KEY"] == "a-real-secret-from-the-environment"


def test_debug_mode_may_use_the_development_key(monkeypatch):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    monkeypatch.setenv("FLASK_DEBUG", "1")
    assert create_app().config["SECRET_KEY"] == DEV_SECRET_KEY


@pytest.mark.parametrize(("given", "expected"), [
    ("postgres://u:p@127.0.0.1/easeback", "postgresql+psycopg://u:p@127.0.0.1/easeback"),
    ("postgresql://u:p@127.0.0.1/easeback", "postgresql+psycopg://u:p@127.0.0.1/easeback"),
    ("postgresql+psycopg://u:p@127.0.0.1/easeback", "postgresql+psycopg://u:p@127.0.0.1/easeback"),
])
def test_database_url_replaces_sqlite(monkeypatch, given, expected):
    monkeypatch.setenv("DATABASE_URL", given)
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == expected


def test_a_configured_database_wins_over_database_url(monkeypatch, tmp_path):
    """A developer's exported DATABASE_URL must never take the tests to a real database."""
    monkeypatch.setenv("DATABASE_URL", "postgresql://u:p@127.0.0.1/production")
    chosen = f"sqlite:///{tmp_path / 'mine.sqlite3'}"
    configured = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": chosen})
    assert configured.config["SQLALCHEMY_DATABASE_URI"] == chosen
    monkeypatch.setenv("FLASK_SQLALCHEMY_DATABASE_URI", chosen)
    assert create_app({"TESTING": True}).config["SQLALCHEMY_DATABASE_URI"] == chosen


def test_the_tests_never_see_database_url():
    assert "DATABASE_URL" not in os.environ, "tests/conftest.py removes it before any app is made"


def test_sqlite_is_the_default(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert create_app({"TESTING": True}).config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")


def test_apps_made_from_unchanged_content_share_one_reading_and_a_change_is_read_again(tmp_path):
    import shutil

    from app.content import library

    routines = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, routines)
    first, second = (create_app({"TESTING": True, "ROUTINES_DIR": str(routines)}) for _ in range(2))
    with first.app_context():
        kept = library()
    with second.app_context():
        assert library() is kept, "the second app read the same files again"
    routine = next(routines.glob("*.toml"))
    routine.write_text(routine.read_text().replace('title = "', 'title = "Changed: ', 1))
    with create_app({"TESTING": True, "ROUTINES_DIR": str(routines)}).app_context():
        assert library() is not kept
        assert library().routines[routine.stem].title.startswith("Changed: ")
