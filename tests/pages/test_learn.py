"""Lessons: the content rules every lesson file keeps, and the /learn pages."""
import re
import shutil

import pytest

from app import paths
from app.content.loading import ContentError
from app.content.startup import load_content
from tests.content.content_checks import assert_refused

LESSON = '''slug = "{slug}"
title = "{title}"
summary = "A short lesson to break in one place."
order = {order}
sources = ["nhs-sciatica"]
reviewed = 2026-12-01
next_review = 2027-12-01
routines = ["in-bed"]

[[sections]]
heading = "The only part"
paragraphs = ["{words}"]
'''
WORDS = " ".join(["Gentle movement usually helps more than rest."] * 50)  # 7 x 50 = 350 words


@pytest.fixture
def content(tmp_path):
    """A copy of the real content with one small, valid extra lesson to break."""
    folder = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, folder)
    (folder / "lessons" / "extra.toml").write_text(LESSON.format(slug="extra", title="Extra", order=99,
                                                                 words=WORDS))
    return folder


def load(folder):
    return load_content(folder, paths.PICTURES_DIR)


def test_the_extra_lesson_loads(content):
    extra = load(content).lessons.by_slug["extra"]
    assert extra.minutes == 2 and [source.title for source in extra.sources] == ["NHS: Sciatica"]


@pytest.mark.parametrize(("old", "new", "field", "words"), [
    ('sources = ["nhs-sciatica"]\n', "", "sources", "missing required key"),
    ('sources = ["nhs-sciatica"]', "sources = []", "sources", "name the sources"),
    ('sources = ["nhs-sciatica"]', 'sources = ["NHS: Sciatica"]', "sources[0]",
     "unknown source 'NHS: Sciatica': use an id from routines/sources/sources.toml"),
    ('routines = ["in-bed"]', 'routines = ["in-the-bath"]', "routines[0]", "no routine called 'in-the-bath'"),
    ("order = 99", "order = 6", "order", "also the order of everyday-positions.toml"),
    ('slug = "extra"', 'slug = "everyday-positions"', "slug", "duplicate slug 'everyday-positions'"),
    ('slug = "extra"', 'slug = "in-bed"', "slug", "duplicate slug 'in-bed'"),
    ('paragraphs = ["', 'points = []\nparagraphs = [] # "', "sections[0].paragraphs",
     "paragraphs, points or both"),
    (WORDS, "Too short to teach anything.", "sections", "keep it to 300 to 899 words"),
    (WORDS, WORDS * 3, "sections", "takes about 5 min"),
    ("heading = ", "headline = ", "sections[0].headline", "unknown key"),
    ("order = 99\n", "", "order", "a whole number from 1"),
])
def test_a_broken_lesson_stops_loading_with_the_fix(content, old, new, field, words):
    assert_refused(content / "lessons" / "extra.toml", old, new, lambda: load(content), field, words)


def test_lessons_are_in_reading_order_with_sources(app):
    from app.content import lessons
    with app.app_context():
        found = list(lessons())
    assert [lesson.order for lesson in found] == sorted(lesson.order for lesson in found)
    assert len(found) >= 8
    for lesson in found:
        assert 2 <= lesson.minutes <= 4, lesson.slug
        titles = [source.title for source in lesson.sources]
        assert any(title.startswith(("NHS", "NICE", "Cochrane")) for title in titles), lesson.slug


def test_learn_lists_every_lesson(client, app):
    from app.content import lessons
    html = client.get("/learn").get_data(as_text=True)
    with app.app_context():
        slugs = [lesson.slug for lesson in lessons()]
    assert re.findall(r'href="/learn/([a-z-]+)"', html) == slugs
    assert "<h1>Learn about sciatica</h1>" in html


def test_a_lesson_has_headings_routines_sources_and_a_next_lesson(client):
    html = client.get("/learn/how-much-pain-is-ok").get_data(as_text=True)
    assert '<h1 id="lesson-title">How much pain is OK while moving</h1>' in html
    for heading in ("Green: carry on", "Amber: ease off", "Red: stop and get help"):
        assert f">{heading}</h2>" in html
    assert 'href="/routines/flare-up-calm-down"' in html
    sources = html.split('id="sources-heading"')[1]
    assert '<a href="https://www.nice.org.uk/guidance/ng59" rel="external">NICE guideline NG59' in sources
    assert ('<a href="https://www.nhs.uk/conditions/cauda-equina-syndrome/" rel="external">'
            "NHS: Cauda equina syndrome</a>") in sources
    assert 'Next: <a href="/learn/massage">' in html
    assert 'href="/static/css/lesson-print.css?v=' in html and 'media="print"' in html


def test_the_last_lesson_leads_back_to_the_list(client):
    html = client.get("/learn/keeping-it-away").get_data(as_text=True)
    assert "Next: <a" not in html and '<a href="/learn">Back to all lessons</a>' in html


def test_an_unknown_lesson_is_a_404(client):
    assert client.get("/learn/cure-it-fast").status_code == 404


@pytest.mark.parametrize(("old", "new", "words"), [
    ('routines = ["flare-up-calm-down"', 'routines = ["gentle-strength"',
     "'gentle-strength' has strength or nerve-glide"),
    ('routines = ["flare-up-calm-down"', 'routines = ["gentle-nerve-glide"',
     "'gentle-nerve-glide' has strength"),
    ('sources = [', 'sorces = [', "unknown key"),
])
def test_the_bad_day_guide_offers_only_gentle_routines(content, old, new, words):
    path = content / "guides" / "bad-day.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(ContentError, match=re.escape(words)):
        load(content)


def test_no_bad_day_suggestion_loads_the_back_or_the_nerve(app):
    from app.content import bad_day, library
    with app.app_context():
        offered = [library().routines[slug] for slug in bad_day().routines]
        assert offered[0].slug == "flare-up-calm-down"
        assert all(routine.suits_a_bad_day for routine in offered)
        assert not library().routines["gentle-strength"].suits_a_bad_day
        assert not library().routines["gentle-nerve-glide"].suits_a_bad_day


def test_the_bad_day_page(client):
    html = client.get("/bad-day").get_data(as_text=True)
    assert "<h1" in html and "Having a bad day?" in html
    for heading in ("position of ease", "Heat", "pharmacist", "Pace today", "When to get help"):
        assert heading in html
    assert 'href="/safety"' in html
    assert 'href="/routines/flare-up-calm-down/play"' in html
    assert "gentle-strength" not in html and "gentle-nerve-glide" not in html


def test_reading_matter_is_stored_for_offline(client):
    worker = client.get("/sw.js").get_data(as_text=True)
    for url in ("/learn", "/bad-day", "/learn/what-sciatica-is", "/learn/keeping-it-away"):
        assert f'"{url}"' in worker, url


def test_a_routine_links_to_the_lessons_that_explain_it(client):
    html = client.get("/routines/ball-self-massage").get_data(as_text=True)
    why = html.split('id="why-heading"')[1].split("</section>")[0]
    assert 'href="/learn/massage"' in why and 'href="/learn/self-massage"' in why
    html = client.get("/routines/floor-transfers").get_data(as_text=True)
    assert 'href="/learn/everyday-positions"' in html.split('id="why-heading"')[1]


def test_home_leads_to_the_bad_day_page_and_the_lessons(client):
    html = client.get("/").get_data(as_text=True)
    assert '<a href="/bad-day">Having a bad day?</a>' in html
    assert '<a href="/learn">Learn about sciatica</a>' in html
