"""Content-hashed static URLs, so static files can be cached for a year; scripts sent lean.

Every url_for('static', ...) gets ?v=<hash of the file>. A request carrying
the current hash is answered with a long, immutable cache lifetime; anything
else (an old or missing hash) must be revalidated. HTML is never long-cached.
"""
import hashlib
import posixpath
import re
from functools import lru_cache
from pathlib import Path

from flask import current_app, g, request, url_for
from flask_compress import Compress
from markupsafe import Markup

from app.site import words
from app.site.page_cache import build, send

IMMUTABLE = "public, max-age=31536000, immutable"

# Brotli and gzip (every browser has one of them); ETags on compressed answers.
compress = Compress()


def file_hashes(static_folder):
    """Map each static file's URL path to a short hash of its bytes."""
    root = Path(static_folder)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        for path in sorted(root.rglob("*")) if path.is_file()
    }


# A line holding only a comment: the comment goes, the line stays (so line numbers still match).
WHOLE_LINE_COMMENT = re.compile(rb"(?m)^[ \t]*//[^\n]*$")
# A line's indentation: it shows people the code's shape; no string of ours spans lines, so it is
# never part of one (tests/site/test_pwa.py holds that).
INDENTATION = re.compile(rb"(?m)^[ \t]+")


@lru_cache(maxsize=256)
def lean_script(path, modified):
    """A script as sent, packed once: its whole-line comments emptied and its indentation gone.
    Both are for people and stay in the source; browsers never read them, and the lines stay where
    they are, so an error's line number is the source's. (modified: the file's mtime, so an edited
    file is read again.)"""
    lean = INDENTATION.sub(b"", WHOLE_LINE_COMMENT.sub(b"", Path(path).read_bytes()))
    return build(lean, "text/javascript")


# A module's imports of others: "./x.js" and "../lib/x.js" alike (bench/transfer.py follows them too).
IMPORTS = re.compile(r'(?:import|from)\s*\(?\s*"(\.\.?/[^"]+\.js)"')


def module_graph(static_folder):
    """Each script under static/js ("pages/home.js") with every module it loads: itself, its
    imports, their imports and so on."""
    root = Path(static_folder, "js")
    imports = {}
    for path in root.rglob("*.js"):
        name = path.relative_to(root).as_posix()
        imports[name] = {posixpath.normpath(posixpath.join(posixpath.dirname(name), module))
                         for module in IMPORTS.findall(path.read_text())}

    def loads(name, seen):
        if name not in seen:
            seen.add(name)
            for module in imports.get(name, ()):
                loads(module, seen)
        return seen

    return {name: frozenset(loads(name, set())) for name in imports}


def script(name):
    """A page's module script (js/<name>), noted so that the page hands it the words it says."""
    g.setdefault("easeback_scripts", []).append(name)
    return Markup('<script type="module" src="{}"></script>').format(url_for("static", filename=f"js/{name}"))


def words_for_scripts(page_words=None):
    """The words the scripts of the page being drawn say (app/site/words.py), in its language, with
    its own page_words: base.html asks once, at its end, when every script is named."""
    graph = current_app.extensions["easeback_modules"]
    loaded = set().union(*(graph[name] for name in g.pop("easeback_scripts", [])))
    return words.for_page(loaded, page_words)


def serve_lean_scripts(app):
    """Answer /static/js/**.js with lean_script, and everything else as Flask does."""
    static_view = app.view_functions["static"]
    scripts = Path(app.static_folder, "js").resolve()

    def static(filename):
        if not (filename.startswith("js/") and filename.endswith(".js")):
            return static_view(filename=filename)
        path = Path(app.static_folder, filename).resolve()
        if not path.is_relative_to(scripts) or not path.is_file():
            return static_view(filename=filename)
        modified = path.stat().st_mtime_ns
        return send(lean_script(str(path), modified), last_modified=modified / 1e9)

    app.view_functions["static"] = static


def init_app(app):
    """Hash the static files once at start-up and version their URLs."""
    hashes = file_hashes(app.static_folder)
    app.extensions["easeback_assets"] = hashes
    app.extensions["easeback_modules"] = module_graph(app.static_folder)
    app.add_template_global(script)
    app.add_template_global(words_for_scripts, "words")
    serve_lean_scripts(app)
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["br", "gzip"])
    compress.init_app(app)

    @app.url_defaults
    def add_version(endpoint, values):
        if endpoint == "static" and values.get("filename") in hashes:
            values.setdefault("v", hashes[values["filename"]])

    @app.after_request
    def cache_headers(response):
        if response.status_code == 304:
            # A "not modified" answer sends no body, but the file behind it
            # was already opened: close it now rather than leak the handle.
            response.close()
        if request.endpoint == "static":
            # Compression swaps the file for a stream of compressed chunks;
            # make sure the file itself is still closed with the response.
            if hasattr(response.response, "close"):
                response.call_on_close(response.response.close)
            current = hashes.get(request.view_args.get("filename", ""))
            versioned = current is not None and request.args.get("v") == current
            response.headers["Cache-Control"] = IMMUTABLE if versioned else "no-cache"
        elif response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-cache")
            # no-cache means "ask first": an ETag lets the answer be a short 304. A page built
            # once (app/page_cache.py) already has its own and has answered If-None-Match.
            if (request.method == "GET" and response.status_code == 200 and not response.is_streamed
                    and "ETag" not in response.headers):
                response.add_etag()
                response = response.make_conditional(request)
        return response
