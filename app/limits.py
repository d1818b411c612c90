"""Rate limits (Flask-Limiter).

Counts live in RATELIMIT_STORAGE_URI: memory:// for one process, or shared
storage such as redis://127.0.0.1:6379 or memcached://127.0.0.1:11211 so that
several app servers keep one count.

Writes are counted per profile, so a device cannot dodge the limit by
sending made-up cookies: a request whose cookie names no profile (a new
device, or a forged cookie) is counted against its network address instead.
Behind a reverse proxy, tell the app how many proxies to trust (PROXY_COUNT)
so that the address is the visitor's, not the proxy's.
"""
from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from app import profiles

limiter = Limiter(key_func=get_remote_address)

WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]
WRITES_SLOWED = ("Too many changes in a short time. Your device keeps them and sends them again "
                 "in a minute or so.")


def writer():
    """Whose writes these are: the profile of the cookie, else the network address."""
    profile = profiles.current_profile()
    return f"profile:{profile.id}" if profile is not None else f"address:{get_remote_address()}"


def write_limit():
    """The limit on saves (config WRITE_RATE_LIMIT): roomy enough for a long offline queue."""
    return current_app.config["WRITE_RATE_LIMIT"]


def limit_writes(blueprint):
    """Apply the shared write limit to every change made through blueprint."""
    return limiter.shared_limit(write_limit, scope="writes", key_func=writer, methods=WRITE_METHODS,
                                error_message=WRITES_SLOWED)(blueprint)


def init_app(app):
    """Bind the limiter; counts are kept in memory unless storage is configured."""
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    app.config.setdefault("WRITE_RATE_LIMIT", "120 per minute")
    limiter.init_app(app)
