"""/history's weekly reviews: the set-up and each review as a chart and a table, beside the pain
check-ins, with the plan's plain reading (none where the change is within day-to-day noise)."""
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from html import unescape
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from app.history.chart import short_date
from app.plan import pages as plan_pages
from app.plan.rules import Plan, activities_averages, make_plan
from app.plan.trends import describe, next_steps, review_trends
from tests.plan.test_plan_summary import NOW, SYMPTOMS, review, rows, set_up

SVG = "{http://www.w3.org/2000/svg}"


def section(client):
    """The weekly reviews section of /history, or None."""
    html = client.get("/history").get_data(as_text=True)
    found = re.search(r'<section aria-labelledby="reviews-heading">.*?</section>', html, re.DOTALL)
    return found and found.group(0)


def plots(html):
    """The reviews charts' pictures, in order (activities, then leg pain)."""
    return [ET.fromstring(svg) for svg in re.findall(r"<svg[^>]*role=\"img\".*?</svg>", html, re.DOTALL)]


def plot(html):
    """The first of the reviews charts' pictures (everyday activities)."""
    return plots(html)[0]


def markers(root, css_class):
    groups = root.findall(f"{SVG}g[@class='{css_class}']")
    if not groups:
        return []
    (group,) = groups
    return re.findall(r"M([\d.]+) ([\d.]+)h0", group.findall(f"{SVG}path")[-1].get("d"))


def headings(html):
    return [unescape(text) for text in re.findall(r"<h3[^>]*>(.*?)</h3>", html)]


def test_no_section_before_the_plan_is_set_up(client):
    assert section(client) is None
    assert "Weekly reviews" not in client.get("/history").get_data(as_text=True)


def test_with_only_the_set_up_the_section_says_what_comes_next(client):
    set_up(client, days_ago=3)
    html = section(client)
    assert rows(html)[1:] == [[f"Set-up, {short_date((NOW - timedelta(days=3)).date())}", "2.5", "6"]]
    due = (NOW - timedelta(days=3)).date() + timedelta(weeks=1)
    assert (f"<p>For now each chart has one point: your answers when you set up your plan. Your first weekly "
            f"review adds a second point, and a line between them. Your first review is due on "
            f"{due:%A} {due.day} {due:%B}.</p>") in html
    activities, leg = plots(html)
    assert len(markers(activities, "pain-chart__back")) == len(markers(leg, "pain-chart__leg")) == 1


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


def test_two_charts_one_a_measure_each_an_accessible_picture_saying_which_way_is_better(client):
    set_up(client, days_ago=30)
    review(client, 23, [4, 3], 5)
    review(client, 16, [5, 5], 3)
    html = section(client)
    assert headings(html)[:2] == ["Everyday activities — higher is better", "Leg pain — lower is better"]
    activities_plot, leg_plot = plots(html)
    assert activities_plot.get("aria-labelledby") == "reviews-activities-title reviews-activities-desc"
    assert leg_plot.get("aria-labelledby") == "reviews-leg-title reviews-leg-desc"
    assert activities_plot.find(f"{SVG}title").text == (
        "Everyday activities at your set-up and each weekly review: their average, scored 0 to 10, "
        "higher is better")
    assert leg_plot.find(f"{SVG}title").text == (
        "Leg pain at your set-up and each weekly review, scored 0 to 10, lower is better")
    set_up_day, latest = (NOW - timedelta(days=30)).date(), (NOW - timedelta(days=16)).date()
    when = (f"2 weekly reviews after the set-up on {short_date(set_up_day)}, the latest on "
            f"{short_date(latest)} {latest.year}.")
    assert activities_plot.find(f"{SVG}desc").text == f"{when} Average: 2.5 at first and 5.0 now."
    assert leg_plot.find(f"{SVG}desc").text == f"{when} Leg pain: 6 at first and 3 now."
    # Each chart draws its own measure only, the activities as the back pain's line, the leg's as the leg's.
    assert markers(activities_plot, "pain-chart__leg") == markers(leg_plot, "pain-chart__back") == []
    activities, leg = markers(activities_plot, "pain-chart__back"), markers(leg_plot, "pain-chart__leg")
    # On a 0-10 scale 300 units tall: 2.5 -> 225, 5.0 -> 150; leg pain 6 -> 120, 3 -> 210.
    assert [y for _, y in activities] == ["225", "195", "150"]
    assert [y for _, y in leg] == ["120", "150", "210"]
    # On one time axis: the set-up (its midnight) half a week in from the left, of 21 days and a bit.
    assert [x for x, _ in activities] == [x for x, _ in leg] and 0 < float(activities[0][0]) < 600 / 6
    assert [words for words in re.findall(r'aria-hidden="true">\s*<li>(.*?)</ol>', html, re.DOTALL)] == [
        "10</li><li>5</li><li>0</li>"] * 2


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
    activities, leg = plots(html)
    assert len(markers(leg, "pain-chart__leg")) == 2 and len(markers(activities, "pain-chart__back")) == 3
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
    # Each point is labelled with its own day, under it (no activities here: leg pain alone is drawn).
    activities, leg = trends.charts
    assert [label.text for label in leg.x_labels] == ["2 Nov", short_date(day)]
    assert not activities.line.markers
    assert activities.x_labels == leg.x_labels
    assert float(leg.x_labels[-1].percent) * 6 == pytest.approx(float(leg.line.markers[-1][0]), abs=0.35)


