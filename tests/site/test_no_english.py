"""No English left on a Spanish page: every page, with the person's own data on the personal ones,
read as a person and a screen reader meet it (text, labels, alternatives, the scripts' words).
Names stay as they are: the sources' titles and publishers, the registers, the brand."""
import json
import re
from html import unescape

from app import paths
from app.content.startup import load_content
from bench import transfer

# Words only English uses (none is a Spanish word too: not "a", "no", "me", "he", "has", "son").
ENGLISH = frozenset("""
the and your you with this that for of is are it to from when what how will can be or if at by our
we all any does not may after before about into than then they them their there these those which
who would should could have been was were here off out up down its one two three minutes seconds
step steps routine routines back leg pain stop ease start next previous save saved print settings
""".split())
CONTENT = load_content(paths.ROUTINES_DIR, paths.PICTURES_DIR)
# Names, in the language they are published in.
# Bodies, registers and papers named inside the content's own sentences.
NAMED_IN_TEXT = ("Health and Care Professions Council", "College of Massage Therapists of Ontario",
                 "College of Complementary Health Professionals of BC", "diploma of remedial massage",
                 "Low back pain and sciatica in over 16s", "Massage for low-back pain")
NAMES = sorted({"Easeback", "NHS 111", *NAMED_IN_TEXT,
                *(title for routine in CONTENT.library.routines.values() for title in routine.sources),
                *(source.publisher for lesson in CONTENT.lessons for source in lesson.sources),
                *(source.title for lesson in CONTENT.lessons for source in lesson.sources),
                *(source.title for source in CONTENT.safety.sources),
                *(source.publisher for source in CONTENT.safety.sources),
                *(place.source for place in CONTENT.registers.places)}, key=len, reverse=True)
SHOWN_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder", "content", "aria-description")


def what_a_person_meets(html):
    """The page's words: its text, the attributes people hear or see, and the scripts' words."""
    words = json.loads(transfer.words_in(html)) if 'id="words"' in html else {}
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    # A part marked as English on purpose (the language called by its own name, "Read in English").
    html = re.sub(r'<(\w+)[^>]*\slang="en[^"]*"[^>]*>.*?</\1>', " ", html, flags=re.DOTALL)
    attributes = re.findall(rf'\s(?:{"|".join(SHOWN_ATTRIBUTES)})="([^"]*)"', html)
    # Words a script shows, handed over in data-* attributes; one word there is a value (data-moment="any").
    attributes += [value for value in re.findall(r'\sdata-[\w-]+="([^"]*)"', html) if " " in value.strip()]
    text = re.sub(r"<[^>]+>", " ", html)
    return [unescape(piece) for piece in [text, *attributes, *map(str, words.values())]]


def english_in(html):
    """Each stretch of the page that reads as English."""
    found = []
    for piece in what_a_person_meets(html):
        for name in NAMES:
            piece = piece.replace(name, " ")
        piece = " ".join(piece.split())
        tokens = [token for token in re.finditer(r"[^\W\d_]+", piece) if token.group().lower() in ENGLISH]
        found += [piece[max(0, token.start() - 50):token.end() + 50] for token in tokens[:1]]
    return found


def test_the_finder_finds_english(client):
    assert english_in("<p>Take care: stop if it hurts.</p>") == ["Take care: stop if it hurts."]
    assert english_in('<p>Hola</p><button aria-label="Next step">›</button>') == ["Next step"]
    assert english_in('<p lang="en-GB">Read in English</p><p>Llama al 112.</p>') == []


def test_no_spanish_page_is_left_in_english(lived_in, every_page):
    """Every page, with the person's own data on the personal ones."""
    left = {}
    for url in every_page("es"):
        response = lived_in.get(url)
        assert response.status_code == 200, url
        if response.mimetype != "text/html":
            continue  # the exercise list builders read: its words are the content's, checked as content
        html = response.get_data(as_text=True)
        assert '<html lang="es"' in html, url
        if found := english_in(html):
            left[url] = found
    assert not left, "\n".join(f"{url}: {found}" for url, found in left.items())
