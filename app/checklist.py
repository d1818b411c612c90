"""The find-a-therapist checklist: its content, checked once at start-up, and its page.

The page keeps everything the person enters on their device (static/js/checklist.js)
as one plain JSON object, whose shape follows the form's field names:

    {"ticks": {item id: bool}, "notes": {section id: str},
     "symptoms": {"where", "side", "duration", "helps", "worse", "diagnosis": str},
     "questions": str,
     "therapists": [{"name", "clinic", "techniques", "cost", "notes": str,
                     "registered": bool, "ticks": {compared item id: bool}} x 3]}
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask import Blueprint, current_app, render_template

from app.content import SLUG, Fields, read_toml
from app.content_model import ContentError

bp = Blueprint("checklist", __name__)

MIN_ITEMS = 25
CHECKLIST_KEYS = ("id", "title", "intro", "sections", "questions")
SECTION_KEYS = ("id", "title", "intro", "items")
ITEM_KEYS = ("id", "text", "why")
QUESTION_KEYS = ("text",)

# The items that tell one therapist from another most clearly, with labels
# short enough for a narrow card. Registration has its own box on each card.
COMPARED = (
    ("worked-with-sciatica", "Has worked with sciatica"),
    ("explains-approach", "Explains their approach plainly"),
    ("takes-health-history", "Takes a full health history"),
    ("checks-pressure", "Checks the pressure with me"),
    ("stops-if-symptoms-spread", "Stops if pain spreads down my leg"),
    ("works-with-my-doctor", "Works alongside my doctor or physio"),
)
SYMPTOMS = (
    ("where", "Where it hurts", 2),
    ("side", "Which side", 0),
    ("duration", "For how long", 0),
    ("helps", "What helps", 2),
    ("worse", "What makes it worse", 2),
    ("diagnosis", "Any diagnosis so far", 2),
)  # (field, label, textarea rows; 0 for a one-line input)
THERAPIST_FIELDS = (("name", "Name"), ("clinic", "Clinic"), ("techniques", "Techniques"), ("cost", "Cost"))
THERAPISTS = 3


@dataclass(frozen=True)
class Item:
    """One thing to tick, with why it matters."""

    id: str
    text: str
    why: str


@dataclass(frozen=True)
class Section:
    """A group of items, such as "At the first visit"."""

    id: str
    title: str
    intro: str | None
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    """The whole checklist, checked and read-only."""

    id: str
    title: str
    intro: str
    sections: tuple[Section, ...]
    questions: tuple[str, ...]

    @property
    def items(self):
        """Every item, section by section."""
        return tuple(item for section in self.sections for item in section.items)


def _table(path, data, allowed, prefix):
    """Start reading one [[...]] table, refusing anything that is not a table."""
    if not isinstance(data, dict):
        raise ContentError(path, prefix.rstrip("."), "must be a table")
    return Fields(path, data, allowed, prefix)


def _unique_id(fields, seen):
    """Read an id: lower-case words joined by hyphens, used once in the file."""
    value = fields.get("id", str)
    if not SLUG.match(value):
        fields.fail("id", f"{value!r}: use lower-case words joined by hyphens")
    if value in seen:
        fields.fail("id", f"duplicate id {value!r}, already used by {seen[value]}")
    seen[value] = fields.prefix.rstrip(".")
    return value


def _entries(fields, key, what):
    """Return the list of tables under key, which must hold at least one."""
    entries = fields.get(key, list)
    if not entries:
        fields.fail(key, f"needs at least one {what}")
    return entries


def load_item(path, prefix, data, seen):
    """Read and check one [[sections.items]] table."""
    fields = _table(path, data, ITEM_KEYS, prefix)
    return Item(id=_unique_id(fields, seen), text=fields.get("text", str), why=fields.get("why", str))


def load_section(path, number, data, seen):
    """Read and check one [[sections]] table and its items."""
    prefix = f"sections[{number}]."
    fields = _table(path, data, SECTION_KEYS, prefix)
    section_id = _unique_id(fields, seen)
    items = tuple(
        load_item(path, f"{prefix}items[{n}].", item, seen)
        for n, item in enumerate(_entries(fields, "items", "item"))
    )
    return Section(id=section_id, title=fields.get("title", str),
                   intro=fields.get("intro", str, required=False), items=items)


def load_question(path, number, data):
    """Read and check one [[questions]] table."""
    fields = _table(path, data, QUESTION_KEYS, f"questions[{number}].")
    text = fields.get("text", str)
    if not text.endswith("?"):
        fields.fail("text", "a question must end with '?'")
    return text


def _check_size_and_compared(fields, items):
    """Refuse a checklist too short to be useful, or missing a compared item."""
    if len(items) < MIN_ITEMS:
        fields.fail("sections", f"the checklist has {len(items)} items; it needs at least {MIN_ITEMS}")
    ids = {item.id for item in items}
    for item_id, _label in COMPARED:
        if item_id not in ids:
            fields.fail("sections", f"no item {item_id!r}, which the therapist comparison ticks "
                                    "(see COMPARED in app/checklist.py)")


def load_checklist(path):
    """Load and check the checklist file, or raise ContentError on the first problem."""
    path = Path(path)
    fields = Fields(path, read_toml(path), CHECKLIST_KEYS)
    checklist_id = fields.get("id", str)
    if checklist_id != path.stem:
        fields.fail("id", f"{checklist_id!r} does not match the file name; rename one so both say the same")
    seen = {}
    sections = tuple(load_section(path, n, data, seen)
                     for n, data in enumerate(_entries(fields, "sections", "section")))
    questions = tuple(load_question(path, n, data)
                      for n, data in enumerate(_entries(fields, "questions", "question")))
    found = Checklist(id=checklist_id, title=fields.get("title", str), intro=fields.get("intro", str),
                      sections=sections, questions=questions)
    _check_size_and_compared(fields, found.items)
    return found


def init_app(app):
    """Load the checklist content once at start-up; a broken file stops the app."""
    path = Path(app.config["ROUTINES_DIR"]) / "checklist" / "therapist.toml"
    app.extensions["easeback_checklist"] = load_checklist(path)


def checklist():
    """Return the current app's checklist."""
    return current_app.extensions["easeback_checklist"]


@bp.get("/checklist")
def page():
    """The find-a-therapist checklist: tick it, write on it, compare, print it."""
    today = date.today()
    return render_template(
        "checklist.html", checklist=checklist(), compared=COMPARED, symptoms=SYMPTOMS,
        therapist_fields=THERAPIST_FIELDS, therapists=range(1, THERAPISTS + 1),
        # Only a fallback: the page's script writes the device's own date.
        printed_on=f"{today.day} {today:%B %Y}",
    )
