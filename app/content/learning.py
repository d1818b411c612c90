"""The lessons under routines/lessons/: short reads on sciatica, each ending with its sources."""
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from pydantic import TypeAdapter, model_validator

from app.content.fields import FileId, Slug, Table, Text, listing, problem, sentences, table
from app.content.loading import ContentError, content_files, read

LESSONS_DIR = Path("lessons")
WORDS_PER_MINUTE = 200
# A lesson is read in one sitting, on a phone, by someone in pain.
READING_MINUTES = range(2, 5)
WORD = re.compile(r"\w+(?:['’-]\w+)*")


@table
class Section(Table):
    """A headed part of a lesson: paragraphs first, then any list of points."""

    heading: Text
    paragraphs: tuple[Text, ...] = ()
    points: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _says_something(self):
        if not (self.paragraphs or self.points):
            raise problem("give the section paragraphs, points or both", "paragraphs")
        return self


@table
class Lesson(Table):
    """One lesson, checked and read-only."""

    slug: FileId
    title: Text
    summary: sentences(2)
    order: int
    sections: listing(Section, "a lesson needs at least one section")
    sources: listing(Text, "name the sources the lesson draws on, by title")
    routines: tuple[Slug, ...] = ()

    @model_validator(mode="after")
    def _readable_in_one_sitting(self):
        minutes = self.minutes
        if minutes not in READING_MINUTES:
            shortest = int((READING_MINUTES.start - 0.5) * WORDS_PER_MINUTE)
            longest = int((READING_MINUTES.stop - 0.5) * WORDS_PER_MINUTE) - 1
            raise problem(f"takes about {minutes} min to read ({self.words} words); keep it to "
                          f"{shortest} to {longest} words, 2 to 4 minutes", "sections")
        return self

    @cached_property
    def words(self):
        """How many words a reader meets, headings and lists included."""
        texts = [self.title, self.summary]
        for section in self.sections:
            texts += [section.heading, *section.paragraphs, *section.points]
        return sum(len(WORD.findall(text)) for text in texts)

    @property
    def minutes(self):
        """Reading time to the nearest whole minute."""
        return max(1, round(self.words / WORDS_PER_MINUTE))


LESSON = TypeAdapter(Lesson)


@dataclass(frozen=True)
class Lessons:
    """Every lesson in reading order, and by slug."""

    ordered: tuple
    by_slug: MappingProxyType

    def __iter__(self):
        return iter(self.ordered)

    def __len__(self):
        return len(self.ordered)


def load_lessons(folder, seen, routine_slugs):
    """Load every lesson, or raise ContentError on the first problem.

    seen: ids already used by exercises and routines, so a lesson's slug is unique across
    content; routine_slugs: the routines a lesson may point to.
    """
    folder = Path(folder)
    lessons, orders = [], {}
    for path in content_files(folder):
        lesson = read(LESSON, path, seen=seen)
        seen[lesson.slug] = path
        if lesson.order in orders:
            raise ContentError(path, "order", f"{lesson.order} is also the order of {orders[lesson.order].name}")
        orders[lesson.order] = path
        for number, slug in enumerate(lesson.routines):
            if slug not in routine_slugs:
                raise ContentError(path, f"routines[{number}]", f"no routine called {slug!r}")
        lessons.append(lesson)
    if not lessons:
        raise ContentError(folder, "files", "no lessons found")
    lessons.sort(key=lambda lesson: lesson.order)
    return Lessons(ordered=tuple(lessons), by_slug=MappingProxyType({lesson.slug: lesson for lesson in lessons}))
