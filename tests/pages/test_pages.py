"""Every page through the test client: what a person sees, and the headers."""
import re
from datetime import date
from html import escape, unescape

import pytest

from app.content import library, warning_signs
from app.content.safety import TIERS
from app.pages.home import NEEDS, part_of_day, safe_next, suggestions
from app.pages.routines import stays_off_the_floor


@pytest.mark.parametrize(("url", "heading"), [
    ("/", "Gentle routines for sciatica"),
    ("/routines", "Routines"),
    ("/routines/morning-mobility", "Morning mobility"),
    ("/routines/morning-mobility/play", "Morning mobility"),
    ("/safety", "Warning signs and when to get help"),
    ("/about", "About Easeback"),
])
def test_page_shows_its_heading(client, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert f"<h1>{heading}</h1>" in response.text


@pytest.mark.parametrize("url", ["/", "/routines", "/routines/in-bed", "/routines/in-bed/play", "/favourites",
                                 "/history", "/checklist", "/settings", "/safety", "/about", "/offline",
                                 "/no-such-page", "/api/v1/favourites", "/static/css/app.css"])
def test_security_headers_on_every_page(client, url):
    response = client.get(url)
    response.close()
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_no_inline_scripts_or_styles(client, app):
    with app.app_context():
        slugs = list(library().routines)
    for url in ["/", "/routines", "/safety", "/about", f"/routines/{slugs[0]}", f"/routines/{slugs[0]}/play"]:
        html = client.get(url).text
        assert "<style" not in html and " style=" not in html, url
        assert "<script>" not in html and " onclick=" not in html, url


def test_robots_txt_keeps_crawlers_to_the_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert set(lines[1:]) == {"Disallow: /api/", "Disallow: /offline"}


def test_home_lists_every_routine_and_a_suggestion(client, app):
    html = client.get("/").text
    with app.app_context():
        for routine in library().routines.values():
            assert routine.title in html
    assert "Suggested for" in html
    # One card for each part of the day, and one for a bad day.
    assert html.count("data-day-part=") == 5
    assert html.count('data-day-part="bad-day"') == 1


def test_home_asks_what_is_needed_with_a_suggestion_for_every_answer(client):
    html = client.get("/").text
    assert "What do you need right now?" in html
    for need in NEEDS:
        assert html.count(f'data-need-choice="{need.key}"') == 1, need.key
        assert html.count(f'data-need="{need.key}"') == 1, need.key
        assert f">{need.answer}</button>" in html, need.answer


def test_no_suggestion_on_home_goes_down_to_the_floor_but_the_bad_day_one(client):
    """Each hidden card is one a visitor may be shown; only saying today is a bad day brings the floor."""
    html = client.get("/").text
    card_pattern = r'<article class="card card--feature" (data-day-part|data-need)="([^"]+)".*?</article>'
    cards = re.findall(card_pattern, html, re.S)
    assert len(cards) == 4 + len(NEEDS) + 1
    for mark, key in cards:
        card = re.search(rf'{mark}="{key}".*?</article>', html, re.S).group(0)
        meta = re.search(r'<p class="meta">(.*?)</p>', card, re.S).group(1)
        if key != "bad-day":
            assert "Lying down" not in meta and "On hands and knees" not in meta, (key, meta)


def test_every_routine_card_starts_its_routine_in_one_tap(client, app):
    with app.app_context():
        routines = list(library().routines.values())
    for url in ("/", "/routines"):
        html = client.get(url).text
        for routine in routines:
            assert (f'href="/routines/{routine.slug}/play">Start<span class="visually-hidden"> '
                    f"{routine.title}</span></a>") in html, (url, routine.slug)


def test_a_routine_says_truly_how_it_rests(client):
    assert "with one 10 s rest and" in client.get("/routines/guided-walk").text
    assert "with 10 s rests between steps and 5 s to switch sides" in client.get("/routines/in-bed").text
    assert "at your own pace, with one 10 s rest," in client.get("/routines/guided-walk/play").text


@pytest.mark.parametrize(("hour", "part"), [(0, "night"), (4, "night"), (5, "morning"), (10, "morning"),
                                            (11, "daytime"), (16, "daytime"), (17, "evening"), (21, "night")])
def test_part_of_day(hour, part):
    assert part_of_day(hour) == part


def test_suggestions_fit_the_part_of_day_and_change_daily(app):
    with app.app_context():
        routines = list(library().routines.values())
    monday = suggestions(routines, date(2026, 11, 23))
    for part, routine in monday.items():
        # Home never suggests floor work, so a part of the day with none off the floor gets a gentle one.
        off_the_floor = [other for other in routines
                         if part in other.time_of_day and stays_off_the_floor(other)]
        assert part in routine.time_of_day or not off_the_floor
    week = [suggestions(routines, date(2026, 11, day))["morning"] for day in range(23, 30)]
    assert len({routine.slug for routine in week}) > 1


def test_routine_page_shows_steps_cautions_and_sources(client, app):
    with app.app_context():
        routine = library().routines["gentle-nerve-glide"]
    html = client.get("/routines/gentle-nerve-glide").text
    for step in routine.steps:
        assert step.exercise.name in html
        assert f'alt="{step.exercise.picture_alt}"' in html
    assert "Skip this routine today if" in html
    assert '<span class="cue-label">Take care</span>' in html
    assert "Breathing" in html
    for source in routine.sources:
        assert source in html
    assert 'href="/routines/gentle-nerve-glide/play"' in html


def test_only_steps_with_a_skip_line_show_one(client):
    html = unescape(client.get("/routines/desk-break").text)
    assert html.count('<span class="cue-label">Before you start</span>') == 2, "buttock stretch and back bend"
    assert "Skip this if bending backwards makes your leg worse, or if you have been told" in html


def test_one_sided_steps_say_both_sides(client):
    html = client.get("/routines/morning-mobility").text
    assert "on each side, right then left" in html


def test_left_only_step_is_mirrored(app):
    with app.test_request_context():
        template = app.jinja_env.from_string(
            '{% from "macros.html" import picture %}{{ picture(exercise, side="left") }}')
        html = template.render(exercise=library().exercises["figure-four-stretch"])
    assert 'class="mirrored"' in html


@pytest.mark.parametrize("url", ["/routines/no-such-routine", "/routines/no-such-routine/play", "/nowhere"])
def test_unknown_address_gets_the_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We could not find that page" in response.text
    assert 'href="/routines"' in response.text


def test_server_error_page_is_friendly(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/explode")
    def explode():
        raise RuntimeError("boom")

    response = app.test_client().get("/explode")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert "boom" not in response.text


def test_method_not_allowed_is_a_page_not_a_crash(client):
    response = client.post("/routines")
    assert response.status_code == 405
    assert "Method Not Allowed" in response.text
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_method_not_allowed_in_the_api_says_what_is_allowed(client):
    response = client.post("/api/v1/checklist", json={})
    assert response.status_code == 405
    assert response.json["error"] == "Method Not Allowed"
    assert "PUT" in response.headers["Allow"].split(", ")


@pytest.mark.parametrize(("next_url", "expected"), [
    ("/routines/in-bed/play", "/routines/in-bed/play"),
    ("https://evil.example/", "/"),
    ("//evil.example/", "/"),
    ("javascript:alert(1)", "/"),
    ("", "/"),
    (None, "/"),
    # Browsers read "\\" as "/" and drop tabs: each of these leads to evil.example.
    ("/\\evil.example", "/"),
    ("/\\\\evil.example", "/"),
    ("/\\/evil.example", "/"),
    ("/\\\tevil.example", "/"),
    ("/\tevil.example", "/"),
    # Only pages of this app: not the API, files, or addresses it does not route.
    ("/api/v1/export.json", "/"),
    ("/static/css/app.css", "/"),
    ("/no-such-page", "/"),
    ("/routines?goal=massage", "/routines?goal=massage"),
    ("/routines/guided-walk/play#walk=8", "/routines/guided-walk/play#walk=8"),
    ("//evil.example/#walk=8", "/"),
])
def test_safety_continues_only_to_this_site(app, next_url, expected):
    with app.test_request_context():
        assert safe_next(next_url) == expected


@pytest.mark.parametrize("query", ["/%5Cevil.example", "/%5C%5Cevil.example", "/%5C/evil.example",
                                   "/%5C%09evil.example", "https:/%5Cevil.example"])
def test_safety_page_never_links_off_the_site(client, query):
    html = client.get(f"/safety?next={query}").text
    assert 'href="/?safety=read" data-acknowledge' in html
    assert "evil" not in html


def test_safety_page_lists_red_flags_and_emergency_numbers(client):
    html = client.get("/safety?next=/routines/in-bed/play").text
    for words in ["pee", "bowels", "genitals or bottom", "both legs", "weakness", "high temperature",
                  "losing weight", "had cancer", "a fall", "emergency number", "999", "911", "112",
                  "See a GP or physiotherapist soon"]:
        assert words in html, words
    assert 'href="/routines/in-bed/play?safety=read" data-acknowledge' in html
    walk = client.get("/safety?next=/routines/guided-walk/play%23walk%3D8").text
    assert 'href="/routines/guided-walk/play?safety=read#walk=8" data-acknowledge' in walk


def tier_html(html, tier):
    """The part of /safety from one tier's anchor to the next section."""
    return html.split(f'id="{tier}"', 1)[1].split("</section>", 1)[0]


def test_emergency_numbers_are_tap_to_call_with_the_most_urgent_tier_first(client):
    html = client.get("/safety").text
    for number in ("999", "911", "112", "000"):
        assert f'href="tel:{number}"' in tier_html(html, "now"), number
    assert 'href="tel:111"' in tier_html(html, "same-day")
    assert 'href="tel:111"' not in tier_html(html, "now")
    anchors = [html.index(f'id="{tier}"') for tier in ("now", "same-day", "within-days", "soon", "during")]
    assert anchors == sorted(anchors)


def test_safety_page_shows_every_sign_once_in_its_tier_from_the_file(client):
    html = client.get("/safety").text
    with client.application.app_context():
        signs = warning_signs()
    for tier in signs.tiers:
        part = tier_html(html, tier.id)
        assert f"<h2 id=\"{tier.id}-heading\">{escape(tier.heading)}</h2>" in part
        for sign in tier.signs:
            assert html.count(f'id="sign-{sign.id}"') == 1, sign.id
            assert f'<li id="sign-{sign.id}">{escape(sign.text)}</li>' in part, sign.id
    # A link from the page's index to each tier, in order.
    index = html.split('class="tier-index"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="#([a-z-]+)"', index) == list(TIERS)
    before = html.split('id="ack-heading"')[1]
    assert "Pregnant" in before and "back or hip" in before


def test_the_offline_page_lists_the_pages_that_work_offline(client):
    html = client.get("/offline").text
    for path in ("/", "/safety", "/bad-day", "/favourites", "/checklist", "/learn", "/settings",
                 "/routines/in-bed"):
        assert f'href="{path}"' in html, path


def test_about_says_how_saved_data_is_kept_today(client):
    html = client.get("/about").text
    assert "When saving arrives" not in html
    for words in ("anonymous, random key", "download all of it", "delete all of it", 'href="/settings"'):
        assert words in html, words


# --- The catalogue's filters ----------------------------------------------------

def titles(client, query):
    """The routine titles the catalogue lists for a query string."""
    html = client.get("/routines" + query).text
    return {title for title in _all_titles(client) if f">{title}</a>" in html}


def _all_titles(client):
    with client.application.app_context():
        return [routine.title for routine in library().routines.values()]


@pytest.mark.parametrize(("query", "must_have", "must_not_have"), [
    ("?goal=massage", {"Ball self-massage"}, {"Desk break"}),
    ("?position=sitting", {"In a chair", "Desk break"}, {"Flare-up calm-down"}),
    # Sitting or standing never offers floor work: someone who chose it may not get down.
    ("?position=sitting", {"Gentle nerve glide", "Ball self-massage"},
     {"Gentle strength", "Breathing and relaxation"}),
    ("?position=standing", {"A guided walk", "Before a walk"},
     {"After a walk", "Down to the floor and up again"}),
    ("?length=short", {"Desk break", "Down to the floor and up again"}, {"Bedtime wind-down"}),
    ("?length=long", {"Bedtime wind-down"}, {"Desk break"}),
    ("?q=breathing", {"Breathing and relaxation"}, {"Desk break"}),
    ("?q=CHAIR", {"In a chair"}, {"Morning mobility"}),
    ("?goal=mobility&position=lying&length=medium", {"Morning mobility"}, {"Desk break", "In a chair"}),
])
def test_filters_narrow_the_catalogue(client, app, query, must_have, must_not_have):
    with app.app_context():
        known = {r.title for r in library().routines.values()}
    assert must_have <= known and must_not_have <= known, "update the example to match the content"
    shown = titles(client, query)
    assert must_have <= shown
    assert not must_not_have & shown


def test_filters_are_kept_in_the_form(client):
    html = client.get("/routines?goal=massage&q=ball").text
    assert '<option value="massage" selected>' in html
    assert 'value="ball"' in html
    assert "Clear filters" in html


def test_no_match_says_so(client):
    html = client.get("/routines?q=trampoline").text
    assert "No routines match" in html
    assert re.search(r"\b0 of \d+ routines match", html), "says how many match: none"


@pytest.mark.parametrize("query", ["?goal=fame", "?position=upside-down", "?length=forever"])
def test_unknown_filter_value_is_explained_not_an_error(client, query):
    response = client.get("/routines" + query)
    assert response.status_code == 200
    assert "We don't know the" in unescape(response.text)
    assert "All " in response.text


def test_overlong_search_is_cut_with_a_note(client):
    response = client.get("/routines?q=" + "a" * 500)
    assert response.status_code == 200
    assert "cut to its first 80 characters" in response.text


def test_a_check_in_form_suggests_no_answer(client):
    """Nothing is chosen for the person: each answer, including how far the pain reaches, is theirs."""
    for path in ("/history", "/routines/in-bed/play"):
        html = client.get(path).text
        reach = re.findall(r'<input type="radio" id="[\w-]+-reach-\w+" name="reach"[^>]*>', html)
        assert reach and all(" checked" not in field and " required" in field for field in reach), path
        assert not re.search(r'name="(back_pain|leg_pain)"[^>]* checked', html), path