ONE_POINT = ("For now each chart has one point: your answers when you set up your plan. Your first weekly "
             "review adds a second point, and a line between them.")
TWO_POINTS = ("So far there are two points: your set-up and your first weekly review. Each review adds one "
              "more, and after a few weeks the lines show the way things are going better than any one week "
              "can.")


@pytest.mark.parametrize(("count", "due", "due_now", "words"), [
    (1, "Monday 9 November", False, f"{ONE_POINT} Your first review is due on Monday 9 November."),
    (1, "Monday 9 November", True, f"{ONE_POINT} Your first review is due now."),
    (1, None, False, ONE_POINT),  # a plan that has stopped names no day
    (2, "Monday 16 November", False, f"{TWO_POINTS} Your next review is due on Monday 16 November."),
    (2, "Monday 16 November", True, f"{TWO_POINTS} Your next review is due now."),
    (2, None, True, TWO_POINTS),
    (3, "Monday 23 November", False, None),  # from three points the charts speak for themselves
    (9, None, False, None),
])
def test_with_one_or_two_points_the_section_says_what_comes_and_when(count, due, due_now, words):
    assert next_steps(count, due, due_now) == words


def test_after_the_first_review_the_next_is_named_a_week_on_and_after_two_there_are_no_next_steps(client):
    set_up(client, days_ago=10)
    review(client, 3, [4, 3], 5)
    due = (NOW - timedelta(days=3)).date() + timedelta(weeks=1)
    assert f"{TWO_POINTS} Your next review is due on {due:%A} {due.day} {due:%B}." in section(client)
    review(client, 1, [4, 3], 5)
    html = section(client)
    assert "points" not in html and "is due" not in html


@pytest.mark.parametrize(("status", "reviewed", "shown", "words"), [
    ("none", True, False, None),
    ("urgent", False, False, None),  # the plan has stopped before any review: nothing to chart yet
    ("urgent", True, True, TWO_POINTS),  # stopped after a review: its figures, and no day for the next
    ("see-someone", False, True, f"{ONE_POINT} Your first review is due on Monday 9 November."),
    ("plan", False, True, f"{ONE_POINT} Your first review is due now."),
])
def test_the_section_follows_the_plans_state(status, reviewed, shown, words):
    plan = Plan(status=status, started=date(2026, 11, 2), symptoms={"leg_pain": 5}, activities=(),
                review_due=status == "plan")
    one = SimpleNamespace(recorded_at=datetime(2026, 11, 9, 8), activities=[], leg_pain=4)
    reviews = [one] if reviewed else []
    trends = review_trends(plan, reviews, ZoneInfo("UTC"))
    assert (trends is not None) == shown
    assert (trends and trends.next_steps) == words


def point(day, average, leg_pain):
    at = datetime(2026, 11, day, 9, tzinfo=ZoneInfo("UTC"))
    return SimpleNamespace(recorded_at=at, when=short_date(at.date()), average=average, leg_pain=leg_pain)


@pytest.mark.parametrize(("points", "field", "name", "words"), [
    ([point(2, 2.5, 6)], "average", "Average",
     "Your set-up on 2 Nov 2026, and no weekly review yet. Average: 2.5."),
    ([point(2, 2.5, None)], "leg_pain", "Leg pain",
     "Your set-up on 2 Nov 2026, and no weekly review yet. No leg pain score yet."),
    ([point(2, 2.5, None), point(9, 3.0, 4)], "leg_pain", "Leg pain",
     "1 weekly review after the set-up on 2 Nov, the latest on 9 Nov 2026. Leg pain: 4."),
    ([point(2, 2.5, 6), point(9, 2.5, 6)], "average", "Average",
     "1 weekly review after the set-up on 2 Nov, the latest on 9 Nov 2026. Average: 2.5 at first and now."),
    ([point(2, 2.5, 6), point(9, 3.0, 5), point(16, 4.0, 5)], "leg_pain", "Leg pain",
     "2 weekly reviews after the set-up on 2 Nov, the latest on 16 Nov 2026. "
     "Leg pain: 6 at first and 5 now."),
])
def test_each_charts_description_says_when_and_its_own_figures(points, field, name, words):
    assert describe(points, field, name) == words


@pytest.mark.parametrize("saved", [None, datetime(2026, 11, 8, 11, 30), datetime(2026, 11, 9, 8, 30)])
@pytest.mark.parametrize("zone", ["UTC", "Pacific/Auckland", "Pacific/Honolulu"])
def test_the_next_review_is_the_day_my_plan_names(zone, saved):
    plan = Plan(status="plan", started=date(2026, 11, 2), symptoms={"leg_pain": 5}, activities=())
    reviews = [SimpleNamespace(recorded_at=saved, activities=[], leg_pain=4)] if saved else []
    trends = review_trends(plan, reviews, ZoneInfo(zone))
    assert trends.next_steps.endswith(f" is due on {plan_pages.next_review(plan, reviews, ZoneInfo(zone))}.")
