"""The exercise and routine library: every file under routines/ read once, checked, frozen."""
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from pydantic import TypeAdapter

from app.content.loading import ContentError, content_files, read
from app.content.models import Exercise, Routine

EXERCISE = TypeAdapter(Exercise)
ROUTINE = TypeAdapter(Routine)


@dataclass(frozen=True)
class Library:
    """All exercises and routines, checked and read-only."""

    exercises: MappingProxyType
    routines: MappingProxyType


def _check_unique(folder, key, pairs):
    """Refuse two files that would show a person the same heading, or give a link the same code."""
    owners = {}
    for file_id, value in pairs:
        if value in owners:
            raise ContentError(folder / f"{file_id}.toml", key,
                               f"duplicate {key} {value!r}, also used by {owners[value]}.toml")
        owners[value] = file_id


def load_library(routines_dir, pictures_dir):
    """Load every exercise and routine, or raise ContentError on the first problem."""
    routines_dir, pictures_dir = Path(routines_dir), Path(pictures_dir)
    # Routine slugs share one namespace with exercise ids, so a link or a
    # saved favourite can never be ambiguous.
    seen = {}
    exercises = {}
    for path in content_files(routines_dir / "exercises"):
        exercise = read(EXERCISE, path, seen=seen, pictures_dir=pictures_dir)
        seen[exercise.id] = path
        exercises[exercise.id] = exercise
    if not exercises:
        raise ContentError(routines_dir / "exercises", "files", "no exercises found")
    routines = []
    for path in content_files(routines_dir):
        routine = read(ROUTINE, path, seen=seen, exercises=exercises)
        seen[routine.slug] = path
        routines.append(routine)
    if not routines:
        raise ContentError(routines_dir, "files", "no routines found")
    _check_unique(routines_dir, "title", ((r.slug, r.title) for r in routines))
    _check_unique(routines_dir / "exercises", "name", ((e.id, e.name) for e in exercises.values()))
    _check_unique(routines_dir / "exercises", "code", ((e.id, e.code) for e in exercises.values()))
    routines.sort(key=lambda routine: routine.title)
    return Library(
        exercises=MappingProxyType(exercises),
        routines=MappingProxyType({routine.slug: routine for routine in routines}),
    )
