"""Every page names warning signs the way the content does: how urgent a sign is comes only from
/safety, through a link to its tier (the words routines/safety/warning-signs.toml wrote, marked
data-warning-signs), never from a page's own sentence."""
from html.parser import HTMLParser

import pytest

from app.content import bad_day, checklist, lessons, library, warning_signs
from app.plan.pages import SCREENS

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "legend", "label", "td", "th", "dt", "dd", "summary", "button",
          "figcaption", "div", "section", "aside", "ul", "ol", "form", "fieldset"}
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col", "embed", "track"}


class Texts(HTMLParser):
    """The page's visible text in block-sized pieces, leaving out what the safety file wrote."""

    def __init__(self):
        super().__init__()
        self.pieces, self.current, self.stack, self.skip_at = [], [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.flush()
        if tag in VOID:
            return
        self.stack.append(tag)
        if self.skip_at is None and ("data-warning-signs" in dict(attrs) or tag in ("script", "style")):
            self.skip_at = len(self.stack)

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            if self.skip_at is not None and len(self.stack) == self.skip_at:
                self.skip_at = None
            if self.stack.pop() == tag:
                break
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.skip_at is None:
            self.current.append(data)

    def flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.pieces.append(text)
        self.current = []


def pieces(html):
    parser = Texts()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.pieces


def every_page(app):
    """Each page a person can open without saved data, except /safety, which is the one home."""
    with app.app_context():
        routines = list(library().routines)
        lesson_slugs = [lesson.slug for lesson in lessons()]
    return (["/", "/routines", "/favourites", "/learn", "/bad-day", "/checklist", "/about", "/settings",
             "/history", "/plan", "/plan/review", "/offline"]
            + [f"/plan/setup/{screen}" for screen in SCREENS]
            + [f"/routines/{slug}" for slug in routines] + [f"/routines/{slug}/play" for slug in routines]
            + [f"/learn/{slug}" for slug in lesson_slugs])


def test_no_page_but_safety_says_how_urgent_a_sign_is(app, client):
    with app.app_context():
        safety = warning_signs()
    found = []
    for url in every_page(app):
        response = client.get(url)
        assert response.status_code == 200, url
        found += [(url, piece, why) for piece in pieces(response.text) if (why := safety.problem_with(piece))]
    assert not found, "\n".join(f"{url}: {piece!r}: {why}" for url, piece, why in found)


def test_the_checker_reads_a_page_it_would_refuse():
    """The test above can fail: a page sentence restating a tier is found, the file's own words are not."""
    html = ('<main><div data-warning-signs><p>Warning sign:</p><ul><li>Both legs</li></ul>'
            '<a href="/safety#now">Call 999 or go to A&amp;E now</a></div>'
            '<p>Weakness in your leg? Call 999.</p></main>')
    assert pieces(html) == ["Weakness in your leg? Call 999."]


@pytest.mark.parametrize(("url", "tier"), [
    ("/bad-day", "now"), ("/bad-day", "same-day"), ("/learn/massage", "same-day"), ("/checklist", "now"),
    ("/checklist", "same-day"), ("/routines/desk-break/play", "now"),
])
def test_pages_link_the_tier_of_the_signs_they_name(client, url, tier):
    assert f'href="/safety#{tier}"' in client.get(url).text


def test_the_content_that_names_signs_links_each_to_its_tier(app, client):
    with app.app_context():
        safety = warning_signs()
        named = [sign for section in bad_day().sections for sign in section.warning_signs]
        named += [sign for item in checklist().after_session.not_normal for sign in item.warning_signs]
    html = client.get("/bad-day").text + client.get("/checklist").text
    for sign_id in named:
        sign, tier = safety.signs[sign_id]
        assert f"<li>{sign.text[0].upper()}{sign.text[1:]}</li>" in html.replace("&#39;", "'"), sign_id


def test_the_check_in_form_points_to_the_tier_for_pain_in_both_legs(client):
    html = client.get("/history").text
    form = html.split("data-checkin-form", 1)[1].split("</form>", 1)[0]
    assert 'href="/safety#now"' in form
