"""What the server answers and exports of an own routine (pydantic): the saved row, its definition
spread out, in the API; the row as stored in the exports. Imports nothing of the app, so the register
and the export's shape (app/schemas.py) can name these without a cycle."""
from pydantic import BaseModel, Field


class OwnRoutineOut(BaseModel):
    """An own routine on the server, its definition in full (a deleted one keeps only its id and its
    last change: no name, no steps)."""

    id: str
    name: str | None
    often: str | None
    steps: list[dict] = Field(description="each in full: exercise, hold or reps, sides (one-sided "
                                          "exercises only), rest")
    deleted: bool
    changed_at: int
    change_id: str


class OwnRoutineList(BaseModel):
    """The profile's own routines that are not deleted, the latest change first."""

    routines: list[OwnRoutineOut]


class OwnRoutineExport(BaseModel):
    """An own routine in an export: its id, its definition and its last change (deleted ones are left
    out: they keep nothing but an id and a time)."""

    id: str
    definition: dict
    changed_at: int
    change_id: str


def routine_out(row):
    """A saved routine row as the API shows it: its definition spread out (none once deleted)."""
    definition = row.definition or {}
    return OwnRoutineOut(id=row.id, name=definition.get("name"), often=definition.get("often"),
                         steps=definition.get("steps", []), deleted=row.deleted, changed_at=row.changed_at,
                         change_id=row.change_id)
