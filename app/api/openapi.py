"""The OpenAPI document, read from the API routes' own declarations (app/api/declare.py) and the
pydantic models they validate with and answer in."""
import re
from http import HTTPStatus

from flask import Blueprint, current_app, jsonify
from pydantic import TypeAdapter
from pydantic.json_schema import models_json_schema

from app.api.declare import declaration, documented
from app.schemas import Error

bp = Blueprint("openapi", __name__)

API = "api."  # the endpoints of the API blueprint and its children
IGNORED_METHODS = {"HEAD", "OPTIONS"}
# A path parameter's schema, from its URL converter (werkzeug's int takes no sign: 0 and up).
CONVERTED = {"uuid": {"type": "string", "format": "uuid"}, "int": {"type": "integer", "minimum": 0},
             "default": {"type": "string"}}
PARAMETER = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")


def ref(model):
    """A $ref to model in components.schemas."""
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def api_routes():
    """Each rule of the API with its view's declaration; a route without one is a mistake."""
    for rule in current_app.url_map.iter_rules():
        if rule.endpoint.startswith(API):
            declared = declaration(current_app.view_functions[rule.endpoint])
            if declared is None:
                raise LookupError(f"The API route {rule.rule} ({rule.endpoint}) "
                                  "has no @documented declaration.")
            yield rule, declared


def parameters(rule, declared):
    """The rule's path as OpenAPI writes it, and its path parameters' objects."""
    found = [(converter or "default", name) for converter, name in PARAMETER.findall(rule.rule)]
    unknown = set(declared.path) - {name for _, name in found}
    if unknown:
        raise LookupError(f"{rule.endpoint} declares path parameters its URL lacks: "
                          f"{', '.join(sorted(unknown))}")
    objects = [{"name": name, "in": "path", "required": True,
                "schema": TypeAdapter(declared.path[name]).json_schema() if name in declared.path
                else CONVERTED[converter]} for converter, name in found]
    return PARAMETER.sub(r"{\2}", rule.rule), objects


def content(answer):
    """The content object of an answer: a model as JSON, a (media type, schema) pair, or nothing."""
    if answer is None:
        return {}
    if isinstance(answer, tuple):
        media, schema = answer
        return {"content": {media: {"schema": schema}}}
    return {"content": {"application/json": {"schema": ref(answer)}}}


def operation(rule, declared):
    """One operation object, with $refs into components.schemas."""
    path, objects = parameters(rule, declared)
    responses = {str(status): {"description": HTTPStatus(status).phrase, **content(answer)}
                 for status, answer in declared.answers.items()}
    responses.update({str(status): {"description": text, **content(Error)}
                      for status, text in declared.errors.items()})
    found = {"summary": declared.summary, "responses": responses}
    if declared.body is not None:
        found["requestBody"] = {"required": True,
                                "content": {"application/json": {"schema": ref(declared.body)}}}
    if objects:
        found["parameters"] = objects
    return path, found


def components(declarations):
    """The JSON schemas of every model the routes take (as validated) and answer (as sent)."""
    modes = {(declared.body, "validation") for declared in declarations if declared.body is not None}
    modes |= {(answer, "serialization") for declared in declarations for answer in declared.answers.values()
              if isinstance(answer, type)}
    modes |= {(Error, "serialization")} if any(declared.errors for declared in declarations) else set()
    _, definitions = models_json_schema(sorted(modes, key=lambda pair: (pair[0].__name__, pair[1])),
                                        ref_template="#/components/schemas/{model}")
    return definitions.get("$defs", {})


def document():
    """Build the whole OpenAPI 3.1 document."""
    routes = list(api_routes())
    paths = {}
    for rule, declared in routes:
        path, found = operation(rule, declared)
        for method in sorted(rule.methods - IGNORED_METHODS):
            paths.setdefault(path, {})[method.lower()] = found
    return {"openapi": "3.1.0",
            "info": {"title": "Easeback API", "version": "1",
                     "description": "Saves favourites, sessions, pain check-ins, the therapist checklist "
                                    "and my plan for an anonymous profile identified by an HttpOnly cookie."},
            "paths": paths, "components": {"schemas": components([declared for _, declared in routes])}}


@bp.get("/openapi.json")
@documented(answers={200: ("application/json", {"type": "object"})}, errors={})
def openapi_json():
    """The API described for machines."""
    return jsonify(document())
