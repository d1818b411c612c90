"""The words the server puts together (the plan's reasons and reading, the history's notes, dates
and figures, the manifest, the API's messages) in Spanish on a Spanish page, and as they always
were in English."""
import json
import re
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from flask_babel import force_locale

from app import rules
from app.history.chart import gentle_notes
from app.plan.rules import Week, explain_level
from app.plan.weeks import reading
from app.site import formats
from app.site.templating import day_in_words, duration, minutes, utc_text
from tests.api.test_api import change
from tests.plan.test_plan_summary import NOW, millis, review, set_up

DAY = date(2026, 12, 7)  # a Monday
RULES = re.compile(r'<script type="application/json" id="rules">(.*?)</script>', re.DOTALL)


@pytest.mark.parametrize(("form", "english", "spanish"), [
    ("day", "7 December 2026", "7 de diciembre de 2026"),
    ("weekday", "Monday 7 December", "lunes 7 de diciembre"),
    ("day_month", "7 December", "7 de diciembre"),
    ("short", "7 Dec", "7 dic"),
    ("short_year", "7 Dec 2026", "7 dic 2026"),
])
def test_dates_read_as_each_language_writes_them(app, form, english, spanish):
    with app.test_request_context():
        assert formats.written_date(DAY, form) == english
        with force_locale("es"):
            assert formats.written_date(DAY, form) == spanish


def test_the_filters_keep_their_english_and_speak_spanish(app):
    moment = datetime(2026, 9, 2, 14, 5)
    with app.test_request_context():
        english = (minutes(480), duration(90), duration(45), utc_text(moment), day_in_words(DAY))
        with force_locale("es"):
            spanish = (duration(120), utc_text(moment), day_in_words(DAY), formats.one_decimal(3.5),
                       formats.whole_number(10_000), formats.short_months()[8])
    assert english == ("8 min", "1 min 30 s", "45 s", "2 Sep 2026, 14:05 UTC", "7 December 2026")
    assert spanish == ("2 min", "2 sept 2026, 14:05 UTC", "7 de diciembre de 2026", "3,5", "10.000", "sept")


def test_outside_a_request_every_word_is_english():
    assert formats.one_decimal(2.5) == "2.5" and formats.written_date(DAY, "short") == "7 Dec"
    assert rules.for_pages()["reaches"]["calf"] == {"label": "Calf", "phrase": "down to the calf"}


def test_a_spanish_page_hands_its_scripts_the_rules_in_spanish(client):
    english = json.loads(RULES.search(client.get("/routines").text).group(1))
    spanish = json.loads(RULES.search(client.get("/es/routines").text).group(1))
    assert english == json.loads(json.dumps(rules.for_pages()))
    assert spanish["reaches"]["calf"] == {"label": "Pantorrilla", "phrase": "hasta la pantorrilla"}
    assert spanish["levels"] == ["Inicio suave", "Avanzando", "Estable", "Más fuerte"]
    assert {key: value for key, value in spanish.items() if key not in ("reaches", "levels")} == {
        key: value for key, value in english.items() if key not in ("reaches", "levels")}


def a_review(days_ago, activities, leg_pain):
    return SimpleNamespace(recorded_at=datetime(2026, 12, 7) - timedelta(days=days_ago),
                           activities=activities, leg_pain=leg_pain)


def test_the_reading_is_said_as_a_spanish_physio_would_say_it(app):
    activities = [{"name": "Caminar", "score": 3}, {"name": "Sentarme", "score": 4}]
    symptoms = {"leg_pain": 7}
    reviews = [a_review(7, [4, 4], 5), a_review(0, [6, 7], 4)]
    with app.test_request_context(), force_locale("es"):
        lines = reading(activities, symptoms, reviews)
    assert lines == (
        "Desde la semana pasada, tus actividades diarias te resultan más fáciles (4,0 → 6,5 sobre 10).",
        "Desde la semana pasada, el dolor de pierna: más o menos igual (5 → 4 sobre 10).",
        "Desde que empezaste, tus actividades diarias te resultan más fáciles (3,5 → 6,5 sobre 10).",
        "Desde que empezaste, el dolor de pierna ha bajado (7 → 4 sobre 10).",
        "«Más o menos igual» quiere decir un cambio dentro de los altibajos normales del día a día.",
    )


