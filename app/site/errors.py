"""Friendly error pages in the site's own design, and JSON errors under /api/."""
import sqlite3

import psycopg
from flask import jsonify, make_response, render_template, request
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from app.db import db

TEMPLATES = {404: "errors/404.html"}

# Seconds before sending again: space comes back when someone frees it, a restarted database in moments.
DISK_FULL_WAIT, DATABASE_AWAY_WAIT = 60, 5
# Why a change could not be saved just now, by how long the device waits before sending it again.
NOT_SAVED_NOW = {
    DISK_FULL_WAIT: _l("Your change could not be saved just now: our server's storage is full. "
                       "Your device keeps the change and sends it again."),
    DATABASE_AWAY_WAIT: _l("Your change could not be saved just now: our server's storage is restarting. "
                           "Your device keeps the change and sends it again."),
}
# PostgreSQL's classes of errors that mean the connection, not the statement, failed:
# 08 connection exception, 57P operator intervention (shut down, starting up).
CONNECTION_LOST_STATES = ("08", "57P")


def _wants_json():
    """True for requests to the JSON API."""
    return request.path.startswith("/api/")


def _with_error_headers(response, error):
    """Keep the headers an error carries (a 405's Allow, a 429's Retry-After), not its type."""
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def handle_http_error(error):
    """Answer an HTTP error as a page, or as JSON for the API."""
    if _wants_json():
        response = make_response(jsonify(error=error.name, detail=error.description), error.code)
    else:
        template = TEMPLATES.get(error.code, "errors/error.html")
        response = make_response(render_template(template, error=error), error.code)
    return _with_error_headers(response, error)


def handle_server_error(error):
    """Roll back any half-done write, then apologise without details."""
    db.session.rollback()
    wrapped = error if isinstance(error, InternalServerError) else InternalServerError()
    if _wants_json():
        detail = gettext("Something went wrong on our side. Please try again in a moment.")
        return jsonify(error=wrapped.name, detail=detail), 500
    return render_template("errors/500.html", error=wrapped), 500


def _database_wait(error):
    """Seconds to wait when error means the database cannot take a write for now (its disk is full,
    or its server went away); None when it is anything else, which is a bug to surface."""
    cause = error.orig
    if isinstance(cause, sqlite3.OperationalError) and cause.sqlite_errorcode == sqlite3.SQLITE_FULL:
        return DISK_FULL_WAIT
    if error.connection_invalidated:
        return DATABASE_AWAY_WAIT
    if isinstance(cause, psycopg.OperationalError):
        # No SQLSTATE (taken as "08"): the client could not reach the server at all.
        if (cause.sqlstate or "08").startswith(CONNECTION_LOST_STATES):
            return DATABASE_AWAY_WAIT
    return None


def handle_database_away(error):
    """A save the database could not take for now: roll back what was half done, and ask the device
    to send it again later (it keeps the change). Any other database error is raised on as a bug."""
    wait = _database_wait(error) if _wants_json() else None
    if wait is None:
        raise error
    db.session.rollback()
    unavailable = ServiceUnavailable(str(NOT_SAVED_NOW[wait]))
    response = make_response(jsonify(error=unavailable.name, detail=unavailable.description),
                             unavailable.code)
    response.headers["Retry-After"] = str(wait)
    return response


def init_app(app):
    """Register the error handlers."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(DBAPIError, handle_database_away)
    app.register_error_handler(InternalServerError, handle_server_error)
