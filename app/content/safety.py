"""The warning signs (routines/safety/warning-signs.toml): each sign once, in the tier that says
how soon to get help.

/safety renders the file. Every other piece of content may name a sign, but never how urgent it
is: `check_warnings` reads each text of every other file and refuses one that names a sign
(a sign's `recognise` patterns) together with an urgency (a tier's `phrases`), so no page can send
a sign somewhere the file does not. Pages link to a tier by its anchor, /safety#<tier id>.
"""
import dataclasses
import re
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Annotated

from pydantic import AfterValidator, Strict, TypeAdapter, model_validator

from app.content.fields import Day, FileId, Slug, Table, Text, checked, listing, problem, sentences, table
from app.content.loading import ContentError, read_required
from app.content.sources import Cited

SAFETY_FILE = Path("safety") / "warning-signs.toml"
SAFETY_FILE_SHOWN = f"routines/{SAFETY_FILE.as_posix()}"
# Most urgent first; the ids are the page's anchors (/safety#same-day), so pages can link to them.
TIERS = ("now", "same-day", "within-days", "soon")


def _pattern(value):
    """A regular expression, matched without regard to case."""
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as error:
        raise problem(f"{value!r} is not a regular expression: {error}") from None


Pattern = Annotated[str, Strict(), AfterValidator(_pattern)]


@table
class Sign(Table):
    """One warning sign: what the person notices, and the words that name it elsewhere."""

    id: Slug
    text: Text
    recognise: listing(Pattern, "give the patterns that find this sign in other files' sentences")

    @model_validator(mode="after")
    def _recognised(self):
        if not self.names(self.text):
            raise problem("none of the recognise patterns finds the sign's own text: "
                          "the check could not find it elsewhere either", "recognise")
        return self

    def names(self, sentence):
        """True when the sentence mentions this sign."""
        return any(pattern.search(sentence) for pattern in self.recognise)


@table
class Tier(Table):
    """A group of signs that need help equally soon, and what to do."""

    id: Slug
    heading: Text
    lead: Text
    after: tuple[Text, ...]
    phrases: listing(Pattern, "give the phrases that say this tier's urgency")
    signs: listing(Sign, "a tier needs at least one sign")
    calls: tuple[Annotated[str, Strict()], ...] = ()  # numbers to tap, each in the file's [[calls]]
    action: Text = ""

    @model_validator(mode="after")
    def _signs_name_no_urgency(self):
        for number, sign in enumerate(self.signs):
            if self.states(sign.text):
                raise problem("say what the person notices; the tier's heading says how soon",
                              f"signs[{number}].text")
        return self

    def states(self, sentence):
        """True when the sentence says this tier's urgency."""
        return any(pattern.search(sentence) for pattern in self.phrases)


@table
class During(Table):
    """What to do when a routine stirs symptoms up: no tier, no urgency."""

    heading: Text
    points: listing(Text)
    after: sentences(3)


@table
class Call(Table):
    """An emergency number to tap, and where it works."""

    number: checked(Annotated[str, Strict()], str.isdigit,
                    lambda value: f"{value!r}: write the number as digits only")
    where: Text


