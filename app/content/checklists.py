"""The find-a-therapist checklist file (routines/checklist/therapist.toml): its model and loader."""
from operator import attrgetter
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, TypeAdapter, model_validator

from app.content.fields import FileId, Slug, Table, Text, listing, problem, table
from app.content.loading import read

CHECKLIST_FILE = Path("checklist") / "therapist.toml"
MIN_ITEMS = 25
# The items that tell one therapist from another most clearly, with labels
# short enough for a narrow card on the page. The file must have every one.
COMPARED = (
    ("worked-with-sciatica", "Has worked with sciatica"),
    ("explains-approach", "Explains their approach plainly"),
    ("takes-health-history", "Takes a full health history"),
    ("checks-pressure", "Checks the pressure with me"),
    ("stops-if-symptoms-spread", "Stops if pain spreads down my leg"),
    ("works-with-my-doctor", "Works alongside my doctor or physio"),
)


@table
class Item(Table):
    """One thing to tick, with why it matters."""

    id: Slug
    text: Text
    why: Text


@table
class Section(Table):
    """A group of items, such as "At the first visit"."""

    id: Slug
    title: Text
    items: listing(Item, "needs at least one item")
    intro: Text | None = None


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
class Checklist(Table):
    """The whole checklist, checked and read-only."""

    id: FileId
    title: Text
    intro: Text
    sections: listing(Section, "needs at least one section")
    questions: listing(Question, "needs at least one question")

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


def load_checklist(path):
    """Load and check the checklist file, or raise ContentError on the first problem."""
    return read(CHECKLIST, Path(path))
