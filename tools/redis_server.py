"""A throwaway Redis (Debian's redis-server) on a loopback port, for shared rate-limit counts
in the tests and the benchmarks. Nothing is written to disk."""
import shutil
import time
from contextlib import contextmanager

import redis

from tools.servers import free_port, quiet_process


def installed():
    """True when redis-server is on the PATH (apt-get install redis-server)."""
    return shutil.which("redis-server") is not None


def _wait_for(url, server, seconds=10):
    """Poll until Redis answers PING, or fail."""
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    deadline = time.monotonic() + seconds
    try:
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"redis-server exited with status {server.returncode}")
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Redis did not answer at {url} within {seconds} s") from None
                time.sleep(0.05)
    finally:
        client.close()


@contextmanager
def redis_server(folder):
    """Run redis-server on 127.0.0.1 with folder as its working directory; yield its URL."""
    if not installed():
        raise RuntimeError("redis-server is not installed: apt-get install redis-server")
    port = free_port()
    url = f"redis://127.0.0.1:{port}"
    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
               "--appendonly", "no", "--dir", str(folder)]
    with quiet_process(command, ready=lambda server: _wait_for(url, server)):
        yield url
