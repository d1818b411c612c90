"""Installability and offline plumbing, through the test client."""
import gc
import json
import re
import shutil
import struct
import subprocess

import brotli
import pytest

from app import paths
from app.content import library
from app.site.assets import module_graph
from app.site.pwa import source_version


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
    assert any(url.startswith("/static/js/lib/sync.js?v=") for url in static), (
        "modules in folders are precached")
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
    assert re.search(r'src="/static/js/pages/every-page\.js\?v=[0-9a-f]{12}"', html)


def test_no_module_is_both_a_page_script_and_an_import():
    """A page's script has a ?v= address, an import a plain one: a module with both would run twice."""
    js = paths.STATIC_DIR / "js"
    imported = {module for name, loads in module_graph(paths.STATIC_DIR).items() for module in loads - {name}}
    page_scripts = {name for path in paths.TEMPLATES_DIR.rglob("*.html")
                    for name in re.findall(r'script\("([\w/-]+\.js)"\)', path.read_text())}
    assert "lib/sync.js" in imported and "pages/every-page.js" in page_scripts, (
        "the patterns no longer match the sources")
    assert page_scripts & imported == set(), "load these through the modules that import them"
    assert page_scripts == {path.relative_to(js).as_posix() for path in js.glob("pages/*.js")}, \
        "js/pages/ holds the page scripts, and only they are loaded by templates"


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


@pytest.mark.parametrize("path", ["/static/js/pages/player.js", "/static/css/app.css"])
def test_not_modified_static_answer_releases_its_file(client, path):
    with client.get(path) as first:
        modified = first.headers["Last-Modified"]
    response = client.get(path, headers={"If-Modified-Since": modified})
    assert response.status_code == 304
    del response
    gc.collect()  # with filterwarnings=error, a leaked file handle fails this test


def test_version_follows_the_configured_content_folder(make_app, tmp_path):
    """The precached pages are made from FLASK_ROUTINES_DIR's files, so the version must follow them."""
    routines = tmp_path / "routines"
    shutil.copytree(paths.ROUTINES_DIR, routines)
    (routines / "desk-break.toml").write_text((routines / "desk-break.toml").read_text() + "\n# edited\n")
    default, edited = make_app(), make_app(ROUTINES_DIR=str(routines))
    assert edited.extensions["easeback_pwa_version"] != default.extensions["easeback_pwa_version"]
    (routines / "desk-break.toml").write_text((paths.ROUTINES_DIR / "desk-break.toml").read_text())
    assert make_app(ROUTINES_DIR=str(routines)).extensions["easeback_pwa_version"] == \
        default.extensions["easeback_pwa_version"], "the same content in another folder is the same version"


