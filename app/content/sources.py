"""The sources the reading matter draws on (routines/sources/sources.toml): each one once, with its
publisher's address and a date.

Lessons and the bad-day guide name a source by its id; reading them turns the id into the Source
(`Cited`), so an unknown id stops start-up and every page shows the same title, link and date.
"""
from pathlib import Path
from types import MappingProxyType
from typing import Annotated

from pydantic import BeforeValidator, TypeAdapter, ValidationInfo, model_validator

from app.content.fields import FileId, Slug, Table, Text, checked, listing, past_day, problem, table
from app.content.loading import read_required

SOURCES_FILE = Path("sources") / "sources.toml"


PastDay = past_day()
"""A date that says when something happened: never in the future."""
Address = checked(Text, lambda value: value.startswith("https://") and " " not in value,
                  lambda value: f"{value!r}: give the publisher's page as a full https:// address")


@table
class Source(Table):
    """One piece of guidance or evidence: what it is called, who publishes it, where, and when.

    published (and updated, if it has been) are the publisher's own dates; checked is the day we
    last looked at the page, for pages whose publisher's date we do not know for certain.
    """

    id: Slug
    title: Text
    publisher: Text
    url: Address
    published: PastDay | None = None
    updated: PastDay | None = None
    checked: PastDay | None = None

    @model_validator(mode="after")
    def _dated(self):
        if self.published is None and self.checked is None:
            raise problem("give the publisher's date (published = YYYY-MM-DD) or, when it is not known "
                          "for certain, the day the page was checked (checked = YYYY-MM-DD)", "published")
        if self.updated is not None:
            if self.published is None:
                raise problem("an update needs the date first published too", "updated")
            if self.updated <= self.published:
                raise problem(f"{self.updated} is not after published ({self.published})", "updated")
        return self


@table
class Sources(Table):
    """Every source, by id, checked and read-only."""

    id: FileId
    sources: listing(Source, "list the sources, one [[sources]] table each")

    @model_validator(mode="after")
    def _each_once(self):
        seen = {}
        for number, source in enumerate(self.sources):
            for key in ("id", "url"):
                value = getattr(source, key)
                if (key, value) in seen:
                    raise problem(f"{value!r} is already sources[{seen[key, value]}]: "
                                  "give each source one home", f"sources[{number}].{key}")
                seen[key, value] = number
        return self

    @property
    def by_id(self):
        """Each source by its id."""
        return MappingProxyType({source.id: source for source in self.sources})


SOURCES = TypeAdapter(Sources)


def load_sources(path):
    """Load and check the sources file, or raise ContentError on the first problem."""
    return read_required(SOURCES, path, "lessons and guides name their sources from it")


def _known_source(value, info: ValidationInfo):
    """Turn a source id into the Source, which must be in the sources file."""
    if isinstance(value, Source):
        return value
    if not isinstance(value, str):
        raise problem("must be a source id (a non-empty string)")
    found = (info.context or {}).get("sources", {}).get(value)
    if found is None:
        raise problem(f"unknown source {value!r}: use an id from routines/{SOURCES_FILE.as_posix()} "
                      "or add the source there")
    return found


Cited = Annotated[Source, BeforeValidator(_known_source)]
"""A source named by its id in a content file, read as the Source itself."""
