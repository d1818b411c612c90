"""A person's today, on their own clock: the plan, the next review, /history's weeks and reviews, home,
the checklist and the calendar agree on it, at UTC+14 (Pacific/Kiritimati) and UTC-11
(Pacific/Pago_Pago), just before and just after local midnight, across the week's turn from Sunday
to Monday."""
import itertools
import re
import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select

from app import days
from app.content import library
from app.db import db
from app.history.chart import short_date
from app.models import PlanPart
from app.pages.home import part_of_day, suggestions

SUNDAY, MONDAY = date(2025, 6, 1), date(2025, 6, 2)
SATURDAY = SUNDAY - timedelta(days=1)
KIRITIMATI, PAGO_PAGO = "Pacific/Kiritimati", "Pacific/Pago_Pago"
SYMPTOMS = {"areas": ["buttock", "thigh"], "since": "months", "leg_pain": 6, "walk_minutes": 10}
# Device clock readings for saves, in order, all before the frozen days below.
SAVED_AT = itertools.count(int(datetime(2025, 5, 1, tzinfo=UTC).timestamp() * 1000))


def local(zone, day, hour, minute):
    """An instant, given as the wall-clock time in a zone."""
    return datetime.combine(day, time(hour, minute), ZoneInfo(zone))


# (zone, instant, the person's day then): a minute each side of the zone's midnight from Sunday
# to Monday. At each, the day in UTC is another one for one of the pair.
EDGES = [(zone, local(zone, day, hour, minute), day)
         for zone in (KIRITIMATI, PAGO_PAGO) for day, hour, minute in ((SUNDAY, 23, 59), (MONDAY, 0, 1))]


@pytest.fixture
def freeze(monkeypatch):
    """Stop the one clock at an instant."""
    return lambda moment: monkeypatch.setattr(days, "clock", lambda: moment.astimezone(UTC))


def iso(moment):
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def millis(moment):
    return int(moment.timestamp() * 1000)


def save_part(client, part, answers, at=None):
    body = {"change_id": str(uuid.uuid4()), "changed_at": at or next(SAVED_AT), "answers": answers}
    assert client.put(f"/api/v1/plan/parts/{part}", json=body).status_code == 200


def set_up(client, zone, at=None):
    save_part(client, "symptoms", SYMPTOMS, at)
    save_part(client, "schedule", {"days": ["MO"], "zone": zone})


def review(client, moment):
    body = {"activities": [], "leg_pain": 6, "numbness": "same", "weakness": "none", "warning_sign": False,
            "recorded_at": iso(moment)}
    assert client.put(f"/api/v1/plan/reviews/{uuid.uuid4()}", json=body).status_code == 201


def today_section(client):
    """The routines /plan offers today, by slug (the walk is offered every day)."""
    page = client.get("/plan").get_data(as_text=True)
    section = page[page.index("data-plan-today"):]
    section = section[:section.index("</section>")]
    return [slug for slug in re.findall(r'href="/routines/([a-z0-9-]+)"', section) if slug != "guided-walk"]


@pytest.fixture
def routines_on(app, freeze):
    """The routines a plan set up like set_up's offers on a day, read where the day is the same in UTC."""
    def routines(day):
        client = app.test_client()
        set_up(client, "UTC")
        freeze(datetime.combine(day, time(12), UTC))
        return client.get("/api/v1/plan/today").json["routines"]
    return routines


def test_a_real_zone_is_one_a_person_lives_in():
    assert days.is_real_zone("Pacific/Kiritimati") and days.is_real_zone("UTC")
    not_zones = ("America", "localtime", "posixrules", "Factory", None, 3)
    assert not any(days.is_real_zone(name) for name in not_zones)


@pytest.mark.parametrize(("zone", "moment", "day"), EDGES)
def test_today_is_the_day_where_the_person_is(zone, moment, day, freeze):
    freeze(moment)
    assert days.person_today(zone) == day


@pytest.mark.parametrize(("plan_zone", "cookie", "day"), [
    (KIRITIMATI, PAGO_PAGO, MONDAY),  # the plan's zone first
    (None, PAGO_PAGO, SATURDAY),  # else the device's
    ("Factory", PAGO_PAGO, SATURDAY),  # a zone saved before such names were refused is no zone
    (None, "America", SUNDAY),  # else UTC
    (None, None, SUNDAY),
])
def test_the_zone_is_the_plans_else_the_devices_else_utc(app, freeze, plan_zone, cookie, day):
    freeze(datetime(2025, 6, 1, 10, 30, tzinfo=UTC))
    headers = {"Cookie": f"zone={cookie}"} if cookie else {}
    with app.test_request_context(headers=headers):
        assert days.person_today(plan_zone) == day


