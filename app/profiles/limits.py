"""Rate limits (Flask-Limiter).

Counts live in RATELIMIT_STORAGE_URI: memory:// for one process, or shared
storage such as redis://127.0.0.1:6379 or memcached://127.0.0.1:11211 so that
several app servers keep one count.

Writes are counted per profile, so a device cannot dodge the limit by
sending made-up cookies: a request whose cookie names no profile (a new
device, or a forged cookie) is counted against its network address instead,
and such writes, which make new profiles, have a budget of their own per
network. Behind a reverse proxy, tell the app how many proxies to trust
(PROXY_COUNT) so that the address is the visitor's, not the proxy's.

When shared storage stops answering, saves go on: each app process counts in
its own memory until the storage answers again, and says so once in its log.
Refusing saves instead would lose the changes of a device that gives up;
counted per process, the limits still slow scripts and guessers, only each
worker allows its own share (with 2 workers, 10 link tries per network per
10 minutes instead of 5).
"""
import ipaddress
import logging
import time

from flask import current_app, request
from flask.logging import default_handler
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from app import profiles


def network():
    """The visitor's network: an IPv4 address, or an IPv6 address's /64 (one home or phone has a /64)."""
    address = get_remote_address()
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address  # not an IP address (a test client or a Unix socket): count it as it is
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped is not None:  # ::ffff:192.0.2.1 from a dual-stack socket is an IPv4 visitor
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


limiter = Limiter(key_func=network)

WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]
# The refusals' words, lazy: each is said in the language of the request it refuses.
WRITES_SLOWED = _l("Too many changes in a short time. Your device keeps them and sends them again "
                   "in a minute or so.")
NEW_PROFILES_SLOWED = _l("Too many new devices have started saving from this network lately. Your device "
                         "keeps its changes and sends them again later.")
LINK_TRIES_HERE = _l("Too many tries. Wait ten minutes, then make a new code.")


def writer():
    """Whose writes these are: the profile of the cookie, else the network address."""
    profile_id = profiles.current_profile_id()
    return f"profile:{profile_id}" if profile_id is not None else f"address:{network()}"


def configured(name):
    """A limit read from the app's config when a request is counted, so each app may set its own
    (the defaults and their reasons are in init_app)."""
    return lambda: current_app.config[name]


def has_profile():
    """True when this device's cookie names a profile: its writes make no new one."""
    return profiles.current_profile_id() is not None


def limit_writes(blueprint):
    """Apply the shared write limit, and the budget of new profiles, to every change through blueprint."""
    limiter.shared_limit(configured("PROFILE_CREATION_LIMIT"), scope="new-profiles", key_func=network,
                         methods=WRITE_METHODS, exempt_when=has_profile,
                         error_message=NEW_PROFILES_SLOWED)(blueprint)
    return limiter.shared_limit(configured("WRITE_RATE_LIMIT"), scope="writes", key_func=writer,
                                methods=WRITE_METHODS, error_message=WRITES_SLOWED)(blueprint)


def wrong_try(response):
    """A link attempt whose code was looked at and did not link costs a try; a refusal for too many
    tries looked at no code, so it costs none."""
    return response.status_code not in (200, 429)


def limit_link_tries(view):
    """Allow a few wrong codes per network, and nothing shared by every network: a budget that wrong
    guesses from many addresses could spend would turn away the one person with the right code.
    Codes are long and short-lived enough that per-network tries alone make guessing hopeless
    (the arithmetic is in the README)."""
    return limiter.limit(configured("LINK_TRY_LIMIT"), key_func=network, deduct_when=wrong_try,
                         error_message=LINK_TRIES_HERE)(view)


@limiter.request_filter
def never_limited():
    """Only the API (saves and device linking) is limited: pages and static files pass the limiter
    at once, before it looks up any limit."""
    return "api" not in request.blueprints


def say_when_to_retry(response):
    """A refusal (429) says in Retry-After when to send again. Only a refusal: the X-RateLimit
    headers on every accepted save cost a second storage round trip each, and no page reads them."""
    refused_by = limiter.current_limit
    if response.status_code == 429 and refused_by is not None and refused_by.breached:
        response.headers["Retry-After"] = str(max(1, int(refused_by.reset_at - time.time())))
    return response


def look_up_the_device_first():
    """Find this device's profile before the limiter does: the limiter takes any error in its key
    functions for its own storage failing, so a database gone away would be logged as that and then
    answered with a 500; met here, it is answered as what it is (a 503, app/errors.py)."""
    if not never_limited() and request.method in WRITE_METHODS:
        profiles.current_profile_id()


def _warn_where_the_app_does():
    """The limiter's warning that its storage is lost reaches the server's log: by itself its logger has
    only a handler that drops everything, so unless logging is set up it gets the app's handler."""
    if not logging.getLogger().handlers and default_handler not in limiter.logger.handlers:
        limiter.logger.addHandler(default_handler)


def init_app(app):
    """Bind the limiter; counts are kept in memory unless storage is configured."""
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", False)
    # Storage gone: count in this process's memory until it answers again.
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    if app.config["RATELIMIT_STORAGE_URI"].startswith("redis"):
        # A Redis that hangs rather than refuses would otherwise hold every save for minutes.
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 1, "socket_timeout": 1})
    # Roomy enough for a long offline queue sent at once.
    app.config.setdefault("WRITE_RATE_LIMIT", "120 per minute")
    # A household or an office shares one address; a script making profiles does not get far.
    app.config.setdefault("PROFILE_CREATION_LIMIT", "20 per hour")
    # A person mistyping a code gets a few more goes; a guesser gets 720 a day per network.
    app.config.setdefault("LINK_TRY_LIMIT", "5 per 10 minutes")
    app.before_request(look_up_the_device_first)  # before the limiter's own check, registered next
    limiter.init_app(app)
    _warn_where_the_app_does()
    app.after_request(say_when_to_retry)
