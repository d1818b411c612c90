"""Dates and numbers as the page's language writes them, from Babel's CLDR data.

Each form of date the pages use has a pattern per language: English keeps the app's own forms
("2 December 2026", "Monday 7 December", "30 Nov"), Spanish writes "2 de diciembre de 2026" and
"lunes 7 de diciembre". A language without patterns of its own takes English's order with its own
month and day names. Numbers take the language's decimal sign and grouping ("3.5" and "10,000" in
English, "3,5" and "10.000" in Spanish). Outside a request (`flask freeze`, the tests) it is English.
"""
from babel.dates import format_date, format_datetime, get_month_names
from babel.numbers import format_decimal
from flask_babel import get_locale

ENGLISH = "en"  # app/site/languages.py's ENGLISH: this module imports nothing of the app, for the rules

# (CLDR pattern by language) for each form of date, with the English it writes.
PATTERNS = {
    "day": {"en": "d MMMM y", "es": "d 'de' MMMM 'de' y"},  # 2 December 2026
    "weekday": {"en": "EEEE d MMMM", "es": "EEEE d 'de' MMMM"},  # Monday 7 December
    "day_month": {"en": "d MMMM", "es": "d 'de' MMMM"},  # 7 December
    "short": {"en": "d MMM", "es": "d MMM"},  # 30 Nov
    "short_year": {"en": "d MMM y", "es": "d MMM y"},  # 30 Nov 2026
    "utc": {"en": "d MMM y, HH:mm 'UTC'", "es": "d MMM y, HH:mm 'UTC'"},  # 2 Dec 2026, 14:05 UTC
}


def language():
    """The code of the page's language (English outside a request)."""
    locale = get_locale()
    return locale.language if locale is not None else ENGLISH


def pattern(form):
    """The page's language's pattern for a form of date."""
    patterns = PATTERNS[form]
    return patterns.get(language(), patterns[ENGLISH])


def written_date(day, form="day"):
    """A date (or a naive UTC time, for "utc") in one of PATTERNS' forms."""
    if form == "utc":
        return format_datetime(day, pattern(form), tzinfo=None, locale=language())
    return format_date(day, pattern(form), locale=language())


def short_date(day):
    """A date as the app writes it everywhere, e.g. '30 Nov' ('30 nov')."""
    return written_date(day, "short")


def short_date_and_year(day):
    """A short date with its year, e.g. '30 Nov 2026' ('30 nov 2026')."""
    return written_date(day, "short_year")


def short_months():
    """The twelve months' short names ("Jan" ... "Dec"), for dates a page's script writes."""
    return list(get_month_names("abbreviated", locale=language()).values())


def one_decimal(value):
    """A figure to one decimal place: "3.5", "3,5"."""
    return format_decimal(value, "0.0", locale=language())


def whole_number(value):
    """A whole number with the language's grouping: "10,000", "10.000"."""
    return format_decimal(value, locale=language())
