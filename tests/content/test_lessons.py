"""Lessons' review dates and sources: every real lesson is reviewed on time, every source has one
home with its publisher's address and a date, and each rule has a failing example."""
import re
import shutil
from datetime import date, timedelta

import pytest

from app import paths
from app.content.learning import OVERDUE_GRACE
from app.content.loading import ContentError
from app.content.sources import SOURCES_FILE, load_sources
from app.content.startup import load_content
from tests.content.content_checks import assert_refused, translate_as_is

TODAY = date.today()
CONTENT = load_content(paths.ROUTINES_DIR, paths.PICTURES_DIR)
SOURCES = load_sources(paths.ROUTINES_DIR / SOURCES_FILE)
LESSON = '''slug = "extra"
title = "Extra"
summary = "A short lesson to break in one place."
order = 99
sources = ["nhs-sciatica", "nice-ng59"]
reviewed = 2026-12-01
next_review = 2027-12-01

[[sections]]
heading = "The only part"
paragraphs = ["{words}"]
'''.replace("{words}", " ".join(["Gentle movement usually helps more than rest."] * 50))
NHS_SCIATICA = '''id = "nhs-sciatica"
title = "NHS: Sciatica"
publisher = "NHS website"
url = "https://www.nhs.uk/conditions/sciatica/"
checked = '''
NG59_DATES = "published = 2016-11-30\nupdated = 2020-12-11\n"


def overdue_reviews(lessons, today):
    """What `make test` says about each lesson whose review is more than OVERDUE_GRACE late."""
    return [f"routines/lessons/{lesson.slug}.toml: next_review {lesson.next_review} is more than "
            f"{OVERDUE_GRACE.days} days past: read the lesson against its sources again, then update "
            "reviewed and next_review" for lesson in lessons if lesson.overdue(today)]


def test_no_real_lesson_is_reviewed_more_than_a_year_late():
    assert overdue_reviews(CONTENT.lessons, TODAY) == []


@pytest.fixture
def content(tmp_path):
    """A copy of the real content with one small, valid extra lesson to break."""
    folder = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, folder)
    (folder / "lessons" / "extra.toml").write_text(LESSON)
    translate_as_is(folder, "lessons/extra.toml")
    return folder


def load(folder):
    return load_content(folder, paths.PICTURES_DIR)


def set_review(folder, reviewed, next_review):
    path = folder / "lessons" / "extra.toml"
    text = path.read_text().replace("reviewed = 2026-12-01\nnext_review = 2027-12-01\n",
                                    f"reviewed = {reviewed}\nnext_review = {next_review}\n")
    path.write_text(text)


@pytest.mark.parametrize(("late_by", "flagged"), [(0, False), (OVERDUE_GRACE.days, False),
                                                  (OVERDUE_GRACE.days + 1, True)])
def test_a_review_over_a_year_late_still_loads_but_fails_the_content_test(content, late_by, flagged):
    due = TODAY - timedelta(days=late_by)
    set_review(content, due - timedelta(days=365), due)
    lessons = load(content).lessons
    assert lessons.by_slug["extra"].next_review == due
    expected = [f"routines/lessons/extra.toml: next_review {due} is more than 365 days past: read the "
                "lesson against its sources again, then update reviewed and next_review"]
    assert overdue_reviews(lessons, TODAY) == (expected if flagged else [])


@pytest.mark.parametrize(("old", "new", "field", "words"), [
    ("reviewed = 2026-12-01\n", "", "reviewed", "missing required key: the day it was last reviewed"),
    ("next_review = 2027-12-01\n", "", "next_review", "missing required key: the day its next review is due"),
    ("reviewed = 2026-12-01", f"reviewed = {TODAY + timedelta(days=1)}", "reviewed",
     f"is in the future: write a day that has happened, today ({TODAY}) or earlier"),
    ("reviewed = 2026-12-01", 'reviewed = "last week"', "reviewed", "write the day as YYYY-MM-DD"),
    ("reviewed = 2026-12-01", "reviewed = 2026-12-01T09:00:00", "reviewed", "is not a date"),
    ("next_review = 2027-12-01", "next_review = 2026-12-01", "next_review",
     "2026-12-01 is not after reviewed (2026-12-01)"),
    ("next_review = 2027-12-01", "next_review = 2030-12-01", "next_review",
     "review it again within 2 years of 2026-12-01, by 2028-11-30"),
    ('sources = ["nhs-sciatica", "nice-ng59"]', 'sources = ["nhs-sciatica", "nice-ng95"]', "sources[1]",
     "unknown source 'nice-ng95'"),
])
def test_a_broken_lesson_names_the_date_or_source_to_fix(content, old, new, field, words):
    assert_refused(content / "lessons" / "extra.toml", old, new, lambda: load(content), field, words)


