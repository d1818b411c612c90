"""The /history pain chart (laid out in Python, drawn by its template) and the gentle notes."""
import random
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from markupsafe import Markup

from app.history.chart import gentle_notes, pain_chart

SVG = "{http://www.w3.org/2000/svg}"
START = datetime(2026, 11, 3, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class CheckIn:
    recorded_at: datetime
    back_pain: int
    leg_pain: int
    reach: str = "thigh"
    moment: str = "any"


def daily(legs, *, backs=None, reaches=None, every=timedelta(days=1)):
    """Check-ins one `every` apart from START, with the given leg pain (and back pain, reach)."""
    backs = backs or [5] * len(legs)
    reaches = reaches or ["thigh"] * len(legs)
    rows = zip(backs, legs, reaches, strict=True)
    return [CheckIn(START + i * every, back, leg, reach) for i, (back, leg, reach) in enumerate(rows)]


def parse(markup):
    """The chart's plot, the SVG between its HTML words."""
    return ET.fromstring(str(markup)).find(f"{SVG}svg")


def words(markup, css_class):
    """The text of each item in one of the chart's HTML lists (legend, pain scale, dates)."""
    (found,) = ET.fromstring(str(markup)).findall(f"*[@class='{css_class}']")
    return ["".join(item.itertext()).strip() for item in found.findall("li")]


def series(root, css_class):
    """One line of the plot: its path (None for one point), its markers' centres and their cap shape."""
    (group,) = root.findall(f"{SVG}g[@class='{css_class}']")
    *line, markers = group.findall(f"{SVG}path")
    centres = [(float(x), float(y)) for x, y in re.findall(r"M([\d.]+) ([\d.]+)h0", markers.get("d"))]
    return SimpleNamespace(line=line[0] if line else None, centres=centres,
                           shape=markers.get("stroke-linecap"))


# --- pain_chart and its template ------------------------------------------

@pytest.fixture
def pain_chart_svg(app):
    """Draw check-ins as /history does: pain_chart lays them out, the template's macro draws them."""
    draw = app.jinja_env.get_template("history/chart.svg.html").module.pain_chart_svg
    return lambda checkins, **options: draw(pain_chart(checkins, **options))


def test_chart_is_an_accessible_svg(pain_chart_svg):
    root = parse(pain_chart_svg(daily([6, 5, 4], backs=[7, 6, 4])))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "pain-chart-title pain-chart-desc"
    assert root.get("viewBox") == "0 0 600 300"
    assert root.get("width") is None and root.get("height") is None
    assert root.find(f"{SVG}title").get("id") == "pain-chart-title"
    desc = root.find(f"{SVG}desc")
    assert desc.get("id") == "pain-chart-desc"
    assert desc.text == ("3 check-ins from 3 Nov to 5 Nov 2026. "
                         "Back pain went from 7 to 4; leg pain went from 6 to 4.")


def test_chart_returns_markup_with_both_legend_words_and_no_inline_style(pain_chart_svg):
    chart = pain_chart_svg(daily([6, 5, 4]))
    assert isinstance(chart, Markup)
    assert words(chart, "pain-chart__legend") == ["Back pain", "Leg pain"]
    assert "style" not in chart


def test_lines_differ_by_more_than_colour(pain_chart_svg):
    root = parse(pain_chart_svg(daily([6, 5, 4])))
    back, leg = series(root, "pain-chart__back"), series(root, "pain-chart__leg")
    assert back.line.get("stroke-dasharray") is None
    assert leg.line.get("stroke-dasharray")
    assert (back.shape, leg.shape) == ("round", "square")  # dots and squares


@pytest.mark.parametrize("count", [1, 2, 7, 30])
def test_one_marker_per_check_in_on_each_line(count, pain_chart_svg):
    root = parse(pain_chart_svg(daily([i % 11 for i in range(count)])))
    assert len(series(root, "pain-chart__back").centres) == count
    assert len(series(root, "pain-chart__leg").centres) == count


def test_one_check_in_draws_points_but_no_line(pain_chart_svg):
    root = parse(pain_chart_svg([CheckIn(START, 7, 5)]))
    for css_class in ("pain-chart__back", "pain-chart__leg"):
        assert series(root, css_class).line is None
    assert root.find(f"{SVG}desc").text == "1 check-in on 3 Nov 2026. Back pain was 7; leg pain was 5."


def test_no_check_ins_draws_nothing(pain_chart_svg):
    assert pain_chart_svg([]) == Markup("")


def test_title_is_escaped(pain_chart_svg):
    chart = pain_chart_svg(daily([1, 2]), title='Pain <script>alert("x")</script> & more')
    assert "<script>" not in chart
    assert parse(chart).find(f"{SVG}title").text == 'Pain <script>alert("x")</script> & more'


def test_y_axis_is_labelled_0_to_10(pain_chart_svg):
    chart = pain_chart_svg(daily([3, 4]))
    assert words(chart, "pain-chart__pain") == ["10", "8", "6", "4", "2", "0"]  # top to bottom
    lines = parse(chart).find(f"{SVG}g[@class='pain-chart__grid']").findall(f"{SVG}line")
    # The 10 and 0 lines are the plot's edges, so the HTML numbers beside it line up at any size.
    assert [float(line.get("y1")) for line in lines] == [300, 240, 180, 120, 60, 0]


@pytest.mark.parametrize(("count", "every", "expected"), [
    (30, timedelta(days=1), ["3 Nov", "10 Nov", "17 Nov", "24 Nov", "1 Dec"]),
    (30, timedelta(hours=8), ["3 Nov", "6 Nov", "9 Nov", "12 Nov"]),
    (3, timedelta(days=1), ["3 Nov", "4 Nov", "5 Nov"]),
    (4, timedelta(hours=2), ["3 Nov"]),
])
def test_x_labels_are_few_readable_dates(count, every, expected, pain_chart_svg):
    assert words(pain_chart_svg(daily([5] * count, every=every)), "pain-chart__dates") == expected


@pytest.mark.parametrize(("count", "every", "step"), [
    (30, timedelta(days=1), 7), (30, timedelta(hours=8), 3), (3, timedelta(days=1), 1),
    (70, timedelta(days=1), 14),  # 70 days: five fortnights, the longest of the fixed steps
    (71, timedelta(days=1), 21),  # past that, whole weeks: three at a time
    (200, timedelta(days=1), 42)])
def test_each_date_heads_an_equal_share_of_the_width_holding_its_days(count, every, step):
    """CSS gives each date label an equal share of the width; the plot must place the days to match."""
    checkins = daily([5] * count, every=every)
    chart = pain_chart(checkins)
    share = chart.width / len(chart.x_labels)
    for checkin, (x, _) in zip(checkins, chart.back.markers, strict=True):
        labelled = START.date() + timedelta(days=step * int(float(x) // share))
        assert labelled <= checkin.recorded_at.date() < labelled + timedelta(days=step)


def test_points_follow_time_whatever_the_input_order(pain_chart_svg):
    gaps = [0, 1, 2, 10, 11]  # days: an uneven gap must show as a wider space
    checkins = [CheckIn(START + timedelta(days=d), 5, min(d, 10)) for d in gaps]
    shuffled = checkins[:]
    random.Random(7).shuffle(shuffled)
    root = parse(pain_chart_svg(shuffled))
    xs = [x for x, _ in series(root, "pain-chart__back").centres]
    assert xs == sorted(xs)
    assert xs[3] - xs[2] == pytest.approx(8 * (xs[1] - xs[0]), rel=0.01)
    leg_ys = [y for _, y in series(root, "pain-chart__leg").centres]
    assert leg_ys == sorted(leg_ys, reverse=True)  # leg pain rises with time here, and SVG y grows downwards


def test_check_ins_on_one_day_spread_out_by_hour(pain_chart_svg):
    root = parse(pain_chart_svg(daily([4, 5, 6], every=timedelta(hours=4))))
    xs = [x for x, _ in series(root, "pain-chart__back").centres]
    assert xs[1] - xs[0] > 50 and xs[2] - xs[1] > 50


def test_words_are_html_so_they_grow_with_the_text_size(pain_chart_svg):
    chart = pain_chart_svg(daily([1, 2]))
    assert "<text" not in chart and "font-size" not in chart
    # CSS sets the plot's height in rem, so it stretches; every stroke keeps its size on screen.
    plot = parse(chart)
    assert plot.get("preserveAspectRatio") == "none"
    strokes = [e for e in plot.iter() if e.tag in (f"{SVG}path", f"{SVG}line")]
    assert strokes and all(e.get("vector-effect") == "non-scaling-stroke" for e in strokes)


def test_points_are_placed_on_the_size_asked_for_to_one_decimal():
    chart = pain_chart(daily([0, 5, 10]), width=100, height=50)
    # Three days in three equal shares of 100; each check-in at 8 am, a third of the way into its day.
    assert chart.leg.markers == [("11.1", "50"), ("44.4", "25"), ("77.8", "0")]
    assert chart.leg.path == "M11.1 50 L44.4 25 L77.8 0"
    assert chart.grid == [("50", 0), ("40", 2), ("30", 4), ("20", 6), ("10", 8), ("0", 10)]


def test_layout_is_plain_data_with_scores_kept_on_the_scale():
    chart = pain_chart(daily([0, 10], backs=[12, -1]))
    (bottom, _), *_, (top, _) = chart.grid
    assert [y for _, y in chart.back.markers] == [top, bottom]  # 12 and -1 sit on the 10 and 0 lines
    assert chart.back.path.startswith("M") and chart.back.path.count(" L") == 1  # one line, two points
    assert pain_chart([]) is None


# --- gentle_notes ---------------------------------------------------------

REACH_NOTE = (
    "Your leg pain reached further down (to the calf) than in your other check-ins from the past four weeks. "
    "That is worth talking to your doctor about."
)
RISING_NOTE = (
    "Your leg pain has gone up over your last few check-ins. "
    "That is worth talking to your doctor about."
)


@pytest.mark.parametrize(("checkins", "notes"), [
    pytest.param(daily([4, 4], reaches=["thigh", "calf"]), [REACH_NOTE], id="reach further"),
    pytest.param(
        daily([4, 4, 4], reaches=["calf", "buttock", "calf"]), [], id="reach back to where it was recently"
    ),
    pytest.param(
        daily([4, 4], reaches=["thigh", "calf"], every=timedelta(days=29)), [],
        id="reach further, earlier too long ago",
    ),
    pytest.param(
        daily([4, 4], reaches=["thigh", "calf"], every=timedelta(days=28)), [REACH_NOTE],
        id="reach further, 28 days",
    ),
    pytest.param(daily([3, 4, 5]), [RISING_NOTE], id="three rising"),
    pytest.param(daily([3, 5]), [], id="rising but only two"),
    pytest.param(daily([3, 5, 5]), [], id="rising then flat"),
    pytest.param(daily([2, 2, 2, 4, 4, 4]), [RISING_NOTE], id="average up by 2"),
    pytest.param(daily([2, 2, 2, 4, 4, 3]), [], id="average up by less than 2"),
    pytest.param(daily([4, 5, 6], reaches=["thigh", "thigh", "calf"]), [REACH_NOTE, RISING_NOTE], id="both"),
    pytest.param(daily([5, 5, 5, 5, 5, 5]), [], id="steady"),
    pytest.param(daily([3, 3, 4]), [], id="flat then up is not three rising"),
    pytest.param(daily([9, 2, 2, 2, 4, 4, 4]), [RISING_NOTE], id="of seven, last three 2 up on the 3 before"),
    pytest.param(daily([2, 2, 2, 2, 4, 4, 3]), [], id="of seven, the last three less than 2 up"),
    pytest.param(
        daily([4, 4, 4], reaches=["thigh", "foot", "calf"]), [],
        id="reach to the calf after the foot in an earlier check-in is not further",
    ),
    pytest.param(
        daily([7, 6, 5, 4, 3], reaches=["foot", "calf", "calf", "thigh", "buttock"]), [], id="improving"
    ),
    pytest.param(daily([8], reaches=["foot"]), [], id="one check-in"),
    pytest.param([], [], id="none"),
])
def test_gentle_notes(checkins, notes):
    assert gentle_notes(checkins) == notes


def test_gentle_notes_read_the_check_ins_in_time_order():
    checkins = daily([3, 4, 5], reaches=["thigh", "thigh", "calf"])
    assert gentle_notes(reversed(checkins)) == [REACH_NOTE, RISING_NOTE]


def test_gentle_notes_never_overclaim():
    notes = gentle_notes(daily([2, 2, 2, 4, 5, 6], reaches=["none"] * 5 + ["foot"]))
    assert len(notes) == 2
    for note in notes:
        assert note.endswith(".") and note[0].isupper()
        assert not re.search(r"\b(cure|heal|fix)", note, re.IGNORECASE)


def test_gentle_notes_reject_an_unknown_reach():
    with pytest.raises(ValueError) as raised:
        gentle_notes(daily([4, 4], reaches=["thigh", "knee"]))
    assert str(raised.value) == "reach must be one of none, buttock, thigh, calf, foot, not 'knee'"


# --- the chart's description in words -------------------------------------

FELL = "Back pain stayed at 5; leg pain went from 4 to 3."


@pytest.mark.parametrize(("checkins", "description"), [
    pytest.param(daily([4]), "1 check-in on 3 Nov 2026. Back pain was 5; leg pain was 4.", id="one"),
    pytest.param(daily([4, 6], backs=[5, 5]),
                 "2 check-ins from 3 Nov to 4 Nov 2026. Back pain stayed at 5; leg pain went from 4 to 6.",
                 id="two days"),
    pytest.param(daily([4, 3], every=timedelta(hours=2)),
                 f"2 check-ins on 3 Nov 2026. {FELL}", id="one day"),
    pytest.param(daily([4, 3], every=timedelta(days=60)),
                 f"2 check-ins from 3 Nov 2026 to 2 Jan 2027. {FELL}", id="across a new year, both years"),
])
def test_the_description_says_how_many_when_and_how_pain_moved(checkins, description):
    assert pain_chart(checkins).description == description
