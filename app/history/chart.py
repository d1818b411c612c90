"""The rules behind /history's pain trend chart and its calm notes on the trend.

Pure functions over plain objects: check-ins need `recorded_at` (an aware
datetime in the person's zone: its date is their day), `back_pain`, `leg_pain`
(0-10), `reach` and `moment`. The caller turns database rows into such objects. pain_chart works out
every position and label; templates/history/chart.svg.html draws them: the plot as stretched
SVG, the legend and pain scale as HTML around it and the dates in an unstretched SVG under it,
so every word grows with the reader's text size. A date label's x and a point's x come from one
place (_Frame.x), so a date always sits under the points of that date.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from math import ceil
from typing import ClassVar

from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l

from app.schemas import PAIN_REACHES
from app.site.formats import short_date, short_date_and_year

REACH_LABELS = {reach.value: reach.label for reach in PAIN_REACHES}
REACH_ORDER = tuple(REACH_LABELS)  # PAIN_REACHES runs nearest first: none < buttock < ... < foot

REACH_WINDOW = timedelta(days=28)
REACH_NOTE = _l(
    "Your leg pain reached further down (%(place)s) than in your other check-ins "
    "from the past four weeks. That is worth talking to your doctor about."
)
# Where the latest check-in's pain reached, as REACH_NOTE says it (none never reaches further).
REACH_PLACES = {"buttock": _l("to the buttock"), "thigh": _l("to the thigh"), "calf": _l("to the calf"),
                "foot": _l("to the foot")}
RISING_NOTE = _l(
    "Your leg pain has gone up over your last few check-ins. "
    "That is worth talking to your doctor about."
)

DEFAULT_TITLE = _l("Back and leg pain over time, scored 0 (none) to 10 (worst)")

# The plot alone, in viewBox units. CSS stretches it to the page's width and to a height in
# rem, so it grows taller with the text size as its HTML labels do; gridlines run along its
# top and bottom edges so the pain labels beside it line up at any size.
WIDTH, HEIGHT = 600, 300
# Neighbouring date labels' centres are at least width / MAX_X_LABELS apart, so at most this many
# fit; where even that is too tight for the text size, CSS puts them on two lines, then hides
# every other one.
MAX_X_LABELS = 5
# How far apart neighbouring dates are, as the share of the width each has (fifths the closest
# allowed), for CSS to choose one or two lines and to thin them by the room they have. A share
# counts when the dates are at least 95% of it apart: points at different times of day.
SPACINGS = ((2, "halves"), (3, "thirds"), (4, "quarters"))
NOON = time(12)  # a date's label sits under the middle of its day
HALF_WEEK = timedelta(days=3.5)
LABEL_STEPS = (1, 2, 3, 4, 7, 14)
SCALE_LINES = (0, 2, 4, 6, 8, 10)  # a line across the plot at each of these pain scores


@dataclass(frozen=True)
class _Frame:
    """The plot area (from 0, 0 at its top left) and the time span it covers; maps data to viewBox
    coordinates."""

    width: float
    height: float
    start: datetime
    end: datetime

    def x(self, moment: datetime) -> float:
        return (moment - self.start) / (self.end - self.start) * self.width

    def y(self, pain: int) -> float:
        return self.height - max(0, min(10, pain)) / 10 * self.height


@dataclass(frozen=True)
class DateLabel:
    """A date under the plot, centred at `percent` of the plot's width: _Frame.x of a moment in
    that date, over the width, so it sits under that date's points at any size."""

    percent: str
    text: str

    @property
    def lines(self) -> list[str]:
        """The date on two lines ("30", "Nov"), for charts too narrow for it on one."""
        return self.text.split(" ", 1)


@dataclass(frozen=True)
class Series:
    """One line of the chart: its path through the points (None for a single point) and
    the centre of each point's marker."""

    path: str | None
    markers: list[tuple[str, str]]


