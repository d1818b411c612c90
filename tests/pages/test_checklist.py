"""The therapist checklist: its content file, each rule it must keep, and its page."""
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from itertools import pairwise

import pytest
from markupsafe import escape

from app import create_app, paths
from app.content.checklists import COMPARED, MIN_ITEMS, load_checklist
from app.content.loading import ContentError
from tests.content.content_checks import assert_refused

REAL_FILE = paths.ROUTINES_DIR / "checklist" / "therapist.toml"
LESSON_SLUGS = {path.stem for path in (paths.ROUTINES_DIR / "lessons").glob("*.toml")}
CHECKLIST = load_checklist(REAL_FILE, LESSON_SLUGS)
BANNED = re.compile(r"\b(cure[sd]?|curing|heal(s|ed|ing)?|fix(es|ed)?|guarantee[sd]?|miracle)\b", re.I)


# --- The real file -----------------------------------------------------------

def test_real_checklist_loads_with_every_promised_section():
    assert len(CHECKLIST.items) >= MIN_ITEMS
    assert [section.id for section in CHECKLIST.sections] == [
        "before-you-book", "credentials", "sciatica-experience", "techniques",
        "first-visit", "during-treatment", "the-plan", "practicalities",
    ]
    assert all(section.items for section in CHECKLIST.sections)
    assert len(CHECKLIST.questions) >= 5


def test_every_item_says_why_it_matters():
    for item in CHECKLIST.items:
        assert len(item.why) >= 20, f"therapist.toml: {item.id}: why is too short to help"
        assert item.text.endswith("."), f"therapist.toml: {item.id}: text: end with a full stop"


def test_after_a_session_says_what_is_normal_and_names_the_warning_signs():
    after = CHECKLIST.after_session
    assert len(after.normal) >= 2
    named = {sign_id for sign in after.not_normal for sign_id in sign.warning_signs}
    # The nerves at the base of the spine, a clot, and a nerve getting worse, each by its id.
    assert {"saddle", "pee-trouble", "bowel", "both-legs", "calf", "one-leg-weakness"} <= named
    assert any("numbness" in sign.sign for sign in after.not_normal)


def test_techniques_link_to_the_lessons_that_explain_them():
    links = {section.id: [(link.lesson, link.text) for link in section.lessons]
             for section in CHECKLIST.sections}
    assert links["techniques"] == [("massage", "What these techniques are")]
    assert [lesson for lesson, _text in links["the-plan"]] == ["self-massage"]


def test_content_is_frozen():
    with pytest.raises(AttributeError):
        CHECKLIST.sections[0].items[0].text = "changed"
    assert isinstance(CHECKLIST.sections, tuple) and isinstance(CHECKLIST.questions, tuple)


# --- Each rule, broken on purpose in a copy of the real file -----------------

@pytest.fixture
def copy(tmp_path):
    """A copy of the real checklist to break in one place."""
    target = tmp_path / "checklist" / "therapist.toml"
    target.parent.mkdir()
    shutil.copy(REAL_FILE, target)
    return target


