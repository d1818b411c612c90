"""/plan/summary: one page of the person's own answers and trends to take to a GP or
physiotherapist, personal to the device, with a short note before a plan exists."""
import re
import uuid
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest

from tests.api.test_api import change
from tests.history.test_history_page import iso

NOW = datetime.now(UTC).replace(microsecond=0)
SYMPTOMS = {"areas": ["buttock", "thigh"], "since": "months", "worse": ["sitting"], "eases": ["walking"],
            "leg_pain": 6, "walk_minutes": 10}
# One name with the person's own capitals, kept as they wrote it.
ACTIVITIES = {"activities": [{"name": "Walk to the shops", "score": 3},
                             {"name": "Sit through a film at the BFI", "score": 2}]}


def millis(moment):
    return int(moment.timestamp() * 1000)


def set_up(client, days_ago=30, symptoms=SYMPTOMS, activities=ACTIVITIES):
    """The plan's first two screens, answered days_ago."""
    at = millis(NOW - timedelta(days=days_ago))
    for part, answers in (("symptoms", symptoms), ("activities", activities)):
        response = client.put(f"/api/v1/plan/parts/{part}", json={**change(at), "answers": answers})
        assert response.status_code == 200, response.json


def review(client, days_ago, activities, leg_pain, **overrides):
    """A weekly review recorded days_ago."""
    body = {"activities": activities, "leg_pain": leg_pain, "numbness": "same", "weakness": "none",
            "warning_sign": False, "recorded_at": (NOW - timedelta(days=days_ago)).isoformat(), **overrides}
    assert client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=body).status_code == 201


def rows(html):
    """Each table row's cells (or each pair of a list of terms) as text."""
    cells = r"<(?:t[hd]|d[td])[^>]*>(.*?)</(?:t[hd]|d[td])>"
    return [[unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(cells, row, re.DOTALL)]
            for row in re.findall(r"<(?:tr|div)>(.*?)</(?:tr|div)>", html, re.DOTALL)]


def summary(client):
    response = client.get("/plan/summary")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"
    return response.get_data(as_text=True)


def day(days_ago, month="%B"):
    """A date as the summary writes it: in full in sentences, with a short month in tables."""
    moment = NOW - timedelta(days=days_ago)
    return f"{moment.day} {moment.strftime(month)} {moment.year}"


def short(days_ago):
    return day(days_ago, month="%b")


def table(html, heading):
    """The rows of the table in the section under a heading."""
    start = html.index(f">{heading}</h2>")
    return rows(html[start:html.index("</section>", start)])


def a_session(client, routine, days_ago):
    started = NOW - timedelta(days=days_ago)
    body = {"routine": routine, "started_at": iso(started), "ended_at": iso(started + timedelta(minutes=5)),
            "steps_done": 4, "steps_total": 4, "completed": True, "updated_at": 1_795_000_000_000}
    assert client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=body).status_code == 201


def test_without_a_plan_it_says_so_and_links_to_the_set_up(client):
    html = summary(client)
    assert "There is nothing to show yet: set up your plan first." in html
    assert 'href="/plan/setup/symptoms"' in html
    assert "data-print" not in html and "plan-summary.js" not in html


def test_it_shows_the_answers_and_the_first_and_latest_figures(client):
    set_up(client, days_ago=30, symptoms={**SYMPTOMS, "leg": "left"})
    for days_ago in (25, 24, 11, 10):  # routines done in each week before a review
        a_session(client, "desk-break", days_ago)
    review(client, 23, [4, 3], 5)
    review(client, 9, [6, 5], 3, numbness="better", weakness="same", woken_most_nights=True)
    html = summary(client)
    assert table(html, "My symptoms") == [
        ["Where", "Buttock, Thigh"],
        ["Which leg", "Left"],
        ["For how long", f"6 weeks to 3 months, when I started the plan on {day(30)}"],
        ["Worse with", "Sitting"],
        ["Eased by", "Walking"],
        ["Walking tolerance", "Comfortable for 10 minutes at the start; the plan's goal today is 12 minutes"],
    ]
    assert table(html, "How things have changed") == [
        ["Scored 0 to 10: how well I can do it (10 is best)", "At the start", f"Latest, {short(9)}"],
        ["Walk to the shops", "3", "6"],
        ["Sit through a film at the BFI", "2", "5"],  # the person's capitals kept
        ["Leg pain (10 is worst)", "6", "3"],
    ]
    assert table(html, "My latest weekly reviews") == [
        ["Date", "What I said"],
        [short(9), "Leg pain 3/10. Numbness: better. Weakness: the same. Foot drags: no. "
                   "Woken most nights: yes. Struggling to cope: no. Warning signs: none."],
        [short(23), "Leg pain 5/10. Numbness: the same. Weakness: none. Foot drags: no. "
                    "Woken most nights: no. Struggling to cope: no. Warning signs: none."],
    ]
    assert table(html, "The plan week by week") == [
        ["Date", "How the week went", "Step after it"],
        [short(23), "No worse", "Building"],
        [short(9), "No worse", "Steady"],
    ]


