"""The node tests of a shared routine's link (tests/js/routine-link.test.js) read the own-routine
bounds from tests/js/own-rules.json: it must be app/rules.py's OWN_ROUTINES as the pages get them."""
import json

from app import paths, rules

FIXTURE = paths.PROJECT_ROOT / "tests" / "js" / "own-rules.json"


def test_the_node_tests_read_the_bounds_the_pages_are_given():
    given = json.loads(json.dumps(rules.for_pages()["own_routines"]))
    assert json.loads(FIXTURE.read_text()) == given, (
        "tests/js/own-rules.json differs from app/rules.py OWN_ROUTINES: copy the new values into it")
