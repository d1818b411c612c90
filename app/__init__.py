"""Easeback: a calm, offline-first self-care companion for people with sciatica."""
from app import api, db, paths
from app.content import startup as content
from app.history import pages as history
from app.pages import checklist, favourites, home, learn, player, routines, settings
from app.plan import calendar as plan_calendar
from app.plan import pages as plan
from app.plan import summary as plan_summary
from app.profiles import limits
from app.site import assets, errors, freeze, languages, pwa, security, templating


def create_app(test_config=None):
    """Create and configure an Easeback application."""
    app = languages.Addressed(
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
    languages.init_app(app)
    content.init_app(app, languages.CODES)
    errors.init_app(app)
    templating.init_app(app)
    assets.init_app(app)
    pwa.init_app(app)
    # The pages, one blueprint each, then the PWA's plumbing, then the API (a parent with its children).
    for module in (home, routines, player, favourites, history, plan, plan_summary, plan_calendar, settings,
                   checklist, learn, pwa, api):
        app.register_blueprint(module.bp)
    app.cli.add_command(freeze.freeze_command)
    return app
