"""Schemathesis writes requests from the OpenAPI document, valid and not: none may get a 5xx, and
every answer has a status and a media type the document declares for its operation.

Bounded (a few dozen examples per operation) so the suite stays quick. The
app has a database of its own, because schemathesis reads the schema when
the tests are collected.
"""
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    status_code_conformance,
)

from app import create_app
from app.db import db
from tests.conftest import separate_database_uri


def fuzz_app():
    """An app with empty tables, for schemathesis to call in-process."""
    folder = Path(tempfile.mkdtemp(prefix="easeback-fuzz-"))
    database_uri = separate_database_uri(folder, "easeback_fuzz")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_uri})
    with app.app_context():
        db.create_all()
    return app


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", fuzz_app())


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error_or_an_undeclared_answer(case):
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance, content_type_conformance])
