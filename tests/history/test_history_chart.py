"""The /history pain chart (laid out in Python, drawn by its template) and the gentle notes."""
import random
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from markupsafe import Markup

from app.history.chart import DateLabel, date_spacing, gentle_notes, lay_out_each_date, pain_chart, short_date

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
    """The text of each item in one of the chart's HTML lists (legend, pain scale)."""
    (found,) = ET.fromstring(str(markup)).findall(f"*[@class='{css_class}']")
    return ["".join(item.itertext()).strip() for item in found.findall("li")]


def date_axis(markup):
    """The SVG of dates under the plot."""
    (found,) = [svg for svg in ET.fromstring(str(markup)).findall(f"{SVG}svg")
                if "pain-chart__dates" in svg.get("class").split()]
    return found


def dates(markup, lines="one-line"):
    """Each date under the plot as (where its centre is, its text): on one line, or on two."""
    (group,) = date_axis(markup).findall(f"{SVG}g[@class='pain-chart__dates-{lines}']")
    return [(text.get("x"), " ".join(text.itertext())) for text in group.findall(f"{SVG}text")]


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
    assert [text for _, text in dates(pain_chart_svg(daily([5] * count, every=every)))] == expected


@pytest.mark.parametrize(("count", "every", "step"), [
    (30, timedelta(days=1), 7), (30, timedelta(hours=8), 3), (3, timedelta(days=1), 1),
    (70, timedelta(days=1), 14),  # 70 days: five fortnights, the longest of the fixed steps
    (71, timedelta(days=1), 21),  # past that, whole weeks: three at a time
    (200, timedelta(days=1), 42)])
def test_each_date_heads_an_equal_share_of_the_width_holding_its_days(count, every, step):
    """The span is a whole number of label steps: each date starts an equal share holding its days."""
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
    plot = parse(chart)
    assert "font-size" not in chart and not list(plot.iter(f"{SVG}text"))
    # The dates are text in an SVG that is never stretched (no viewBox), so they take the page's
    # text size like the HTML words around the plot.
    assert date_axis(chart).get("viewBox") is None and date_axis(chart).get("aria-hidden") == "true"
    # CSS sets the plot's height in rem, so it stretches; every stroke keeps its size on screen.
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


# --- where each date sits -------------------------------------------------

def percents(chart):
    return [float(label.percent) for label in chart.x_labels]


@pytest.mark.parametrize(("count", "every", "expected"), [
    (3, timedelta(days=1), [16.7, 50, 83.3]),  # three days, each date under its own day's noon
    # Five weeks: each label under the noon of its own date, half a day in; spread evenly over
    # the width they would sit at 10, 30, 50, 70 and 90, under the middle of the week instead.
    (30, timedelta(days=1), [1.4, 21.4, 41.4, 61.4, 81.4]),
    (4, timedelta(hours=2), [50]),  # all on one day: its noon is the middle
])
def test_each_date_label_sits_under_the_middle_of_its_own_day(count, every, expected):
    assert percents(pain_chart(daily([5] * count, every=every))) == expected


@pytest.mark.parametrize("days", [1, 2, 3, 9, 30, 71, 200])
def test_a_check_in_at_noon_is_drawn_right_above_its_dates_label(days):
    noon = START.replace(hour=12)
    checkins = [CheckIn(noon + timedelta(days=n), 5, 5) for n in range(days)]
    chart = pain_chart(checkins)
    drawn_at = {short_date(checkin.recorded_at.date()): float(x)
                for checkin, (x, _) in zip(checkins, chart.back.markers, strict=True)}
    assert chart.x_labels
    for label in chart.x_labels:
        assert drawn_at[label.text] == pytest.approx(float(label.percent) * chart.width / 100, abs=0.4)


def test_dates_are_drawn_centred_at_their_own_x_on_one_line_and_on_two(pain_chart_svg):
    markup = pain_chart_svg(daily([5] * 3))
    expected = [("16.7%", "3 Nov"), ("50%", "4 Nov"), ("83.3%", "5 Nov")]
    assert dates(markup) == dates(markup, "two-lines") == expected
    texts = list(date_axis(markup).iter(f"{SVG}text"))
    assert len(texts) == 6 and {text.get("text-anchor") for text in texts} == {"middle"}
    months = [text.find(f"{SVG}tspan") for text in texts[3:]]
    assert [(tspan.get("x"), tspan.get("dy"), tspan.text) for tspan in months] == [
        ("16.7%", "1.2em", "Nov"), ("50%", "1.2em", "Nov"), ("83.3%", "1.2em", "Nov")]


