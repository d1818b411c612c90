"""How much the service worker stores on a device at install, and what fetching it costs."""
import json

from app import paths
from app.site.pwa import precache_urls

VOICE = paths.STATIC_DIR / "audio" / "voice"


def size(app):
    """Every precached response: bytes as stored, and bytes sent (compressed as the app sends
    them to a browser that accepts brotli and gzip; audio and pictures go as they are)."""
    with app.test_request_context():
        urls = precache_urls()
    client = app.test_client()
    stored = sent = 0
    for url in urls:
        with client.get(url, headers={"Accept-Encoding": "br, gzip"}) as response:
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            sent += len(response.get_data())
        with client.get(url) as response:
            stored += len(response.get_data())
    return {"urls": len(urls), "bytes": stored, "sent_bytes": sent}


def voice_clips():
    """The recorded cues (static/audio/voice/clips.json): how many, and their total size."""
    clips = json.loads((VOICE / "clips.json").read_text())["clips"]
    stored = sum((VOICE / clip["file"]).stat().st_size for clip in clips.values())
    return {"clips": len(clips), "bytes": stored}
