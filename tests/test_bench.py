"""The benchmarks' own arithmetic: reading wrk's report."""
import pytest

from bench.throughput import parse

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
