"""Locust: people using Easeback at once, each on their own phone.

Each simulated person browses pages and saves favourites, sessions and
check-ins, as the app's pages do (their own ids, device times), and keeps a
ledger of every save the server confirmed. When the run ends the ledgers are
written to the file named by EASEBACK_LEDGER, for bench/load.py to check
against what the server kept.
"""
import json
import os
import random
import uuid
from datetime import UTC, datetime, timedelta

from locust import HttpUser, between, events, task

ROUTINES = ["in-bed", "desk-break", "morning-mobility", "gentle-strength", "bedtime-wind-down"]
PAGES = ["/", "/routines", "/favourites", "/history", "/checklist", "/safety"]
T0 = 1_795_000_000_000
LEDGERS = []


class Person(HttpUser):
    """One phone: its own cookie, its own saves."""

    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.ledger = {"cookie": None, "sessions": [], "checkins": [], "favourites": {},
                       "favourite_changes": 0, "unanswered": 0}
        self.clock = T0 + random.randrange(10**9)
        LEDGERS.append(self.ledger)

    def tick(self):
        """The device clock, moving on a little with every change."""
        self.clock += random.randint(1, 5000)
        return self.clock

    def save(self, method, path, body, name):
        """Send a save; True when the server confirmed it."""
        self.ledger["unanswered"] += 1
        with self.client.request(method, path, json=body, name=name, catch_response=True) as response:
            self.ledger["unanswered"] -= 1
            if response.status_code not in (200, 201):
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return False
        self.ledger["cookie"] = self.client.cookies.get("easeback_device")
        return True

    @task(4)
    def browse(self):
        routine = random.choice(ROUTINES)
        self.client.get(random.choice([*PAGES, f"/routines/{routine}", f"/routines/{routine}/play"]),
                        name="page")

    @task(2)
    def favourite(self):
        routine = random.choice(ROUTINES)
        wanted = random.random() < 0.6
        changed_at = self.tick()
        body = {"change_id": str(uuid.uuid4()), "changed_at": changed_at}
        method = "PUT" if wanted else "DELETE"
        if self.save(method, f"/api/v1/favourites/{routine}", body, "favourite"):
            self.ledger["favourites"][routine] = wanted
            self.ledger["favourite_changes"] += 1

    @task(1)
    def session(self):
        session_id = str(uuid.uuid4())
        started = datetime.now(UTC) - timedelta(minutes=10)
        body = {"routine": random.choice(ROUTINES), "started_at": started.isoformat(),
                "ended_at": (started + timedelta(minutes=8)).isoformat(), "steps_done": 6, "steps_total": 8,
                "completed": False, "updated_at": self.tick()}
        if self.save("PUT", f"/api/v1/sessions/{session_id}", body, "session"):
            self.ledger["sessions"].append(session_id)

    @task(1)
    def checkin(self):
        checkin_id = str(uuid.uuid4())
        body = {"moment": "any", "back_pain": random.randint(0, 10), "leg_pain": random.randint(0, 10),
                "reach": random.choice(["none", "buttock", "thigh", "calf", "foot"]),
                "recorded_at": datetime.now(UTC).isoformat()}
        if self.save("PUT", f"/api/v1/checkins/{checkin_id}", body, "check-in"):
            self.ledger["checkins"].append(checkin_id)

    @task(1)
    def read_back(self):
        self.client.get("/api/v1/favourites", name="favourites list")


@events.quitting.add_listener
def write_ledgers(environment, **_):
    """Hand the ledgers to the checker."""
    path = os.environ.get("EASEBACK_LEDGER")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(LEDGERS, out)
