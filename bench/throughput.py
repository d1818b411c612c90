"""Server throughput and latency under gunicorn, measured with wrk on loopback.

Each Easeback endpoint is loaded for a fixed time with a fixed number of open
connections, after a short warm-up; so is a bare Flask route served the same
way in the same run, and each figure is also given as a ratio to it.
Responses are asked for compressed, as browsers do.

These machines slow down and speed up by a factor of two or three for seconds at a
time, so one reading of each can compare a fast moment with a slow one. The bare
route and every endpoint are measured in turn, ROUNDS times over, and each keeps
its best round: noise only ever slows a server, so the best is the nearest to what
it can do, and the ratios compare like with like. Failures count over every round.
"""
import http.cookiejar
import itertools
import json
import os
import re
import shutil
import subprocess
import urllib.request
import uuid
from pathlib import Path

from bench.servers import THREADS, WORKERS, database, gunicorn, rate_limit_storage, rate_limit_where

CONNECTIONS = 8
SECONDS = 5
WARM_UP_SECONDS = 1
ROUNDS = 3
WRITE_SCRIPT = Path(__file__).with_name("favourite_write.lua")
ENDPOINTS = [
    ("home page /", "GET", "/"),
    ("routine page", "GET", "/routines/morning-mobility"),
    ("play page", "GET", "/routines/morning-mobility/play"),
    ("favourite write (PUT)", "PUT", "/api/v1/favourites/in-bed"),
]
# The benchmark measures the write path itself, not the limiter refusing it.
UNLIMITED = {"FLASK_WRITE_RATE_LIMIT": "1000000 per minute"}
# Device times of the writes: the device's first save, then each wrk run in a block of its own,
# later than every earlier run's (far more ms than a run makes changes), so every change wins and
# is stored, as a phone's are. All in the past, as the server refuses times a day ahead.
FIRST_CHANGE_AT = 1_795_000_000_000
CHANGE_BLOCK_MS = 10_000_000
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk_available():
    """True when wrk is installed (apt-get install wrk)."""
    return shutil.which("wrk") is not None


def _milliseconds(figure):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", figure).groups()
    return float(number) * UNITS[unit]


def parse(output):
    """Requests per second, p50 and p99 in ms, and failed responses from wrk --latency output."""
    latency = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)$", output, re.MULTILINE))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"wrk gave no latency distribution:\n{output}")
    failed = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    failed += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _milliseconds(latency["50"]),
        "p99": _milliseconds(latency["99"]),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "failed": failed,
    }


def wrk(url, seconds, *, script=None, env=None):
    """Load url for seconds with wrk; its parsed figures."""
    command = ["wrk", "--threads", "1", "--connections", str(CONNECTIONS), "--duration", f"{seconds}s",
               "--latency", "--header", "Accept-Encoding: br, gzip"]
    if script:
        command += ["--script", str(script)]
    result = subprocess.run([*command, url], capture_output=True, text=True, check=True, timeout=seconds + 30,
                            env={**os.environ, **(env or {})})
    return parse(result.stdout)


def measure(url, *, script=None, env=None):
    """Warm up, then measure; env, if given, is a function that makes each run's environment."""
    wrk(url, WARM_UP_SECONDS, script=script, env=env and env())
    return wrk(url, SECONDS, script=script, env=env and env())


def write_runs(cookie):
    """The environments of one device's wrk runs of favourite_write.lua, run after run: each one's
    first change is CHANGE_BLOCK_MS after the one before's, far more than a run makes changes."""
    for block in itertools.count(1):
        first_change_at = FIRST_CHANGE_AT + block * CHANGE_BLOCK_MS
        yield {"EASEBACK_COOKIE": cookie, "EASEBACK_FIRST_CHANGE_AT": str(first_change_at)}


class Device:
    """One phone saving favourites: its cookie (made by its first save) and its runs of changes."""

    FAVOURITE = "/api/v1/favourites/in-bed"

    def __init__(self, base):
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        body = json.dumps({"change_id": str(uuid.uuid4()), "changed_at": FIRST_CHANGE_AT}).encode()
        self.open(urllib.request.Request(base + self.FAVOURITE, data=body, method="PUT",
                                         headers={"Content-Type": "application/json"}))
        self.runs = write_runs("; ".join(f"{cookie.name}={cookie.value}" for cookie in jar))
        self.last_run_at = FIRST_CHANGE_AT

    def open(self, request):
        """Send request with this device's cookie; the JSON answer."""
        with self.opener.open(request, timeout=10) as response:
            return json.load(response)

    def write_run(self):
        """The environment of the next wrk run of favourite_write.lua."""
        run = next(self.runs)
        self.last_run_at = int(run["EASEBACK_FIRST_CHANGE_AT"])
        return run

    def last_run_stored(self):
        """True when the server keeps a change from the last run, as it keeps every later change."""
        kept = self.open(urllib.request.Request(self.base + "/api/v1/favourites"))["favourites"]
        return any(row["changed_at"] >= self.last_run_at for row in kept)


def best(rounds):
    """The best round's figures, with the requests and failures of every round."""
    top = max(rounds, key=lambda figures: figures["rps"])
    return {**top, "requests": sum(f["requests"] for f in rounds), "failed": sum(f["failed"] for f in rounds)}


def run(kind, folder):
    """Measure the bare route and every endpoint on one kind of database, in turn, ROUNDS times;
    a list of result dicts (each the best round)."""
    with gunicorn("bench.bare:app") as bare_base, rate_limit_storage(folder) as limits, \
            database(kind, folder) as url, gunicorn(database_url=url, env={**UNLIMITED, **limits}) as base:
        phone = Device(base)
        rounds = {"bare Flask route": []} | {what: [] for what, _, _ in ENDPOINTS}
        for _ in range(ROUNDS):
            rounds["bare Flask route"].append(measure(bare_base + "/"))
            for what, method, path in ENDPOINTS:
                writes = {} if method == "GET" else {"script": WRITE_SCRIPT, "env": phone.write_run}
                rounds[what].append(measure(base + path, **writes))
                if writes and not phone.last_run_stored():
                    raise RuntimeError("the favourite writes were not stored: the bench would time a no-op")
    bare = best(rounds.pop("bare Flask route"))
    results = [{"what": "bare Flask route", **bare}]
    for what, figures in ((what, best(found)) for what, found in rounds.items()):
        results.append({"what": what, **figures, "rps_ratio": figures["rps"] / bare["rps"],
                        "p50_ratio": figures["p50"] / bare["p50"], "p99_ratio": figures["p99"] / bare["p99"]})
    return results


def rows(kinds, folder):
    """(what, figure, budget) rows for the bench table."""
    setup = (f"gunicorn {WORKERS} workers x {THREADS} threads, {rate_limit_where()}, "
             f"wrk {CONNECTIONS} connections, best of {ROUNDS} x {SECONDS} s")
    for kind in kinds:
        for result in run(kind, folder):
            figure = (f"{result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, "
                      f"{result['failed']} failed of {result['requests']}")
            if "rps_ratio" in result:
                figure += (f" = {result['rps_ratio']:.2f}x bare req/s, {result['p50_ratio']:.1f}x p50, "
                           f"{result['p99_ratio']:.1f}x p99")
            yield (f"server, {kind}: {result['what']} ({setup})", figure, "0 failed")
