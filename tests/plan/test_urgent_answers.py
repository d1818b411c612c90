"""Which tier of the warning signs a plan answer points to: the server's side of the table the
device's plan-rules.js also reads (tests/cases/urgent-answers.json)."""
import json
from pathlib import Path

import pytest

from app import rules
from app.plan.weeks import urgent_tier

TABLE = json.loads((Path(__file__).parent.parent / "cases" / "urgent-answers.json").read_text())
CASES = TABLE["cases"]


def test_the_table_gives_the_device_the_urgent_answers_the_pages_get():
    assert TABLE["urgent_answers"] == rules.for_pages()["urgent_answers"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_server_points_each_answer_to_the_tier_in_the_table(case):
    assert urgent_tier(case["answers"]) == case["tier"]
