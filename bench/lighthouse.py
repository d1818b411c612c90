"""Lighthouse on a phone: performance, accessibility, best practices and SEO of the main pages.

Runs the npm `lighthouse` package (installed by `npm ci`) with Debian's
Chromium, one page at a time, with Lighthouse's defaults: a mobile form
factor, simulated slow 4G and a 4x slower CPU, and a fresh profile, so each
page is measured as a first-time visitor gets it: the player's address,
for one, leads such a visitor on to the safety page first. Scores move by a
few hundredths from run to run on a busy machine; `--runs 3` reports each
page's median run. Optional: without node_modules there is one row saying
how to install it.

On its own, `python -m bench.lighthouse [--runs N]` serves the app the production way
(gunicorn, compressed, cached, a migrated throwaway SQLite database) and
prints the scores and every audit that scored below 1.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager

from app.paths import PROJECT_ROOT
from bench.servers import database, gunicorn
from bench.transfer import PAGES as TRANSFER_PAGES
from tools.browser import ARGS, EXECUTABLE

LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"
# Every page the first-visit budget is measured on (bench/transfer.py), the player and the new ones included.
PAGES = TRANSFER_PAGES
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The lowest acceptable score in each category.
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 0.9}
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
TIMEOUT_SECONDS = 180


def installed():
    """Whether `npm ci` has installed Lighthouse in this checkout."""
    return LIGHTHOUSE.exists()


def report(url):
    """Run Lighthouse once on url and return its result (the LHR) as a dict."""
    command = [
        str(LIGHTHOUSE), url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json", "--output-path=stdout", "--quiet", "--no-enable-error-reporting",
        f"--chrome-flags=--headless=new {' '.join(ARGS)}",
    ]
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": EXECUTABLE}, capture_output=True,
                          text=True, timeout=TIMEOUT_SECONDS, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url} (status {done.returncode}): "
                           f"{done.stderr.strip()[-2000:]}")
    result = json.loads(done.stdout)
    if result.get("runtimeError"):
        raise RuntimeError(f"lighthouse could not load {url}: {result['runtimeError']['message']}")
    return result


def audits_below_one(result):
    """Every audit in the measured categories that scored below 1, worst first."""
    found = {}
    for category in CATEGORIES:
        for ref in result["categories"][category]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if audit.get("score") is not None and audit["score"] < 1 and ref["id"] not in found:
                found[ref["id"]] = {"id": ref["id"], "title": audit["title"], "score": audit["score"],
                                    "category": category, "weight": ref["weight"],
                                    "value": audit.get("displayValue", "")}
    return sorted(found.values(), key=lambda audit: (audit["score"], -audit["weight"]))


def median_run(results):
    """The run with the median performance score (the other categories hardly vary)."""
    ranked = sorted(results, key=lambda result: result["categories"]["performance"]["score"] or 0)
    return ranked[len(ranked) // 2]


def scores(base_url, runs=1):
    """Per page: the four category scores (None if Lighthouse could not score one) and the audits below 1."""
    results = {}
    for page in PAGES:
        result = median_run([report(base_url + page) for _ in range(runs)])
        results[page] = {
            "scores": {category: result["categories"][category]["score"] for category in CATEGORIES},
            "below_one": audits_below_one(result),
        }
    return results


def missed(page_scores):
    """The categories whose score is below its target, or missing."""
    return [category for category, score in page_scores.items() if score is None or score < TARGETS[category]]


def short_scores(page_scores):
    """Scores in one line, e.g. 'perf 0.98, a11y 1.00, bp 1.00, seo 1.00'."""
    return ", ".join(f"{SHORT[category]} {'none' if score is None else f'{score:.2f}'}"
                     for category, score in page_scores.items())


def rows(base_url, runs=1):
    """Yield (what, figure, budget) rows: one per page, or one saying Lighthouse was skipped."""
    if not installed():
        yield ("Lighthouse (mobile)", "skipped: not installed", "run `npm ci` to install it")
        return
    budget = ", ".join(f"{SHORT[category]} {'= 1' if target == 1 else f'>= {target:.2f}'}"
                       for category, target in TARGETS.items())
    for page, measured in scores(base_url, runs=runs).items():
        figure = short_scores(measured["scores"])
        short = missed(measured["scores"])
        if short:
            culprits = [audit["id"] for audit in measured["below_one"]
                        if audit["category"] in short and audit["weight"]]
            figure += "; short of it: " + (", ".join(culprits) or "see python -m bench.lighthouse")
        yield (f"Lighthouse, mobile, {page} (median of {runs})", figure, budget)


@contextmanager
def production_server():
    """Serve the app as `make serve` does, on a free loopback port, with a throwaway database."""
    with tempfile.TemporaryDirectory() as folder, database("sqlite", folder, name="lighthouse") as url:
        with gunicorn(database_url=url) as base:
            yield base


def main():
    """Serve the app with gunicorn and print each page's scores and weak audits."""
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse", description=main.__doc__)
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median run is reported")
    runs = parser.parse_args().runs
    if not installed():
        print("Lighthouse is not installed: run `npm ci` in the project folder first.")
        return 1
    started = time.monotonic()
    shortfall = False
    with production_server() as base:
        for page, measured in scores(base, runs=runs).items():
            print(f"{page}: {short_scores(measured['scores'])}")
            shortfall |= bool(missed(measured["scores"]))
            for audit in measured["below_one"]:
                weight = f"weight {audit['weight']}" if audit["weight"] else "not weighted"
                value = f" ({audit['value']})" if audit["value"] else ""
                print(f"  {audit['score']:.2f}  {audit['category']:<14} "
                      f"{audit['id']}: {audit['title']}{value} [{weight}]")
    print(f"targets: {short_scores(TARGETS)}; took {time.monotonic() - started:.0f} s")
    return 1 if shortfall else 0


if __name__ == "__main__":
    sys.exit(main())
