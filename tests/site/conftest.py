"""What the tests of every page share: a person with something on record on each personal page,
and the list of every page in a language."""
import pytest

from app.site.pwa import offline_page_urls
from tests.history.test_history_page import a_checkin, a_session
from tests.plan.test_plan_summary import review, set_up

PERSONAL = ["/plan", "/plan/review", "/plan/summary", "/history", "/shared"] + [
    f"/plan/setup/{screen}" for screen in ("symptoms", "activities", "schedule")]


@pytest.fixture
def lived_in(client):
    """The client with a plan, a review, a routine done and a check-in on record."""
    set_up(client, days_ago=20, activities={"activities": [
        {"name": "Ir a la compra", "score": 3}, {"name": "Ver una película en el cine", "score": 2}]})
    client.put("/api/v1/plan/parts/schedule", json={
        "change_id": "00000000-0000-4000-8000-000000000001", "changed_at": 1,
        "answers": {"days": 5, "time": "09:00", "minutes": 10}})
    review(client, 13, [4, 3], 6)
    review(client, 6, [3, 2], 8, numbness="worse", weakness="same")  # a harder week: the reading says so
    a_session(client)
    a_checkin(client)
    return client


@pytest.fixture
def every_page(app):
    """every_page("es"): the address of every page in that language, the offline ones and the
    personal ones."""
    def pages(language):
        with app.test_request_context():
            public = offline_page_urls(language)
        prefix = "" if language == "en" else f"/{language}"
        return list(dict.fromkeys(public + [prefix + path for path in PERSONAL]))
    return pages
