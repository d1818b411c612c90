"""Jinja filters that turn content numbers and dates into plain words in the page's language
(app/site/formats.py), and the vocabularies and rules templates share."""
from flask_babel import gettext

from app import rules
from app.content import warning_signs as safety
from app.content.models import GOALS, POSITIONS
from app.site.formats import one_decimal, short_date, short_date_and_year, written_date


def minutes(seconds):
    """Round a length to whole minutes for a summary, e.g. 'About 8 min'."""
    return gettext("%(minutes)s min", minutes=max(1, round(seconds / 60)))


def duration(seconds):
    """Spell out a length exactly, e.g. '1 min 30 s' or '45 s'."""
    whole_minutes, rest = divmod(int(seconds), 60)
    if not whole_minutes:
        return gettext("%(seconds)s s", seconds=rest)
    if not rest:
        return gettext("%(minutes)s min", minutes=whole_minutes)
    return gettext("%(minutes)s min %(seconds)s s", minutes=whole_minutes, seconds=rest)


def utc_iso(moment):
    """A stored (naive UTC) time as ISO 8601 with a Z, for <time datetime>."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_text(moment):
    """A stored time in words, until the page's script shows it in local time: '2 Dec 2026, 14:05 UTC'."""
    return written_date(moment, "utc")


def day_in_words(day):
    """A date as people write it, e.g. '2 December 2026' ('2 de diciembre de 2026')."""
    return written_date(day, "day")


def first_upper(text):
    """Start a sign's text with a capital, leaving the rest as written ("GP" stays "GP")."""
    return text[:1].upper() + text[1:]


def warning_signs(sign_ids):
    """The named warning signs grouped by tier, most urgent first: [(tier, [sign, ...])], for a
    link to /safety#<tier>."""
    signs = safety().signs
    named = [signs[sign_id] for sign_id in sign_ids]
    return [(tier, [sign for sign, its_tier in named if its_tier is tier]) for tier in safety().tiers
            if any(its_tier is tier for _sign, its_tier in named)]


def init_app(app):
    """Register the filters, content's vocabularies and the shared rules (app/rules.py) for templates."""
    for function in (minutes, duration, utc_iso, utc_text, day_in_words, short_date, short_date_and_year,
                     first_upper, one_decimal):
        app.add_template_filter(function)
    app.add_template_global(warning_signs)
    app.add_template_global(safety, "safety")
    # Their words are lazy strings: every page reads them in its own language.
    app.add_template_global(GOALS, "goal_labels")
    app.add_template_global(POSITIONS, "position_labels")
    app.add_template_global(rules.PAIN_REACHES, "pain_reaches")
    # One copy for every page, and for macros imported without the page's context: base.html hands it
    # to the scripts as the "rules" JSON block (|tojson reads each lazy word in the page's language),
    # and templates read their limits and defaults from it.
    app.add_template_global(rules.for_pages(lazy=True), "rules")
