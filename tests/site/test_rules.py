"""The rules pages share (app/rules.py) reach every page once, as one JSON block, and the forms'
limits and defaults are the same values: a script or template that wrote one out again could drift."""
import json
import re

import pytest

from app import rules
from app.pages.routines import MAX_QUERY_LENGTH

PAGES = ["/", "/routines", "/routines/in-bed/play", "/checklist", "/settings", "/plan/setup/symptoms",
         "/plan/review", "/history", "/offline"]
BLOCK = re.compile(r'<script type="application/json" id="rules">(.*?)</script>', re.DOTALL)


@pytest.mark.parametrize("url", PAGES)
def test_every_page_hands_its_scripts_the_rules_once(client, url):
    response = client.get(url)
    assert response.status_code == 200
    blocks = BLOCK.findall(response.get_data(as_text=True))
    assert len(blocks) == 1, f"{url} has {len(blocks)} rules blocks"
    assert json.loads(blocks[0]) == json.loads(json.dumps(rules.for_pages()))


@pytest.mark.parametrize(("url", "field", "attribute", "value"), [
    ("/routines/in-bed/play", 'name="note"', "maxlength", rules.LIMITS["note"]),
    ("/checklist", 'name="questions"', "maxlength", rules.LIMITS["long_text"]),
    ("/checklist", 'name="symptoms.side"', "maxlength", rules.LIMITS["line_text"]),
    ("/checklist", 'name="therapists.0.name"', "maxlength", rules.LIMITS["short_text"]),
    ("/plan/setup/activities", 'name="activities.0.name"', "maxlength", rules.LIMITS["activity_name"]),
    ("/plan/setup/symptoms", 'name="walk_minutes"', "max", rules.LIMITS["walk_minutes"]),
    ("/plan/setup/symptoms", 'name="walk_minutes"', "value", rules.PLAN_DEFAULTS["walk_minutes"]),
    ("/plan/setup/schedule", 'name="time"', "value", rules.PLAN_DEFAULTS["time"]),
    ("/plan/setup/schedule", 'name="zone"', "value", rules.PLAN_DEFAULTS["zone"]),
    ("/routines", 'name="q"', "maxlength", MAX_QUERY_LENGTH),
    ("/settings", 'name="code"', "minlength", rules.LIMITS["link_code_min"]),
    ("/settings", 'name="code"', "maxlength", rules.LIMITS["link_code_max"]),
])
def test_the_forms_take_their_limits_and_defaults_from_the_rules(client, url, field, attribute, value):
    html = client.get(url).get_data(as_text=True)
    tag = re.search(rf"<(?:input|textarea)[^>]*{re.escape(field)}[^>]*>", html)
    assert tag, f"{url} has no field {field}"
    assert re.search(rf'\b{attribute}="{re.escape(str(value))}"', tag[0]), f"{url} {field}: {tag[0]}"


def test_a_set_up_offers_as_many_activities_as_the_rules_allow(client):
    html = client.get("/plan/setup/activities").get_data(as_text=True)
    assert len(re.findall(r'name="activities\.\d+\.name"', html)) == rules.LIMITS["activities"]


def test_the_service_worker_keeps_personal_pages_in_the_cache_the_pages_delete(client):
    assert f"const PERSONAL_CACHE = {json.dumps(rules.PERSONAL_CACHE)};" in client.get("/sw.js").text
