"""/history's weekly reviews: the set-up and each review as a chart and a table, beside the pain
check-ins, with the plan's plain reading (none where the change is within day-to-day noise)."""
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from app.history.chart import short_date
from app.plan.rules import Plan, activities_averages, make_plan
from app.plan.trends import review_trends
from tests.plan.test_plan_summary import NOW, SYMPTOMS, review, rows, set_up

SVG = "{http://www.w3.org/2000/svg}"


def section(client):
    """The weekly reviews section of /history, or None."""
    html = client.get("/history").get_data(as_text=True)
    found = re.search(r'<section aria-labelledby="reviews-heading">.*?</section>', html, re.DOTALL)
    return found and found.group(0)


def plot(html):
    """The reviews chart's SVG."""
    return ET.fromstring(re.search(r"<svg[^>]*role=\"img\".*?</svg>", html, re.DOTALL).group(0))


def markers(root, css_class):
    (group,) = root.findall(f"{SVG}g[@class='{css_class}']")
    return re.findall(r"M([\d.]+) ([\d.]+)h0", group.findall(f"{SVG}path")[-1].get("d"))


def test_no_section_without_a_review(client):
    assert section(client) is None
    set_up(client)
    assert section(client) is None
    assert "Weekly reviews" not in client.get("/history").get_data(as_text=True)


def test_reviews_come_after_the_pain_chart_and_before_the_check_in_form(client):
    set_up(client)
    review(client, 23, [4, 3], 5)
    html = client.get("/history").get_data(as_text=True)
    check_in_form = html.index("How do you feel right now?")
    assert html.index("Pain over time") < html.index("Weekly reviews") < check_in_form


def test_the_table_starts_at_the_set_up_and_shows_every_review(client):
    set_up(client, days_ago=30)
    review(client, 23, [4, 3], 5)
    review(client, 16, [5, 5], 3)
    html = section(client)
    assert rows(html) == [
        ["When", "Everyday activities (average)", "Leg pain"],
        [f"Set-up, {short_date((NOW - timedelta(days=30)).date())}", "2.5", "6"],
        [short_date((NOW - timedelta(days=23)).date()), "3.5", "5"],
        [short_date((NOW - timedelta(days=16)).date()), "5.0", "3"],
    ]


def test_the_chart_is_an_accessible_picture_of_both_lines(client):
    set_up(client, days_ago=30)
    review(client, 23, [4, 3], 5)
    review(client, 16, [5, 5], 3)
    root = plot(section(client))
    assert root.get("aria-labelledby") == "reviews-chart-title reviews-chart-desc"
    assert root.find(f"{SVG}title").text.startswith("Everyday activities and leg pain")
    set_up_day, latest = (NOW - timedelta(days=30)).date(), (NOW - timedelta(days=16)).date()
    assert root.find(f"{SVG}desc").text == (
        f"2 weekly reviews after the set-up on {short_date(set_up_day)}, the latest on "
        f"{short_date(latest)} {latest.year}. "
        "Everyday activities (average, higher is easier): 2.5 at first and 5.0 now. "
        "Leg pain: 6 at first and 3 now.")
    activities, leg = markers(root, "pain-chart__back"), markers(root, "pain-chart__leg")
    # On a 0-10 scale 300 units tall: 2.5 -> 225, 5.0 -> 150; leg pain 6 -> 120, 3 -> 210.
    assert [y for _, y in activities] == ["225", "195", "150"]
    assert [y for _, y in leg] == ["120", "150", "210"]
    assert [x for x, _ in activities] == [x for x, _ in leg] and activities[0][0] == "0"


def test_a_clear_change_is_read_plainly(client):
    set_up(client)
    review(client, 9, [6, 5], 3)
    html = section(client)
    assert "Since you started, your everyday activities are easier (2.5 → 5.5 out of 10)." in html
    assert "Since you started, leg pain is less (6 → 3 out of 10)." in html
    assert 'href="/plan"' in html