@pytest.mark.parametrize(("today", "weeks", "mondays"), [
    (SUNDAY, 1, [SUNDAY - timedelta(days=6)]),
    (MONDAY, 1, [MONDAY]),
    (MONDAY + timedelta(days=3), 3, [MONDAY - timedelta(weeks=2), MONDAY - timedelta(weeks=1), MONDAY]),
])
def test_the_persons_last_weeks_start_on_mondays_oldest_first(today, weeks, mondays):
    assert days.week_mondays(today, weeks) == mondays


def test_no_weeks_is_refused():
    with pytest.raises(ValueError, match="weeks must be at least 1"):
        days.week_mondays(MONDAY, 0)


def test_the_edges_cross_a_day_in_utc_too():
    """Each zone's pair of instants falls on one day in UTC: only the person's own day can tell them apart."""
    for zone in (KIRITIMATI, PAGO_PAGO):
        utc_days = {moment.astimezone(UTC).date() for edge_zone, moment, _ in EDGES if edge_zone == zone}
        assert len(utc_days) == 1


@pytest.mark.parametrize(("zone", "moment", "day"), EDGES)
def test_the_plan_offers_the_persons_days_routines(client, freeze, routines_on, zone, moment, day):
    assert routines_on(SUNDAY) != routines_on(MONDAY)  # else this test could not tell the days apart
    expected = routines_on(day)
    set_up(client, zone)
    freeze(moment)
    assert client.get("/api/v1/plan/today").json["routines"] == expected
    assert today_section(client) == expected


@pytest.mark.parametrize(("zone", "reviewed"), [
    (KIRITIMATI, local(KIRITIMATI, MONDAY, 0, 30)),  # Sunday in UTC
    (PAGO_PAGO, local(PAGO_PAGO, SUNDAY, 23, 30)),  # Monday in UTC
])
def test_the_next_review_falls_a_week_after_the_persons_day(client, freeze, zone, reviewed):
    set_up(client, zone, at=millis(reviewed - timedelta(days=3)))
    review(client, reviewed)
    due = reviewed.date() + timedelta(weeks=1)
    freeze(local(zone, due - timedelta(days=1), 23, 59))
    plan_page = client.get("/plan").get_data(as_text=True)
    assert f"Your next review is due on {due:%A} {due.day} {due:%B}." in plan_page
    freeze(local(zone, due, 0, 1))
    assert "It is time for this week's review" in client.get("/plan").get_data(as_text=True)


def test_at_6_12_pm_on_a_saturday_in_los_angeles_the_plan_is_saturdays(client, freeze, routines_on):
    assert routines_on(SATURDAY) != routines_on(SUNDAY)
    expected = routines_on(SATURDAY)
    evening = local("America/Los_Angeles", SATURDAY, 18, 12)  # Sunday 01:12 in UTC
    set_up(client, "America/Los_Angeles", at=millis(evening))
    freeze(evening)
    assert today_section(client) == expected
    assert "Your next review is due on Saturday 7 June." in client.get("/plan").get_data(as_text=True)


def a_session(client, moment, routine="desk-break"):
    body = {"routine": routine, "started_at": iso(moment), "ended_at": iso(moment + timedelta(minutes=5)),
            "steps_done": 8, "steps_total": 8, "completed": True, "updated_at": millis(moment)}
    assert client.put(f"/api/v1/sessions/{uuid.uuid4()}", json=body).status_code == 201


def a_checkin(client, moment):
    body = {"moment": "any", "back_pain": 5, "leg_pain": 3, "reach": "thigh", "note": "",
            "recorded_at": iso(moment)}
    assert client.put(f"/api/v1/checkins/{uuid.uuid4()}", json=body).status_code == 201


@pytest.mark.parametrize("from_plan", [True, False], ids=["plan's zone", "device's zone"])
@pytest.mark.parametrize(("zone", "moment", "day"), EDGES)
def test_history_counts_the_persons_week_and_dates_the_chart_by_their_day(client, freeze, zone, moment, day,
                                                                          from_plan):
    if from_plan:
        set_up(client, zone)
    else:
        client.set_cookie("zone", zone)
    a_session(client, moment)
    a_checkin(client, moment)
    freeze(moment + timedelta(minutes=1))
    text = client.get("/history").get_data(as_text=True)
    monday = days.monday_of(day)
    assert re.findall(r"Week of ([^<]+)</span>", text) == [short_date(monday)]
    assert f'text-anchor="middle">{short_date(day)}</text>' in text  # the pain chart's only date


@pytest.mark.parametrize(("zone", "reviewed"), [
    (KIRITIMATI, local(KIRITIMATI, MONDAY, 0, 30)),  # Sunday in UTC
    (PAGO_PAGO, local(PAGO_PAGO, SUNDAY, 23, 30)),  # Monday in UTC
])
def test_history_dates_each_weekly_review_by_the_persons_day(client, freeze, zone, reviewed):
    set_up(client, zone, at=millis(reviewed - timedelta(days=3)))
    review(client, reviewed)
    freeze(reviewed + timedelta(minutes=5))
    html = client.get("/history").get_data(as_text=True)
    section = html[html.index('aria-labelledby="reviews-heading"'):]
    assert f'<th scope="row">{short_date(reviewed.date())}</th>' in section


