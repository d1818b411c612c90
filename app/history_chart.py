"""The rules behind /history's pain trend chart and its calm notes on the trend.

Pure functions over plain objects: check-ins need `recorded_at` (aware UTC
datetime), `back_pain`, `leg_pain` (0-10), `reach` and `moment`; sessions need
`started_at`. The caller turns database rows into such objects. pain_chart works
out every position and label; templates/history/chart.svg.html draws them.
"""
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from math import ceil
from typing import ClassVar

from app.schemas import PAIN_REACHES

REACH_LABELS = {reach.value: reach.label for reach in PAIN_REACHES}
REACH_ORDER = tuple(REACH_LABELS)  # PAIN_REACHES runs nearest first: none < buttock < ... < foot

REACH_WINDOW = timedelta(days=28)
REACH_NOTE = (
    "Your leg pain reached further down (to the {place}) than in your other check-ins "
    "from the past four weeks. That is worth talking to your doctor about."
)
RISING_NOTE = "Your leg pain has gone up over your last few check-ins. That is worth talking to your doctor about."

DEFAULT_TITLE = "Back and leg pain over time, scored 0 (none) to 10 (worst)"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Sizes are in viewBox units, tuned for the default width of 640: the page
# scales the SVG down to about 360px on a phone (x0.56), so 24 reads as ~13px.
FONT_SIZE = 24
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 20, 56, 48
LEGEND_BASELINE = 30
MAX_X_LABELS = 5
LABEL_STEPS = (1, 2, 3, 4, 7, 14)
BACK_RADIUS = 7
LEG_SQUARE = 14  # a little wider than the circle, so equal values still show both shapes


@dataclass(frozen=True)
class _Frame:
    """The plot area and the time span it covers; maps data to viewBox coordinates."""

    left: float
    right: float
    top: float
    bottom: float
    start: datetime
    end: datetime

    def x(self, moment: datetime) -> float:
        share = (moment - self.start) / (self.end - self.start)
        return self.left + share * (self.right - self.left)

    def y(self, pain: int) -> float:
        return self.bottom - max(0, min(10, pain)) / 10 * (self.bottom - self.top)


@dataclass(frozen=True)
class Series:
    """One line of the chart: its path through the points (None for a single point) and
    where each marker goes: the back's circles by their centre, the leg's squares by their corner."""

    path: str | None
    markers: list[tuple[str, str]]


@dataclass(frozen=True)
class LegendEntry:
    """One line's sample in the legend: a short stroke with its marker, then its name."""

    label: str
    line: tuple[str, str, str]  # x1, x2 and y of the sample stroke
    marker: tuple[str, str]  # placed as on the chart: circle centre, square corner
    text: tuple[str, str]  # x and y of the name


@dataclass(frozen=True)
class PainChart:
    """Everything the chart template draws, with coordinates as viewBox numbers in text."""

    LINE_WIDTH: ClassVar[int] = 4
    LEG_DASHES: ClassVar[str] = "12 8"
    FONT_SIZE: ClassVar[int] = FONT_SIZE
    BACK_RADIUS: ClassVar[int] = BACK_RADIUS
    LEG_SQUARE: ClassVar[int] = LEG_SQUARE

    width: int
    height: int
    title: str
    description: str
    grid: list[tuple[str, int]]  # (y, pain) for each line across, 0 to 10 in twos
    left: str
    right: str
    y_label_x: str
    x_labels: list[tuple[str, str]]  # (x, date)
    x_label_y: str
    back: Series
    leg: Series
    back_legend: LegendEntry
    leg_legend: LegendEntry


def pain_chart(checkins, *, width=640, height=320, title=DEFAULT_TITLE) -> PainChart | None:
    """Lay out back and leg pain over time for the chart template; None when there is nothing to draw."""
    ordered = sorted(checkins, key=lambda c: c.recorded_at)
    if not ordered:
        return None
    frame = _frame(ordered, width, height)
    return PainChart(
        width=width, height=height, title=title, description=_describe(ordered),
        grid=[(_num(frame.y(pain)), pain) for pain in range(0, 11, 2)],
        left=_num(frame.left), right=_num(frame.right), y_label_x=_num(frame.left - 10),
        x_labels=_x_labels(frame, width), x_label_y=_num(frame.bottom + MARGIN_BOTTOM - 14),
        back=_series(frame, ordered, "back_pain", _centre),
        leg=_series(frame, ordered, "leg_pain", _corner),
        **_legend(),
    )


def _describe(ordered) -> str:
    """Summarise check-ins (oldest first) in words, for the chart's description."""
    first, last = ordered[0], ordered[-1]
    count = f"{len(ordered)} check-in{'s' if len(ordered) != 1 else ''}"
    if len(ordered) == 1:
        when = _long_date(first.recorded_at)
        return f"{count} on {when}. Back pain was {first.back_pain}; leg pain was {first.leg_pain}."
    return (
        f"{count} {_date_range(first.recorded_at, last.recorded_at)}. "
        f"Back pain {_change(first.back_pain, last.back_pain)}; leg pain {_change(first.leg_pain, last.leg_pain)}."
    )


