"""`flask freeze`: the frozen pages are byte for byte what the app serves, in each encoding,
with the app's own page headers for nginx."""
from pathlib import Path

from app.site.freeze import ENCODINGS, page_file


def test_frozen_pages_are_what_the_app_serves(app, runner, tmp_path):
    result = runner.invoke(args=["freeze", str(tmp_path)])
    assert result.exit_code == 0, result.output
    client = app.test_client()
    with app.test_request_context():
        from app.site.pwa import offline_page_urls
        urls = offline_page_urls()
    assert "/" in urls and "/routines/desk-break/play" in urls and "/learn/how-much-pain-is-ok" in urls
    for url in urls:
        for encoding, suffix in ENCODINGS.items():
            frozen = page_file(tmp_path, url)
            served = client.get(url, headers={"Accept-Encoding": encoding}).get_data()
            assert frozen.with_name(frozen.name + suffix).read_bytes() == served, (url, encoding)
    assert (page_file(tmp_path, "/routines/desk-break/play")
            == Path(tmp_path, "routines/desk-break/play/index.html"))
    assert "/history" not in urls, "personal pages are never frozen"


def test_the_headers_file_carries_the_apps_page_headers(app, runner, tmp_path):
    runner.invoke(args=["freeze", str(tmp_path)])
    conf = (tmp_path / "security-headers.conf").read_text()
    sent = app.test_client().get("/about").headers
    for name in ("Content-Security-Policy", "Cross-Origin-Opener-Policy", "X-Content-Type-Options",
                 "Cache-Control"):
        assert f'add_header {name} "{sent[name]}" always;\n' in conf
