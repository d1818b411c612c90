"""Rate limits (Flask-Limiter). Storage comes from RATELIMIT_STORAGE_URI, e.g.
redis://127.0.0.1:6379 so that several app servers share one count."""
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address)


def init_app(app):
    """Bind the limiter; counts are kept in memory unless storage is configured."""
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)