@pytest.mark.parametrize(("weeks", "spanish"), [
    ((), "El plan empieza en «Inicio suave». Tras cada revisión semanal sube de etapa si la semana no fue "
         "peor y hiciste al menos 2 rutinas, y baja si fue más difícil."),
    ((Week(DAY, "chosen", 2, 0, "elegiste «Estable» por tu cuenta", "chosen"),),
     "Elegiste «Estable» por tu cuenta el 7 de diciembre; las revisiones semanales siguen a partir de ahí."),
    ((Week(DAY, "better", 1, 1, "la semana pasada no fue peor (dolor de pierna 5 → 4)", "up"),),
     "La semana pasada no fue peor (dolor de pierna 5 → 4), así que el plan ha subido a «Avanzando»."),
])
def test_why_this_plan_is_said_in_spanish(app, weeks, spanish):
    level = weeks[-1].level if weeks else 0
    with app.test_request_context(), force_locale("es"):
        assert explain_level(weeks, level) == spanish


def test_historys_notes_name_where_the_pain_reached_in_spanish(app):
    moment = datetime(2026, 12, 1, 9)
    checkins = [SimpleNamespace(recorded_at=moment + timedelta(days=n), leg_pain=4, reach=reach)
                for n, reach in enumerate(["thigh", "calf"])]
    with app.test_request_context(), force_locale("es"):
        (note,) = gentle_notes(checkins)
    assert note.startswith("El dolor de pierna te ha llegado más abajo (hasta la pantorrilla) que en tus")


def test_the_spanish_manifest_installs_easeback_in_spanish(client):
    manifest = client.get("/es/manifest.webmanifest").json
    assert manifest["lang"] == "es" and manifest["name"] == "Easeback: rutinas suaves para la ciática"
    assert manifest["short_name"] == "Easeback"
    assert manifest["description"].endswith("Funciona sin conexión.")
    assert manifest["start_url"] == "/es/"
    assert [(shortcut["name"], shortcut["url"]) for shortcut in manifest["shortcuts"]] == [
        ("Favoritos", "/es/favourites"), ("Lista para elegir masajista", "/es/checklist")]
    assert client.get("/manifest.webmanifest").json["lang"] == "en-GB"


def test_the_api_answers_in_the_persons_language(client):
    spanish = {"Accept-Language": "es"}
    assert client.get("/api/v1/plan/today", headers=spanish).json["summary"] == (
        "Prepara un plan en más o menos un minuto.")
    assert client.get("/api/v1/plan/today").json["summary"] == "Set up a plan in about a minute."
    wrong = client.post("/api/v1/link", json={"code": "AAAAA-AAAAA"}, headers=spanish)
    assert wrong.status_code == 400 and wrong.json["detail"].startswith("Ese código no es correcto")


def test_a_spanish_plan_gives_its_reasons_in_spanish(client):
    set_up(client, days_ago=10)
    review(client, 3, [4, 3], 5)
    html = client.get("/es/plan").text
    assert "Desde que empezaste, el dolor de pierna ha bajado (6 → 5 sobre 10)." not in html  # 1 point: noise
    assert "Desde que empezaste, el dolor de pierna: más o menos igual (6 → 5 sobre 10)." in html
    assert re.search(r"toca el (lunes|martes|miércoles|jueves|viernes|sábado|domingo) \d+ de [a-z]+\.", html)


def test_a_calendar_subscription_made_in_spanish_stays_in_spanish(client):
    set_up(client)
    schedule = {"days": ["MO", "TH"], "time": "09:00", "minutes": 10, "zone": "Europe/Madrid"}
    saved = client.put("/api/v1/plan/parts/schedule", json={**change(millis(NOW)), "answers": schedule})
    assert saved.status_code == 200
    made = client.post("/api/v1/plan/calendar-feed", headers={"Accept-Language": "es"})
    assert made.status_code == 201
    address = made.json["url"]
    assert re.fullmatch(r"webcal://localhost/es/plan/calendar/[\w-]+\.ics", address)
    feed = client.get(address.removeprefix("webcal://localhost")).text.replace("\r\n ", "")
    assert "SUMMARY:Easeback: mi plan (10 minutos)" in feed and "URL:http://localhost/es/plan" in feed
    assert "/es/" not in client.post("/api/v1/plan/calendar-feed").json["url"]
