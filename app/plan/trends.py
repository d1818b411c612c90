"""My plan's weekly reviews over time, for /history: the set-up's answers as the first point,
then each review's everyday activities (their average, 0-10, higher is easier) and leg pain.

Two small charts, one a measure, because one is better higher and the other better lower: on one
scale their lines cross and say nothing at a glance. Laid out by app/history/chart.py's
lay_out_each_date (each point labelled with its own date, under it) and drawn by
templates/history/reviews.html. The average and the plain reading of the change are the plan's own
(activities_averages and Plan.reading, app/plan/rules.py): this module draws figures and never
judges them. Each point is dated by the person's own day, as the plan dates its weeks.
"""
from dataclasses import dataclass
from datetime import datetime, time
from typing import ClassVar

from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l

from app.days import zoned_moment
from app.history.chart import HEIGHT, WIDTH, PainChart, Series, date_spacing, lay_out_each_date
from app.plan.rules import REVIEW_EVERY, activities_averages
from app.site.formats import one_decimal, short_date, short_date_and_year, written_date

# A small chart needs fewer lines across than the pain chart's six, or their numbers would crowd.
SCALE_LINES = (0, 5, 10)
# (key, the ReviewPoint field, heading, accessible name, what the description calls the figure)
MEASURES = (
    ("activities", "average", _l("Everyday activities — higher is better"),
     _l("Everyday activities at your set-up and each weekly review: their average, scored 0 to 10, "
        "higher is better"), _l("Average")),
    ("leg", "leg_pain", _l("Leg pain — lower is better"),
     _l("Leg pain at your set-up and each weekly review, scored 0 to 10, lower is better"), _l("Leg pain")),
)
# What a measure's description says while it has no figure, by its ReviewPoint field.
NO_FIGURE = {"average": _l("No average score yet."), "leg_pain": _l("No leg pain score yet.")}


@dataclass(frozen=True)
class ReviewPoint:
    """The set-up's answers or one weekly review, as a row of the table and a point of the chart."""

    recorded_at: datetime  # aware, in the person's zone
    when: str  # the date, as /history writes dates ("30 Nov"), in the page's language
    set_up: bool
    average: float | None  # the activities' average, over the activities every point rated
    leg_pain: int | None


@dataclass(frozen=True)
class ReviewChart:
    """One measure's chart, drawn by templates/history/reviews.html; lines and markers sized as the
    pain chart's."""

    LINE_WIDTH: ClassVar[int] = PainChart.LINE_WIDTH
    LEG_DASHES: ClassVar[str] = PainChart.LEG_DASHES
    BACK_DOT: ClassVar[int] = PainChart.BACK_DOT
    LEG_SQUARE: ClassVar[int] = PainChart.LEG_SQUARE

    key: str  # "activities" or "leg": its ids and how its line looks
    heading: str
    width: int
    height: int
    title: str
    description: str
    grid: list
    x_labels: list
    line: Series

    @property
    def date_spacing(self) -> str:
        return date_spacing(self.x_labels)


@dataclass(frozen=True)
class ReviewTrends:
    """The weekly reviews section of /history: the points, a chart a measure, the reading, and what
    the charts will show next while they have one or two points."""

    points: tuple
    charts: tuple
    reading: tuple
    next_steps: str | None


def review_trends(plan, reviews, zone):
    """The weekly reviews section for a Plan and its reviews (oldest first, their times naive UTC as
    saved) in the person's zone; None before a set-up, or before a review when the plan has stopped."""
    if plan.status == "none" or (plan.status == "urgent" and not reviews):
        return None
    start = datetime.combine(plan.started, time(), zone)  # the set-up's day is already the person's
    baseline = (start, [activity["score"] for activity in plan.activities], plan.symptoms.get("leg_pain"))
    rows = [baseline] + [(zoned_moment(review.recorded_at, zone), list(review.activities),
                          review.leg_pain) for review in reviews]
    averages = activities_averages(*(scores for _, scores, _ in rows))
    points = tuple(ReviewPoint(recorded_at=at, when=short_date(at.date()), set_up=number == 0,
                               average=average, leg_pain=leg)
                   for number, ((at, _, leg), average) in enumerate(zip(rows, averages, strict=True)))
    due = None if plan.status == "urgent" else next_review(points)
    return ReviewTrends(points=points, charts=review_charts(points), reading=plan.reading,
                        next_steps=next_steps(len(points), due, plan.review_due))


def next_review(points):
    """The day the next review is due ("Monday 7 December"), as /plan says it: a week after the
    latest point's day (the set-up's, before any review)."""
    due = points[-1].recorded_at.date() + REVIEW_EVERY
    return written_date(due, "weekday")


def review_charts(points):
    """A chart for each measure over the points (oldest first, at least one), on one time axis."""
    grid, x_labels, lines = lay_out_each_date(points, [field for _, field, *_ in MEASURES], scale=SCALE_LINES)
    return tuple(ReviewChart(key=key, heading=heading, width=WIDTH, height=HEIGHT, title=title,
                             description=describe(points, field, name), grid=grid, x_labels=x_labels,
                             line=line)
                 for (key, field, heading, title, name), line in zip(MEASURES, lines, strict=True))


def describe(points, field, name):
    """One measure's chart in words, for its description: when, then its figure at the set-up and
    at the latest review."""
    first, last = points[0], points[-1]
    reviews = len(points) - 1
    if reviews:
        when = ngettext("%(num)s weekly review after the set-up on %(first)s, the latest on %(last)s.",
                        "%(num)s weekly reviews after the set-up on %(first)s, the latest on %(last)s.",
                        reviews, first=first.when, last=short_date_and_year(last.recorded_at.date()))
    else:
        when = gettext("Your set-up on %(day)s, and no weekly review yet.",
                       day=short_date_and_year(first.recorded_at.date()))
    values = [getattr(point, field) for point in points if getattr(point, field) is not None]
    if not values:
        return f"{when} {NO_FIGURE[field]}"
    if len(values) == 1:
        return f"{when} {name}: {shown(values[0])}."
    return f"{when} {name}: {change(values[0], values[-1])}."


def next_steps(count, due, due_now):
    """What the charts show next, in words, while they have one or two points (None after): due is
    the next review's day ("Saturday 5 December"), None when the plan has stopped."""
    if count == 1:
        words = gettext("For now each chart has one point: your answers when you set up your plan. Your "
                        "first weekly review adds a second point, and a line between them.")
        when = (gettext("Your first review is due now.") if due_now
                else gettext("Your first review is due on %(day)s.", day=due))
    elif count == 2:
        words = gettext("So far there are two points: your set-up and your first weekly review. Each review "
                        "adds one more, and after a few weeks the lines show the way things are going better "
                        "than any one week can.")
        when = (gettext("Your next review is due now.") if due_now
                else gettext("Your next review is due on %(day)s.", day=due))
    else:
        return None
    if due is None:
        return words
    return f"{words} {when}"


def shown(value):
    """A figure as the table writes it: an average to one decimal, a score whole."""
    return one_decimal(value) if isinstance(value, float) else str(value)


def change(first, last):
    """A change in figures only ("3 at first and 5 now"); whether it matters is the plan's reading."""
    before, now = shown(first), shown(last)
    if before == now:
        return gettext("%(before)s at first and now", before=before)
    return gettext("%(before)s at first and %(now)s now", before=before, now=now)
