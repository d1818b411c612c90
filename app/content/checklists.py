"""The find-a-therapist checklist files under routines/checklist/: their models and loaders.

therapist.toml is the checklist itself, with what is normal after a session; registers.toml
says, place by place, how to check a register and what a listing proves, with its source
and the date someone last checked it.
"""
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Annotated

from flask_babel import lazy_gettext as _l
from pydantic import AfterValidator, TypeAdapter, model_validator

from app.content.fields import Day, FileId, Slug, Table, Text, listing, past_day, problem, sentences, table
from app.content.loading import ContentError, read, read_required

CHECKLIST_FILE = Path("checklist") / "therapist.toml"
REGISTERS_FILE = Path("checklist") / "registers.toml"
# Rules for therapists change; a register entry older than this must be checked again.
MAX_AGE_DAYS = 2 * 365
MIN_ITEMS = 25
# The items that tell one therapist from another most clearly, with labels
# short enough for a narrow card on the page. The file must have every one.
COMPARED = (
    ("worked-with-sciatica", _l("Has worked with sciatica")),
    ("explains-approach", _l("Explains their approach plainly")),
    ("takes-health-history", _l("Takes a full health history")),
    ("checks-pressure", _l("Checks the pressure with me")),
    ("stops-if-symptoms-spread", _l("Stops if pain spreads down my leg")),
    ("works-with-my-doctor", _l("Works alongside my doctor or physio")),
)


@table
class Item(Table):
    """One thing to tick, with why it matters."""

    id: Slug
    text: Text
    why: Text


@table
class LessonLink(Table):
    """A link from a section to a lesson at /learn/<lesson>, read more about what it asks."""

    lesson: Slug
    text: Text


@table
class Section(Table):
    """A group of items, such as "At the first visit"."""

    id: Slug
    title: Text
    items: listing(Item, "needs at least one item")
    intro: Text | None = None
    lessons: tuple[LessonLink, ...] = ()


def _question(text):
    if not text.endswith("?"):
        raise problem("a question must end with '?'", "text")
    return text


@table
class QuestionTable(Table):
    """One [[questions]] table; the checklist keeps only its text."""

    text: Text


Question = Annotated[QuestionTable, AfterValidator(attrgetter("text")), AfterValidator(_question)]


@table
class Sign(Table):
    """Something after a session that is not normal, and what to do about it."""

    sign: Text
    what_to_do: sentences(2)
    # Warning signs (routines/safety/warning-signs.toml) this is one of: the page links their tier.
    warning_signs: tuple[Slug, ...] = ()


@table
class AfterSession(Table):
    """What is normal after a massage, and what is not."""

    intro: sentences(2)
    normal: listing(Text, "list at least one thing that is normal after a session")
    not_normal: listing(Sign, "list at least one sign that is not normal, with what to do")

    @model_validator(mode="after")
    def _names_the_red_flags(self):
        if not any(sign.warning_signs for sign in self.not_normal):
            raise problem("name the warning signs among these with warning_signs = [...] (ids in "
                          "routines/safety/warning-signs.toml); the page links their tier", "not_normal")
        return self


@table
class Checklist(Table):
    """The whole checklist, checked and read-only."""

    id: FileId
    title: Text
    intro: Text
    sections: listing(Section, "needs at least one section")
    questions: listing(Question, "needs at least one question")
    after_session: AfterSession
    translated: Day | None = None  # the day its translation was made from the English file

    @property
    def items(self):
        """Every item, section by section."""
        return tuple(item for section in self.sections for item in section.items)

    @model_validator(mode="after")
    def _ids_used_once(self):
        seen = {}
        for number, section in enumerate(self.sections):
            where = f"sections[{number}]"
            places = [(where, section.id)]
            places += [(f"{where}.items[{n}]", item.id) for n, item in enumerate(section.items)]
            for place, value in places:
                if value in seen:
                    raise problem(f"duplicate id {value!r}, already used by {seen[value]}", f"{place}.id")
                seen[value] = place
        return self

    @model_validator(mode="after")
    def _long_enough_to_compare(self):
        items = self.items
        if len(items) < MIN_ITEMS:
            raise problem(f"the checklist has {len(items)} items; it needs at least {MIN_ITEMS}", "sections")
        ids = {item.id for item in items}
        for item_id, _label in COMPARED:
            if item_id not in ids:
                raise problem(f"no item {item_id!r}, which the therapist comparison ticks "
                              "(see COMPARED in app/content/checklists.py)", "sections")
        return self


CHECKLIST = TypeAdapter(Checklist)


def load_checklist(path, lesson_slugs=None):
    """Load and check the checklist file, or raise ContentError on the first problem.

    lesson_slugs: the lessons a section may link to; None skips that check.
    """
    path = Path(path)
    found = read(CHECKLIST, path)
    if lesson_slugs is not None:
        for number, section in enumerate(found.sections):
            for link_number, link in enumerate(section.lessons):
                if link.lesson not in lesson_slugs:
                    raise ContentError(path, f"sections[{number}].lessons[{link_number}].lesson",
                                       f"no lesson called {link.lesson!r} in routines/lessons/")
    return found


# --- Registers, place by place ---------------------------------------------------

CheckedOn = past_day("the day the register was checked")


@table
class Place(Table):
    """One place's registers: the rules, how to check, what a listing proves and what it does not."""

    name: Text
    rules: sentences(3)
    how: sentences(2)
    proves: sentences(3)
    does_not: sentences(3)
    source: Text
    checked: CheckedOn

    @property
    def stale(self):
        """True once the entry is older than MAX_AGE_DAYS: the page then says the rules may have changed.

        An old entry never stops the app: the page says so, and the content test asks for a fresh check.
        """
        return (date.today() - self.checked).days > MAX_AGE_DAYS


@table
class Registers(Table):
    """Every place, in the order the page shows them, checked and read-only."""

    id: FileId
    intro: sentences(3)
    places: listing(Place, "name at least one place")
    translated: Day | None = None  # the day its translation was made from the English file

    @model_validator(mode="after")
    def _each_place_once(self):
        seen = {}
        for number, place in enumerate(self.places):
            if place.name in seen:
                raise problem(f"{place.name!r} is already places[{seen[place.name]}]: "
                              "give each place one table", f"places[{number}].name")
            seen[place.name] = number
        return self


REGISTERS = TypeAdapter(Registers)


def load_registers(path):
    """Load and check the registers file, or raise ContentError on the first problem."""
    return read_required(REGISTERS, path, "the checklist page shows it")
