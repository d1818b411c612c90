"""Installability and offline plumbing, through the test client."""
import gc
import json
import re
import struct

from app import paths
from app.content import library
from app.pwa import source_version


def png_size(data):
    """Width and height from a PNG's header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_manifest_describes_an_installable_app(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.data)
    for key in ("name", "short_name", "description", "start_url", "scope", "theme_color", "background_color"):
        assert manifest[key], key
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert {"any", "maskable"} <= {icon["purpose"] for icon in manifest["icons"]}
    for icon in manifest["icons"]:
        with client.get(icon["src"]) as image:
            assert image.status_code == 200 and image.mimetype == "image/png"
            width, height = png_size(image.data)
        assert f"{width}x{height}" == icon["sizes"]
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}
    for shortcut in manifest["shortcuts"]:
        assert client.get(shortcut["url"]).status_code == 200


def test_service_worker_headers(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert "Service-Worker-Allowed" not in response.headers  # served from the root, so scope is /


def precache(client):
    """The URLs the service worker precaches."""
    source = client.get("/sw.js").text
    return json.loads(re.search(r"const PRECACHE = (\[.*?\]);", source).group(1))


def test_precache_covers_every_page_and_file_and_all_answer_200(client, app):
    urls = precache(client)
    with app.app_context():
        for slug in library().routines:
            assert f"/routines/{slug}" in urls and f"/routines/{slug}/play" in urls
    for page in ["/", "/routines", "/safety", "/about", "/settings", "/offline"]:
        assert page in urls
    static = [url for url in urls if url.startswith("/static/")]
    on_disk = [p for p in paths.STATIC_DIR.rglob("*") if p.is_file()]
    assert len(static) == len(on_disk)
    assert all("?v=" in url for url in static)
    for url in urls:
        with client.get(url) as response:
            assert response.status_code == 200, url


def test_cache_version_is_in_the_worker(client, app):
    assert f'const VERSION = "{app.extensions["easeback_pwa_version"]}"' in client.get("/sw.js").text


def test_any_change_to_the_sources_makes_a_new_version(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path)
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "app.css").write_text("body { color: black; }")
    before = source_version([tmp_path / "static"])
    assert source_version([tmp_path / "static"]) == before
    (tmp_path / "static" / "app.css").write_text("body { color: navy; }")
    assert source_version([tmp_path / "static"]) != before


def test_static_urls_carry_a_content_hash(client):
    html = client.get("/").text
    assert re.search(r'href="/static/css/app\.css\?v=[0-9a-f]{12}"', html)
    assert re.search(r'src="/static/js/sw-register\.js\?v=[0-9a-f]{12}"', html)


def test_no_module_is_both_a_page_script_and_an_import():
    """A page's script has a ?v= address, an import a plain one: a module with both would run twice."""
    imported = {name for path in (paths.STATIC_DIR / "js").glob("*.js")
                for name in re.findall(r'(?:from|import)\s*"\./([\w-]+\.js)"', path.read_text())}
    page_scripts = {name for path in paths.TEMPLATES_DIR.rglob("*.html")
                    for name in re.findall(r"filename='js/([\w-]+\.js)'", path.read_text())}
    assert "sync.js" in imported and "favourites.js" in page_scripts, "the patterns no longer match the sources"
    assert page_scripts & imported == set(), "load these through the modules that import them"


def test_versioned_static_files_are_cached_for_a_year(client):
    url = re.search(r'href="(/static/css/app\.css\?v=[0-9a-f]+)"', client.get("/").text).group(1)
    with client.get(url) as response:
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    for stale in ["/static/css/app.css", "/static/css/app.css?v=000000000000"]:
        with client.get(stale) as response:
            assert response.headers["Cache-Control"] == "no-cache", stale


def test_html_is_not_long_cached(client):
    for url in ["/", "/routines/in-bed", "/offline"]:
        assert client.get(url).headers["Cache-Control"] == "no-cache", url


def test_offline_page_links_to_what_works_offline(client, app):
    html = client.get("/offline").text
    assert "<h1>You are offline</h1>" in html
    with app.app_context():
        for routine in library().routines.values():
            assert f'href="/routines/{routine.slug}"' in html


def test_not_modified_static_answer_releases_its_file(client):
    with client.get("/static/js/player.js") as first:
        modified = first.headers["Last-Modified"]
    response = client.get("/static/js/player.js", headers={"If-Modified-Since": modified})
    assert response.status_code == 304
    del response
    gc.collect()  # with filterwarnings=error, a leaked file handle fails this test
