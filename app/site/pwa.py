"""The plumbing that makes Easeback installable and usable offline:
the web app manifest, the service worker and the offline page."""
import functools
import hashlib
import re
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from app import paths
from app.content import lessons, library
from app.profiles.register import PERSONAL_PAGES
from app.rules import PERSONAL_CACHE
from app.site import languages
from app.site.page_cache import same_for_everyone

bp = Blueprint("pwa", __name__)

BACKGROUND = "#f7f3ec"
# Pages that must work offline even if never opened, besides every routine's
# overview and player. Each feature that adds a page adds it here.
OFFLINE_PAGES = ("pages.home", "routines.catalogue", "favourites.page", "checklist.page", "pages.safety",
                 "pages.about", "pages.for_clinicians", "settings.index", "learn.index", "learn.bad_day_page",
                 "routines.new", "routines.mine", "routines.shared", "player.play_mine",
                 "player.exercise_catalogue", "pwa.offline")
SHORTCUTS = ((_l("Favourites"), "favourites.page"), (_l("Therapist checklist"), "checklist.page"))
NO_CACHE = "no-cache"


def source_version(folders):
    """Hash every file that shapes the precached content, so any change makes a new version."""
    digest = hashlib.sha256()
    for number, folder in enumerate(map(Path, folders)):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            # Names relative to their folder, so a folder outside the project counts the same way.
            digest.update(f"{number}/{path.relative_to(folder).as_posix()}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def offline_page_urls(language=None):
    """Every page that works offline, in one language (None: the page's): the same for every
    visitor (`flask freeze` writes them too)."""
    url = functools.partial(url_for, _language=language)
    urls = [url(endpoint) for endpoint in OFFLINE_PAGES]
    for slug in library().routines:
        urls += [url("routines.detail", slug=slug), url("player.play", slug=slug)]
    urls += [url("learn.lesson", slug=lesson.slug) for lesson in lessons()]
    return urls


def precache_urls(language=None):
    """Every URL the service worker stores at install: pages in its language, then static files."""
    assets = current_app.extensions["easeback_assets"]
    return offline_page_urls(language) + [url_for("static", filename=name) for name in assets]


@bp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest, by which browsers install Easeback, in the page's language
    (/es/manifest.webmanifest for Spanish)."""
    icon = lambda size, purpose: {  # noqa: E731 - a tiny local shape
        "src": url_for("static", filename=f"icons/icon-{purpose}-{size}.png"),
        "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose,
    }
    response = jsonify({
        "id": "/",
        "name": gettext("Easeback: gentle routines for sciatica"),
        "short_name": "Easeback",
        "description": gettext("Short, guided stretches, self-massage and breathing for sciatica and "
                               "low-back pain. Works offline."),
        "lang": languages.current().tag,
        "start_url": url_for("pages.home"),
        "scope": "/",
        "display": "standalone",
        "theme_color": BACKGROUND,
        "background_color": BACKGROUND,
        "categories": ["health", "medical"],
        "icons": [icon(192, "any"), icon(512, "any"), icon(512, "maskable")],
        "shortcuts": [{"name": str(name), "url": url_for(endpoint)} for name, endpoint in SHORTCUTS],
    })
    response.mimetype = "application/manifest+json"
    response.headers["Cache-Control"] = NO_CACHE
    return response


def personal_page_patterns():
    """The register's personal pages as patterns of their paths, for the service worker (a page
    with a part in its address, such as each set-up screen, is one pattern)."""
    rules = [rule for rule in current_app.url_map.iter_rules() if rule.endpoint in PERSONAL_PAGES]
    escaped = (re.escape(rule.rule).replace(r"\<", "<").replace(r"\>", ">") for rule in rules)
    # In any language: /history and /es/history are the same personal page.
    prefix = "(?:" + "|".join(f"/{code}" for code in languages.CODES) + ")?"
    return ["^" + prefix + re.sub(r"<[^>]+>", "[^/]+", path) + "$" for path in escaped]


def keep_personal_pages_private(response):
    """Personal pages are for this device only: no shared cache may keep them. Not no-store: the
    service worker keeps a copy for offline use, and asks the server first when online."""
    if request.endpoint in PERSONAL_PAGES:
        response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.get("/sw.js")
def service_worker():
    """The service worker, at the root so that it controls every page. It keeps the pages of one
    language (?lang=es; English without), the one the person reads, so offline they stay in it."""
    language = request.args.get("lang", languages.ENGLISH)
    if language not in languages.LANGUAGES:
        abort(404)
    body = render_template(
        "pwa/sw.js", version=current_app.extensions["easeback_pwa_version"], language=language,
        prefix=languages.in_language("/", language).rstrip("/"),
        precache=precache_urls(language), offline_url=url_for("pwa.offline", _language=language),
        personal_cache=PERSONAL_CACHE, personal_pages=personal_page_patterns(),
    )
    return body, {"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": NO_CACHE}


@bp.get("/offline")
@same_for_everyone()
def offline():
    """Shown for pages that are not stored on this device while offline."""
    return render_template("offline.html", routines=library().routines.values())


def init_app(app):
    """Work out the offline version once, from the sources of the precached content.

    The content folder is the one configured (FLASK_ROUTINES_DIR), which is
    what the precached pages are made from. PWA_VERSION overrides it all, so a
    test can play two deployments of one tree.
    """
    app.after_request(keep_personal_pages_private)
    app.extensions["easeback_pwa_version"] = app.config.get("PWA_VERSION") or source_version(
        [paths.TEMPLATES_DIR, paths.STATIC_DIR, app.config["ROUTINES_DIR"], paths.PROJECT_ROOT / "app",
         paths.TRANSLATIONS_DIR])
