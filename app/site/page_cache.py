"""Pages that are the same for every visitor, built once per process and served from memory.

Home, the catalogue, routine pages, players, lessons, the checklist, safety, about and the
like hold nothing personal (what is personal is drawn on the device by the page's script), so
each address is rendered once, with its brotli and gzip bodies and a strong ETag per body, and
every later request is a dictionary look-up. Security and cache headers are still added by the
app's after-request hooks, as for any page. `flask freeze` writes the same bodies to files.
"""
import gzip
import hashlib
from dataclasses import dataclass
from functools import wraps

import brotli
from flask import current_app, make_response, request

from app.site.languages import address_language

ENCODINGS = ("br", "gzip")
# Enough for every page and filter a site sees in a day; a flood of made-up query strings
# cannot grow memory past it (the store starts again when full).
MOST_PAGES = 512


@dataclass(frozen=True)
class BuiltPage:
    """One address's page: its body as is and packed, and a strong ETag for each."""

    mimetype: str
    bodies: dict  # encoding ("" for none) -> bytes
    etags: dict  # encoding -> ETag


def build(body, mimetype):
    """Pack a body once, as hard as brotli and gzip go (pages, and the lean scripts of app/assets.py)."""
    bodies = {"": body, "br": brotli.compress(body, quality=11), "gzip": gzip.compress(body, 9, mtime=0)}
    etags = {encoding: hashlib.sha256(packed).hexdigest()[:20] for encoding, packed in bodies.items()}
    return BuiltPage(mimetype, bodies, etags)


def built_pages():
    """This process's store of built pages, by address."""
    return current_app.extensions.setdefault("easeback_built_pages", {})


def send(page, last_modified=None):
    """The built page in the best encoding this request accepts, answering If-None-Match (and
    If-Modified-Since, given when the source last changed)."""
    encoding = request.accept_encodings.best_match(ENCODINGS) or ""
    response = current_app.response_class(page.bodies[encoding], mimetype=page.mimetype)
    if encoding:
        response.headers["Content-Encoding"] = encoding  # Flask-Compress leaves it be
    response.vary.add("Accept-Encoding")
    response.set_etag(page.etags[encoding])
    if last_modified is not None:
        response.last_modified = last_modified
    return response.make_conditional(request)


def same_for_everyone(varies_with=None):
    """Serve a view's page from memory, built on its first request. `varies_with`, called on
    each request, names anything besides the address that changes the page (such as the day)."""
    def decorate(view):
        @wraps(view)
        def serve(*args, **kwargs):
            key = (request.full_path, address_language(), varies_with() if varies_with else None)
            store = built_pages()
            page = store.get(key)
            if page is None:
                response = make_response(view(*args, **kwargs))
                if response.status_code != 200 or response.is_streamed:
                    return response
                if len(store) >= MOST_PAGES:
                    store.clear()
                page = store[key] = build(response.get_data(), response.mimetype)
            return send(page)
        return serve
    return decorate
