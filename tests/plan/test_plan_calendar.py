"""My plan's reminders: the file to download, and the webcal subscription made, replaced
and stopped through the API (and by "Delete everything")."""
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from flask import render_template
from icalendar import Calendar

from app.profiles import COOKIE
from tests.plan.test_plan_api import SCHEDULE, SYMPTOMS, save_part, set_up

FEED = "/api/v1/plan/calendar-feed"


def calendar_of(response):
    """The one event of an iCalendar response, and the calendar."""
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    assert len(calendar.events) == 1
    return calendar.events[0], calendar


def subscribe(client):
    """Make a subscription; return its address's path (from the webcal URL) and the answer."""
    response = client.post(FEED)
    assert response.status_code == 201
    url = response.json["url"]
    assert url.startswith("webcal://localhost/plan/calendar/") and url.endswith(".ics")
    return url.removeprefix("webcal://localhost"), response.json


def test_add_to_calendar_gives_a_weekly_reminder_at_the_chosen_time(client):
    # Mondays and Thursdays at 07:45 in London, 15 minutes; saved on Wednesday 18 November 2026.
    set_up(client)
    response = client.get("/plan/reminders.ics")
    assert response.headers["Content-Disposition"] == 'attachment; filename="easeback-plan.ics"'
    assert response.headers["Cache-Control"] == "private, no-store"
    event, calendar = calendar_of(response)
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["MO", "TH"]
    assert event.start == datetime(2026, 11, 19, 7, 45, tzinfo=event.start.tzinfo)
    assert event["DTSTART"].params["TZID"] == "Europe/London" and str(event.start.tzinfo) == "Europe/London"
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/London"]
    assert event.duration == timedelta(minutes=15)
    assert str(event["SUMMARY"]) == "Easeback: my plan (15 minutes)"
    assert str(event["URL"]) == "http://localhost/plan"
    description = str(event["DESCRIPTION"])
    assert "today's routines and walk" in description
    assert "warning-signs list applies, get help" in description
    [alarm] = event.subcomponents
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(0)  # at the time itself


@pytest.mark.parametrize(("zone", "first"), [
    ("Europe/London", datetime(2026, 11, 18, 21, 0)),  # the change was made on Wednesday morning there
    ("Pacific/Kiritimati", datetime(2026, 11, 25, 21, 0)),  # it was already Thursday there: next Wednesday
    ("America/Los_Angeles", datetime(2026, 11, 18, 21, 0)),
])
def test_the_first_reminder_is_a_chosen_day_in_the_chosen_zone(client, zone, first):
    set_up(client)
    schedule = {"days": ["WE"], "time": "21:00", "minutes": 5, "zone": zone}
    save_part(client, "schedule", schedule, at=1_795_000_000_001)
    event, _ = calendar_of(client.get("/plan/reminders.ics"))
    assert event.start.replace(tzinfo=None) == first and str(event.start.tzinfo) == zone
    assert event["RRULE"]["BYDAY"] == ["WE"] and event.duration == timedelta(minutes=5)


def test_the_event_keeps_its_uid_and_each_profile_has_its_own(client, app):
    set_up(client)
    other = app.test_client()
    set_up(other)
    first, _ = calendar_of(client.get("/plan/reminders.ics"))
    again, _ = calendar_of(client.get("/plan/reminders.ics"))
    theirs, _ = calendar_of(other.get("/plan/reminders.ics"))
    assert first["UID"] == again["UID"] != theirs["UID"]
    assert client.get_cookie(COOKIE).value not in first["UID"]


@pytest.mark.parametrize("parts", [
    {},  # nothing saved
    {"schedule": SCHEDULE},  # days, but no plan: its first screen is missing
    {"symptoms": SYMPTOMS, "schedule": {**SCHEDULE, "days": []}},  # a plan, but no days
    {"symptoms": SYMPTOMS},  # a plan, with the schedule screen skipped
])
def test_no_days_or_no_plan_gets_a_page_that_says_what_to_do(client, parts):
    for part, answers in parts.items():
        assert save_part(client, part, answers).status_code == 200
    response = client.get("/plan/reminders.ics")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "No reminders yet" in response.text and 'href="/plan/setup/schedule"' in response.text
    assert '"Remind me in my calendar" on My plan' in response.text


