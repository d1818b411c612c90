"""The field types every content file is made of, each with a message that tells an author the fix.

A model is a frozen pydantic dataclass (see `table`), so loaded content cannot change and a
slip raises AttributeError. Rules that need more than one value are model validators that
raise `problem(message, field)`.
"""
import re
from datetime import date, datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationInfo,
    model_validator,
)
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticCustomError

from app.content.loading import SLUG_PATTERN

MAX_SECONDS = 600
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def problem(message, field=None):
    """An error shown as `path: field: message`; field is added to where pydantic found it."""
    return PydanticCustomError("content", "{message}", {"message": message, "field": field})


def table(cls):
    """Make cls a frozen pydantic dataclass read from one TOML table."""
    return dataclass(frozen=True, config=ConfigDict(extra="forbid"))(cls)


@table
class Table:
    """Base of every content model: it names an unknown key and the keys allowed."""

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data):
        if isinstance(data, dict):
            allowed = tuple(cls.__dataclass_fields__)
            for key in data:
                if key not in allowed:
                    raise problem(f"unknown key (allowed: {', '.join(allowed)})", key)
        return data


def _tidy(value):
    """Collapse runs of white space, refusing text that is only white space."""
    text = " ".join(value.split())
    if not text:
        raise problem("must be a non-empty string")
    return text


def checked(kind, test, message):
    """kind, refused with message(value) when test(value) is false."""
    def check(value):
        if not test(value):
            raise problem(message(value))
        return value
    return Annotated[kind, AfterValidator(check)]


Text = Annotated[str, Strict(), AfterValidator(_tidy)]
Count = checked(Annotated[int, Strict()], lambda value: 0 < value <= MAX_SECONDS,
                lambda value: f"must be between 1 and {MAX_SECONDS}, not {value}")
"""A whole number of seconds or times; true/false and 30.0 are refused."""
Slug = Annotated[str, Strict(), Field(pattern=SLUG_PATTERN)]


def a_date(value):
    """A TOML date (reviewed = 2026-12-02), or the same date in quotes."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, datetime) or not isinstance(value, date):
        raise problem(f"{value!r} is not a date: write the day as YYYY-MM-DD, e.g. 2026-12-02")
    return value


Day = Annotated[date, BeforeValidator(a_date)]


def past_day(what="a day that has happened"):
    """A Day that is today or earlier; `what` words the fix ("the day the register was checked")."""
    def not_to_come(value):
        today = date.today()
        if value > today:
            raise problem(f"{value} is in the future: write {what}, today ({today}) or earlier")
        return value
    return Annotated[Day, AfterValidator(not_to_come)]
"""A day, written as a TOML date; a time of day is refused."""


def seconds_within(allowed):
    """A Count of seconds inside the range allowed."""
    return checked(Count, allowed.__contains__,
                   lambda value: f"must be {allowed.start} to {allowed.stop - 1} seconds, not {value}")


def one_of(choices):
    """Text that must be one of choices, listed in the error."""
    choices = tuple(choices)
    return checked(Text, choices.__contains__, lambda value: f"{value!r} is not one of: {', '.join(choices)}")


def sentences(most):
    """Prose of one to `most` full sentences."""
    def count(value):
        return len(SENTENCE_END.findall(value))
    wanted = "one full sentence" if most == 1 else f"1 to {most} full sentences"
    return checked(Text, lambda value: 1 <= count(value) <= most,
                   lambda value: f"write {wanted} ending in '.', found {count(value)}")


def listing(kind, message="must list at least one item"):
    """A non-empty list of kind, read into a tuple."""
    return checked(tuple[kind, ...], bool, lambda _values: message)


def _matches_file(value, info: ValidationInfo):
    """A file's id: not used by an earlier file, and the same as the file's name."""
    context = info.context or {}
    seen = context.get("seen", {})
    if value in seen:
        raise problem(f"duplicate {info.field_name} {value!r}, already used by {seen[value].name}")
    if "path" in context and value != context["path"].stem:
        raise problem(f"{value!r} does not match the file name; rename one so both say the same")
    return value


FileId = Annotated[Text, AfterValidator(_matches_file)]