# A stand-in for the worker's surroundings, run by Node: the worker's own source
# with fake caches (a deleted cache's Cache object lives on but is no longer
# reachable by name, as the Service Worker spec says), a fetch each test
# controls, and timers fired by hand.
WORKER_HARNESS = r"""
const ORIGIN = "https://easeback.test";
const absolute = (request) => new URL(typeof request === "string" ? request : request.url, ORIGIN);
class BasicResponse extends Response { get type() { return "basic"; } }
const answer = (body, headers = {}) => new BasicResponse(body, { status: 200, headers });
const settle = () => new Promise((resolve) => setImmediate(resolve));
const failing = { puts: false };

class FakeCache {
  entries = new Map();
  async put(request, response) {
    if (failing.puts) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.entries.set(absolute(request).href, await response.text());
  }
  async addAll() {}
  async match(request, { ignoreSearch = false } = {}) {
    const wanted = absolute(request);
    for (const [key, body] of this.entries) {
      const url = new URL(key);
      const same = ignoreSearch
        ? url.origin + url.pathname === wanted.origin + wanted.pathname
        : key === wanted.href;
      if (same) return answer(body);
    }
    return undefined;
  }
}

const named = new Map();
const caches = {
  async open(name) {
    if (!named.has(name)) named.set(name, new FakeCache());
    return named.get(name);
  },
  async keys() { return [...named.keys()]; },
  async delete(name) { return named.delete(name); },
  async match(request, { cacheName, ...options }) { return named.get(cacheName)?.match(request, options); },
};
const contents = (name) => Object.fromEntries(
  [...(named.get(name)?.entries ?? [])].map(
    ([key, body]) => [new URL(key).pathname + new URL(key).search, body]));

let network = () => Promise.reject(new TypeError("offline"));
const timers = [];
const listeners = {};
const self = {
  location: new URL(ORIGIN), clients: { claim: async () => {} }, skipWaiting() {},
  addEventListener(type, listener) { listeners[type] = listener; },
};
new Function("self", "caches", "fetch", "setTimeout", WORKER)(
  self, caches, (request) => network(request),
  (fn, ms, ...args) => timers.push({ ms, fire: () => fn(...args) }));
const fireTimers = () => timers.splice(0).forEach((timer) => timer.fire());

function dispatch(path, mode = "navigate") {
  const event = {
    request: { url: ORIGIN + path, method: "GET", mode }, waits: [], response: null,
    respondWith(promise) { this.response = Promise.resolve(promise); },
    waitUntil(promise) { this.waits.push(promise); },
  };
  listeners.fetch(event);
  return event;
}

// What the page got: the body, "network error", or "pending" if nothing yet.
async function answered(event) {
  await settle();
  const response = await Promise.race([event.response, settle().then(() => null)]).catch(() => "error");
  if (response === "error") return "network error";
  return response ? response.text() : "pending";
}

function deferred() {
  let resolve;
  const promise = new Promise((done) => { resolve = done; });
  return { promise, resolve };
}

const CACHE = "easeback-" + VERSION_UNDER_TEST;
const result = {};
"""


