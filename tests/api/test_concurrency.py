"""Many devices writing at once: no errors, nothing lost, nothing doubled.

20 threads, each its own device with its own cookie, send 50 writes each
over real HTTP to the app on a loopback port (on SQLite by default, on
PostgreSQL in make test's second pass).
"""
import http.cookiejar
import json
import threading
import urllib.error
import urllib.request
import uuid

from sqlalchemy import func, select

from app.db import db
from app.models import CheckIn, Favourite, PracticeSession
from tools.servers import serving

THREADS, WRITES = 20, 50
T0 = 1_795_000_000_000


def device(base, jar=None, method="PUT"):
    """A client that sends JSON to base (PUT, or method) with its own cookie jar (or jar), like one phone;
    it gives the status."""
    jar = http.cookiejar.CookieJar() if jar is None else jar  # an empty jar is falsy: no `or` here
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def put(path, body):
        request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    return put


def write_many(base, statuses):
    """One device's writes: check-ins, and favourite changes with a retry of each."""
    put = device(base)
    for n in range(WRITES):
        if n % 5:
            body = {"moment": "any", "back_pain": n % 11, "leg_pain": 3, "reach": "thigh",
                    "recorded_at": "2026-11-21T08:00:00Z"}
            statuses.append(put(f"/api/v1/checkins/{uuid.uuid4()}", body))
        else:
            change = {"change_id": str(uuid.uuid4()), "changed_at": T0 + n}
            statuses.append(put("/api/v1/favourites/in-bed", change))
            statuses.append(put("/api/v1/favourites/in-bed", change))  # the same change again


def test_twenty_devices_writing_at_once(make_app):
    # Twenty new devices on one address: more than a real household, so lift the creation limit.
    app = make_app(PROFILE_CREATION_LIMIT="1000 per hour")
    statuses = []
    with serving(app) as base:
        threads = [threading.Thread(target=write_many, args=(base, statuses)) for _ in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(statuses) == THREADS * (WRITES + WRITES // 5)
    assert set(statuses) <= {200, 201}, sorted(set(statuses))
    with app.app_context():
        checkins = db.session.scalar(select(func.count()).select_from(CheckIn))
        assert checkins == THREADS * (WRITES - WRITES // 5)
        assert db.session.scalar(select(func.count()).select_from(Favourite)) == THREADS


def test_one_change_sent_many_times_at_once(app):
    """A closing page's last send and the next page's outbox can race with the same ids."""
    statuses = []
    with serving(app) as base:
        put = device(base)
        # The first change makes the profile.
        put("/api/v1/favourites/in-bed", {"change_id": str(uuid.uuid4()), "changed_at": T0})
        session_id, checkin_id, start = uuid.uuid4(), uuid.uuid4(), threading.Barrier(10)
        session = {"routine": "desk-break",
                   "started_at": "2026-11-21T08:00:00Z", "ended_at": "2026-11-21T08:05:00Z",
                   "steps_done": 3, "steps_total": 8, "completed": False, "updated_at": T0}
        checkin = {"moment": "after", "back_pain": 4, "leg_pain": 2, "reach": "none",
                   "recorded_at": "2026-11-21T08:06:00Z"}

        def send_both():
            start.wait()
            statuses.append(put(f"/api/v1/sessions/{session_id}", session))
            statuses.append(put(f"/api/v1/checkins/{checkin_id}", checkin))

        threads = [threading.Thread(target=send_both) for _ in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert set(statuses) <= {200, 201}, sorted(statuses)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 1
        assert db.session.scalar(select(func.count()).select_from(PracticeSession)) == 1