def test_a_change_within_day_to_day_noise_gets_no_reading(client):
    set_up(client)
    review(client, 9, [4, 2], 7)
    html = section(client)
    assert "Since you started, your everyday activities: about the same (2.5 → 3.0 out of 10)" in html
    assert "Since you started, leg pain: about the same (6 → 7 out of 10)" in html
    reading = html[html.index("How things have changed"):]
    assert not re.search(r"easier|harder|is less|is worse", reading)


def test_without_a_leg_pain_baseline_the_line_starts_at_the_first_review(client):
    set_up(client, symptoms={**SYMPTOMS, "leg_pain": None})
    review(client, 23, [4, 3], 5)
    review(client, 16, [4, 3], 4)
    html = section(client)
    root = plot(html)
    assert len(markers(root, "pain-chart__leg")) == 2 and len(markers(root, "pain-chart__back")) == 3
    assert rows(html)[1][-1] == "–"
    assert "Leg pain" not in " ".join(re.findall(r"<p>(.*?)</p>", html))


def test_the_average_counts_the_same_activities_at_every_point():
    """A third activity added later would lift or drop the average on its own: it is left out of it."""
    plan = Plan(status="plan", started=date(2026, 11, 2), symptoms={"leg_pain": 5},
                activities=({"name": "Walk", "score": 2}, {"name": "Sit", "score": 4},
                            {"name": "Garden", "score": 9}))
    reviews = [SimpleNamespace(recorded_at=datetime(2026, 11, 9, 8), activities=[3, 5], leg_pain=5)]
    trends = review_trends(plan, reviews, ZoneInfo("UTC"))
    assert [point.average for point in trends.points] == [3.0, 4.0]


@pytest.mark.parametrize(("setup_scores", "review_scores"), [
    ([2, 4], [3, 5]), ([2, 4, 9], [3, 5]), ([2, 4], [3, 5, 1]), ([7], [3, 5]),
])
def test_the_chart_and_the_plans_reading_take_one_average(setup_scores, review_scores):
    """The table's figures are the ones the plan reads a change from, whatever activities each rated."""
    activities = {"activities": [{"name": str(n), "score": score} for n, score in enumerate(setup_scores)]}
    reviewed = SimpleNamespace(recorded_at=datetime(2026, 11, 9, 8), activities=review_scores, leg_pain=5,
                               warning_sign=False, numbness="same", weakness="none")
    plan = make_plan({"symptoms": (SYMPTOMS, datetime(2026, 11, 2, 9)), "activities": (activities, None)},
                     [reviewed], [], {}, date(2026, 11, 10))
    trends = review_trends(plan, [reviewed], ZoneInfo("UTC"))
    before, now = (point.average for point in trends.points)
    assert f"{before:.1f} → {now:.1f}" in plan.reading[0]
    assert (before, now) == activities_averages(setup_scores, review_scores)


@pytest.mark.parametrize(("zone", "saved", "day"), [
    # 11:30 UTC on Sunday 8 Nov is 00:30 on Monday 9 Nov at UTC+13.
    ("Pacific/Auckland", datetime(2026, 11, 8, 11, 30), date(2026, 11, 9)),
    # 08:30 UTC on Monday 9 Nov is 22:30 on Sunday 8 Nov at UTC-10.
    ("Pacific/Honolulu", datetime(2026, 11, 9, 8, 30), date(2026, 11, 8)),
])
def test_each_review_is_dated_by_the_persons_day(zone, saved, day):
    plan = Plan(status="plan", started=date(2026, 11, 2), symptoms={"leg_pain": 5}, activities=())
    reviews = [SimpleNamespace(recorded_at=saved, activities=[], leg_pain=4)]
    trends = review_trends(plan, reviews, ZoneInfo(zone))
    assert [point.when for point in trends.points] == ["2 Nov", short_date(day)]
    assert trends.points[-1].recorded_at.date() == day
    # The chart spans 8 whole days from 2 Nov (labelled every other day): the marker sits in its day's band.
    assert trends.chart.x_labels == ["2 Nov", "4 Nov", "6 Nov", "8 Nov"]
    band = (day - date(2026, 11, 2)).days
    assert band * 600 / 8 <= float(trends.chart.leg.markers[-1][0]) < (band + 1) * 600 / 8
