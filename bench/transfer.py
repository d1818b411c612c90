"""First-visit transfer per page: the HTML and everything it loads, as sent compressed.

Counts the page, its stylesheets, its scripts with every module they import,
and its pictures (all of them, even lazy ones, to stay on the safe side).
Not counted: what the service worker fetches afterwards to make the site
work offline, which happens in the background once the page is shown.

The words a page hands its scripts (base.html's "words" block) are counted with
its scripts, as well as in its HTML; the catalogue every page shares
(app/site/words.py) is counted with all the JavaScript, one language at a time.
"""
import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import brotli
from flask import render_template_string
from flask_babel import force_locale

from app.site import words
from app.site.assets import IMPORTS
from app.site.languages import CODES

PAGES = ["/", "/routines", "/routines/morning-mobility", "/routines/morning-mobility/play", "/favourites",
         "/history", "/checklist", "/safety", "/about", "/settings", "/routines/new", "/routines/mine",
         "/routines/mine/play", "/shared", "/for-clinicians"]
PAGE_BUDGET = 100 * 1024
PAGE_JS_BUDGET = 30 * 1024  # the scripts any one page loads, with every module they import
JS_BUDGET = 45 * 1024  # every script together, with one language's catalogue of words
KINDS = ("html", "css", "js", "pictures", "other")  # what a first visit fetches
WORDS_BLOCK = re.compile(r'<script type="application/json" id="words">(.*?)</script>', re.DOTALL)
LINKED = re.compile(r'<(?:link[^>]+rel="(?:stylesheet|icon|manifest)"[^>]*href'
                    r'|script[^>]+src|img[^>]+src)="([^"]+)"')


def _fetch(client, url):
    """The body as sent with brotli, and the raw body."""
    with client.get(url, headers={"Accept-Encoding": "br"}) as response:
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        sent = response.get_data()
    with client.get(url) as response:
        return len(sent), response.get_data(as_text=response.mimetype.startswith(("text/", "application/j")))


def _scripts(client, url, seen, texts, fetched):
    """A script and every module it imports, each once: seen gets its compressed size, texts its
    text. fetched keeps what was fetched before, by address."""
    path = urlsplit(url).path
    if path in seen:
        return
    if url not in fetched:
        fetched[url] = _fetch(client, url)
    seen[path], texts[path] = fetched[url]
    for module in IMPORTS.findall(texts[path]):
        _scripts(client, urljoin(path, module), seen, texts, fetched)


def _linked(html):
    return [url.replace("&amp;", "&") for url in LINKED.findall(html)]


def _is_script(url):
    return url.endswith(".js") or ".js?" in url


def scripts_of(client, html, fetched=None):
    """Every script a page loads, with every module they import: {path: the text as sent}. Pass
    the same fetched dict to read each script once over many pages."""
    seen, texts = {}, {}
    for url in filter(_is_script, _linked(html)):
        _scripts(client, url, seen, texts, {} if fetched is None else fetched)
    return texts


def words_in(html):
    """The words block of a page, as its scripts read it (the text of its JSON)."""
    return unescape(WORDS_BLOCK.search(html).group(1))


def packed(text):
    """Bytes of a text, packed as the app packs pages and scripts."""
    return len(brotli.compress(text.encode(), quality=11))


def first_visit(sizes):
    """Everything a first visit fetches: the words are in the HTML already."""
    return sum(sizes[kind] for kind in KINDS)


def page_weight(client, page):
    """Compressed bytes of a page and everything it loads, by kind, and (not fetched apart: part of
    the HTML) of the words it hands its scripts."""
    sizes = dict.fromkeys(KINDS, 0)
    sizes["html"], html = _fetch(client, page)
    sizes["words"] = packed(words_in(html))
    seen = {}
    for url in _linked(html):
        if _is_script(url):
            _scripts(client, url, seen, {}, {})
            continue
        kind = "css" if ".css" in url else "pictures" if "/pictures/" in url else "other"
        sizes[kind] += _fetch(client, url)[0]
    sizes["js"] = sum(seen.values())
    return sizes


def all_javascript(client, app):
    """Every script the app has, compressed, in bytes."""
    names = [name for name in app.extensions["easeback_assets"] if name.endswith(".js")]
    return sum(_fetch(client, f"/static/{name}")[0] for name in names), len(names)


def catalogues(app):
    """Each language's catalogue of the words every page's scripts share, as base.html writes it,
    compressed, in bytes."""
    sizes = {}
    with app.test_request_context():
        for code in CODES:
            with force_locale(code):
                written = render_template_string("{{ catalogue|tojson }}", catalogue=words.catalogue())
                sizes[code] = packed(unescape(written))
    return sizes


def measure(app):
    """Per-page weights, the total for all JavaScript, and each language's catalogue."""
    client = app.test_client()
    pages = {page: page_weight(client, page) for page in PAGES}
    js_bytes, js_files = all_javascript(client, app)
    return pages, js_bytes, js_files, catalogues(app)
