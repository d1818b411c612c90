"""First-visit transfer per page: the HTML and everything it loads, as sent compressed.

Counts the page, its stylesheets, its scripts with every module they import,
and its pictures (all of them, even lazy ones, to stay on the safe side).
Not counted: what the service worker fetches afterwards to make the site
work offline, which happens in the background once the page is shown.
"""
import re
from urllib.parse import urljoin, urlsplit

PAGES = ["/", "/routines", "/routines/morning-mobility", "/routines/morning-mobility/play", "/favourites",
         "/history", "/checklist", "/safety", "/about", "/settings", "/routines/new", "/routines/mine",
         "/routines/mine/play", "/shared", "/for-clinicians"]
PAGE_BUDGET = 100 * 1024
PAGE_JS_BUDGET = 30 * 1024  # the scripts any one page loads, with every module they import
JS_BUDGET = 45 * 1024  # every script together
LINKED = re.compile(r'<(?:link[^>]+rel="(?:stylesheet|icon|manifest)"[^>]*href'
                    r'|script[^>]+src|img[^>]+src)="([^"]+)"')
# Relative imports, "./x.js" and "../lib/x.js" alike (the pages import from lib/ and parts/).
IMPORTS = re.compile(r'(?:import|from)\s*\(?\s*"(\.\.?/[^"]+\.js)"')


def _fetch(client, url):
    """The body as sent with brotli, and the raw body."""
    with client.get(url, headers={"Accept-Encoding": "br"}) as response:
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        sent = response.get_data()
    with client.get(url) as response:
        return len(sent), response.get_data(as_text=response.mimetype.startswith(("text/", "application/j")))


def _scripts(client, url, seen):
    """A script and every module it imports, each once."""
    path = urlsplit(url).path
    if path in seen:
        return
    seen[path], text = _fetch(client, url)
    for module in IMPORTS.findall(text):
        yield from _scripts(client, urljoin(path, module), seen)
    yield path


def page_weight(client, page):
    """Compressed bytes of a page and everything it loads, by kind."""
    sizes = {"html": 0, "css": 0, "js": 0, "pictures": 0, "other": 0}
    sizes["html"], html = _fetch(client, page)
    seen = {}
    for url in LINKED.findall(html):
        url = url.replace("&amp;", "&")
        if url.endswith(".js") or ".js?" in url:
            list(_scripts(client, url, seen))
            continue
        kind = "css" if ".css" in url else "pictures" if "/pictures/" in url else "other"
        sizes[kind] += _fetch(client, url)[0]
    sizes["js"] = sum(seen.values())
    return sizes


def all_javascript(client, app):
    """Every script the app has, compressed, in bytes."""
    names = [name for name in app.extensions["easeback_assets"] if name.endswith(".js")]
    return sum(_fetch(client, f"/static/{name}")[0] for name in names), len(names)


def measure(app):
    """Per-page weights and the total for all JavaScript."""
    client = app.test_client()
    pages = {page: page_weight(client, page) for page in PAGES}
    js_bytes, js_files = all_javascript(client, app)
    return pages, js_bytes, js_files