ITEM_0 = 'id = "seen-a-doctor"\n'
EMPTY_SECTION = '[[sections]]\nid = "empty"\ntitle = "Empty"\n\n'
BROKEN = [
    # (text to replace, replacement, field named in the error, words in the error)
    ('id = "therapist"', 'id = "therapist"\ncolour = "red"', "colour", "unknown key"),
    ('title = "Finding a qualified massage therapist"\n', "", "title", "missing required key"),
    ('id = "therapist"', 'id = "masseur"', "id", "does not match the file name"),
    ('id = "therapist"', 'id = "therapist"\nquestions = []', "syntax", ""),
    ('[[sections]]\nid = "before-you-book"', EMPTY_SECTION + '[[sections]]\nid = "before-you-book"',
     "sections[0].items", "missing required key"),
    ('[[sections]]\nid = "before-you-book"', EMPTY_SECTION.replace("\n\n", "\nitems = []\n\n")
     + '[[sections]]\nid = "before-you-book"', "sections[0].items", "at least one item"),
    ('id = "before-you-book"', 'id = "before-you-book"\nicon = "x.svg"', "sections[0].icon", "unknown key"),
    ('title = "Before you book"\n', "", "sections[0].title", "missing required key"),
    ('intro = "A few things to sort out before you look for a therapist."', 'intro = "   "',
     "sections[0].intro", "non-empty string"),
    (ITEM_0, 'id = "Seen a Doctor"\n', "sections[0].items[0].id", "lower-case words joined by hyphens"),
    ('id = "no-red-flags"', 'id = "seen-a-doctor"', "sections[0].items[1].id",
     "duplicate id 'seen-a-doctor', already used by sections[0].items[0]"),
    ('id = "credentials"', 'id = "seen-a-doctor"', "sections[1].id", "duplicate id"),
    ('why = "Warning signs need a doctor, not a massage."\n', "", "sections[0].items[1].why",
     "missing required key"),
    (ITEM_0, ITEM_0 + "text2 = 1\n", "sections[0].items[0].text2", "unknown key"),
    ('text = "What can I do at home between sessions?"', 'text = "Tell me what to do at home."',
     "questions[6].text", "must end with '?'"),
    ('id = "checks-pressure"', 'id = "asks-about-pressure"', "sections", "'checks-pressure'"),
    ('lesson = "massage"', 'lesson = "massages"', "sections[3].lessons[0].lesson",
     "no lesson called 'massages' in routines/lessons/"),
    ('lesson = "massage"', 'lesson = "massage"\nurl = "/x"', "sections[3].lessons[0].url", "unknown key"),
    ("[after_session]\n", "[after_session]\ncolour = 1\n", "after_session.colour", "unknown key"),
    ('"Feeling tired, sleepy or very relaxed for the rest of the day.",', '"  ",', "after_session.normal[1]",
     "non-empty string"),
    ("or stretch it.", "or stretch it. Now. Please.", "after_session.not_normal[3].what_to_do",
     "write 1 to 2 full sentences ending in '.', found 3"),
    ('warning_signs = ["saddle"', 'warning_signs = ["Saddle"', "after_session.not_normal[4].warning_signs[0]",
     "lower-case words joined by hyphens"),
    ('warning_signs = ["saddle"', 'urgent = true\nwarning_signs = ["saddle"',
     "after_session.not_normal[4].urgent", "unknown key"),
]


@pytest.mark.parametrize(("old", "new", "field", "words"), BROKEN, ids=[case[2] for case in BROKEN])
def test_broken_file_names_file_field_and_problem(copy, old, new, field, words):
    assert_refused(copy, old, new, lambda: load_checklist(copy, LESSON_SLUGS), field, words)


def small_checklist(item_count):
    """A valid checklist file with item_count items, the compared ones first."""
    ids = [item_id for item_id, _label in COMPARED]
    ids += [f"item-{number}" for number in range(item_count - len(ids))]
    items = "".join(f'[[sections.items]]\nid = "{item_id}"\ntext = "A thing."\nwhy = "It matters."\n\n'
                    for item_id in ids)
    return ('id = "therapist"\ntitle = "Checklist"\nintro = "Tick it."\n\n'
            f'[[sections]]\nid = "all"\ntitle = "All"\n\n{items}'
            '[[questions]]\ntext = "Are you registered?"\n\n'
            '[after_session]\nintro = "Rest."\nnormal = ["Tired."]\n\n'
            '[[after_session.not_normal]]\nsign = "Red flags."\nwhat_to_do = "Get help."\n'
            'warning_signs = ["saddle"]\n')


def test_the_after_session_list_must_name_a_warning_sign(tmp_path):
    path = tmp_path / "therapist.toml"
    path.write_text(small_checklist(MIN_ITEMS).replace('warning_signs = ["saddle"]\n', ""))
    with pytest.raises(ContentError, match=r"after_session.not_normal: name the warning signs"):
        load_checklist(path)


def test_at_least_25_items(tmp_path):
    path = tmp_path / "therapist.toml"
    path.write_text(small_checklist(MIN_ITEMS))
    assert len(load_checklist(path).items) == MIN_ITEMS
    path.write_text(small_checklist(MIN_ITEMS - 1))
    refusal = rf"therapist.toml: sections: the checklist has {MIN_ITEMS - 1} items"
    with pytest.raises(ContentError, match=refusal):
        load_checklist(path)


