"""Debian's Chromium and a loopback server: shared by browser tests, screenshots and benchmarks."""
import threading
from contextlib import contextmanager

from werkzeug.serving import make_server

# Playwright cannot download its own browser on these machines.
EXECUTABLE = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    # The machine has no internet: stop Chromium phoning home.
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
PHONE = {"width": 390, "height": 844}


def launch(playwright):
    """Start headless Debian Chromium with the project's flags."""
    return playwright.chromium.launch(executable_path=EXECUTABLE, args=ARGS)


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
