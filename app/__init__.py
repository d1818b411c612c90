"""Easeback: a calm, offline-first self-care companion for people with sciatica."""
from flask import Flask

from app import (  # api_data, api_plan, api_saves, plan_calendar add routes to api.bp as they are imported
    api,
    api_data,
    api_plan,
    api_saves,
    assets,
    checklist,
    content,
    db,
    errors,
    favourites,
    freeze,
    history,
    learn,
    limits,
    linking,
    openapi,
    pages,
    paths,
    plan,
    plan_calendar,
    plan_summary,
    player,
    pwa,
    routines,
    security,
    settings,
    templating,
)


def create_app(test_config=None):
    """Create and configure an Easeback application."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(paths.TEMPLATES_DIR),
        static_folder=str(paths.STATIC_DIR),
    )
    app.config.from_mapping(
        SECRET_KEY=security.DEV_SECRET_KEY,
        ROUTINES_DIR=str(paths.ROUTINES_DIR),
        SQLALCHEMY_DATABASE_URI=db.default_database_uri(app.instance_path),
        # Nothing the app accepts comes near this; bigger bodies get a 413.
        MAX_CONTENT_LENGTH=64 * 1024,
        # The address people reach the site at (https://easeback.example), for links that leave it,
        # such as a calendar subscription; unset, only a loopback Host header is believed.
        PUBLIC_URL=None,
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)
    app.config.from_prefixed_env()

    security.init_app(app)
    db.init_app(app)
    limits.init_app(app)
    content.init_app(app)
    errors.init_app(app)
    templating.init_app(app)
    assets.init_app(app)
    pwa.init_app(app)
    for module in (pages, routines, player, favourites, history, plan, settings, pwa, checklist, learn, api,
                   linking, openapi, plan_calendar, plan_summary):
        app.register_blueprint(module.bp)
    app.cli.add_command(freeze.freeze_command)
    return app
