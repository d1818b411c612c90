"""The load test: 50 people at once for 60 s, reading and saving, against gunicorn
with two app processes; then every confirmed save is looked for on the server.

Locust runs headless in its own process with a fixed user count and run time,
so the test is bounded and stops by itself; it targets 127.0.0.1 only.
"""
import csv
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from sqlalchemy import create_engine, func, select

from app.models import CheckIn, PracticeSession
from bench.servers import THREADS, WORKERS, database, gunicorn, rate_limit_storage, rate_limit_where

USERS = 50
SECONDS = 60
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def export(base, cookie):
    """Everything one device's profile has on the server, asked with its own cookie."""
    request = urllib.request.Request(base + "/api/v1/export.json",
                                     headers={"Cookie": f"easeback_device={cookie}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def lost_writes(base, ledgers):
    """Confirmed saves the server does not have, checked profile by profile."""
    lost = 0
    for ledger in ledgers:
        if not ledger["cookie"]:
            continue
        kept = export(base, ledger["cookie"])
        lost += len(set(ledger["sessions"]) - {row["id"] for row in kept["sessions"]})
        lost += len(set(ledger["checkins"]) - {row["id"] for row in kept["checkins"]})
        favourites = {row["routine"] for row in kept["favourites"]}
        lost += sum(1 for routine, wanted in ledger["favourites"].items()
                    if (routine in favourites) != wanted)
    return lost


def aggregate(stats_csv):
    """Locust's totals row."""
    with open(stats_csv, newline="", encoding="utf-8") as rows:
        return next(row for row in csv.DictReader(rows) if row["Name"] == "Aggregated")


def run(kind, folder):
    """One load test on one kind of database; its figures."""
    folder = Path(folder)
    ledger_file, prefix = folder / f"ledger-{kind}.json", folder / f"locust-{kind}"
    with rate_limit_storage(folder) as limits, database(kind, folder, name="easeback_load") as url, \
            gunicorn(database_url=url, env=limits) as base:
        subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--users", str(USERS),
             "--spawn-rate", str(USERS), "--run-time", f"{SECONDS}s", "--stop-timeout", "10", "--host", base,
             "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0"],
            check=True, timeout=SECONDS + 120, capture_output=True,
            env={**os.environ, "EASEBACK_LEDGER": str(ledger_file)})
        ledgers = json.loads(ledger_file.read_text(encoding="utf-8"))
        lost = lost_writes(base, ledgers)
        engine = create_engine(url)
        with engine.connect() as connection:
            stored = (connection.scalar(select(func.count()).select_from(PracticeSession))
                      + connection.scalar(select(func.count()).select_from(CheckIn)))
        engine.dispose()
    totals = aggregate(f"{prefix}_stats.csv")
    confirmed = sum(len(ledger["sessions"]) + len(ledger["checkins"]) for ledger in ledgers)
    changes = sum(ledger["favourite_changes"] for ledger in ledgers)
    return {
        "requests": int(totals["Request Count"]), "failures": int(totals["Failure Count"]),
        "rps": float(totals["Requests/s"]), "p50": float(totals["50%"]), "p99": float(totals["99%"]),
        "saves": confirmed + changes, "lost": lost,
        "extra": stored - confirmed, "unanswered": sum(ledger["unanswered"] for ledger in ledgers),
    }


def rows(kinds, folder):
    """(what, figure, budget) rows for the bench table."""
    for kind in kinds:
        result = run(kind, folder)
        yield (f"load, {kind}: {USERS} people for {SECONDS} s, reads and saves (Locust; gunicorn {WORKERS} "
               f"processes x {THREADS} threads, {rate_limit_where()})",
               f"{result['requests']} requests, {result['rps']:.0f}/s, p50 {result['p50']:.0f} ms, "
               f"p99 {result['p99']:.0f} ms; {result['failures']} failed; {result['saves']} saves confirmed, "
               f"{result['lost']} lost, {result['extra']} unconfirmed kept, "
               f"{result['unanswered']} unanswered",
               "0 failed, 0 lost")