def test_a_subscription_works_without_a_cookie_and_shows_its_address_once(client, app):
    set_up(client)
    assert client.get(FEED).json == {"active": False, "url": None, "created_at": None}
    path, made = subscribe(client)
    assert made["active"] is True and made["created_at"]
    calendar_app = app.test_client()  # no cookie: a calendar app has none
    response = calendar_app.get(path)
    assert response.headers["Cache-Control"] == "private, max-age=3600"
    assert "Set-Cookie" not in response.headers
    event, _ = calendar_of(response)
    downloaded, _ = calendar_of(client.get("/plan/reminders.ics"))
    assert event["UID"] == downloaded["UID"] and event["RRULE"] == downloaded["RRULE"]
    assert client.get(FEED).json == {"active": True, "url": None, "created_at": made["created_at"]}


def test_only_a_hash_of_the_token_is_kept(client, app):
    from app.db import db
    from app.models import CalendarFeed

    set_up(client)
    path, _ = subscribe(client)
    token = path.removeprefix("/plan/calendar/").removesuffix(".ics")
    with app.app_context():
        stored = db.session.execute(db.select(CalendarFeed.token_hash)).scalar_one()
    assert token not in stored and len(stored) == 64 and len(token) >= 43


def test_the_subscription_follows_changes_to_the_schedule(client, app):
    set_up(client)
    path, _ = subscribe(client)
    save_part(client, "schedule", {**SCHEDULE, "days": ["SA"], "minutes": 20}, at=1_795_000_000_001)
    event, _ = calendar_of(app.test_client().get(path))
    assert event["RRULE"]["BYDAY"] == ["SA"] and event.duration == timedelta(minutes=20)
    save_part(client, "schedule", {**SCHEDULE, "days": []}, at=1_795_000_000_002)
    emptied = app.test_client().get(path)  # days all unticked: the calendar keeps no reminder
    assert emptied.status_code == 200 and Calendar.from_ical(emptied.data).events == []


def test_a_new_subscription_stops_the_old_address(client, app):
    set_up(client)
    old, _ = subscribe(client)
    new, _ = subscribe(client)
    calendar_app = app.test_client()
    assert calendar_app.get(old).status_code == 404
    calendar_of(calendar_app.get(new))


def test_stopping_the_subscription_stops_its_address(client, app):
    set_up(client)
    path, _ = subscribe(client)
    response = client.delete(FEED)
    assert response.status_code == 204 and response.data == b""
    assert app.test_client().get(path).status_code == 404
    assert client.get(FEED).json["active"] is False
    assert client.delete(FEED).status_code == 204  # stopping twice is no error


@pytest.mark.parametrize("path", ["/plan/calendar/not-a-real-token.ics", f"/plan/calendar/{'a' * 200}.ics"])
def test_an_unknown_address_is_not_found(client, path):
    set_up(client)
    subscribe(client)
    assert client.get(path).status_code == 404


