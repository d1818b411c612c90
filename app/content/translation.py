"""A language's content: the English files with a translation laid over their words.

`routines/<language>/<path>.toml` mirrors `routines/<path>.toml` and holds its prose only, in
another language. Ids, numbers, vocabularies, links and names stay in the English file, so a
translation can never change a routine's timing, a sign's tier or a lesson's sources: the
structure is English, the words are the translation's. The overlay must translate every piece of
prose (a missing one is an error, never a silent English sentence), keep every arrays' length,
and keep every number the English writes in digits ("16 weeks", "999").
"""
import re
from datetime import date
from pathlib import Path

from app.content import loading

ENGLISH = "en"  # the files themselves; every other language is laid over them
# Keys whose text is an id, a vocabulary word, a link, a number or a name: the same in every language.
KEPT = frozenset({
    "id", "slug", "code", "kind", "position", "picture", "exercise", "sides", "sided", "hold", "reps",
    "seconds_per_rep", "rest", "rest_after", "switch_sides", "goals", "time_of_day", "walk", "bends",
    "lying_on", "holds_nerve_tension", "sources", "source", "reviewed", "next_review", "order",
    "checked", "routines", "url", "publisher", "published", "updated", "warning_signs", "calls",
    "lesson", "number",
})
# Regular expressions that find words in this language: as many as the language needs.
PATTERNS = frozenset({"recognise", "phrases"})
# Files that are names and links only (every source is cited by its own, English, title).
UNTRANSLATED = (Path("sources") / "sources.toml",)
TRANSLATED = "translated"
DIGITS = re.compile(r"\d+")


class Reading:
    """Where the content is read from, and the language folder laid over it (None for English)."""

    def __init__(self, routines_dir, language=None):
        self.routines_dir = Path(routines_dir)
        self.folder = self.routines_dir / language if language not in (None, ENGLISH) else None

    def __enter__(self):
        self._token = loading.OVERLAY.set(self.translated if self.folder else None)
        return self

    def __exit__(self, *_exc):
        loading.OVERLAY.reset(self._token)

    def overlay_of(self, path):
        """The translation of the English file at path, or None when it is not translated."""
        relative = Path(path).resolve().relative_to(self.routines_dir.resolve())
        return None if relative in UNTRANSLATED else self.folder / relative

    def translated(self, path, data):
        """data (the English file at path) with this language's words, checked."""
        overlay_path = self.overlay_of(path)
        return data if overlay_path is None else _laid_over_file(path, data, overlay_path)


def _laid_over_file(path, data, overlay_path):
    """The English file's data with the translation at overlay_path laid over it."""
    if not overlay_path.is_file():
        raise _error(overlay_path, "file", f"missing: each content file needs one ({path})")
    words = loading.read_toml(overlay_path)
    when = words.pop(TRANSLATED, None)
    if not isinstance(when, date):
        raise _error(overlay_path, TRANSLATED, "missing: the day it was translated, e.g. 2026-12-07")
    merged = _laid_over(data, words, overlay_path, "")
    merged[TRANSLATED] = when
    return merged


def _error(path, where, message):
    """A problem in the translation at path, worded for its translator."""
    return loading.ContentError(path, where, message)


def _where(where, key):
    return f"{where}.{key}" if where else str(key)


def _laid_over(english, words, path, where):
    """The English table with the translation's words: every prose key translated, nothing else."""
    if not isinstance(words, dict):
        raise _error(path, where or "file", "must be a table, as in the English file")
    for key in words:
        if key not in english:
            raise _error(path, _where(where, key), "not in the English file: translate what it says")
    merged = {}
    for key, value in english.items():
        at = _where(where, key)
        if _is_tables(value):
            merged[key] = _tables(value, words.get(key), path, at)
        elif value == []:
            if words.get(key, []) != []:
                raise _error(path, at, "the English list is empty: leave it out")
            merged[key] = value
        elif isinstance(value, dict):
            merged[key] = _laid_over(value, words.get(key, {}), path, at)
        elif key in KEPT or not _is_prose(value):
            if key in words:
                raise _error(path, at, "the same in every language: leave it to the English file")
            merged[key] = value
        elif key not in words:
            raise _error(path, at, "missing: translate it")
        else:
            merged[key] = _prose(key, value, words[key], path, at)
    return merged


def words_of(english):
    """What a translation of this English table holds, in the shape _laid_over reads: its prose, in
    the same tables, and nothing that stays the same in every language (a starting point for a new
    language, and for tests)."""
    words = {}
    for key, value in english.items():
        if _is_tables(value):
            words[key] = [words_of(table) for table in value]
        elif isinstance(value, dict):
            words[key] = words_of(value)
        elif value != [] and key not in KEPT and _is_prose(value):
            words[key] = value
    return words


def _is_tables(value):
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _is_prose(value):
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(i, str) for i in value))


def _tables(english, words, path, where):
    words = [] if words is None else words
    if not isinstance(words, list) or len(words) != len(english):
        count = len(words) if isinstance(words, list) else 0
        raise _error(path, where, f"has {count} tables; the English file has {len(english)}, in order")
    return [_laid_over(table, text, path, f"{where}[{number}]")
            for number, (table, text) in enumerate(zip(english, words, strict=True))]


def _prose(key, english, words, path, where):
    if isinstance(english, str):
        if not isinstance(words, str):
            raise _error(path, where, "must be text, as in the English file")
        _same_numbers(english, words, path, where)
        return words
    if not isinstance(words, list) or not all(isinstance(item, str) for item in words):
        raise _error(path, where, "must be a list of text, as in the English file")
    if key in PATTERNS:
        if not words:
            raise _error(path, where, "give at least one pattern in this language")
        return words
    if len(words) != len(english):
        raise _error(path, where, f"has {len(words)} items; the English has {len(english)}, in order")
    for number, (one, other) in enumerate(zip(english, words, strict=True)):
        _same_numbers(one, other, path, f"{where}[{number}]")
    return words


def _same_numbers(english, words, path, where):
    """Every number the English writes in digits is in the translation: a dose, a week, a phone number."""
    missing = sorted(set(DIGITS.findall(english)) - set(DIGITS.findall(words)), key=int)
    if missing:
        raise _error(path, where, f"drops {', '.join(missing)}: keep every number the English gives")
