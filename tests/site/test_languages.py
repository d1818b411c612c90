"""Which language a page is in: its address decides; an address without a language is the person's."""
import json
import re
from html import unescape

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from app import paths
from app.site.languages import COOKIE, LANGUAGES

SPANISH_BROWSER = {"Accept-Language": "es-MX,es;q=0.9,en;q=0.4"}


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.get_data(as_text=True)).group(1)


@pytest.mark.parametrize("accept", ["es", "es-MX", "es-ES,en;q=0.5", "fr-FR,es-AR;q=0.8"])
def test_a_spanish_browser_is_sent_to_the_spanish_page(client, accept):
    response = client.get("/routines?position=sitting", headers={"Accept-Language": accept})
    assert response.status_code == 302
    assert response.headers["Location"] == "/es/routines?position=sitting"
    assert {"Cookie", "Accept-Language"} <= set(response.vary)


@pytest.mark.parametrize("accept", [None, "en-US,en;q=0.9", "fr-FR", "de,en;q=0.1"])
def test_other_browsers_stay_in_english(client, accept):
    response = client.get("/", headers={"Accept-Language": accept} if accept else {})
    assert response.status_code == 200
    assert html_lang(response) == "en-GB"
    # The same address sends a Spanish browser on: no shared cache may keep one answer for both.
    assert {"Cookie", "Accept-Language"} <= set(response.vary)


def test_the_choice_in_settings_beats_the_browser(client):
    client.set_cookie(COOKIE, "en")
    assert client.get("/", headers=SPANISH_BROWSER).status_code == 200
    client.set_cookie(COOKIE, "es")
    assert client.get("/").headers["Location"] == "/es/"


def test_a_language_in_the_address_is_kept_whatever_the_person_chose(client):
    client.set_cookie(COOKIE, "en")
    assert html_lang(client.get("/es/safety")) == "es"
    client.set_cookie(COOKIE, "es")
    english = client.get("/en/safety")
    assert english.status_code == 200 and html_lang(english) == "en-GB"


def test_a_spanish_page_links_to_spanish_pages_and_shared_files(client):
    page = client.get("/es/routines").get_data(as_text=True)
    links = re.findall(r'href="(/[^"]*)"', page)
    assert "/es/routines/morning-mobility" in links
    assert all(link.startswith(("/es/", "/static/", "/en/")) or link == "/routines" for link in links), links
    assert re.search(r'src="/static/js/pages/every-page\.js\?v=', page)
    assert '<link rel="alternate" hreflang="es" href="/es/routines">' in page
    assert '<link rel="alternate" hreflang="en-GB" href="/en/routines">' in page
    assert '<link rel="alternate" hreflang="x-default" href="/routines">' in page


def test_english_and_spanish_pages_are_stored_apart(client):
    english = client.get("/routines/morning-mobility").get_data(as_text=True)
    spanish = client.get("/es/routines/morning-mobility").get_data(as_text=True)
    assert "<h1>Morning mobility</h1>" in english
    assert "<h1>Movilidad por la mañana</h1>" in spanish
    assert "<h1>Morning mobility</h1>" in client.get("/routines/morning-mobility").get_data(as_text=True)


@pytest.mark.parametrize("path", ["/es/static/css/app.css", "/es/api/v1/favourites", "/es/sw.js", "/esp/"])
def test_files_and_the_api_have_one_address(client, path):
    assert client.get(path).status_code == 404


def test_the_api_is_never_sent_on(client):
    response = client.get("/api/v1/favourites", headers=SPANISH_BROWSER)
    assert response.status_code != 302


@pytest.mark.parametrize(("code", "location", "kept"),
                         [("es", "/es/settings", "es"), ("en", "/settings", "en")])
def test_settings_remembers_the_language(client, code, location, kept):
    response = client.post("/settings/language", data={"language": code})
    assert response.status_code == 303 and response.headers["Location"] == location
    assert client.get_cookie(COOKIE).value == kept


def test_the_browsers_language_again_forgets_the_choice(client):
    client.set_cookie(COOKIE, "es")
    response = client.post("/es/settings/language", data={"language": ""})
    assert response.headers["Location"] == "/settings"
    assert client.get_cookie(COOKIE) is None
    assert client.get("/settings", headers=SPANISH_BROWSER).headers["Location"] == "/es/settings"


def test_an_unknown_language_is_a_clear_400(client):
    response = client.post("/settings/language", data={"language": "xx"})
    assert response.status_code == 400
    assert "Choose one of the languages listed." in response.get_data(as_text=True)
    assert client.get_cookie(COOKIE) is None


