"""The benchmarks' own arithmetic: reading wrk's report, and the device times the writes send."""
import itertools
import time

import pytest

from bench.throughput import CHANGE_BLOCK_MS, ENDPOINTS, FIRST_CHANGE_AT, ROUNDS, SECONDS, parse, write_runs

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:40000/
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.10ms    2.20ms  40.00ms   90.00%
    Req/Sec     1.23k   100.00     1.40k    70.00%
  Latency Distribution
     50%  850.00us
     75%    6.00ms
     90%    8.00ms
     99%    1.25s
  12320 requests in 10.01s, 1.92MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:   1231.00
Transfer/sec:    196.00KB
"""


def test_wrk_report_is_read_in_milliseconds_with_every_failure_counted():
    figures = parse(WRK_OUTPUT)
    assert figures == {"rps": 1231.0, "p50": 0.85, "p99": 1250.0, "requests": 12320, "failed": 9}


def test_a_report_without_latencies_is_an_error_not_a_zero():
    with pytest.raises(RuntimeError, match="no latency distribution"):
        parse(WRK_OUTPUT.replace("     99%    1.25s\n", ""))


def test_the_best_round_is_kept_with_every_rounds_failures():
    from bench.throughput import best
    rounds = [{"rps": 1500.0, "p50": 5.0, "p99": 9.0, "requests": 7500, "failed": 0},
              {"rps": 4100.0, "p50": 1.9, "p99": 7.0, "requests": 20500, "failed": 1},
              {"rps": 3900.0, "p50": 2.0, "p99": 7.5, "requests": 19500, "failed": 2}]
    assert best(rounds) == {"rps": 4100.0, "p50": 1.9, "p99": 7.0, "requests": 47500, "failed": 3}


def test_every_write_run_sends_changes_later_than_all_before_so_each_is_stored():
    """A run that began again at the first run's times sent only older changes, which lose and
    cost the server nothing to commit: the bench timed a read, not a save."""
    runs_in_a_bench = 2 * ROUNDS * len(ENDPOINTS) * 2  # warm-up and measure; SQLite and PostgreSQL
    runs = itertools.islice(write_runs("c=1"), runs_in_a_bench)
    firsts = [int(run["EASEBACK_FIRST_CHANGE_AT"]) for run in runs]
    assert firsts[0] > FIRST_CHANGE_AT  # after the device's first save
    assert all(later - earlier == CHANGE_BLOCK_MS for earlier, later in itertools.pairwise(firsts))
    assert CHANGE_BLOCK_MS > 100_000 * SECONDS  # more changes than a run at 100,000 a second makes
    assert firsts[-1] + CHANGE_BLOCK_MS < time.time() * 1000  # in the past: the server refuses a day ahead
