"""/history's weekly reviews on a 360x640 phone: two small charts whose dates sit right under
their points and read as the table does, nothing overlapping or scrolling sideways at 200% text,
and no axe violations in light or dark."""
import re
import uuid
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.test_reflow import DOUBLE_TEXT, WIDEST

NOW = datetime.now(UTC).replace(microsecond=0)
CHARTS = ("Everyday activities at your set-up and each weekly review",
          "Leg pain at your set-up and each weekly review")
# Where each point is drawn (its marker's x in the plot's viewBox, scaled to the plot's width on screen)
# and where each date shown under the plot has its centre, in CSS pixels from the page's left.
MEASURE = """(plot) => {
  const box = plot.getBoundingClientRect();
  const width = plot.viewBox.baseVal.width;
  const markers = plot.querySelector("path[stroke-linecap]").getAttribute("d");
  const points = [...markers.matchAll(/M([\\d.]+) [\\d.]+h0/g)]
    .map((found) => box.left + found[1] / width * box.width);
  const dates = [...plot.nextElementSibling.querySelectorAll("text")]
    .filter((text) => text.getBoundingClientRect().width > 0)
    .map((text) => {
      const at = text.getBoundingClientRect();
      const words = [...text.childNodes].map((node) => node.textContent.trim()).join(" ");
      return { text: words, centre: at.left + at.width / 2, left: at.left, right: at.right };
    });
  return { points, dates };
}"""


def put(page, url, body):
    response = page.request.put(url, data=body)
    assert response.ok, response.text()


def set_up_and_review(page, reviews=2):
    """A plan set up a week before the first review, then reviews a week apart, the latest yesterday."""
    page.goto("/")  # the requests below carry this context's cookie
    at = int((NOW - timedelta(days=1 + 7 * reviews)).timestamp() * 1000)
    parts = {"symptoms": {"areas": ["thigh"], "since": "weeks", "worse": [], "leg_pain": 6,
                          "walk_minutes": 10},
             "activities": {"activities": [{"name": "Walk to the shops", "score": 3},
                                           {"name": "Sit through a film", "score": 2}]}}
    for part, answers in parts.items():
        put(page, f"/api/v1/plan/parts/{part}",
            {"change_id": str(uuid.uuid4()), "changed_at": at, "answers": answers})
    for week in range(reviews):
        recorded = (NOW - timedelta(days=1 + 7 * (reviews - 1 - week))).isoformat(timespec="seconds")
        put(page, f"/api/v1/plan/reviews/{uuid.uuid4()}", {
            "activities": [4 + week, 3], "leg_pain": 5 - week, "numbness": "same", "weakness": "same",
            "warning_sign": False, "recorded_at": recorded.replace("+00:00", "Z")})


def table_dates(section):
    """Each row's date, as the table writes it, oldest first."""
    section.get_by_text("The same reviews as a table").click()
    headers = section.get_by_role("rowheader").all_inner_texts()
    return [re.sub(r"^Set-up, ", "", header) for header in headers]


def no_overlap(dates):
    return all(before["right"] <= after["left"] for before, after in pairwise(dates))


def test_each_point_has_its_own_date_right_under_it_as_the_table_says(small_phone):
    set_up_and_review(small_phone)
    small_phone.goto("/history")
    section = small_phone.get_by_role("region", name="Weekly reviews")
    expect(section.get_by_role("heading", name="Everyday activities — higher is better")).to_be_visible()
    expect(section.get_by_role("heading", name="Leg pain — lower is better")).to_be_visible()
    rows = table_dates(section)
    assert len(rows) == 3
    for name in CHARTS:
        plot = section.get_by_role("img", name=name)
        expect(plot).to_be_visible()
        measured = plot.evaluate(MEASURE)
        assert [date["text"] for date in measured["dates"]] == rows, measured
        for point, date in zip(measured["points"], measured["dates"], strict=True):
            assert abs(point - date["centre"]) <= 3, measured
        assert no_overlap(measured["dates"]), measured


def test_at_200_percent_text_the_dates_shown_are_true_apart_and_nothing_scrolls_sideways(small_phone):
    set_up_and_review(small_phone, reviews=4)
    small_phone.add_init_script(DOUBLE_TEXT)
    small_phone.goto("/history")
    assert small_phone.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    section = small_phone.get_by_role("region", name="Weekly reviews")
    rows = table_dates(section)
    for name in CHARTS:
        measured = section.get_by_role("img", name=name).evaluate(MEASURE)
        shown = measured["dates"]
        assert shown and shown[-1]["text"] == rows[-1], measured  # the latest always has its date
        assert no_overlap(shown), measured
        for date in shown:  # each date shown is under its own point
            point = measured["points"][rows.index(date["text"])]
            assert abs(point - date["centre"]) <= 3, measured
    widest = small_phone.evaluate(WIDEST)
    assert widest["scroll"] <= widest["width"], widest


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_history_with_reviews_has_no_axe_violations(small_phone, scheme):
    small_phone.emulate_media(color_scheme=scheme)
    set_up_and_review(small_phone)
    small_phone.goto("/history")
    section = small_phone.get_by_role("region", name="Weekly reviews")
    expect(section.get_by_role("img", name=CHARTS[1])).to_be_visible()
    section.get_by_text("The same reviews as a table").click()
    expect(section.get_by_role("columnheader", name="Leg pain")).to_be_visible()
    assert violations(small_phone) == ""


def test_with_only_the_set_up_the_section_says_when_the_first_review_adds_a_point(small_phone):
    set_up_and_review(small_phone, reviews=0)
    small_phone.goto("/history")
    section = small_phone.get_by_role("region", name="Weekly reviews")
    expect(section.get_by_text("For now each chart has one point")).to_be_visible()
    due = re.compile(r"Your first review is due (now|on \w+day \d+ \w+)\.")
    expect(section.get_by_text(due)).to_be_visible()
    assert violations(small_phone) == ""
