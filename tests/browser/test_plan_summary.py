"""The GP summary on paper (one sheet, whatever the person has saved) and the weekly reviews on
/history, with axe on both."""
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_checklist import print_to_pdf

NOW = datetime.now(UTC).replace(microsecond=0)
# The longest names the set-up takes (60 characters), so the sheet is tried at its fullest.
ACTIVITIES = ["Walk to the shops and back with a bag of shopping in each",
              "Sit through a whole film at the cinema without getting up",
              "Lift my grandson into his car seat and buckle him in safely"]
ROUTINES = ("desk-break", "in-bed", "in-a-chair", "morning-mobility", "bedtime-wind-down", "after-a-walk",
            "before-a-walk", "flare-up-calm-down")


def put(page, url, body):
    response = page.request.put(url, data=body)
    assert response.ok, response.text()


def iso(moment):
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def full_plan(page, weeks=8):
    """A plan set up weeks ago with three long activities, a review every week since, and many
    routines done: as much as the summary ever shows."""
    page.goto("/")  # the requests below carry this context's cookie
    at = int((NOW - timedelta(weeks=weeks, days=1)).timestamp() * 1000)
    parts = {"symptoms": {"areas": ["back", "buttock", "thigh", "below-knee"], "since": "long",
                          "worse": ["forward", "backward", "sitting", "walking"], "eases": ["lying"],
                          "leg_pain": 7, "walk_minutes": 10},
             "activities": {"activities": [{"name": name, "score": 2} for name in ACTIVITIES]}}
    for part, answers in parts.items():
        put(page, f"/api/v1/plan/parts/{part}",
            {"change_id": str(uuid.uuid4()), "changed_at": at, "answers": answers})
    for week in range(weeks, 0, -1):
        put(page, f"/api/v1/plan/reviews/{uuid.uuid4()}", {
            "activities": [3, 2, 3], "leg_pain": 6 + (week + 1) % 2, "numbness": "same", "weakness": "same",
            "warning_sign": False, "recorded_at": iso(NOW - timedelta(weeks=week))})
    for number, routine in enumerate(ROUTINES):
        started = NOW - timedelta(days=number + 1)
        put(page, f"/api/v1/sessions/{uuid.uuid4()}", {
            "routine": routine, "started_at": iso(started), "ended_at": iso(started + timedelta(minutes=5)),
            "steps_done": 3, "steps_total": 3, "completed": True, "updated_at": 1_795_000_000_000})


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_summary_prints_on_one_sheet(page, tmp_path, paper):
    full_plan(page)
    page.goto("/plan/summary")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    pages, text = print_to_pdf(page, tmp_path / "summary.pdf", paper)
    assert pages == 1, f"{paper}: {pages} pages"
    flat = " ".join(text.split())
    for name in ACTIVITIES:
        assert name in flat
    assert "your everyday activities: about the same (2.0 → 2.7 out of 10)" in flat
    assert "leg pain: about the same (7 → 6 out of 10)" in flat
    assert "It is not a diagnosis" in flat
    for screen_only in ("Skip to content", "Settings", "Print", "Back to my plan",
                        "Easeback supports self-care"):
        assert screen_only not in flat, f"{screen_only!r} is on paper"


def test_the_print_button_opens_the_print_dialog(page):
    full_plan(page, weeks=2)
    page.goto("/plan/summary")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.printed") is True


def test_the_summary_and_the_weekly_reviews_on_history_have_no_axe_violations(page):
    page.goto("/plan/summary")
    expect(page.get_by_role("link", name="Set up my plan")).to_be_visible()
    assert violations(page) == ""
    full_plan(page, weeks=3)
    page.goto("/plan/summary")
    expect(page.get_by_role("heading", name="How things have changed")).to_be_visible()
    assert violations(page) == ""
    page.goto("/history")
    reviews = page.get_by_role("region", name="Weekly reviews")
    chart = reviews.get_by_role("img", name="Everyday activities at your set-up and each weekly review")
    expect(chart).to_be_visible()
    reviews.get_by_text("The same reviews as a table").click()
    expect(reviews.get_by_role("columnheader", name="Everyday activities (average)")).to_be_visible()
    expect(reviews.get_by_role("rowheader", name=re.compile(r"^Set-up, "))).to_be_visible()
    expect(reviews.get_by_text("Since you started, your everyday activities: about the same")).to_be_visible()
    assert violations(page) == ""