def shown_suggestions(page):
    """{part of the day: (routine slug, shown now)} from home's suggestion cards."""
    cards = re.findall(r'<article class="card card--feature" data-day-part="([a-z-]+)"( hidden)?>.*?'
                       r'href="/routines/([a-z0-9-]+)/play"', page, re.DOTALL)
    return {part: (slug, not hidden) for part, hidden, slug in cards if part != "bad-day"}


@pytest.mark.parametrize(("zone", "moment", "day"), EDGES)
def test_home_suggests_for_the_devices_day_and_part_of_day(app, client, freeze, zone, moment, day):
    with app.app_context():
        picks = suggestions(list(library().routines.values()), day)
    client.set_cookie("zone", zone)
    freeze(moment)
    shown = shown_suggestions(client.get("/").get_data(as_text=True))
    assert shown == {name: (routine.slug, name == part_of_day(moment.hour))
                     for name, routine in picks.items()}


def test_home_is_built_once_for_each_day_not_for_each_device(app, freeze):
    freeze(datetime(2025, 6, 1, 12, 30, tzinfo=UTC))  # Monday night in Kiritimati, Sunday night in Pago Pago
    pages = {}
    for zone in (KIRITIMATI, PAGO_PAGO, "Europe/London", "Europe/Paris", "Nowhere/Else"):
        client = app.test_client()
        client.set_cookie("zone", zone)
        pages[zone] = client.get("/").get_data(as_text=True)
    assert pages[KIRITIMATI] != pages[PAGO_PAGO]
    # Sunday daytime in London, in Paris and (the made-up zone's stand-in) in UTC: one page.
    assert pages["Europe/London"] == pages["Europe/Paris"] == pages["Nowhere/Else"]
    assert len([key for key in app.extensions["easeback_built_pages"] if key[0].startswith("/?")]) == 3


@pytest.mark.parametrize(("zone", "moment", "day"), EDGES)
def test_the_checklist_is_printed_on_the_devices_day(client, freeze, zone, moment, day):
    client.set_cookie("zone", zone)
    freeze(moment)
    assert f"Printed on {day.day} {day:%B %Y}" in client.get("/checklist").get_data(as_text=True)


@pytest.mark.parametrize(("zone", "reviewed"), [
    (KIRITIMATI, local(KIRITIMATI, MONDAY, 0, 30)),  # Sunday in UTC
    (PAGO_PAGO, local(PAGO_PAGO, SUNDAY, 23, 30)),  # Monday in UTC
])
def test_the_gp_summary_dates_the_day_and_each_review_by_the_persons_day(client, freeze, zone, reviewed):
    day = reviewed.date()
    since = day - timedelta(days=3)
    set_up(client, zone, at=millis(local(zone, since, 0, 45)))  # the plan began then, on the person's day
    review(client, reviewed)
    a_session(client, local(zone, since - timedelta(days=1), 23, 30), "in-a-chair")  # the evening before
    a_session(client, local(zone, since, 0, 30))  # the first hour of the plan's first day
    freeze(reviewed + timedelta(minutes=5))
    html = client.get("/plan/summary").get_data(as_text=True)
    assert f"on {day.day} {day:%B %Y}. It is not a diagnosis." in html
    assert f'<th scope="row">{day.day} {day:%b %Y}</th><td>Leg pain 6/10.' in html
    assert f"Routines done since my plan began on {since.day} {since:%B %Y}</h2>" in html
    assert "<p>1 in all: Desk break (1).</p>" in html


@pytest.mark.parametrize(("saved", "cookie", "event_zone"), [
    (KIRITIMATI, PAGO_PAGO, KIRITIMATI),
    # Names saved before only real zones were taken: the device's zone, else UTC, as for a person's day.
    ("Factory", PAGO_PAGO, PAGO_PAGO),
    ("localtime", None, "UTC"),
])
def test_the_calendar_takes_the_saved_zone_only_when_it_is_real(app, client, saved, cookie, event_zone):
    save_part(client, "symptoms", SYMPTOMS)
    save_part(client, "schedule", {"days": ["MO"], "time": "07:45", "minutes": 10, "zone": KIRITIMATI})
    with app.app_context():
        schedule = db.session.execute(select(PlanPart).where(PlanPart.part == "schedule")).scalar_one()
        schedule.answers = {**schedule.answers, "zone": saved}
        db.session.commit()
    if cookie:
        client.set_cookie("zone", cookie)
    response = client.get("/plan/reminders.ics")
    assert response.status_code == 200
    [event] = Calendar.from_ical(response.data).events
    assert str(event.start.tzinfo) == event_zone and event.start.time() == time(7, 45)