@dataclass(frozen=True)
class PainChart:
    """Everything the chart template draws, with coordinates as viewBox numbers in text.

    The plot stretches unevenly, so lines and markers are strokes that keep their size in
    screen pixels (these sizes): a marker is a dot or a square cap on a zero-length line.
    """

    LINE_WIDTH: ClassVar[int] = 3
    LEG_DASHES: ClassVar[str] = "8 5"
    BACK_DOT: ClassVar[int] = 11
    LEG_SQUARE: ClassVar[int] = 12  # a little wider than the dot, so equal values still show both shapes

    width: int
    height: int
    title: str
    description: str
    grid: list[tuple[str, int]]  # (y, pain) for each line across, 0 to 10 in twos
    x_labels: list[DateLabel]  # dates, each centred under the middle of its own day
    back: Series
    leg: Series

    @property
    def date_spacing(self) -> str:
        return date_spacing(self.x_labels)


def pain_chart(checkins, *, width=WIDTH, height=HEIGHT, title=DEFAULT_TITLE) -> PainChart | None:
    """Lay out back and leg pain over time for the chart template; None when there is nothing to draw."""
    ordered = sorted(checkins, key=lambda c: c.recorded_at)
    if not ordered:
        return None
    grid, x_labels, (back, leg) = lay_out(ordered, ("back_pain", "leg_pain"), width=width, height=height)
    return PainChart(width=width, height=height, title=title, description=_describe(ordered),
                     grid=grid, x_labels=x_labels, back=back, leg=leg)


def lay_out(ordered, fields, *, width=WIDTH, height=HEIGHT):
    """(grid, date labels, a Series per field) for many points over time on a 0-10 scale: a date
    every few days, each under the middle of its own day.

    The points (oldest first, at least one) need `recorded_at` (aware, in one zone) and each field; a
    point whose field is None is left out of that field's line.
    """
    first, last = _day(ordered[0].recorded_at), _day(ordered[-1].recorded_at)
    zone = ordered[0].recorded_at.tzinfo
    step, count = _label_step((last - first).days + 1)
    frame = _frame(first, zone, step * count, width, height)
    days = [first + timedelta(days=step * n) for n in range(count)]
    x_labels = [_label(frame, datetime.combine(day, NOON, zone)) for day in days]
    return _grid(frame, SCALE_LINES), x_labels, [_series(frame, ordered, field) for field in fields]


def lay_out_each_date(ordered, fields, *, width=WIDTH, height=HEIGHT, scale=SCALE_LINES):
    """(grid, date labels, a Series per field) for a few points days apart (the weekly reviews): each
    point is labelled with its own date at its own x, leaving out a label too close to the one before
    it, and never the latest. Points as for lay_out; scale is the scores with a line across."""
    first, last = ordered[0].recorded_at, ordered[-1].recorded_at
    # Room beyond the first and last points for half a label: half a week, or an eighth of the span
    # (which keeps them a tenth of the width in from each edge) when that is more.
    margin = max(HALF_WEEK, (last - first) / 8)
    frame = _Frame(width, height, first - margin, last + margin)
    xs = [frame.x(point.recorded_at) for point in ordered]
    x_labels = [_label(frame, ordered[n].recorded_at) for n in _spaced(xs, width / MAX_X_LABELS)]
    return _grid(frame, scale), x_labels, [_series(frame, ordered, field) for field in fields]


def date_spacing(labels) -> str:
    """How far apart the closest neighbouring date labels are: "halves", "thirds", "quarters" or
    "fifths" of the width (one label has room for two)."""
    gap = min((float(b.percent) - float(a.percent) for a, b in pairwise(labels)), default=100)
    return next((name for shares, name in SPACINGS if gap >= 0.95 * 100 / shares), "fifths")


def _spaced(xs, gap):
    """Which of the xs (in order) to label: from the first, each at least gap past the last kept;
    the last always, in place of a kept one too close to it."""
    kept = []
    for n, x in enumerate(xs):
        if not kept or x - xs[kept[-1]] >= gap:
            kept.append(n)
    # A last x not kept is less than gap past the last kept one (or it would be kept): it takes that place.
    kept[-1] = len(xs) - 1
    return kept


def _label(frame: _Frame, moment: datetime) -> DateLabel:
    return DateLabel(percent=_num(frame.x(moment) / frame.width * 100), text=short_date(_day(moment)))


def _grid(frame: _Frame, scale) -> list[tuple[str, int]]:
    return [(_num(frame.y(score)), score) for score in scale]


