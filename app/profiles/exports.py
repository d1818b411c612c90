"""Everything a profile owns, read by walking the register: the JSON and CSV exports and
"Delete everything". Every row is read: no display limit applies to an export."""
import csv
import io
import json
from datetime import datetime

from sqlalchemy import delete, select

from app.db import db
from app.models import Profile, utcnow
from app.profiles.register import REGISTER, Gather, exported


def fields_of(line):
    """The columns an export shows of one register line: its key, then its shape's fields."""
    return list(dict.fromkeys([*line.key, *line.shape.model_fields]))


def rows_for(line, profile_id):
    """Every row of one register line for a profile (but those kept only to record a delete), as plain
    dicts of its shape's fields, oldest first. Read as columns: at the row cap, building and
    validating ORM objects would take seconds."""
    table = line.model.__table__
    names = fields_of(line)
    statement = select(*(table.c[name] for name in names)).where(table.c.profile_id == profile_id)
    if line.gone:
        statement = statement.where(table.c[line.gone].is_(False))
    order = [table.c[line.order]] if line.order else []
    statement = statement.order_by(*order, *table.primary_key.columns)
    return [dict(zip(names, row, strict=True)) for row in db.session.execute(statement)]


def gathered(line, rows):
    """One line's rows in the form the JSON export holds them."""
    if line.gather is Gather.BY_KEY:
        return {row[line.key[0]]: {name: row[name] for name in line.shape.model_fields} for row in rows}
    if line.gather is Gather.ONE:
        return rows[0] if rows else None
    return rows


def everything(profile):
    """All of a profile's data, in the shape of schemas.Export (a test checks it against it)."""
    data = {"exported_at": utcnow()}
    for line in exported():
        rows = rows_for(line, profile.id) if profile is not None else []
        *parents, name = line.export
        place = data
        for parent in parents:
            place = place.setdefault(parent, {})
        place[name] = gathered(line, rows)
    return data


def as_json_value(value):
    """Times as ISO 8601 text, as pydantic writes them everywhere else in the API."""
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def as_json(profile):
    """The JSON export's text."""
    return json.dumps(everything(profile), default=as_json_value, separators=(",", ":"))


# A cell starting with one of these is run as a formula by spreadsheets (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_cell(value):
    """A value for a CSV cell: times in ISO 8601, lists and documents as JSON, and text that a
    spreadsheet would run as a formula kept as text by starting it with a single quote (OWASP)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        value = json.dumps(value, separators=(",", ":"))
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_columns():
    """The CSV's columns: the record's kind, then every field of every exported shape, once."""
    columns = {"record": None}
    for line in exported():
        columns.update(dict.fromkeys(fields_of(line)))
    return list(columns)


def as_csv(profile):
    """The CSV export's text: one table, a row for each row the profile owns, named by its record."""
    columns = csv_columns()
    positions = {name: position for position, name in enumerate(columns)}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for line in exported():
        for row in rows_for(line, profile.id) if profile is not None else []:
            cells = [line.record, *[""] * (len(columns) - 1)]
            for name, value in row.items():
                cells[positions[name]] = as_cell(value)
            writer.writerow(cells)
    return out.getvalue()


def delete_everything(profile_id):
    """Remove every row the profile owns, line by line of the register, then the profile itself
    (the foreign keys' cascades would do it too, but only where the database enforces them)."""
    for line in REGISTER:
        db.session.execute(delete(line.model).where(line.model.profile_id == profile_id)
                           .execution_options(synchronize_session=False))
    db.session.execute(delete(Profile).where(Profile.id == profile_id)
                       .execution_options(synchronize_session=False))
