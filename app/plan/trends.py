"""My plan's weekly reviews over time, for /history: the set-up's answers as the first point,
then each review's everyday activities (their average, 0-10, higher is easier) and leg pain.

Laid out like the pain chart (app/history/chart.py's lay_out) and drawn by
templates/history/reviews.html. The average and the plain reading of the change are the plan's own
(activities_averages and Plan.reading, app/plan/rules.py): this module draws figures and never
judges them. Each point is dated by the person's own day, as the plan dates its weeks.
"""
from dataclasses import dataclass
from datetime import datetime, time
from typing import ClassVar

from app.days import zoned_moment
from app.history.chart import HEIGHT, WIDTH, PainChart, Series, lay_out, short_date
from app.plan.rules import activities_averages

TITLE = "Everyday activities and leg pain at each weekly review, scored 0 to 10"


@dataclass(frozen=True)
class ReviewPoint:
    """The set-up's answers or one weekly review, as a row of the table and a point of the chart."""

    recorded_at: datetime  # aware, in the person's zone
    when: str  # the date, as /history writes dates ("30 Nov")
    set_up: bool
    average: float | None  # the activities' average, over the activities every point rated
    leg_pain: int | None


@dataclass(frozen=True)
class ReviewChart:
    """Everything templates/history/reviews.html draws; lines and markers sized as the pain chart's."""

    LINE_WIDTH: ClassVar[int] = PainChart.LINE_WIDTH
    LEG_DASHES: ClassVar[str] = PainChart.LEG_DASHES
    BACK_DOT: ClassVar[int] = PainChart.BACK_DOT
    LEG_SQUARE: ClassVar[int] = PainChart.LEG_SQUARE

    width: int
    height: int
    title: str
    description: str
    grid: list
    x_labels: list
    activities: Series
    leg: Series


@dataclass(frozen=True)
class ReviewTrends:
    """The weekly reviews section of /history: the points, the chart, the reading."""

    points: tuple
    chart: ReviewChart
    reading: tuple


def review_trends(plan, reviews, zone):
    """The weekly reviews section for a Plan and its reviews (oldest first, their times naive UTC as
    saved) in the person's zone; None without a review."""
    if plan.status == "none" or not reviews:
        return None
    start = datetime.combine(plan.started, time(), zone)  # the set-up's day is already the person's
    baseline = (start, [activity["score"] for activity in plan.activities], plan.symptoms.get("leg_pain"))
    rows = [baseline] + [(zoned_moment(review.recorded_at, zone), list(review.activities),
                          review.leg_pain) for review in reviews]
    averages = activities_averages(*(scores for _, scores, _ in rows))
    points = tuple(ReviewPoint(recorded_at=at, when=short_date(at.date()), set_up=number == 0,
                               average=average, leg_pain=leg)
                   for number, ((at, _, leg), average) in enumerate(zip(rows, averages, strict=True)))
    return ReviewTrends(points=points, chart=review_chart(points), reading=plan.reading)


def review_chart(points):
    """Lay out the activities' average and leg pain over the points (oldest first, at least one)."""
    grid, x_labels, (activities, leg) = lay_out(points, ("average", "leg_pain"))
    return ReviewChart(width=WIDTH, height=HEIGHT, title=TITLE, description=describe(points), grid=grid,
                       x_labels=x_labels, activities=activities, leg=leg)


def describe(points):
    """The chart in words, for its description: the figures at the set-up and at the latest review."""
    reviews = len(points) - 1
    first, last = points[0], points[-1]
    words = [(f"{reviews} weekly review{'s' if reviews != 1 else ''} after the set-up on {first.when}, "
              f"the latest on {last.when} {last.recorded_at.year}.")]
    averages = [point.average for point in points if point.average is not None]
    if averages:
        words.append(f"Everyday activities (average, higher is easier): {change(averages[0], averages[-1])}.")
    legs = [point.leg_pain for point in points if point.leg_pain is not None]
    if legs:
        words.append(f"Leg pain: {change(legs[0], legs[-1])}.")
    return " ".join(words)


def change(first, last):
    """A change in figures only ("3 at first and 5 now"); whether it matters is the plan's reading."""
    shown = [f"{value:.1f}" if isinstance(value, float) else str(value) for value in (first, last)]
    if shown[0] == shown[1]:
        return f"{shown[0]} at first and now"
    return f"{shown[0]} at first and {shown[1]} now"