@pytest.mark.parametrize(("days", "spacing"), [
    (30, "fifths"), (22, "quarters"), (3, "thirds"), (2, "halves"), (1, "halves")])
def test_the_date_axis_says_how_far_apart_its_dates_are_for_css_to_fit_them(days, spacing, pain_chart_svg):
    markup = pain_chart_svg(daily([5] * days))
    assert date_axis(markup).get("class") == f"pain-chart__dates pain-chart__dates--{spacing}"


@pytest.mark.parametrize(("percents", "spacing"), [
    (["50"], "halves"),  # one date has room for two
    (["25", "72.5"], "halves"), (["25", "72.4"], "thirds"),  # 95% of a half, or just under
    (["10", "41.7", "90"], "thirds"), (["10", "41.6", "90"], "quarters"),  # 95% of a third (31.67)
    (["0", "23.75", "60"], "quarters"), (["0", "23.7", "60"], "fifths"),  # 95% of a quarter
    (["10", "30", "50", "70", "90"], "fifths"),
    (["10", "90", "40"], "fifths"),  # out of order is not room
])
def test_date_spacing_is_the_closest_neighbours_share_of_the_width(percents, spacing):
    assert date_spacing([DateLabel(percent, "1 Nov") for percent in percents]) == spacing


def dated(days):
    """Points at 9 am on each of the given days (fractions allowed) after START's day, scoring 5."""
    return [SimpleNamespace(recorded_at=START.replace(hour=9) + timedelta(days=d), score=5) for d in days]


@pytest.mark.parametrize(("days", "expected"), [
    ([0], [50]),  # alone, in the middle: half a week either side
    ([0, 7], [25, 75]),  # half a week beyond each end
    ([0, 7, 14], [16.7, 50, 83.3]),
    ([0, 27], [10.3, 89.7]),  # half a week is more than an eighth of the span
    ([0, 28], [10, 90]),  # the same: a tenth of the width in from each edge
    ([0, 29], [10, 90]),  # an eighth of the span is more: still a tenth of the width
    ([0, 70], [10, 90]),
])
def test_each_point_is_labelled_with_its_own_date_right_under_it(days, expected):
    points = dated(days)
    grid, labels, (line,) = lay_out_each_date(points, ["score"])
    assert [score for _, score in grid] == [0, 2, 4, 6, 8, 10]  # the pain chart's, unless asked
    assert [float(label.percent) for label in labels] == expected
    assert [label.text for label in labels] == [short_date(point.recorded_at.date()) for point in points]
    assert [float(x) for x, _ in line.markers] == pytest.approx([at * 6 for at in expected], abs=0.35)


@pytest.mark.parametrize(("days", "labelled"), [
    ([0, 7, 14, 21, 28], [0, 7, 14, 21, 28]),  # exactly a fifth of the width apart: all five
    ([0, 6, 14, 21, 28], [0, 14, 21, 28]),  # too close to the one before: left out
    ([0, 7, 14, 21, 26], [0, 7, 14, 26]),  # too close to the latest: the latest keeps its label
    ([0, 1], [1]),  # the latest, rather than the first
    ([0, 0.5, 7], [0, 7]),
    ([0, 1 / 24], [1 / 24]),  # twice on one day: one label, under the latest
])
def test_a_label_too_close_to_its_neighbour_is_left_out_and_the_latest_never(days, labelled):
    points = dated(days)
    grid, labels, (line,) = lay_out_each_date(points, ["score"])
    kept = [days.index(day) for day in labelled]
    xs = [float(x) for x, _ in line.markers]
    assert [float(label.percent) * 6 for label in labels] == pytest.approx([xs[n] for n in kept], abs=0.4)
    assert [label.text for label in labels] == [short_date(points[n].recorded_at.date()) for n in kept]
    assert len(line.markers) == len(points)  # every point is drawn, labelled or not


def test_points_laid_out_by_their_dates_take_the_scale_asked_for():
    points = [SimpleNamespace(recorded_at=START, score=5, other=None)]
    grid, _, (score, other) = lay_out_each_date(points, ["score", "other"], scale=(0, 5, 10))
    assert grid == [("300", 0), ("150", 5), ("0", 10)]
    assert score.markers == [("300", "150")] and score.path is None
    assert other.markers == [] and other.path is None


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