def test_it_carries_the_plans_reading_and_says_where_it_comes_from(client):
    set_up(client)
    review(client, 9, [6, 5], 3)
    html = summary(client)
    assert "Since you started, your everyday activities are easier (2.5 → 5.5 out of 10)." in html
    assert "Since you started, leg pain is less (6 → 3 out of 10)." in html
    assert "These are my own answers and scores, recorded in Easeback" in html
    assert "It is not a diagnosis" in html


def test_a_change_within_day_to_day_noise_is_not_read_as_one(client):
    set_up(client)
    review(client, 9, [4, 2], 7)
    html = summary(client)
    assert "Since you started, leg pain: about the same (6 → 7 out of 10)." in html
    assert "“About the same” means a change within ordinary day-to-day ups and downs." in html
    assert not re.search(r"are easier|are harder|is less \(|is worse \(", html)


def test_before_any_review_there_is_no_reading_and_no_latest_figure(client):
    set_up(client, symptoms={**SYMPTOMS, "leg_pain": None})
    html = summary(client)
    assert table(html, "How things have changed")[-1] == ["Leg pain (10 is worst)", "–", "–"]
    assert "No weekly review yet, so no change to read." in html
    assert "My latest weekly reviews" not in html and "The plan week by week" not in html


def test_only_the_latest_six_reviews_and_weeks_are_listed(client):
    set_up(client, days_ago=60)
    for week in range(8, 0, -1):
        review(client, week * 7, [3, 2], 6)
    html = summary(client)
    dates = [row[0] for row in table(html, "My latest weekly reviews")[1:]]
    assert dates == [short(week * 7) for week in range(1, 7)]
    weeks = [row[0] for row in table(html, "The plan week by week")[1:]]
    assert weeks == [short(week * 7) for week in range(6, 0, -1)]


def test_routines_done_since_the_plan_began_are_counted_most_first(client):
    set_up(client)  # 30 days ago
    for routine, days_ago in (("desk-break", 1), ("desk-break", 20), ("in-bed", 3), ("desk-break", 31)):
        a_session(client, routine, days_ago)
    html = summary(client)
    assert f"Routines done since my plan began on {day(30)}</h2>" in html
    assert re.search(r"<p>3 in all: Desk break \(2\), [^<]+ \(1\)\.</p>", html)


def test_with_no_routines_done_it_says_none(client):
    set_up(client)
    assert "None recorded in Easeback." in summary(client)


@pytest.mark.parametrize(("days_ago", "answers", "shown"), [
    (50, {}, "It has been 6 weeks or more since your symptoms started, without a clear improvement yet."),
    (20, {"struggling": True}, "You said you are struggling to cope."),
    (20, {"weakness": "worse"}, "weakness in your leg or foot was getting worse.</strong> "
                                "Warning signs: Get help the same day. "
                                '<a class="summary-screen-only" href="/safety#same-day">'),
    (20, {"warning_sign": True}, "you had one of the warning signs.</strong> "
                                 "Warning signs: Call 999 or go to A&amp;E now. "
                                 '<a class="summary-screen-only" href="/safety#now">'),
])
def test_it_says_why_it_is_being_taken_along(client, days_ago, answers, shown):
    set_up(client, days_ago=days_ago, symptoms={**SYMPTOMS, "since": "weeks"})
    review(client, 2, [3, 2], 6, **answers)
    assert shown in summary(client)


def test_a_print_button_left_hidden_for_its_script_to_show(client):
    set_up(client)
    html = summary(client)
    assert re.search(r'<div class="[^"]*" data-print-actions hidden>\s*'
                     r'<button class="[^"]*" type="button" data-print>Print</button>', html)
    assert "/static/js/pages/plan-summary.js" in html and "/static/css/summary-print.css" in html
