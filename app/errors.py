"""Friendly error pages in the site's own design, and JSON errors under /api/."""
from flask import jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from app.db import db

TEMPLATES = {404: "errors/404.html"}


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
        detail = "Something went wrong on our side. Please try again in a moment."
        return jsonify(error=wrapped.name, detail=detail), 500
    return render_template("errors/500.html", error=wrapped), 500


def init_app(app):
    """Register the error handlers."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_server_error)