def test_the_bad_day_guide_names_its_sources_from_the_same_file(content):
    assert [source.id for source in CONTENT.bad_day.sources][:2] == ["nhs-sciatica", "nhs-back-pain"]
    assert_refused(content / "guides" / "bad-day.toml", '"nhs-back-pain"', '"nhs-backache"',
                   lambda: load(content), "sources[1]", "unknown source 'nhs-backache'")


@pytest.mark.parametrize(("old", "new", "field", "words"), [
    ('id = "sources"', 'id = "sources"\nowner = "us"', "owner", "unknown key"),
    ('id = "sources"', 'id = "references"', "id", "does not match the file name"),
    (NHS_SCIATICA, NHS_SCIATICA.replace('id = "nhs-sciatica"', 'id = "nhs-back-pain"'), "sources[3].id",
     "'nhs-back-pain' is already sources[2]"),
    ('url = "https://www.nhs.uk/conditions/back-pain/"', 'url = "https://www.nhs.uk/conditions/sciatica/"',
     "sources[3].url", "is already sources[2]: give each source one home"),
    ('url = "https://www.nhs.uk/conditions/sciatica/"', 'url = "www.nhs.uk/conditions/sciatica/"',
     "sources[2].url", "give the publisher's page as a full https:// address"),
    ('publisher = "Cochrane Library"\n', "", "sources[1].publisher", "missing required key"),
    ("published = 2015-09-01\n", "", "sources[1].published", "give the publisher's date"),
    (NG59_DATES, "updated = 2020-12-11\nchecked = 2026-12-01\n", "sources[0].updated",
     "an update needs the date first published too"),
    (NG59_DATES, "published = 2020-12-11\nupdated = 2016-11-30\n", "sources[0].updated",
     "2016-11-30 is not after published (2020-12-11)"),
    ("published = 2015-09-01", f"published = {TODAY + timedelta(days=1)}", "sources[1].published",
     "is in the future"),
    ('checked = 2026-12-06\n\n[[sources]]\nid = "nhs-back-pain"', 'checked = "December"\n\n[[sources]]\n'
     'id = "nhs-back-pain"', "sources[2].checked", "is not a date"),
    ('[[sources]]\nid = "nice-ng59"', '[[source]]\nid = "nice-ng59"', "source", "unknown key"),
])
def test_a_broken_sources_file_names_the_field_to_fix(content, old, new, field, words):
    assert_refused(content / SOURCES_FILE, old, new, lambda: load(content), field, words)


def test_start_up_stops_without_the_sources_file(content):
    (content / SOURCES_FILE).unlink()
    with pytest.raises(ContentError, match=r"sources\.toml: file: missing: lessons and guides name"):
        load(content)


def test_every_source_is_dated_addressed_and_cited():
    cited = {source.id for guide in (*CONTENT.lessons, CONTENT.bad_day) for source in guide.sources}
    for source in SOURCES.sources:
        assert source.id in cited, f"routines/sources/sources.toml: {source.id} is cited by nothing"
        assert source.url.startswith("https://"), source.id
        assert source.published or source.checked, source.id


def test_nice_and_cochrane_carry_their_publishers_dates():
    by_id = SOURCES.by_id
    assert (by_id["nice-ng59"].published, by_id["nice-ng59"].updated) == (date(2016, 11, 30),
                                                                         date(2020, 12, 11))
    assert by_id["nice-ng59"].url == "https://www.nice.org.uk/guidance/ng59"
    assert by_id["cochrane-massage"].published == date(2015, 9, 1)
    assert "CD001929.pub3" in by_id["cochrane-massage"].url


def section_text(html, heading_id):
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_a_lesson_links_each_source_to_its_publisher_with_a_date(client):
    html = client.get("/learn/massage").get_data(as_text=True)
    sources = section_text(html, "sources-heading")
    assert ('<a href="https://www.nice.org.uk/guidance/ng59" rel="external">NICE guideline NG59: '
            "Low back pain and sciatica in over 16s: assessment and management</a>, "
            "National Institute for Health and Care Excellence (NICE),\n      "
            'published <time datetime="2016-11-30">30 November 2016</time>, '
            'last updated <time datetime="2020-12-11">11 December 2020</time>.</li>') in sources
    assert '<time datetime="2015-09-01">1 September 2015</time>' in sources
    nhs = SOURCES.by_id["nhs-sciatica"]
    assert (f'<a href="{nhs.url}" rel="external">NHS: Sciatica</a>, NHS website,\n      checked '
            f'<time datetime="{nhs.checked.isoformat()}">{nhs.checked.day} {nhs.checked:%B %Y}</time>.</li>'
            ) in sources
    cited = CONTENT.lessons.by_slug["massage"].sources
    assert len(re.findall(r"<li><a href=\"https://", sources)) == len(cited)