def run_worker(client, scenario):
    """Run the served worker in Node with the harness and a scenario; return the scenario's result."""
    worker = client.get("/sw.js").text
    version = re.search(r"const VERSION = (\".*?\");", worker).group(1)
    script = (f"const WORKER = {json.dumps(worker)};\nconst VERSION_UNDER_TEST = {version};\n"
              + WORKER_HARNESS + scenario + "\nconsole.log(JSON.stringify(result));\n")
    done = subprocess.run(["node", "--input-type=module"], input=script, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_copy_that_cannot_be_stored_does_not_replace_the_network_answer(client):
    outcome = run_worker(client, """
    (await caches.open(CACHE)).entries.set(ORIGIN + "/", "stale");
    failing.puts = true;
    network = async () => answer("fresh");
    result.page = await answered(dispatch("/"));
    result.file = await answered(dispatch("/static/css/app.css?v=1", "no-cors"));
    """)
    assert outcome == {"page": "fresh", "file": "fresh"}


def test_a_slow_page_is_answered_from_the_cache_and_refreshed_in_the_background(client):
    outcome = run_worker(client, """
    (await caches.open(CACHE)).entries.set(ORIGIN + "/", "stale");
    const late = deferred();
    network = () => late.promise;
    const event = dispatch("/");
    result.beforeTheLimit = await answered(event);
    result.limits = timers.map((timer) => timer.ms);
    fireTimers();
    result.afterTheLimit = await answered(event);
    result.keptAlive = event.waits.length > 0;
    late.resolve(answer("fresh"));
    await Promise.all(event.waits);
    result.stored = contents(CACHE)["/"];
    """)
    assert outcome == {"beforeTheLimit": "pending", "limits": [3000], "afterTheLimit": "stale",
                       "keptAlive": True, "stored": "fresh"}


def test_a_slow_module_import_is_answered_from_the_cache_after_the_same_limit(client):
    outcome = run_worker(client, """
    (await caches.open(CACHE)).entries.set(ORIGIN + "/static/js/lib/timeline.js?v=1", "stored timeline");
    network = () => new Promise(() => {});
    const event = dispatch("/static/js/lib/timeline.js", "cors");
    result.beforeTheLimit = await answered(event);
    result.limits = timers.map((timer) => timer.ms);
    fireTimers();
    result.afterTheLimit = await answered(event);
    """)
    assert outcome == {"beforeTheLimit": "pending", "limits": [3000], "afterTheLimit": "stored timeline"}


def test_a_no_store_answer_is_never_kept(client):
    outcome = run_worker(client, """
    network = async () => answer("private", { "Cache-Control": "private, No-Store" });
    result.page = await answered(dispatch("/settings"));
    network = async () => answer("kept", { "Cache-Control": "private, no-cache" });
    result.history = await answered(dispatch("/history"));
    result.caches = Object.fromEntries(await Promise.all(
      (await caches.keys()).map(async (name) => [name, contents(name)])));
    """)
    assert outcome["page"] == "private"
    kept = {name: entries for name, entries in outcome["caches"].items() if entries}
    assert kept == {"easeback-personal": {"/history": "kept"}}


def test_personal_pages_live_in_a_cache_that_updates_keep(client):
    outcome = run_worker(client, """
    for (const name of ["easeback-older", "easeback-personal", "someone-else", CACHE]) {
      await caches.open(name);
    }
    network = async () => answer("my history");
    await answered(dispatch("/history?from=home"));
    const activated = { waitUntil(promise) { this.done = promise; } };
    listeners.activate(activated);
    await activated.done;
    result.caches = (await caches.keys()).sort();
    result.current = CACHE;
    result.personal = contents("easeback-personal");
    network = () => Promise.reject(new TypeError("offline"));
    result.offline = await answered(dispatch("/history?anything"));
    """)
    assert outcome["caches"] == sorted(["easeback-personal", "someone-else", outcome["current"]])
    assert outcome["personal"] == {"/history?from=home": "my history"}
    assert outcome["offline"] == "my history"


def test_a_personal_page_on_its_way_during_deletion_is_not_kept(client):
    outcome = run_worker(client, """
    const late = deferred();
    network = () => late.promise;
    const event = dispatch("/history");
    await settle();
    await caches.delete("easeback-personal");  // "Delete everything", while the page is on its way
    late.resolve(answer("my history"));
    result.page = await answered(event);
    await Promise.all(event.waits);
    result.caches = await caches.keys();
    """)
    assert outcome == {"page": "my history", "caches": []}


def test_scripts_are_sent_without_their_whole_line_comments_and_indentation_and_packed_once(client):
    """Comments and indentation show people the code in the source; the browser gets the code,
    line for line."""
    source = (paths.STATIC_DIR / "js" / "lib" / "timeline.js").read_text()
    assert "\n// " in source
    sent = client.get("/static/js/lib/timeline.js").get_data(as_text=True)
    assert sent.count("\n") == source.count("\n")  # line numbers in errors still match the source
    assert "// " not in "\n".join(line.strip()[:3] for line in sent.splitlines())
    assert "\n  " in source and not re.search(r"(?m)^[ \t]", sent)
    assert "export function buildSchedule(" in sent
    packed = client.get("/static/js/lib/timeline.js", headers={"Accept-Encoding": "br"})
    assert packed.headers["Content-Encoding"] == "br" and "Accept-Encoding" in packed.headers["Vary"]
    assert brotli.decompress(packed.get_data()).decode() == sent
    again = client.get("/static/js/lib/timeline.js",
                       headers={"Accept-Encoding": "br", "If-None-Match": packed.headers["ETag"]})
    assert again.status_code == 304


def test_every_script_still_parses_without_its_comments_and_indentation(client, tmp_path):
    """A line inside a multi-line template string would lose its indentation, or be emptied if it
    began with //: no template string may span lines."""
    for script in sorted((paths.STATIC_DIR / "js").rglob("*.js")):
        sent = client.get(f"/static/{script.relative_to(paths.STATIC_DIR).as_posix()}").get_data(as_text=True)
        for literal in re.findall(r"`[^`]*`", script.read_text()):
            assert "\n" not in literal, f"{script.name}: a template string spans lines: {literal[:40]}"
        lean = tmp_path / script.name.replace(".js", ".mjs")
        lean.write_text(sent)
        subprocess.run(["node", "--check", str(lean)], check=True, capture_output=True)
