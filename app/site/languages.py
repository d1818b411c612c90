"""The languages Easeback speaks, and which one each request is in.

A page's language is in its address: English pages keep their own (/routines), every other
language has a prefix (/es/routines). So a copy the service worker stores, a link someone shares
and a printed page are in one language for good, whoever opens them. An address without a prefix
is in the person's own language: the one they chose in Settings (a cookie), else the best match
for their browser's Accept-Language (es-MX finds es), else English; for anything but English they
are sent on to the prefixed address. /en/... is English whatever the person's language: the
"Read in English" link on a translated page.

Scripts, static files and the API are the same in every language and have no prefix; words a
script shows come from the page (data attributes and a JSON block), so they are translated with it.
"""
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, has_request_context, redirect, request, url_for
from flask_babel import Babel, get_locale

from app import paths
from app.content.translation import ENGLISH  # the content's own language, whose files the rest translate


@dataclass(frozen=True)
class Language:
    """One language: its code (the address prefix and catalogue folder), its full tag for
    <html lang>, and its own name for itself, as the Settings choice shows it."""

    code: str
    tag: str
    name: str


LANGUAGES = {
    "en": Language("en", "en-GB", "English"),
    "es": Language("es", "es", "Español"),
}
CODES = tuple(LANGUAGES)
# Settings' choice, kept in a cookie the server reads to send an unprefixed address on.
COOKIE = "language"
COOKIE_MAX_AGE = 400 * 24 * 3600  # the longest a browser keeps a cookie
# Addresses that are the same in every language: never prefixed, never sent on.
SAME_IN_EVERY_LANGUAGE = ("/static/", "/api/", "/sw.js", "/robots.txt")
ADDRESS = "easeback.language"  # the WSGI environ key naming the address's language


def same_everywhere(path):
    return path.startswith(SAME_IN_EVERY_LANGUAGE)


class AddressLanguage:
    """WSGI middleware: take a language prefix off the path (/es/routines -> /routines) and note
    the language, so the app's routes are written once for every language."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        for code in CODES:
            prefix = f"/{code}"
            rest = path[len(prefix):]
            if path.startswith(prefix) and rest[:1] in ("", "/") and not same_everywhere(rest):
                environ[ADDRESS] = code
                environ["PATH_INFO"] = rest or "/"
                break
        return self.wsgi_app(environ, start_response)


def address_language():
    """The language the address names: a prefix's, or None for an unprefixed address."""
    return request.environ.get(ADDRESS)


def page_language():
    """The language this request's page is in (English for an unprefixed address)."""
    return address_language() or ENGLISH


def request_language():
    """Babel's choice: a page's address decides its language; the API and scripts, which have no
    prefix, answer in the person's language (their messages reach the pages they serve)."""
    if not has_request_context():
        return ENGLISH  # `flask freeze`, the CLI, a test's app context
    return preferred_language() if same_everywhere(request.path) else page_language()


def preferred_language():
    """The person's language: Settings' choice, else the browser's best match, else English."""
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    # Most wanted first, each by its main language (es-MX is es): Werkzeug's best_match would
    # take an exact "en;q=0.5" over "es-ES" at full weight.
    for tag, quality in request.accept_languages:
        main = tag.split("-")[0].split("_")[0].lower()
        if quality > 0 and main in LANGUAGES:
            return main
    return ENGLISH


def remember(response, code):
    """Keep Settings' choice of language on this device (None forgets it: the browser's again)."""
    if code is None:
        response.delete_cookie(COOKIE, samesite="Lax")
    else:
        response.set_cookie(COOKIE, code, max_age=COOKIE_MAX_AGE, samesite="Lax",
                            secure=request.is_secure)


def current():
    """The Language of the page being made (English outside a request, as for `flask freeze`)."""
    return LANGUAGES.get(str(get_locale()), LANGUAGES[ENGLISH])


def in_language(url, code):
    """url (as url_for built it, unprefixed) at its address in the language code."""
    parts = urlsplit(url)
    if code in (None, ENGLISH) or same_everywhere(parts.path):
        return url
    return urlunsplit(parts._replace(path=f"/{code}{parts.path}"))


class Addressed(Flask):
    """A Flask app whose url_for builds the address in the page's language (or _language's)."""

    def url_for(self, endpoint, /, *, _language=None, **values):
        url = super().url_for(endpoint, **values)
        return in_language(url, _language or (page_language() if has_request_context() else None))


def send_on_to_own_language():
    """before_request: an unprefixed page for someone whose language is not English is sent to
    that language's address (a redirect that depends on the cookie and Accept-Language)."""
    if address_language() or request.method not in ("GET", "HEAD") or same_everywhere(request.path):
        return None
    if request.endpoint is None:  # no such page: its 404 says so in English
        return None
    wanted = preferred_language()
    if wanted == ENGLISH:
        return None
    # vary_by_language marks this answer too: after_request runs on a before_request's answer.
    return redirect(in_language(request.full_path.rstrip("?"), wanted))


def vary_by_language(response):
    """An unprefixed page is English for some and a redirect for others: say what it depends on."""
    if address_language() is None and not same_everywhere(request.path):
        response.vary.update(("Cookie", "Accept-Language"))
    return response


def alternates():
    """This page at each language's address, for <link rel="alternate" hreflang>: (hreflang, url)."""
    path = request.path  # the page itself, without a filter or a "next" it was opened with
    at = lambda code: f"/{ENGLISH}{path}" if code == ENGLISH else in_language(path, code)  # noqa: E731
    return [("x-default", path)] + [(language.tag, at(language.code)) for language in LANGUAGES.values()]


def service_worker_url():
    """The worker a page registers: its language's. None on an /en/ page read by choice, which must
    not swap the person's worker (and their offline pages) for the English one."""
    if address_language() == ENGLISH:
        return None
    code = page_language()
    return url_for("pwa.service_worker", lang=None if code == ENGLISH else code)


def init_app(app):
    """Read prefixes from addresses, pick each page's language, send unprefixed pages on."""
    app.wsgi_app = AddressLanguage(app.wsgi_app)
    # JSON (the pages' data blocks, the API) writes every language's letters as they are, "á" and
    # not "\u00e1": pages and answers are UTF-8, and a Spanish page is shorter for it.
    app.json.ensure_ascii = False
    Babel(app, locale_selector=request_language, default_translation_directories=str(paths.TRANSLATIONS_DIR))
    app.before_request(send_on_to_own_language)
    app.after_request(vary_by_language)
    app.context_processor(lambda: {"language": current(), "languages": LANGUAGES, "alternates": alternates,
                                   "service_worker_url": service_worker_url})
