"""Saved rows: how a change is stored (the last change wins, in one statement; a row made on a
device is kept once, within the register's cap) and how a stored row is answered. The route
modules beside it (saves, data, plan) share these, so none of them imports another."""
import functools

from flask import abort, current_app
from flask_babel import gettext
from pydantic import ValidationError
from sqlalchemy import func, tuple_

from app import profiles
from app.db import UPSERTS, autocommitting, db, dialect, in_code_point_order
from app.models import ChecklistState, rows_of
from app.profiles.register import owned
from app.schemas import ChecklistEntries, ChecklistOut, FavouriteOut
from app.site.formats import whole_number


@functools.cache
def last_change_wins(model, dialect_name):
    """One statement that puts a change in model's row (every column's value bound as it runs)
    unless the row holds a change that wins over it (models.wins_over, in SQL): it changes one
    row, or none when the change lost. Two sends of one change race inside the database, not
    in Python: nothing is read first and no unique key can break. Built once per model and
    database, as building a statement costs more than running it."""
    insert = UPSERTS[dialect_name](model.__table__)
    key = [column.name for column in model.__table__.primary_key]
    later = tuple_(insert.excluded.changed_at, in_code_point_order(insert.excluded.change_id, dialect_name))
    held = tuple_(model.changed_at, in_code_point_order(model.change_id, dialect_name))
    changed = {column.name: column for column in insert.excluded if column.name not in key}
    return (insert.on_conflict_do_update(index_elements=key, set_=changed, where=later > held)
            .execution_options(preserve_rowcount=True))  # an INSERT's count is kept only when asked


def store_change(model, values):
    """Store a change of this device's profile (values: every column but the profile's id) in one
    statement, committed on its own; True when stored, False when the row held a change that wins."""
    statement = last_change_wins(model, dialect())
    profile_id = profiles.current_profile_id()
    if profile_id is not None:
        return autocommitting().execute(statement, {**values, "profile_id": profile_id}).rowcount == 1
    # The first save: the profile, its key and the change commit together.
    profile = profiles.profile_for_writing()
    db.session.flush()
    stored = db.session.execute(statement, {**values, "profile_id": profile.id}).rowcount == 1
    db.session.commit()
    return stored


def make_room(model, profile, *counted, most=None):
    """Refuse a new row once the profile holds the most the server keeps (the register's cap, unless
    most is given), counting only the rows that meet the conditions counted (every row when none).

    A generous cap that years of daily use never reach, so that no profile can grow
    without bound and make its history and exports slow for everyone.
    """
    line = owned(model)
    most, what = most or current_app.config.get(line.cap, line.most), line.called
    held = db.session.scalar(rows_of(model, profile, func.count()).where(*counted))
    if held >= most:
        abort(409, description=gettext(
            "The server already keeps %(most)s %(what)s for you, the most it can. This device keeps this "
            "one, but the server cannot take it. To make room, download your data in Settings, then delete "
            "the old data there (Delete everything) and start afresh.", most=whole_number(most), what=what))


def row_to_write(model, row_id):
    """This device's profile (made on its first save) and its row with this device-made id:
    None when new and there is room for it; someone else's is refused."""
    profile = profiles.profile_for_writing()
    db.session.flush()
    row = db.session.get(model, str(row_id))
    if row is not None and row.profile_id != profile.id:
        abort(409, description=gettext("That id is already in use. Make a new one on the device."))
    if row is None:
        make_room(model, profile)
    return profile, row


def record_once(model, row_id, values, shape):
    """Keep a row made on a device (a check-in, a weekly review) the first time it comes; sending
    it again changes nothing. The answer: the row in shape, and 201 when new or 200 when already kept."""
    profile, row = row_to_write(model, row_id)
    created = row is None
    if created:
        row = model(id=str(row_id), profile_id=profile.id, **values)
        db.session.add(row)
        db.session.flush()
        # Read the answer before the commit expires the row: read after, a database cut in between
        # would turn a kept save into a 500.
        kept = shape.model_validate(row, from_attributes=True)
        db.session.commit()
        return kept, 201
    return shape.model_validate(row, from_attributes=True), 200


def favourite_out(row):
    """A favourite row as the API shows it."""
    return FavouriteOut(routine=row.routine, favourite=row.favourite, changed_at=row.changed_at,
                        change_id=row.change_id)


def checklist_out(profile):
    """The profile's checklist, or an empty one."""
    row = None if profile is None else db.session.get(ChecklistState, profile.id)
    if row is None:
        return ChecklistOut(state={}, changed_at=0, change_id=None)
    try:
        state = ChecklistEntries.model_validate(row.state).as_stored()
    except ValidationError:
        # Only a script could have saved this, before the shape was checked; it cannot be
        # shown or exported. As "never saved", devices keep their own copy and replace it.
        current_app.logger.warning("Checklist of profile %s does not fit the checklist's shape", profile.id)
        return ChecklistOut(state={}, changed_at=0, change_id=None)
    return ChecklistOut(state=state, changed_at=row.changed_at, change_id=row.change_id)
