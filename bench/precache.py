"""How much the service worker stores on a device at install."""
import gzip

from app.pwa import precache_urls


def size(app):
    """Total bytes of every precached response, as stored and as sent gzipped."""
    with app.test_request_context():
        urls = precache_urls()
    client = app.test_client()
    total = compressed = 0
    for url in urls:
        with client.get(url) as response:
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            total += len(response.data)
            compressed += len(gzip.compress(response.data))
    return {"urls": len(urls), "bytes": total, "gzip_bytes": compressed}