def test_start_up_stops_on_a_broken_checklist(tmp_path):
    routines = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, routines)
    broken = routines / "checklist" / "therapist.toml"
    broken.write_text(broken.read_text().replace('id = "insured"', 'id = "Insured"'))
    with pytest.raises(ContentError, match=r"therapist.toml: sections\[1\].items\[4\].id: 'Insured'"):
        create_app({"TESTING": True, "ROUTINES_DIR": str(routines)})


# --- The page ------------------------------------------------------------------

class Controls(HTMLParser):
    """Collect form controls, labels and every id in a page."""

    def __init__(self):
        super().__init__()
        self.controls, self.labelled, self.ids = [], set(), set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("input", "textarea", "select"):
            self.controls.append(attrs)
        if tag == "label":
            self.labelled.add(attrs.get("for"))


@pytest.fixture
def page_html(client):
    """The checklist page's HTML, checked to have loaded."""
    response = client.get("/checklist")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    return response.text


def test_page_shows_every_item_as_a_labelled_checkbox_with_its_why(page_html):
    assert f"<h1>{CHECKLIST.title}</h1>" in page_html
    for item in CHECKLIST.items:
        assert f'<label for="tick-{item.id}">{escape(item.text)}</label>' in page_html
        assert (f'<input type="checkbox" id="tick-{item.id}" name="ticks.{item.id}" '
                f'aria-describedby="why-{item.id}">') in page_html
        assert f'<p class="hint" id="why-{item.id}">{escape(item.why)}</p>' in page_html


def test_every_control_has_a_label_and_a_unique_id(page_html):
    parser = Controls()
    parser.feed(page_html)
    ids = [control["id"] for control in parser.controls]
    assert len(ids) == len(set(ids))
    unlabelled = [control_id for control_id in ids if control_id not in parser.labelled]
    assert unlabelled == []
    for control in parser.controls:
        described = control.get("aria-describedby")
        assert described is None or described in parser.ids


@pytest.mark.parametrize("label", [
    "Where it hurts", "Which side", "For how long", "What helps", "What makes it worse",
    "Any diagnosis so far", "My own questions", "Registration checked on the public register",
    "Techniques", "Cost",
])
def test_page_has_the_symptoms_questions_and_comparison_fields(page_html, label):
    assert f">{label}</label>" in page_html


def test_page_sets_what_was_found_at_a_glance(page_html):
    after_glance = page_html.split('<div class="therapist-glance" data-glance hidden>', 1)[1]
    glance = after_glance.split("</table>", 1)[0]
    assert '<th scope="row">Registration checked</th>' in glance
    for item_id, label in COMPARED:
        assert f'<th scope="row">{label}</th>' in glance
        for number in (1, 2, 3):
            assert f'<td data-glance-cell="therapists.{number - 1}.ticks.{item_id}"></td>' in glance


def test_page_lists_the_questions_and_three_therapists(page_html):
    for question in CHECKLIST.questions:
        assert f"<li>{escape(question)}</li>" in page_html
    for number in (1, 2, 3):
        # The name, once typed, is added to the legend by the page's script.
        assert (f'<legend>Therapist {number}<span class="therapist-name" data-therapist-name></span>'
                '</legend>') in page_html
        for item_id, label in COMPARED:
            assert f'name="therapists.{number - 1}.ticks.{item_id}"' in page_html
            assert f">{label}</label>" in page_html


def test_page_offers_print_and_a_blank_print(page_html):
    assert ">Print</button>" in page_html
    assert ">Print a blank checklist</button>" in page_html
    today = date.today()
    assert f"Printed on {today.day} {today:%B %Y}" in page_html


