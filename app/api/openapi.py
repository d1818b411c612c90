"""The OpenAPI document, generated from the pydantic models the API validates with."""
from flask import Blueprint, jsonify
from pydantic import TypeAdapter
from pydantic.json_schema import models_json_schema

from app import schemas

from app.plan import schemas as plan_schemas

bp = Blueprint("openapi", __name__)

ERRORS = {"400": "Malformed request", "403": "Cross-site write refused", "404": "Not found",
          "409": "Id already used by someone else, or the profile holds as many sessions or check-ins as "
                 "the server keeps", "413": "Body too large", "422": "Invalid fields",
          "429": "Too many tries"}
UUID_PARAM = {"in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}
DEVICE_PARAM = {"in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
SLUG_PARAM = {"in": "path", "required": True, "schema": TypeAdapter(schemas.Slug).json_schema()}
PART_PARAM = {"in": "path", "required": True, "schema": TypeAdapter(plan_schemas.PartName).json_schema()}
PATH_PARAMS = {"slug": SLUG_PARAM, "part": PART_PARAM}

# (method, path, summary, request model, response model, success status, path parameter)
OPERATIONS = [
    ("get", "/favourites", "List favourite routines", None, schemas.FavouriteList, "200", None),
    ("put", "/favourites/{slug}", "Make a routine a favourite", schemas.Change, schemas.FavouriteOut, "200", "slug"),
    ("delete", "/favourites/{slug}", "Stop a routine being a favourite", schemas.Change, schemas.FavouriteOut,
     "200", "slug"),
    ("get", "/sessions", "List sessions", None, schemas.SessionList, "200", None),
    ("put", "/sessions/{session_id}", "Create or update a session", schemas.SessionIn, schemas.SessionOut, "201",
     "session_id"),
    ("get", "/checkins", "List pain check-ins", None, schemas.CheckInList, "200", None),
    ("put", "/checkins/{checkin_id}", "Record a pain check-in once", schemas.CheckInIn, schemas.CheckInOut, "201",
     "checkin_id"),
    ("get", "/checklist", "Get the therapist checklist", None, schemas.ChecklistOut, "200", None),
    ("put", "/checklist", "Save the therapist checklist", schemas.ChecklistIn, schemas.ChecklistOut, "200", None),
    ("get", "/export.json", "Download everything as JSON", None, schemas.Export, "200", None),
    ("post", "/link-codes", "Make a one-time code to link another device", None, schemas.LinkCodeOut, "201", None),
    ("post", "/link", "Link this device with a code", schemas.LinkIn, schemas.Linked, "200", None),
    ("get", "/devices", "List the devices linked to this profile", None, schemas.DeviceList, "200", None),
    ("get", "/plan", "Get my plan: its answers, weekly reviews, feedback and today's suggestion", None,
     plan_schemas.PlanOut, "200", None),
    ("get", "/plan/today", "Get today's suggestion from my plan", None, plan_schemas.TodayOut, "200", None),
    ("put", "/plan/parts/{part}", "Save one part of my plan (the last change wins)", plan_schemas.PartIn,
     plan_schemas.PartOut, "200", "part"),
    ("put", "/plan/reviews/{review_id}", "Record a weekly review once", plan_schemas.ReviewIn,
     plan_schemas.ReviewOut, "201", "review_id"),
    ("put", "/plan/feedback/{feedback_id}", "Record how a routine went, once", plan_schemas.FeedbackIn,
     plan_schemas.FeedbackOut, "201", "feedback_id"),
    ("get", "/plan/calendar-feed", "Whether a calendar subscribes to my plan's reminders (never its address)", None,
     plan_schemas.CalendarFeedOut, "200", None),
    ("post", "/plan/calendar-feed", "Make a calendar subscription address, shown only now; any older one stops working",
     None, plan_schemas.CalendarFeedOut, "201", None),
]
DEVICE_REMOVAL_ERRORS = {"403": ERRORS["403"], "404": "No such device linked to this profile",
                         "409": "The only device linked cannot be removed", "429": ERRORS["429"]}


def ref(model):
    """A $ref to model in components.schemas."""
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _operation(summary, request_model, response_model, status, parameter):
    """One operation object, with $refs into components.schemas."""
    operation = {
        "summary": summary,
        "responses": {status: {"description": "OK", "content": {"application/json": {"schema": ref(response_model)}}},
                      **{code: {"description": text, "content": {"application/json": {"schema": ref(schemas.Error)}}}
                         for code, text in ERRORS.items()}},
    }
    if request_model is not None:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref(request_model)}}}
    if parameter:
        operation["parameters"] = [{"name": parameter, **PATH_PARAMS.get(parameter, UUID_PARAM)}]
    return operation


def document():
    """Build the whole OpenAPI 3.1 document."""
    models = {model for op in OPERATIONS for model in op[3:5] if model is not None} | {schemas.Error}
    _, definitions = models_json_schema([(model, "validation" if model.__name__.endswith("In") or model in
                                          (schemas.Change, schemas.ChecklistIn) else "serialization")
                                         for model in sorted(models, key=lambda m: m.__name__)],
                                        ref_template="#/components/schemas/{model}")
    paths = {}
    for method, path, *rest in OPERATIONS:
        paths.setdefault("/api/v1" + path, {})[method] = _operation(*rest)
    paths["/api/v1/export.csv"] = {"get": {"summary": "Download everything as CSV", "responses": {
        "200": {"description": "OK", "content": {"text/csv": {"schema": {"type": "string"}}}}}}}
    paths["/api/v1/profile"] = {"delete": {"summary": "Delete everything and forget this device",
                                           "responses": {"204": {"description": "Deleted"}}}}
    paths["/api/v1/plan/calendar-feed"]["delete"] = {
        "summary": "Stop the calendar subscription: its address answers 404 from now on",
        "responses": {"204": {"description": "Stopped (or there was none)"},
                      **{code: {"description": ERRORS[code],
                                "content": {"application/json": {"schema": ref(schemas.Error)}}}
                         for code in ("403", "429")}}}
    paths["/api/v1/devices/{device_id}"] = {"delete": {
        "summary": "Unlink a device (this one too: its cookie is forgotten)",
        "parameters": [{"name": "device_id", **DEVICE_PARAM}],
        "responses": {"204": {"description": "Unlinked"},
                      **{code: {"description": text, "content": {"application/json": {"schema": ref(schemas.Error)}}}
                         for code, text in DEVICE_REMOVAL_ERRORS.items()}}}}
    return {"openapi": "3.1.0",
            "info": {"title": "Easeback API", "version": "1",
                     "description": "Saves favourites, sessions, pain check-ins, the therapist checklist and my plan "
                                    "for an anonymous profile identified by an HttpOnly cookie."},
            "paths": paths, "components": {"schemas": definitions["$defs"]}}


@bp.get("/openapi.json")
def openapi_json():
    """The API described for machines."""
    return jsonify(document())
