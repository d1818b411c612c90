"""Reading matter: the lessons under routines/lessons/ and the guides under routines/guides/.

A guide (the bad-day page) is headed sections, the routines to try and the sources (ids in
routines/sources/sources.toml); a lesson is a guide with a place in the reading order, a reading
time of 2 to 4 minutes, and the day it was last reviewed and is next due.
"""
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from pydantic import TypeAdapter, model_validator

from app.content.fields import Day, FileId, Slug, Table, Text, listing, problem, sentences, table
from app.content.loading import ContentError, content_files, read, read_required
from app.content.sources import Cited, PastDay

LESSONS_DIR = Path("lessons")
BAD_DAY_FILE = Path("guides") / "bad-day.toml"
WORDS_PER_MINUTE = 200
# A lesson is read in one sitting, on a phone, by someone in pain.
READING_MINUTES = range(2, 5)
WORD = re.compile(r"\w+(?:['’-]\w+)*")
# Guidance changes: a lesson is read against its sources again at least this often...
LONGEST_REVIEW_GAP = timedelta(days=2 * 365)
# ...and a review this long past its due day fails the content test (the lesson still loads).
OVERDUE_GRACE = timedelta(days=365)


@table
class Section(Table):
    """A headed part of a lesson: paragraphs first, then any list of points."""

    heading: Text
    paragraphs: tuple[Text, ...] = ()
    points: tuple[Text, ...] = ()
    # Warning signs this part talks about (ids in routines/safety/warning-signs.toml): the page
    # shows each with a link to its tier, so the text never says how urgent one is.
    warning_signs: tuple[Slug, ...] = ()

    @model_validator(mode="after")
    def _says_something(self):
        if not (self.paragraphs or self.points):
            raise problem("give the section paragraphs, points or both", "paragraphs")
        return self


@table
class Guide(Table):
    """Headed sections of advice, the routines to try and the sources, checked and read-only."""

    slug: FileId
    title: Text
    summary: sentences(2)
    sections: listing(Section, "needs at least one section")
    sources: listing(Cited, "name the sources it draws on, by id")
    routines: tuple[Slug, ...] = ()
    translated: Day | None = None  # the day its translation was made from the English file


@table
class Lesson(Guide):
    """One lesson: a guide with its place in the reading order, read in one sitting."""

    # Defaults only because Guide's last field has one: 0 and None are refused below.
    order: int = 0
    reviewed: PastDay | None = None
    next_review: Day | None = None

    @model_validator(mode="after")
    def _has_a_place(self):
        if self.order < 1:
            raise problem("give the lesson its place in the list: a whole number from 1", "order")
        return self

    @model_validator(mode="after")
    def _has_review_dates(self):
        for key, meaning in (("reviewed", "the day it was last reviewed"),
                             ("next_review", "the day its next review is due")):
            if getattr(self, key) is None:
                raise problem(f"missing required key: {meaning}, as {key} = YYYY-MM-DD", key)
        if self.next_review <= self.reviewed:
            raise problem(f"{self.next_review} is not after reviewed ({self.reviewed})", "next_review")
        if self.next_review - self.reviewed > LONGEST_REVIEW_GAP:
            latest = self.reviewed + LONGEST_REVIEW_GAP
            raise problem(f"review it again within {LONGEST_REVIEW_GAP.days // 365} years of "
                          f"{self.reviewed}, by {latest}", "next_review")
        return self

    def overdue(self, today=None):
        """True once the next review is more than OVERDUE_GRACE late: the content test then fails."""
        return (today or date.today()) > self.next_review + OVERDUE_GRACE

    def review_due(self, today=None):
        """True once the day of the next review has passed: the page says the review is late."""
        return (today or date.today()) > self.next_review

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
GUIDE = TypeAdapter(Guide)


@dataclass(frozen=True)
class Lessons:
    """Every lesson in reading order, and by slug."""

    ordered: tuple
    by_slug: MappingProxyType

    def __iter__(self):
        return iter(self.ordered)

    def __len__(self):
        return len(self.ordered)


def load_lessons(folder, seen, routine_slugs, sources):
    """Load every lesson, or raise ContentError on the first problem.

    seen: ids already used by exercises and routines, so a lesson's slug is unique across
    content; routine_slugs: the routines a lesson may point to; sources: the Sources it may cite.
    """
    folder = Path(folder)
    lessons, orders = [], {}
    for path in content_files(folder):
        lesson = read(LESSON, path, seen=seen, sources=sources.by_id)
        seen[lesson.slug] = path
        if lesson.order in orders:
            raise ContentError(path, "order",
                               f"{lesson.order} is also the order of {orders[lesson.order].name}")
        orders[lesson.order] = path
        _check_routines(path, lesson, routine_slugs)
        lessons.append(lesson)
    if not lessons:
        raise ContentError(folder, "files", "no lessons found")
    lessons.sort(key=lambda lesson: lesson.order)
    by_slug = MappingProxyType({lesson.slug: lesson for lesson in lessons})
    return Lessons(ordered=tuple(lessons), by_slug=by_slug)


def _check_routines(path, guide, routine_slugs):
    for number, slug in enumerate(guide.routines):
        if slug not in routine_slugs:
            raise ContentError(path, f"routines[{number}]", f"no routine called {slug!r}")


def load_bad_day(path, seen, routines, sources):
    """Load the bad-day guide: every routine it offers must suit a bad day."""
    path = Path(path)
    guide = read_required(GUIDE, path, "the bad-day page needs it", seen=seen, sources=sources.by_id)
    seen[guide.slug] = path
    _check_routines(path, guide, routines)
    for number, slug in enumerate(guide.routines):
        if not routines[slug].suits_a_bad_day:
            raise ContentError(path, f"routines[{number}]", f"{slug!r} has strength or nerve-glide steps: "
                                                           "offer only gentle routines on a bad day")
    if not guide.routines:
        raise ContentError(path, "routines", "name at least one gentle routine for a bad day")
    return guide