@table
class Safety(Table):
    """The warning-signs file, checked and read-only."""

    id: FileId
    title: Text
    lead: Text
    sources: listing(Cited, "name the sources it draws on, by id")
    tiers: listing(Tier, "list the tiers")
    during: During
    calls: listing(Call, "list the emergency numbers to tap")
    translated: Day | None = None  # the day its translation was made from the English file

    @model_validator(mode="after")
    def _tiers_in_order(self):
        found = tuple(tier.id for tier in self.tiers)
        if found != TIERS:
            raise problem(f"list the tiers once each, most urgent first: {', '.join(TIERS)} "
                          f"(found {', '.join(found)})", "tiers")
        return self

    @model_validator(mode="after")
    def _each_sign_once(self):
        seen = {}
        for tier_number, tier in enumerate(self.tiers):
            for number, sign in enumerate(tier.signs):
                where = f"tiers[{tier_number}].signs[{number}].id"
                if sign.id in seen or sign.id in TIERS:
                    raise problem(f"{sign.id!r} is already {seen.get(sign.id, 'a tier id')}: "
                                  "each sign once, with an id of its own", where)
                seen[sign.id] = where
        return self

    @model_validator(mode="after")
    def _calls_known(self):
        numbers = {call.number for call in self.calls}
        for number, tier in enumerate(self.tiers):
            for call in tier.calls:
                if call not in numbers:
                    raise problem(f"{call!r} is not in [[calls]]: add it there with where it works",
                                  f"tiers[{number}].calls")
        return self

    def calls_of(self, tier):
        """The [[calls]] a tier offers to tap, in the tier's order."""
        by_number = {call.number: call for call in self.calls}
        return [by_number[number] for number in tier.calls]

    @cached_property
    def by_id(self):
        """Each tier by its id."""
        return MappingProxyType({tier.id: tier for tier in self.tiers})

    @cached_property
    def signs(self):
        """Each sign by its id, with the tier it sits in: {id: (sign, tier)}."""
        return MappingProxyType({sign.id: (sign, tier) for tier in self.tiers for sign in tier.signs})

    def tier_of(self, sign_ids):
        """The most urgent tier among the signs named by id (KeyError for an unknown id)."""
        found = {self.signs[sign_id][1].id for sign_id in sign_ids}
        return next(tier for tier in self.tiers if tier.id in found)

    def problem_with(self, sentence):
        """Why a text outside this file must not say what it says, or None.

        A text may name a sign, or speak of urgency, but not both: the sign's tier is said once,
        here, and pages link to it.
        """
        stated = [tier for tier in self.tiers if tier.states(sentence)]
        if not stated:
            return None
        for sign, tier in self.signs.values():
            if not sign.names(sentence):
                continue
            if tier in stated:
                return (f"says how urgent the warning sign {sign.id!r} is; say what to notice and link "
                        f"its tier (/safety#{tier.id}: {tier.heading}) instead of restating it")
            return (f"sends the warning sign {sign.id!r} to {stated[0].heading!r}, but {SAFETY_FILE_SHOWN} "
                    f"puts it under {tier.heading!r}; name the sign and link /safety#{tier.id}")
        return None


SAFETY = TypeAdapter(Safety)


def load_safety(path, sources):
    """Load and check the warning signs, or raise ContentError on the first problem.

    sources: the sources file's entries, which the warning signs name by id.
    """
    return read_required(SAFETY, path, "/safety shows it, and every page links to it", sources=sources.by_id)


def texts(value, where=""):
    """Every piece of text in a loaded content model, with where it is ("sections[1].points[0]")."""
    if isinstance(value, str):
        yield where, value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from texts(getattr(value, field.name), f"{where}.{field.name}" if where else field.name)
    elif isinstance(value, tuple):
        for number, item in enumerate(value):
            yield from texts(item, f"{where}[{number}]")


def check_warnings(safety, files):
    """Refuse any text in files ({path: loaded model}) that restates a sign's urgency, and any
    `warning_signs` list that names a sign the safety file does not have.

    Each text is read whole (a paragraph, a point, a note): "A hot calf can be a clot. Get advice
    the same day." restates the calf's tier across two sentences.
    """
    for path, model in files.items():
        for where, text in texts(model):
            if where.endswith("warning_signs") or "warning_signs[" in where:
                if text not in safety.signs:
                    raise ContentError(path, where, f"no warning sign {text!r} in {SAFETY_FILE_SHOWN}")
            elif found := safety.problem_with(text):
                quoted = text if len(text) <= 90 else text[:87] + "..."
                raise ContentError(path, where, f"{quoted!r} {found}")


def check_signs_kept(safety, its_safety, model, translation, path):
    """Refuse a translation (its_safety: the same signs in its words) whose text leaves out a warning
    sign that the English text at the same place names."""
    english = dict(texts(model))
    for where, text in texts(translation):
        if text == english[where]:
            continue  # an id or a name, the same in every language
        for sign, _tier in safety.signs.values():
            if sign.names(english[where]) and not its_safety.signs[sign.id][0].names(text):
                raise ContentError(path, where, f"the English names the sign {sign.id!r} ({sign.text!r}); "
                                                "say it here too, in words its recognise finds")