def test_another_site_cannot_change_the_language(client):
    response = client.post("/settings/language", data={"language": "es"},
                           headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert client.get_cookie(COOKIE) is None


def test_settings_offers_every_language_by_its_own_name(client):
    page = client.get("/es/settings").get_data(as_text=True)
    assert '<label for="language">' in page
    assert re.search(r'<option value="es" lang="es" selected>Español</option>', page)
    assert re.search(r'<option value="en" lang="en-GB">English</option>', page)


# --- Offline, in the person's language --------------------------------------------------

def worker(client, query=""):
    source = client.get(f"/sw.js{query}").text
    found = lambda name: json.loads(re.search(rf"const {name} = (.*?);\n", source).group(1))  # noqa: E731
    return {name: found(name) for name in ("LANGUAGE", "LANGUAGE_PREFIX", "PRECACHE", "OFFLINE_URL")} | {
        "personal": json.loads(re.search(r"const PERSONAL_PAGES = (\[.*?\])\.map", source).group(1))}


def test_the_spanish_worker_keeps_the_spanish_pages(client):
    spanish, english = worker(client, "?lang=es"), worker(client)
    said = lambda found: (found["LANGUAGE"], found["LANGUAGE_PREFIX"], found["OFFLINE_URL"])  # noqa: E731
    assert said(spanish) == ("es", "/es", "/es/offline")
    assert said(english) == ("en", "", "/offline")
    pages = [url for url in spanish["PRECACHE"] if not url.startswith("/static/")]
    assert pages and all(url.startswith("/es/") for url in pages)
    assert len(spanish["PRECACHE"]) == len(english["PRECACHE"])
    for url in pages[:12]:
        response = client.get(url)
        assert response.status_code == 200 and html_lang(response) == "es", url


def test_a_personal_page_is_personal_in_every_language(client):
    patterns = [re.compile(pattern) for pattern in worker(client, "?lang=es")["personal"]]
    for path in ("/history", "/es/history", "/en/history"):
        assert any(pattern.match(path) for pattern in patterns), path
    assert not any(pattern.match("/es/routines") for pattern in patterns)


def test_no_worker_for_a_language_the_site_does_not_speak(client):
    assert client.get("/sw.js?lang=xx").status_code == 404


def test_delete_everything_gives_the_browsers_language_back(client):
    client.post("/settings/language", data={"language": "es"})
    assert client.get("/").headers["Location"] == "/es/"
    assert client.delete("/api/v1/profile").status_code == 204
    assert client.get_cookie(COOKIE) is None
    assert client.get("/").status_code == 200
    assert client.get("/", headers=SPANISH_BROWSER).headers["Location"] == "/es/"


# --- The catalogues ---------------------------------------------------------------------

def test_every_language_has_every_word_translated(tmp_path):
    """`make messages` was run after the last change of words, and each catalogue is complete."""
    pot = tmp_path / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(paths.PROJECT_ROOT / "babel.cfg"),
                                "-k", "lazy_gettext", "-k", "_l", "-o", str(pot), str(paths.PROJECT_ROOT)])
    with pot.open("rb") as handle:
        wanted = {message.id if isinstance(message.id, str) else message.id[0]
                  for message in read_po(handle) if message.id}
    for code in set(LANGUAGES) - {"en"}:
        with (paths.TRANSLATIONS_DIR / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            catalogue = read_po(handle)
        have = {message.id if isinstance(message.id, str) else message.id[0]: message
                for message in catalogue if message.id}
        assert wanted <= have.keys(), f"{code}: run `make messages`: {sorted(wanted - have.keys())[:5]}"
        forms = lambda message: message.string if isinstance(message.string, tuple) else [message.string]  # noqa: E731
        empty = [key for key, message in have.items()
                 if key in wanted and (message.fuzzy or not all(forms(message)))]
        assert not empty, f"{code}: translate {empty[:5]}"


def test_the_spanish_player_speaks_spanish_with_the_devices_voice(client):
    page = client.get("/es/routines/morning-mobility/play").get_data(as_text=True)
    player = json.loads(unescape(re.search(r'id="player-data">(.*?)</script>', page, re.DOTALL).group(1)))
    clips = player["voice"]["clips"]
    assert clips["switch-sides"] == {"url": None, "words": "Cambia de lado."}
    assert clips["exercise-cat-cow"]["words"] == "Gato-camello."
    assert all(clip["url"] is None for clip in clips.values())
    english = client.get("/routines/morning-mobility/play").get_data(as_text=True)
    assert '"words": "Switch sides."' in english and "/static/audio/voice/switch-sides.mp3?v=" in english