def test_reading_makes_no_profile_and_another_site_cannot_subscribe(client):
    response = client.get(FEED)
    assert response.json["active"] is False and "Set-Cookie" not in response.headers
    assert client.post(FEED, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert client.post(FEED, headers={"Origin": "https://elsewhere.example"}).status_code == 403


def test_delete_everything_removes_the_subscription(client, app):
    from app.db import db
    from app.models import CalendarFeed

    set_up(client)
    path, _ = subscribe(client)
    assert client.delete("/api/v1/profile").status_code == 204
    assert app.test_client().get(path).status_code == 404
    with app.app_context():
        assert db.session.execute(db.select(db.func.count()).select_from(CalendarFeed)).scalar_one() == 0


def reminders_snippet(app, schedule):
    """The reminders part of /plan, drawn for a profile with this schedule (None: never saved)."""
    parts = {} if schedule is None else {"schedule": SimpleNamespace(answers=schedule)}
    with app.test_request_context("/plan"):
        return render_template("plan/reminders.html", plan=None, parts=parts)


def test_the_plan_page_offers_one_main_way_and_the_file_as_the_other(app):
    html = reminders_snippet(app, SCHEDULE)
    assert ('<button class="button button--primary" type="button" data-calendar-subscribe>'
            "Remind me in my calendar</button>") in html
    assert html.count("button--primary") == 1
    assert ('<a class="reminders__file" href="/plan/reminders.ics" data-calendar-file>'
            "Add to calendar</a>") in html  # the name the product's contract gives it
    assert "Use one or the other: both together give two reminders a day." in html
    assert 'href="/settings"' in html and "Choose days and a time first" not in html


def test_the_plan_page_keeps_the_address_and_its_copy_button_hidden_until_made(app):
    html = reminders_snippet(app, SCHEDULE)
    assert 'data-calendar-made hidden>' in html
    assert '<label for="calendar-address">Your calendar address</label>' in html
    assert '<input id="calendar-address" type="text" readonly data-calendar-address>' in html
    assert 'data-calendar-copy>Copy</button>' in html
    assert "It is shown only this once." in html


@pytest.mark.parametrize("schedule", [None, {**SCHEDULE, "days": []}])
def test_without_days_the_plan_page_asks_for_them_first(app, schedule):
    html = reminders_snippet(app, schedule)
    assert "Choose days and a time first" in html and 'href="/plan/setup/schedule"' in html
    assert "Remind me in my calendar" not in html and "data-calendar-subscribe" not in html
    assert "reminders.ics" not in html


def test_settings_names_the_reminders_as_the_plan_does_and_hides_the_stop_button(client):
    html = client.get("/settings").text
    assert "<h3>Reminders in your calendar</h3>" in html
    assert 'data-calendar-revoke hidden>Stop the reminders in my calendar</button>' in html
    assert "Calendar subscription" not in html


def test_the_uid_is_not_worked_out_from_the_profile(make_app):
    """The first profiles of two databases share an id: with the same schedule, the events still differ."""
    uids = []
    for _ in range(2):
        client = make_app().test_client()
        set_up(client)
        uids.append(calendar_of(client.get("/plan/reminders.ics"))[0]["UID"])
    assert uids[0] != uids[1]


def test_the_uid_stays_while_the_schedule_does_and_the_subscription_shows_it(client, app):
    set_up(client)
    path, _ = subscribe(client)
    calendar_app = app.test_client()
    first, _ = calendar_of(calendar_app.get(path))
    again, _ = calendar_of(calendar_app.get(path))
    assert first["UID"] == again["UID"]


PUBLIC = "https://easeback.example"


@pytest.mark.parametrize("host", ["evil.example", "localhost", "127.0.0.1:5000",
                                  "easeback.example.evil.example"])
def test_a_configured_address_is_used_whatever_the_host_header_says(make_app, host):
    client = make_app(PUBLIC_URL=PUBLIC + "/").test_client()
    client.environ_base["HTTP_HOST"] = host  # every request of this device names that host
    set_up(client)
    response = client.post(FEED)
    assert response.status_code == 201
    url = response.json["url"]
    assert url.startswith("webcal://easeback.example/plan/calendar/") and url.endswith(".ics"), url
    event, _ = calendar_of(client.get("/plan/reminders.ics"))
    assert str(event["URL"]) == PUBLIC + "/plan"
    assert "evil" not in url and "evil" not in str(event["DESCRIPTION"])


@pytest.mark.parametrize("host", ["evil.example", "evil.example:443", "10.0.0.1", "[2001:db8::1]:8000",
                                  "localhost.evil.example", "127.0.0.1.evil.example"])
def test_without_a_configured_address_a_forged_host_is_refused(client, host):
    set_up(client)
    old, _ = subscribe(client)
    response = client.post(FEED, headers={"Host": host})
    assert response.status_code == 503 and response.is_json
    assert "FLASK_PUBLIC_URL" in response.json["detail"] and "evil" not in response.text
    assert client.get(old).status_code == 200  # refused before anything changed: the old address still works


@pytest.mark.parametrize(("host", "address"), [
    ("localhost", "webcal://localhost/"),
    ("127.0.0.1:5000", "webcal://127.0.0.1:5000/"),
    ("127.8.9.10", "webcal://127.8.9.10/"),
    ("[::1]:8000", "webcal://[::1]:8000/"),
])
def test_without_a_configured_address_a_loopback_host_names_this_machine(client, host, address):
    set_up(client)
    response = client.post(FEED, headers={"Host": host})
    assert response.status_code == 201 and response.json["url"].startswith(address + "plan/calendar/")
