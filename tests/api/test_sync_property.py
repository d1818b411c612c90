"""Offline changes, retried and reordered in any way, end in one server state.

A device queues favourite changes while offline and sends them when it can;
a send may be repeated (the answer was lost) and two devices may interleave.
Whatever happens, the server must end where "the last change wins" says,
with nothing lost or doubled.
"""
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db import db
from app.profiles.limits import limiter

ROUTINES = ["in-bed", "desk-break", "gentle-strength"]
T0 = 1_795_000_000_000

changes = st.lists(
    st.tuples(st.sampled_from(ROUTINES), st.booleans(), st.integers(min_value=0, max_value=50)),
    min_size=1, max_size=12,
).map(lambda items: [
    {"routine": routine, "favourite": favourite, "changed_at": T0 + tick * 1000,
     "change_id": str(uuid.UUID(int=n, version=4))}
    for n, (routine, favourite, tick) in enumerate(items, start=1)
])


def expected(all_changes):
    """What the last-change-wins rule says the favourites should be."""
    winners = {}
    for item in all_changes:
        key = (item["changed_at"], item["change_id"])
        if item["routine"] not in winners or key > winners[item["routine"]][0]:
            winners[item["routine"]] = (key, item["favourite"])
    return sorted(routine for routine, (_, favourite) in winners.items() if favourite)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(all_changes=changes, data=st.data())
def test_any_interleaving_of_offline_changes_and_syncs_converges(app, all_changes, data):
    with app.app_context():
        db.drop_all()
        db.create_all()
    limiter.reset()  # a fresh world for each example, rate limits included
    client = app.test_client()
    # Each change is sent one or more times (lost answers), in any order (two devices, queues flushed late).
    sends = [item for item in all_changes for _ in range(data.draw(st.integers(1, 3)))]
    for item in data.draw(st.permutations(sends)):
        method = client.put if item["favourite"] else client.delete
        body = {"change_id": item["change_id"], "changed_at": item["changed_at"]}
        assert method(f"/api/v1/favourites/{item['routine']}", json=body).status_code == 200
    shown = sorted(row["routine"] for row in client.get("/api/v1/favourites").json["favourites"])
    assert shown == expected(all_changes)