def test_print_styles_are_linked_for_print_only(client, page_html):
    found = re.search(r'<link rel="stylesheet" href="([^"]+/css/print\.css\?v=\w+)" media="print">',
                      page_html)
    assert found, "print.css is linked with media=print and a versioned URL"
    with client.get(found.group(1)) as response:
        assert response.status_code == 200
        css = response.get_data(as_text=True)
    assert "@page { margin: 10mm; }" in css
    assert "break-inside: avoid" in css
    # Reading for the screen stays off paper, so the sheet keeps within two pages.
    assert ".section-links, .checklist-registers, .checklist-after { display: none !important; }" in css
    # A section folded on the screen is printed in full.
    assert (".fold-body, .fold-body[hidden] { display: contents !important; "
            "content-visibility: visible !important; }") in css


def test_each_section_can_fold_and_counts_its_own_items(page_html):
    assert f'<p class="checklist-progress" data-progress>0 of {len(CHECKLIST.items)} ticked</p>' in page_html
    for section in CHECKLIST.sections:
        found = re.search(rf'<section [^>]*data-fold="{section.id}">\s*<h2 id="section-{section.id}">'
                          rf'{escape(section.title)} '
                          r'<span class="section-count" data-section-count hidden></span></h2>'
                          rf'\s*<div class="fold-body" id="section-{section.id}-body">(.*?)</section>',
                          page_html, re.S)
        assert found, f"section {section.id} has a heading and a body to fold"
        assert found.group(1).count('type="checkbox"') == len(section.items)
    for folding in ("questions", "symptoms", "compare"):
        assert f'data-fold="{folding}"' in page_html
        assert f'<div class="fold-body" id="{folding}-body">' in page_html


class Headings(HTMLParser):
    """Collect (level, text) of every heading in a page."""

    def __init__(self):
        super().__init__()
        self.found, self.level = [], None

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.level = int(tag[1])
            self.found.append([self.level, ""])

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            self.level = None

    def handle_data(self, data):
        if self.level:
            self.found[-1][1] += data


def test_headings_go_down_one_level_at_a_time_to_the_new_sections(page_html):
    parser = Headings()
    parser.feed(page_html.split('<main id="main"', 1)[1])
    levels = [level for level, _text in parser.found]
    assert levels[0] == 1 and all(after <= before + 1 for before, after in pairwise(levels)), levels
    titles = [text.strip() for level, text in parser.found if level == 2]
    assert titles[-3:] == ["Compare up to three therapists", "Check a register where you live",
                           "What is normal after a session"]


def test_page_says_what_is_normal_after_a_session_and_links_red_flags_to_their_tier(page_html):
    after = page_html.split('id="after-session"', 1)[1]
    for text in CHECKLIST.after_session.normal:
        assert f"<li>{escape(text)}</li>" in after
    for sign in CHECKLIST.after_session.not_normal:
        assert f"<li><strong>{escape(sign.sign)}</strong> {escape(sign.what_to_do)}" in after
    # The tier's words and anchor come from the warning-signs file, never from the checklist.
    assert '<a href="/safety#now">Call 999 or go to A&amp;E now</a>' in after
    assert '<a href="/safety#same-day">Get help the same day</a>' in after
    assert "Get urgent help" not in after


@pytest.mark.parametrize("link", [
    '<a href="/learn/massage">What these techniques are</a>',
    '<a href="/learn/self-massage">Self-massage you can do at home, safely</a>',
    '<a href="#registers">How to check a register where you live</a>',
])
def test_sections_link_to_what_explains_them(page_html, link):
    assert link in page_html
    assert 'id="registers"' in page_html


def test_no_inline_scripts_styles_or_handlers(page_html):
    assert "<style" not in page_html and " style=" not in page_html
    assert re.search(r"<script(?![^>]*(type=\"module\" src=|type=\"application/json\"))", page_html) is None
    assert re.search(r"\son[a-z]+=", page_html) is None
    # One entry script per page; it brings in the print helper itself.
    entry = r'<script type="module" src="/static/js/pages/checklist\.js\?v=\w+"></script>'
    assert re.search(entry, page_html)


def test_page_wording_never_overclaims(page_html):
    main = page_html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    found = BANNED.search(main)
    assert found is None, f"never promise outcomes ({found and found.group(0)!r})"
    assert "Massage can help as part of active self-care, in skilled hands." in main
