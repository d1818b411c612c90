"""Faults a real deployment meets, made to happen by the tests: a full disk, a database restarted
and an app worker killed while devices save. Each test says what it tried and what it found.

A save the app acknowledged (2xx) must be in the database afterwards; one it did not is sent
again with the same ids, as a device's outbox does, and kept once.
"""
import uuid

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import DBAPIError

from app.db import db, engines
from app.models import CheckIn
from tests.test_api import checkin_body


def report(capsys, tried, found):
    """Print what a fault test tried and what it found, where make test's output shows it."""
    with capsys.disabled():
        print(f"\n[fault] tried: {tried}\n[fault] found: {found}")


# --- SQLite on a full disk ------------------------------------------------------------------

class Disk:
    """A SQLite database whose file may not grow past its size when filled (PRAGMA max_page_count on
    every connection: SQLite takes a cap below the file's size as the size), until room is made again."""

    def __init__(self, app):
        self.app, self.pages = app, None
        with app.app_context():
            for engine in engines():
                event.listen(engine, "connect", self._cap)

    def _cap(self, dbapi_connection, _record):
        if self.pages is not None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {self.pages}")

    def _reconnect(self):
        with self.app.app_context():
            db.engine.dispose()  # the autocommit engine with it: every connection is made again, capped

    def fill(self):
        """No more room from now on."""
        self.pages = 1
        self._reconnect()

    def free(self):
        """Room again."""
        self.pages = None
        self._reconnect()


def checkins_kept(app):
    """The ids of every check-in in the database."""
    with app.app_context():
        return list(db.session.execute(select(CheckIn.id)).scalars())


def test_a_full_disk_refuses_a_save_plainly_and_the_same_save_lands_once_when_room_returns(make_app, tmp_path,
                                                                                          capsys):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'small-disk.sqlite3'}",
                   WRITE_RATE_LIMIT="1000 per minute")
    disk, phone = Disk(app), app.test_client()
    acknowledged = [str(uuid.uuid4())]
    assert phone.put(f"/api/v1/checkins/{acknowledged[0]}", json=checkin_body()).status_code == 201
    disk.fill()
    for _ in range(500):  # each check-in takes a little room: the file is full within a page or two
        checkin_id = str(uuid.uuid4())
        refused = phone.put(f"/api/v1/checkins/{checkin_id}", json=checkin_body())
        if refused.status_code != 201:
            break
        acknowledged.append(checkin_id)
    kept_while_full = checkins_kept(app)
    disk.free()
    statuses_again = [phone.put(f"/api/v1/checkins/{checkin_id}", json=checkin_body()).status_code
                      for _ in range(2)]
    kept = checkins_kept(app)
    report(capsys, f"SQLite made full (PRAGMA max_page_count) while a phone saved check-ins; "
                   f"the refused one sent again twice once there was room",
           f"{len(acknowledged)} acknowledged before the refusal ({refused.status_code}, Retry-After "
           f"{refused.headers.get('Retry-After')}), {len(kept_while_full)} in the database while full, "
           f"then {statuses_again}; {len(kept)} kept, {len(kept) - len(set(kept))} doubled")
    assert refused.status_code == 503
    assert refused.json["error"] == "Service Unavailable"
    assert "full" in refused.json["detail"] and "sends it again" in refused.json["detail"]
    assert int(refused.headers["Retry-After"]) > 0
    assert sorted(kept_while_full) == sorted(acknowledged)  # nothing half-written
    assert statuses_again == [201, 200]
    assert sorted(kept) == sorted([*acknowledged, checkin_id])
    assert phone.get("/api/v1/checkins").status_code == 200


def test_any_other_database_error_is_still_raised_as_the_bug_it_is(app):
    """Only a full disk or a lost database server is a 503: a missing table is not a moment to wait."""
    with app.app_context():
        CheckIn.__table__.drop(db.engine)
    with pytest.raises(DBAPIError):
        app.test_client().put(f"/api/v1/checkins/{uuid.uuid4()}", json=checkin_body())