def week_mondays(*, weeks=8, today=None) -> list[date]:
    """The Mondays (UTC) starting the last `weeks` weeks, this one included, oldest first."""
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, not {weeks}")
    today = today or datetime.now(UTC).date()
    this_monday = today - timedelta(days=today.weekday())
    return [this_monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def weekly_sessions(sessions, *, weeks=8, today=None) -> list[tuple[date, int]]:
    """Count sessions per week (Monday first) for the last `weeks` weeks, oldest first."""
    counts = dict.fromkeys(week_mondays(weeks=weeks, today=today), 0)
    for session in sessions:
        day = session.started_at.astimezone(UTC).date()
        monday = day - timedelta(days=day.weekday())
        if monday in counts:
            counts[monday] += 1
    return list(counts.items())


def gentle_notes(checkins) -> list[str]:
    """Return calm, plain notes when leg pain spreads further or keeps rising."""
    ordered = sorted(checkins, key=lambda c: c.recorded_at)
    if len(ordered) < 2:
        return []
    notes = []
    if _reaches_further(ordered):
        notes.append(REACH_NOTE.format(place=ordered[-1].reach))
    if _leg_pain_rising([c.leg_pain for c in ordered]):
        notes.append(RISING_NOTE)
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


def _frame(ordered, width, height) -> _Frame:
    # Whole UTC days: each day is a band, so one day's check-ins still spread
    # out by hour and the date labels sit in the middle of their day.
    start = datetime.combine(_utc_date(ordered[0].recorded_at), time(), UTC)
    end = datetime.combine(_utc_date(ordered[-1].recorded_at) + timedelta(days=1), time(), UTC)
    return _Frame(MARGIN_LEFT, width - MARGIN_RIGHT, MARGIN_TOP, height - MARGIN_BOTTOM, start, end)


def _x_labels(frame: _Frame, width) -> list[tuple[str, str]]:
    first, last = _utc_date(frame.start), _utc_date(frame.end) - timedelta(days=1)
    labels = []
    for day in _label_days(first, last):
        text = _short_date(day)
        half = _text_width(text) / 2
        # Keep edge labels inside the picture rather than centred off its edge.
        x = min(max(frame.x(datetime.combine(day, time(12), UTC)), 4 + half), width - 4 - half)
        labels.append((_num(x), text))
    return labels


def _label_days(first: date, last: date) -> list[date]:
    days = (last - first).days + 1
    fallback = 7 * ceil(days / (7 * MAX_X_LABELS))
    step = next((s for s in LABEL_STEPS if ceil(days / s) <= MAX_X_LABELS), fallback)
    return [first + timedelta(days=offset) for offset in range(0, days, step)]


def _series(frame: _Frame, ordered, field, place) -> Series:
    points = [(frame.x(c.recorded_at), frame.y(getattr(c, field))) for c in ordered]
    path = "M" + " L".join(f"{_num(x)} {_num(y)}" for x, y in points) if len(points) > 1 else None
    return Series(path=path, markers=[place(x, y) for x, y in points])


def _centre(x: float, y: float) -> tuple[str, str]:
    return _num(x), _num(y)


def _corner(x: float, y: float) -> tuple[str, str]:
    return _num(x - LEG_SQUARE / 2), _num(y - LEG_SQUARE / 2)


def _legend() -> dict[str, LegendEntry]:
    x, y = MARGIN_LEFT, LEGEND_BASELINE - 8  # y: the middle of the lower-case letters, near enough
    entries = {}
    for name, label, place in (("back_legend", "Back pain", _centre), ("leg_legend", "Leg pain", _corner)):
        entries[name] = LegendEntry(label=label, line=(_num(x), _num(x + 44), _num(y)),
                                    marker=place(x + 22, y), text=(_num(x + 54), _num(LEGEND_BASELINE)))
        x += 54 + ceil(_text_width(label)) + 36
    return entries


def _change(before: int, after: int) -> str:
    return f"stayed at {after}" if before == after else f"went from {before} to {after}"


def _date_range(first: datetime, last: datetime) -> str:
    a, b = _utc_date(first), _utc_date(last)
    if a == b:
        return f"on {_long_date(first)}"
    start = _short_date(a) if a.year == b.year else _long_date(first)
    return f"from {start} to {_long_date(last)}"


def _utc_date(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def _short_date(day: date) -> str:
    # Our own month names, so the labels do not change with the server's locale.
    return f"{day.day} {MONTHS[day.month - 1]}"


def _long_date(moment: datetime) -> str:
    day = _utc_date(moment)
    return f"{_short_date(day)} {day.year}"


def _text_width(text: str) -> float:
    # An estimate: the SVG cannot be measured on the server, and system fonts average about 0.56em a character.
    return len(text) * FONT_SIZE * 0.56


def _num(value: float) -> str:
    return f"{round(value, 1):g}"
