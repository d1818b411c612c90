"""`make bench`: measure the app and print one table of figures.

`python -m bench server` (or pages, lighthouse) runs only those parts.
"""
import argparse
import logging
import tempfile

from playwright.sync_api import sync_playwright

from app import create_app
from app.db import db
from bench import lighthouse, load, precache, throughput, timer_accuracy, transfer
from bench.servers import postgres_available
from tools.browser import launch
from tools.servers import serving


def rows(app, base, browser):
    """Run each benchmark and yield (what, figure, budget) rows."""
    pages, js_bytes, js_files, catalogues = transfer.measure(app)
    for page, sizes in pages.items():
        parts = ", ".join(f"{kind} {sizes[kind] / 1024:.1f}" for kind in transfer.KINDS if sizes[kind])
        words = f"its scripts' words {sizes['words'] / 1024:.1f} of the html"
        total = transfer.first_visit(sizes)
        yield (f"first visit to {page} (brotli)", f"{total / 1024:.1f} KB ({parts}; {words})",
               f"<= {transfer.PAGE_BUDGET // 1024} KB, scripts and their words "
               f"<= {transfer.PAGE_JS_BUDGET // 1024} KB")
    for code, catalogue in catalogues.items():
        yield (f"all JavaScript together ({js_files} modules) with the {code} catalogue of words, brotli",
               f"{(js_bytes + catalogue) / 1024:.1f} KB ({js_bytes / 1024:.1f} + {catalogue / 1024:.1f})",
               f"<= {transfer.JS_BUDGET // 1024} KB")
    size = precache.size(app)
    yield (f"precache: {size['urls']} URLs the service worker fetches at install, after the first page",
           f"{size['sent_bytes'] / 1024:.0f} KB sent ({size['bytes'] / 1024:.0f} KB stored)",
           "<= 1024 KB sent")
    clips = precache.voice_clips()
    yield (f"spoken cues: {clips['clips']} recorded clips (mono MP3), part of the precache",
           f"{clips['bytes'] / 1024:.0f} KB", "<= 350 KB")
    fast = timer_accuracy.fast_forwarded(browser, base, app)
    yield (f"timer, fast-forwarded: {fast['boundaries']} boundaries in {fast['routines']} routines",
           f"largest error {fast['max_ms']:.1f} ms", "<= 50 ms")
    hidden = timer_accuracy.after_hidden(browser, base, app)
    yield (f"timer, after {hidden['hidden_s']} s hidden with throttled timers",
           f"redrawn in {hidden['redraw_ms']:.1f} ms; step {'right' if hidden['step_right'] else 'WRONG'}; "
           f"countdown off by {hidden['countdown_off_s']} s", "right at once")
    real = timer_accuracy.real_time(browser, base)
    yield (f"timer, real time: {real['routine']} at 0.5x holds "
           f"({real['seconds']} s, {real['boundaries']} boundaries)",
           f"largest error {real['max_ms']:.1f} ms, mean {real['mean_ms']:.1f} ms", "<= 50 ms")


def print_table(table):
    """Print rows as an aligned text table."""
    header = ("measure", "figure", "budget")
    widths = [max(len(str(row[i])) for row in [header, *table]) for i in range(3)]
    for row in [header, tuple("-" * w for w in widths), *table]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def page_rows(folder):
    """Transfer, precache and timers, with the app served in-process to Chromium."""
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3"})
    with app.app_context():
        db.create_all()
    with serving(app) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        yield from rows(app, base, browser)
        browser.close()


def server_rows(folder):
    """Throughput and latency, then the load test, on each database there is here."""
    kinds = ["sqlite", "postgresql"] if postgres_available() else ["sqlite"]
    if not postgres_available():
        yield ("server and load, postgresql", "not measured: PostgreSQL is not installed",
               "apt-get install postgresql")
    if throughput.wrk_available():
        yield from throughput.rows(kinds, folder)
    else:
        yield ("server throughput and latency", "not measured: wrk is not installed", "apt-get install wrk")
    yield from load.rows(kinds, folder)


def lighthouse_rows(_folder):
    """Lighthouse scores, when it is installed (npm ci)."""
    if not lighthouse.installed():
        yield from lighthouse.rows(None)
        return
    with lighthouse.production_server() as base:
        yield from lighthouse.rows(base, runs=3)


# In this order: Lighthouse last, as scores move when other work shares the CPU.
PARTS = {"pages": page_rows, "server": server_rows, "lighthouse": lighthouse_rows}


def main():
    """Measure the app, part by part, and print one table."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=main.__doc__)
    parser.add_argument("parts", nargs="*", metavar="part",
                        help=f"only these parts: {', '.join(PARTS)} (default: all)")
    chosen = parser.parse_args().parts or list(PARTS)
    if unknown := set(chosen) - set(PARTS):
        parser.error(f"no such part: {', '.join(sorted(unknown))}")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    table = []
    with tempfile.TemporaryDirectory() as folder:
        for name, part in PARTS.items():
            if name not in chosen:
                continue
            for row in part(folder):
                table.append(row)
                print("  ".join(row), flush=True)
    print()
    print_table(table)


if __name__ == "__main__":
    main()