def _describe(ordered) -> str:
    """Summarise check-ins (oldest first) in words, for the chart's description."""
    first, last = ordered[0], ordered[-1]
    if len(ordered) == 1:
        return gettext("1 check-in on %(day)s. Back pain was %(back)s; leg pain was %(leg)s.",
                       day=short_date_and_year(_day(first.recorded_at)), back=first.back_pain,
                       leg=first.leg_pain)
    return ngettext("%(num)s check-in %(when)s. Back pain %(back)s; leg pain %(leg)s.",
                    "%(num)s check-ins %(when)s. Back pain %(back)s; leg pain %(leg)s.", len(ordered),
                    when=_date_range(first.recorded_at, last.recorded_at),
                    back=_change(first.back_pain, last.back_pain), leg=_change(first.leg_pain, last.leg_pain))


def gentle_notes(checkins) -> list[str]:
    """Return calm, plain notes when leg pain spreads further or keeps rising."""
    ordered = sorted(checkins, key=lambda c: c.recorded_at)
    if len(ordered) < 2:
        return []
    notes = []
    if _reaches_further(ordered):
        notes.append(str(REACH_NOTE) % {"place": REACH_PLACES[ordered[-1].reach]})
    if _leg_pain_rising([c.leg_pain for c in ordered]):
        notes.append(str(RISING_NOTE))
    return notes


def _reach_rank(reach: str) -> int:
    try:
        return REACH_ORDER.index(reach)
    except ValueError:
        raise ValueError(f"reach must be one of {', '.join(REACH_ORDER)}, not {reach!r}") from None


def _reaches_further(ordered) -> bool:
    latest = ordered[-1]
    # Only recent check-ins count: pain that reached the foot months ago says
    # little about whether it is spreading now.
    recent = [c for c in ordered[:-1] if c.recorded_at >= latest.recorded_at - REACH_WINDOW]
    return bool(recent) and _reach_rank(latest.reach) > max(_reach_rank(c.reach) for c in recent)


def _leg_pain_rising(leg: list[int]) -> bool:
    last3, before3 = leg[-3:], leg[-6:-3]
    climbing = len(last3) == 3 and last3[0] < last3[1] < last3[2]
    # Compare sums rather than averages so a 2-point rise is exact, not a float.
    jumped = len(before3) == 3 and sum(last3) - sum(before3) >= 2 * 3
    return climbing or jumped


def _frame(first: date, zone, days: int, width, height) -> _Frame:
    # Whole days in the person's zone: each day is a band, so one day's check-ins still spread
    # out by hour, and a date's label sits under the middle of its band. The span is a whole
    # number of label steps, so the last label has room after it.
    start = datetime.combine(first, time(), zone)
    return _Frame(width, height, start, start + timedelta(days=days))


def _label_step(days: int) -> tuple[int, int]:
    """Days between date labels, and how many labels, for a span of `days` whole days."""
    whole_weeks = 7 * ceil(days / (7 * MAX_X_LABELS))
    step = next((s for s in LABEL_STEPS if ceil(days / s) <= MAX_X_LABELS), whole_weeks)
    return step, ceil(days / step)


def _series(frame: _Frame, ordered, field) -> Series:
    points = [(_num(frame.x(c.recorded_at)), _num(frame.y(getattr(c, field)))) for c in ordered
              if getattr(c, field) is not None]
    path = "M" + " L".join(f"{x} {y}" for x, y in points) if len(points) > 1 else None
    return Series(path=path, markers=points)


def _change(before: int, after: int) -> str:
    if before == after:
        return gettext("stayed at %(after)s", after=after)
    return gettext("went from %(before)s to %(after)s", before=before, after=after)


def _date_range(first: datetime, last: datetime) -> str:
    a, b = _day(first), _day(last)
    if a == b:
        return gettext("on %(day)s", day=short_date_and_year(a))
    start = short_date(a) if a.year == b.year else short_date_and_year(a)
    return gettext("from %(start)s to %(end)s", start=start, end=short_date_and_year(b))


def _day(moment: datetime) -> date:
    """The day of an aware time, where the time is given (the person's zone)."""
    return moment.date()


def _num(value: float) -> str:
    return f"{round(value, 1):g}"