def test_the_bad_day_page_links_its_sources_too(client):
    sources = section_text(client.get("/bad-day").get_data(as_text=True), "sources-heading")
    assert '<a href="https://www.nhs.uk/conditions/cauda-equina-syndrome/" rel="external">' in sources


def test_a_lesson_says_when_it_was_reviewed_and_when_it_is_next_due(client):
    lesson = CONTENT.lessons.by_slug["what-helps"]
    html = client.get("/learn/what-helps").get_data(as_text=True)
    header = html.split('id="lesson-title"', 1)[1].split("</header>", 1)[0]
    words = " ".join(re.sub(r"<[^>]+>", "", header).split())
    reviewed, due = (f"{day.day} {day:%B %Y}" for day in (lesson.reviewed, lesson.next_review))
    assert f"Last reviewed {reviewed}. Next review due {due}." in words
    assert f'<time datetime="{lesson.next_review.isoformat()}">' in header
    assert "is late" not in header


def test_a_lesson_past_its_review_day_says_the_review_is_late(content, make_app):
    due = TODAY - timedelta(days=1)
    set_review(content, due - timedelta(days=365), due)
    html = make_app(ROUTINES_DIR=str(content)).test_client().get("/learn/extra").get_data(as_text=True)
    assert (f'Its next review was due <time datetime="{due.isoformat()}">{due.day} {due:%B %Y}</time> and is '
            "late, so some guidance may have changed since.") in html


NEW_LESSONS = ["at-the-gp-or-physio", "medicines-injections-surgery", "longer-than-three-months"]


def test_the_new_lessons_are_listed_before_the_last_one(client):
    html = client.get("/learn").get_data(as_text=True)
    listed = re.findall(r'href="/learn/([a-z-]+)"', html)
    assert listed[-4:] == [*NEW_LESSONS, "keeping-it-away"]


def words_of(slug):
    lesson = CONTENT.lessons.by_slug[slug]
    return " ".join([lesson.title, lesson.summary, *(text for section in lesson.sections
                                                     for text in (section.heading, *section.paragraphs,
                                                                  *section.points))])


# What each new lesson must keep saying, from NICE NG59 and the NHS, in words a reader would recognise.
FACTS = [
    ("at-the-gp-or-physio", "book an NHS physiotherapist yourself"),
    ("at-the-gp-or-physio", "Health and Care Professions Council (HCPC)"),
    ("at-the-gp-or-physio", "straight leg raise"),
    ("at-the-gp-or-physio", "imaging is not routinely offered"),
    ("at-the-gp-or-physio", "only when the result is likely to change your care"),
    ("at-the-gp-or-physio", "Bulging discs and signs of wear are common in people of every age"),
    ("medicines-injections-surgery", "lesson What helps most"),
    ("medicines-injections-surgery", "do not stop it all at once"),
    ("medicines-injections-surgery", "a local anaesthetic and a steroid"),
    ("medicines-injections-surgery", "recent and severe"),
    ("medicines-injections-surgery", "for back pain without sciatica"),
    ("medicines-injections-surgery", "spinal stenosis"),
    ("medicines-injections-surgery", "spinal decompression"),
    ("medicines-injections-surgery", "a scan shows a cause that matches your symptoms"),
    ("medicines-injections-surgery", "should not stop you being referred"),
    ("medicines-injections-surgery", "second opinion"),
    ("longer-than-three-months", "does not mean the pain is imagined"),
    ("longer-than-three-months", "Pain management programmes"),
    ("longer-than-three-months", "refer themselves to NHS Talking Therapies"),
    ("longer-than-three-months", "cognitive behavioural therapy"),
    ("longer-than-three-months", "Not better rarely means nothing has changed"),
    ("longer-than-three-months", "Samaritans free on 116 123"),
]


@pytest.mark.parametrize(("slug", "words"), FACTS)
def test_new_lesson_keeps_its_fact(slug, words):
    assert words in words_of(slug), f"routines/lessons/{slug}.toml: keep {words!r}"


def test_the_medicines_lesson_points_to_what_helps_instead_of_repeating_its_list():
    assert "NSAID" not in words_of("medicines-injections-surgery")
    assert "opioid" not in words_of("medicines-injections-surgery").lower()


@pytest.mark.parametrize("slug", NEW_LESSONS)
def test_new_lessons_send_readers_to_the_warning_signs_without_saying_how_urgent(slug):
    assert "warning signs" in words_of(slug)
    urgency = r"\b(999|A&E|emergency|urgent\w*|straight away|same day|today|within (a few )?days)\b"
    assert not re.search(urgency, words_of(slug), re.I), f"{slug}: link the warning signs, never say how soon"
