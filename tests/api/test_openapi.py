"""The OpenAPI document is read from the API routes' own declarations: every route has one, and
the models each declares are the ones it validates and answers with (a body the declared model
refuses is refused with a 422 naming the field; a real answer fits the declared model and the
document's schema for its status)."""
import re
import uuid
from datetime import UTC, datetime

import jsonschema_rs
import pytest
from flask import url_for

from app import create_app
from app.api.declare import declaration
from app.api.openapi import document
from tests.api.test_api import change, checkin_body, session_body
from tests.plan.test_plan_api import SCHEDULE, review_body, set_up

API = "api."
IGNORED_METHODS = {"HEAD", "OPTIONS"}


def feedback_body():
    """A valid feedback body."""
    return {"routine": "desk-break", "verdict": "helped", "recorded_at": datetime.now(UTC).isoformat()}


def link_body(client):
    """A code made by another device's profile, for this one to join."""
    return {"code": client.application.test_client().post("/api/v1/link-codes").json["code"]}


# A valid body of each model a route declares it takes, by the model's name.
BODIES = {
    "Change": lambda client: change(),
    "SessionIn": lambda client: session_body(),
    "CheckInIn": lambda client: checkin_body(),
    "ChecklistIn": lambda client: {
        **change(), "state": {"ticks": {"registered": True}, "questions": "How long?"}},
    "PartIn": lambda client: {**change(), "answers": SCHEDULE},
    "ReviewIn": lambda client: review_body(),
    "FeedbackIn": lambda client: feedback_body(),
    "LinkIn": link_body,
    "OwnRoutineIn": lambda client: {**change(), "name": "Before work", "often": "Mornings", "steps": [
        {"exercise": "knee-to-chest-single", "hold": 20, "sides": "left", "rest": 5},
        {"exercise": "cat-cow"}]},
}


def served_operations():
    """(endpoint, method) of every API route, read from an app's URL map."""
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return app, sorted((rule.endpoint, method) for rule in app.url_map.iter_rules()
                       if rule.endpoint.startswith(API) for method in rule.methods - IGNORED_METHODS)


LISTED, OPERATIONS = served_operations()
DECLARED = {endpoint: declaration(LISTED.view_functions[endpoint]) for endpoint, _ in OPERATIONS}
WITH_BODIES = [(endpoint, method) for endpoint, method in OPERATIONS
               if DECLARED[endpoint] is not None and DECLARED[endpoint].body is not None]


def seed(client):
    """Something of every kind saved and a second device linked, so that every read answers with rows."""
    set_up(client)
    writes = [("/api/v1/favourites/desk-break", change()),
              (f"/api/v1/sessions/{uuid.uuid4()}", session_body()),
              (f"/api/v1/checkins/{uuid.uuid4()}", checkin_body()),
              ("/api/v1/checklist", {**change(), "state": {"ticks": {"registered": True}}}),
              (f"/api/v1/own-routines/{uuid.uuid4()}", BODIES["OwnRoutineIn"](client)),
              (f"/api/v1/plan/reviews/{uuid.uuid4()}", review_body()),
              (f"/api/v1/plan/feedback/{uuid.uuid4()}", feedback_body())]
    for url, body in writes:
        assert client.put(url, json=body).status_code in (200, 201), url
    assert client.post("/api/v1/plan/calendar-feed").status_code == 201
    code = client.post("/api/v1/link-codes").json["code"]
    assert client.application.test_client().post("/api/v1/link", json={"code": code}).status_code == 200


def path_value(client, name):
    """A value for a path parameter that names something the seeded profile has."""
    if name == "device_id":
        return next(device["id"] for device in client.get("/api/v1/devices").json["devices"]
                    if not device["this_device"])
    return {"slug": "desk-break", "part": "schedule"}.get(name) or str(uuid.uuid4())


def url_of(client, endpoint):
    """The endpoint's URL, its path parameters filled in."""
    rule = next(client.application.url_map.iter_rules(endpoint))
    with client.application.test_request_context():
        return url_for(endpoint, **{name: path_value(client, name) for name in rule.arguments})


def call(client, endpoint, method, body=None):
    """Call an operation with a JSON body (None: with none)."""
    return client.open(url_of(client, endpoint), method=method, json=body)


def openapi_path(rule):
    """The rule's path as OpenAPI writes it: {name} for each <converter:name>."""
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)


def answer_schema(client, endpoint, method, status):
    """The served document's media type and a validator of its schema for the operation's answer with
    this status: (None, None) for an answer without a body."""
    found = client.get("/api/v1/openapi.json").json
    path = openapi_path(next(client.application.url_map.iter_rules(endpoint)))
    answer = found["paths"][path][method.lower()]["responses"][str(status)]
    if "content" not in answer:
        return None, None
    [(media, content)] = answer["content"].items()
    return media, jsonschema_rs.validator_for({**content["schema"], "components": found["components"]})


