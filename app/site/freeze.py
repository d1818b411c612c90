"""`flask freeze DIR`: write the pages that are the same for everyone as files, for nginx or a
CDN to serve without Python, leaving gunicorn the API and the personal pages.

Each page is written as the app sends it, in each encoding: `index.html`, `index.html.br`
and `index.html.gz` under its own path (so `/routines/desk-break/play` becomes
`routines/desk-break/play/index.html`), byte for byte what the app itself serves (a test
checks it). `security-headers.conf` holds the headers the app sends with every page (the
Content Security Policy and the rest), as nginx `add_header` lines, so frozen pages carry
exactly the same ones. Pages that change by the day (home's suggestion, the checklist's
printed date) are also put right by their scripts on the device; freeze again on each deploy.

Frozen-Flask was considered: it crawls and writes pages and static files, but not the packed
variants or the headers, which are the point here; the app's own test client does the job in
a few lines.
"""
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from app.site.languages import CODES
from app.site.pwa import offline_page_urls

ENCODINGS = {"identity": "", "br": ".br", "gzip": ".gz"}
# What the app sends with every page that nginx must send with the frozen ones.
PAGE_HEADERS = ("Content-Security-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy",
                "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy",
                "Cache-Control")


def page_file(folder, url):
    """Where a page's plain body goes: its path, then index.html."""
    return Path(folder, url.strip("/"), "index.html")


def freeze(folder):
    """Write every same-for-everyone page, in each encoding, and the headers file; return the URLs."""
    client = current_app.test_client()
    with current_app.test_request_context():
        # Every language's pages, each under its own address (/es/routines beside /routines).
        urls = [url for code in CODES for url in offline_page_urls(code)]
    for url in urls:
        for encoding, suffix in ENCODINGS.items():
            response = client.get(url, headers={"Accept-Encoding": encoding})
            sent_as = response.headers.get("Content-Encoding", "identity")
            if response.status_code != 200 or sent_as != encoding:
                raise click.ClickException(f"{url} ({encoding}) answered {response.status_code}, "
                                           f"{response.headers.get('Content-Encoding', 'identity')}")
            target = page_file(folder, url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.with_name(target.name + suffix).write_bytes(response.get_data())
    sent = client.get(urls[0]).headers
    Path(folder, "security-headers.conf").write_text(
        "".join(f"add_header {name} \"{sent[name]}\" always;\n" for name in PAGE_HEADERS if name in sent))
    return urls


@click.command("freeze")
@click.argument("folder", type=click.Path(file_okay=False), default="frozen")
@with_appcontext
def freeze_command(folder):
    """Write the pages that are the same for everyone, packed, into FOLDER (default: frozen/)."""
    urls = freeze(folder)
    click.echo(f"{len(urls)} pages, each plain, brotli and gzip, in {folder}/; nginx headers in "
               f"{folder}/security-headers.conf")
