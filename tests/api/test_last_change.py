"""The last change wins, decided alike on the server and on the device: one table of cases
(tests/cases/last-change-wins.json) is read here and by tests/js/last-change.test.js."""
import json
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.models import ChecklistState, Favourite, wins_over
from tests.api.test_api import change

CASES = json.loads((Path(__file__).parent.parent / "cases" / "last-change-wins.json").read_text())["cases"]
ROUTINE = "/api/v1/favourites/morning-mobility"


def complete(side):
    """Whether a side of a case has both a time and an id (or is nothing held)."""
    return side is None or None not in (side["at"], side["id"])


SERVER_CASES = [case for case in CASES if complete(case["change"]) and complete(case["held"])]
DEVICE_ONLY = [case for case in CASES if case not in SERVER_CASES]


def name(case):
    """A case's name, as its test id."""
    return case["name"]


def test_the_table_has_every_kind_of_case():
    assert len({case["name"] for case in CASES}) == len(CASES)
    assert {case["wins"] for case in SERVER_CASES} == {True, False} and DEVICE_ONLY
    assert any(case["held"] is None for case in CASES)


@pytest.mark.parametrize("case", SERVER_CASES, ids=name)
def test_models_wins_over_decides_as_the_table_says(case):
    held = case["held"] and SimpleNamespace(changed_at=case["held"]["at"], change_id=case["held"]["id"])
    assert wins_over(case["change"]["at"], uuid.UUID(case["change"]["id"]), held) is case["wins"]


@pytest.mark.parametrize("case", SERVER_CASES, ids=name)
@pytest.mark.parametrize("path", [ROUTINE, "/api/v1/checklist"])
def test_a_save_keeps_the_winner_and_every_answer_names_its_change(client, case, path):
    """The statement that saves (last change wins, in SQL) picks the winner the table names,
    and GET and the save's own answer carry the kept row's change id."""
    extra = {"state": {}} if path.endswith("checklist") else {}
    first, second = case["held"], case["change"]
    if first is not None:
        assert client.put(path, json={**change(first["at"], first["id"]), **extra}).status_code == 200
    answer = client.put(path, json={**change(second["at"], second["id"]), **extra})
    kept = second if case["wins"] else first
    assert answer.status_code == 200
    assert (answer.json["changed_at"], answer.json["change_id"]) == (kept["at"], kept["id"])
    listed = client.get(path.rsplit("/", 1)[0] if path == ROUTINE else path).json
    row = listed["favourites"][0] if path == ROUTINE else listed
    assert (row["changed_at"], row["change_id"]) == (kept["at"], kept["id"])


@pytest.mark.parametrize("case", DEVICE_ONLY, ids=name)
@pytest.mark.parametrize(("path", "model"), [(ROUTINE, Favourite), ("/api/v1/checklist", ChecklistState)])
def test_the_server_never_meets_a_change_without_a_time_or_an_id(client, case, path, model):
    """Only a device's own copy, kept before ids were, can lack them: the server refuses such a
    change and its rows cannot hold one, so models.wins_over is never asked."""
    extra = {"state": {}} if model is ChecklistState else {}
    sent = case["change"]
    if not complete(sent):
        body = {key: value for key, value in (("changed_at", sent["at"]), ("change_id", sent["id"])) if value}
        assert client.put(path, json={**body, **extra}).status_code == 422
    assert not model.__table__.c.changed_at.nullable and not model.__table__.c.change_id.nullable


def test_an_empty_checklist_names_no_change(client):
    assert client.get("/api/v1/checklist").json == {"state": {}, "changed_at": 0, "change_id": None}
