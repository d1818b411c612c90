"""The app served on 127.0.0.1, in this process or its own: shared by tests, screenshots and benchmarks."""
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager

from werkzeug.serving import make_server


@contextmanager
def serving(app):
    """Yield the base URL of the app served on 127.0.0.1, stopping it afterwards."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


def free_port():
    """A TCP port on 127.0.0.1 that nothing is listening on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def app_process(database_uri, *, port=None, env=None, log=None):
    """Run the app in its own process on 127.0.0.1, its database migrated; yield its base URL.

    A separate process, like a real deployment: the browser may drop
    connections at any moment, and the server's handling of that must not
    leak into the test process. Its output goes to the file log, if given.
    """
    port = port or free_port()
    environment = {**os.environ, "FLASK_TESTING": "true", "FLASK_SQLALCHEMY_DATABASE_URI": database_uri,
                   **(env or {})}
    environment.pop("DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "app"]
    subprocess.run([*flask, "db", "upgrade"], env=environment, check=True, capture_output=True)
    base = f"http://127.0.0.1:{port}"
    with quiet_process([*flask, "run", "--host", "127.0.0.1", "--port", str(port)], env=environment,
                       ready=lambda server: wait_until_serving(base, server), log=log):
        yield base


@contextmanager
def quiet_process(command, *, ready, env=None, log=None):
    """Run command with its output discarded (or appended to the file log); yield once ready(process)
    returns, and stop it afterwards."""
    with open(log or os.devnull, "ab") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        ready(process)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until_serving(base, server, seconds=30, path="/manifest.webmanifest"):
    """Poll a server process until base + path answers, or fail with its exit status."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the app exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(base + path, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the app did not answer at {base} within {seconds} s")
