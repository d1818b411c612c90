"""What every API route shares: reading a request's JSON body (strictly), answering with a model,
and retrying a change that raced its own resend. Every write can be sent again safely, and bad
input gets a 4xx with a plain message, never a 500."""
import functools
import json
import math
import uuid

from flask import abort, g, jsonify, request
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from app.content import library
from app.content.own import slug_of
from app.db import db
from app.rules import OWN_ROUTINES

# The deepest request (a checklist's therapist ticks) is 4 levels; anything far deeper is abuse.
MAX_JSON_DEPTH = 20


def retry_once_on_conflict(view):
    """Two sends of one change can race (a closing page's last send and the next page's
    outbox): the loser's insert breaks a unique key, so roll back and apply it again,
    this time as an update of the row the winner made."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except IntegrityError:
            db.session.rollback()
            for made_by_the_first_try in ("profile", "device_key", "new_device_secret"):
                g.pop(made_by_the_first_try, None)
            return view(*args, **kwargs)
    return wrapper


def _refuse_constant(name):
    """NaN and Infinity are not JSON, though Python's reader would take them."""
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text):
    """A JSON number too large for a float (1e400) would be read as infinity: refuse it."""
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} is too large a number")
    return number


def _check_strings_and_depth(data):
    """Refuse JSON nested deeper than any request needs (400) and NUL characters in any text
    (422), which PostgreSQL cannot store; walked without recursion, so depth cannot crash it."""
    pending = [(data, (), 0)]
    while pending:
        value, where, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            abort(400, description=f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.")
        if isinstance(value, str) and "\x00" in value:
            place = ".".join(str(part) for part in where) or "body"
            abort(422, description=f"{place}: must not contain the NUL character (\\u0000)")
        if isinstance(value, dict):
            pending.extend((key, where, depth + 1) for key in value)
            pending.extend((item, (*where, key), depth + 1) for key, item in value.items())
        elif isinstance(value, list):
            pending.extend((item, (*where, index), depth + 1) for index, item in enumerate(value))


def json_body():
    """The request's JSON body as plain data, or a 400 that says why it cannot be read."""
    if not request.is_json:
        abort(400, description="Send a JSON body with the header Content-Type: application/json.")
    try:
        data = json.loads(request.get_data(), parse_constant=_refuse_constant, parse_float=_finite)
    except RecursionError:
        abort(400, description=f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.")
    except ValueError as error:  # also bad UTF-8: UnicodeDecodeError is a ValueError
        abort(400, description=f"The body is not valid JSON ({error}).")
    if data is None:
        abort(400, description="Send a JSON body with the header Content-Type: application/json.")
    _check_strings_and_depth(data)
    return data


def body(model):
    """The request's JSON body, validated against model, or a 4xx that says what is wrong."""
    data = json_body()
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc']) or 'body'}: {problem['msg']}"
            for problem in error.errors()[:5]
        )
        abort(422, description=problems)


def is_own_slug(slug):
    """True for an own routine's slug: "own-" and a uuid as app.content.own.slug_of writes it."""
    prefix = OWN_ROUTINES["slug_prefix"]
    if not slug.startswith(prefix):
        return False
    try:
        return slug_of(uuid.UUID(slug.removeprefix(prefix))) == slug
    except ValueError:
        return False


def known_routine(slug):
    """Refuse a routine that does not exist. Any well-formed own routine's slug is taken, even one this
    server has not been sent: a session may arrive before its routine does."""
    if slug not in library().routines and not is_own_slug(slug):
        abort(404, description=f"There is no routine called {slug!r}.")
    return slug


def send(model, status=200):
    """Answer with a response model as JSON."""
    return jsonify(model.model_dump(mode="json")), status

