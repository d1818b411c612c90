"""Faults a real deployment meets, made to happen by the tests: a full disk, a database restarted
and an app worker killed while devices save. Each test says what it tried and what it found.

A save the app acknowledged (2xx) must be in the database afterwards; one it did not is sent
again with the same ids, as a device's outbox does, and kept once.
"""
import http.client
import os
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, make_url, select
from sqlalchemy.exc import DBAPIError

from app.db import db, engines
from app.models import CheckIn
from bench.servers import gunicorn
from tests.api.test_api import checkin_body
from tests.api.test_concurrency import device
from tests.conftest import separate_database_uri


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
    report(capsys, "SQLite made full (PRAGMA max_page_count) while a phone saved check-ins; "
                   "the refused one sent again twice once there was room",
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


# --- Twenty devices saving while the server side fails -------------------------------------------

DEVICES, SAVES = 20, 20
# A device's outbox waits as long as Retry-After says; here a fraction of a second, to keep the test short.
RETRY_PAUSE = 0.1
DEADLINE = 40  # seconds for every save to be acknowledged, faults and retries included


class Phone:
    """One device: a profile made by its first save, then check-ins with ids made on the device, each sent
    again (same id) until the server acknowledges it."""

    def __init__(self, base):
        self.put = device(base)
        self.first = str(uuid.uuid4())
        self.pending = [str(uuid.uuid4()) for _ in range(SAVES)]
        self.acknowledged, self.answers = [], []  # answers: (when sent, status or None for no answer)

    def send(self, checkin_id):
        """Send one check-in; True when the server acknowledged it."""
        sent_at = time.monotonic()
        try:
            status = self.put(f"/api/v1/checkins/{checkin_id}", checkin_body())
        except (OSError, http.client.HTTPException):  # the connection dropped: no answer
            status = None
        self.answers.append((sent_at, status))
        if status is not None and 200 <= status < 300:
            self.acknowledged.append(checkin_id)
            return True
        return False

    def save_all(self, progress, deadline):
        """Send every pending check-in, keeping the unacknowledged ones for another round."""
        while self.pending and time.monotonic() < deadline:
            checkin_id = self.pending[0]
            if self.send(checkin_id):
                self.pending.pop(0)
                progress.release()
            else:
                threading.Event().wait(RETRY_PAUSE)


def gunicorn_workers():
    """The process ids of the gunicorn workers this test runs: children of its master, a child of ours
    (one at a time). Found by parent, not by address: setproctitle, when installed, rewrites a gunicorn
    process's command line to "gunicorn: master [...]", without the address it serves."""
    parents, masters = {}, []  # pid: parent pid, of every process; gunicorn masters we started
    for folder in Path("/proc").glob("[0-9]*"):
        try:
            parents[int(folder.name)] = int((folder / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if parents[int(folder.name)] == os.getpid() and b"gunicorn" in (folder / "cmdline").read_bytes():
                masters.append(int(folder.name))
        except OSError:
            continue  # a process that ended while we looked
    return [pid for pid, parent in parents.items() if parent in masters]


def kill_a_worker(base, _database):
    """SIGKILL one gunicorn worker mid-save; its master starts another."""
    os.kill(gunicorn_workers()[0], signal.SIGKILL)
    return "an app worker killed (SIGKILL)"


def throwaway_cluster():
    """The version and name of the throwaway PostgreSQL cluster (pg_virtualenv's) the tests run on, or
    None: a cluster that is not marked as made by pg_virtualenv is somebody's, never to restart."""
    url = os.environ.get("TEST_DATABASE_URL")
    version = os.environ.get("PGVERSION")
    if not url or not version:
        return None
    clusters = Path(os.environ.get("PG_CLUSTER_CONF_ROOT", "/etc/postgresql"))
    marker = clusters / version / "regress" / ".by_pg_virtualenv"
    if not marker.exists() or make_url(url).port != int(os.environ.get("PGPORT", 0)):
        return None
    return version, "regress"


def restart_postgres(_base, _database):
    """Restart the PostgreSQL server (fast: every connection is cut), waiting until it takes connections."""
    subprocess.run(["pg_ctlcluster", *throwaway_cluster(), "restart"], check=True, capture_output=True)
    return "PostgreSQL restarted (pg_ctlcluster ... restart, every connection cut)"


FAULTS = [kill_a_worker] + ([restart_postgres] if throwaway_cluster() else [])


@pytest.mark.parametrize("fault", FAULTS)
def test_every_acknowledged_save_is_kept_once_when_the_server_side_fails(tmp_path, capsys, fault):
    """Runs on SQLite, and on PostgreSQL in make test's second pass, where the server is also restarted.
    The fault strikes twice: while the devices save, and while they are idle, after which each one's
    next save must be taken at once (no pooled connection the fault cut is handed to it)."""
    database = separate_database_uri(tmp_path, "faults")
    with gunicorn(database_url=database) as base:
        phones = [Phone(base) for _ in range(DEVICES)]
        assert [phone.send(phone.first) for phone in phones] == [True] * DEVICES  # each has its profile
        progress, deadline = threading.Semaphore(0), time.monotonic() + DEADLINE
        threads = [threading.Thread(target=phone.save_all, args=(progress, deadline)) for phone in phones]
        for thread in threads:
            thread.start()
        for _ in range(DEVICES * SAVES // 4):  # a quarter of the saves acknowledged, then the fault
            assert progress.acquire(timeout=DEADLINE)
        tried = fault(base, database)
        for thread in threads:
            thread.join()
        fault(base, database)
        next_saves = [phone.send(str(uuid.uuid4())) for phone in phones]
    kept = kept_checkins(database)
    acknowledged = [checkin_id for phone in phones for checkin_id in phone.acknowledged]
    answers = [status for phone in phones for _, status in phone.answers]
    report(capsys, f"{tried} while {DEVICES} devices each saved {SAVES} check-ins, sending again what was "
                   f"not acknowledged; then again while they were idle, and one more save each",
           f"{len(acknowledged)} acknowledged, {len(set(acknowledged) & set(kept))} of them found, "
           f"{len(kept) - len(set(kept))} doubled, {len(set(kept) - set(acknowledged))} kept unacknowledged; "
           f"answers {answer_counts(answers)}; after the idle fault {next_saves.count(True)} of {DEVICES} "
           f"taken at once")
    assert not [phone.pending for phone in phones if phone.pending]
    assert sorted(kept) == sorted(acknowledged)
    assert set(answers) <= {200, 201, 503, None}, answer_counts(answers)
    assert next_saves == [True] * DEVICES, answer_counts([phone.answers[-1][1] for phone in phones])


def answer_counts(answers):
    """How many answers of each status (None: the connection dropped), in words."""
    counts = {status: answers.count(status) for status in set(answers)}
    return ", ".join(f"{counts[status]} x {status or 'no answer'}" for status in sorted(counts, key=str))


def kept_checkins(database):
    """The id of every check-in in database, read afresh."""
    engine = create_engine(database)
    try:
        with engine.connect() as connection:
            return list(connection.execute(select(CheckIn.id)).scalars())
    finally:
        engine.dispose()