def request_schema(client, endpoint, method):
    """A validator of the served document's schema for the operation's request body."""
    found = client.get("/api/v1/openapi.json").json
    path = openapi_path(next(client.application.url_map.iter_rules(endpoint)))
    schema = found["paths"][path][method.lower()]["requestBody"]["content"]["application/json"]["schema"]
    return jsonschema_rs.validator_for({**schema, "components": found["components"]})


# --- Every route declares itself, and the document lists every route ---------------------------

@pytest.mark.parametrize(("endpoint", "method"), OPERATIONS)
def test_every_api_route_declares_what_it_takes_and_answers(endpoint, method):
    declared = DECLARED[endpoint]
    assert declared is not None, f"{endpoint}: put @documented(...) from app.api.declare under its route"
    assert declared.answers and declared.summary
    assert declared.body is None or declared.body.__name__ in BODIES, f"add a valid {declared.body} to BODIES"


def test_the_document_lists_every_served_operation(client, app):
    found = client.get("/api/v1/openapi.json").json
    assert found["openapi"].startswith("3.1")
    documented = {(method.upper(), path)
                  for path, operations in found["paths"].items() for method in operations}
    served = {(method, openapi_path(next(app.url_map.iter_rules(endpoint))))
              for endpoint, method in OPERATIONS}
    assert documented == served
    assert found["components"]["schemas"]["CheckInIn"]["properties"]["back_pain"]["maximum"] == 10


def test_a_route_without_a_declaration_breaks_the_document(app):
    app.add_url_rule("/api/v1/undeclared", endpoint="api.undeclared", view_func=lambda: "")
    refusal = "/api/v1/undeclared .* no @documented declaration"
    with app.app_context(), pytest.raises(LookupError, match=refusal):
        document()


def test_path_parameters_come_from_the_converters_and_the_declared_types(client):
    found = client.get("/api/v1/openapi.json").json["paths"]
    schemas = {parameter["name"]: parameter["schema"] for operations in found.values()
               for operation in operations.values() for parameter in operation.get("parameters", [])}
    assert schemas["session_id"] == {"type": "string", "format": "uuid"}
    assert schemas["device_id"] == {"type": "integer", "minimum": 0}
    assert schemas["part"]["enum"] == ["symptoms", "activities", "schedule", "choice"]
    assert schemas["slug"]["pattern"]


def test_the_api_document_describes_the_subscription(client):
    operations = client.get("/api/v1/openapi.json").json["paths"]["/api/v1/plan/calendar-feed"]
    assert set(operations) == {"get", "post", "delete"}
    assert "201" in operations["post"]["responses"] and "204" in operations["delete"]["responses"]
    assert operations["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CalendarFeedOut"}


# --- What each route declares is what it validates and answers -----------------------------------

@pytest.mark.parametrize(("endpoint", "method"), OPERATIONS)
def test_a_real_answer_fits_the_declared_model_and_the_document(client, endpoint, method):
    seed(client)
    declared = DECLARED[endpoint]
    body = None if declared.body is None else BODIES[declared.body.__name__](client)
    if body is not None:
        declared.body.model_validate(body)
        request_schema(client, endpoint, method).validate(body)
    response = call(client, endpoint, method, body)
    assert response.status_code in declared.answers, response.get_data(as_text=True)
    answer = declared.answers[response.status_code]
    media, schema = answer_schema(client, endpoint, method, response.status_code)
    if answer is None:
        assert response.data == b"" and media is None
    elif isinstance(answer, tuple):
        assert response.mimetype == media == answer[0] and response.data
    else:
        assert response.mimetype == media == "application/json"
        schema.validate(response.json)
        answer.model_validate(response.json)
        assert set(response.json) == set(answer.model_fields)


def refusals(client, endpoint, method):
    """Bodies the declared model and the document's schema refuse, each with the field a 422 must name:
    each required field left out, each field of a kind the schema refuses, and a field the model lacks."""
    model = DECLARED[endpoint].body
    body = BODIES[model.__name__](client)
    schema = request_schema(client, endpoint, method)
    for field in model.model_fields:
        if model.model_fields[field].is_required():
            yield field, {name: value for name, value in body.items() if name != field}
        wrong = next(value for value in ({"not": "this"}, [{"not": "this"}], "not this", 0.5)
                     if not schema.is_valid({**body, field: value}))
        yield field, {**body, field: wrong}
    yield "surplus", {**body, "surplus": 1}
    assert not schema.is_valid({**body, "surplus": 1}), f"{model.__name__} should refuse fields it lacks"


@pytest.mark.parametrize(("endpoint", "method"), WITH_BODIES)
def test_what_the_declared_model_refuses_the_route_refuses_with_a_422_naming_the_field(
        client, endpoint, method):
    error = None
    for field, body in refusals(client, endpoint, method):
        response = call(client, endpoint, method, body)
        assert response.status_code == 422 and field in response.json["detail"], (field, body, response.json)
        error = error or answer_schema(client, endpoint, method, 422)[1]
        error.validate(response.json)
