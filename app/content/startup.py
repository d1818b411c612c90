"""Reading every content file once, at start-up: a broken file stops the app with
`path: field: what is wrong`."""
import functools
from pathlib import Path
from typing import NamedTuple

from app.content.checklists import (
    CHECKLIST_FILE,
    REGISTERS_FILE,
    Checklist,
    Registers,
    load_checklist,
    load_registers,
)
from app.content.learning import BAD_DAY_FILE, LESSONS_DIR, Guide, Lessons, load_bad_day, load_lessons
from app.content.routines import Library, load_library
from app.content.safety import SAFETY_FILE, Safety, check_warnings, load_safety
from app.content.sources import SOURCES_FILE, load_sources


class Content(NamedTuple):
    """Every kind of content, checked."""

    library: Library
    checklist: Checklist
    lessons: Lessons
    bad_day: Guide
    registers: Registers
    safety: Safety


def load_content(routines_dir, pictures_dir):
    """Load every content file, or raise ContentError on the first problem."""
    routines_dir = Path(routines_dir)
    found = load_library(routines_dir, pictures_dir)
    # Lesson slugs share the namespace of exercise ids and routine slugs.
    seen = {exercise_id: routines_dir / "exercises" / f"{exercise_id}.toml"
            for exercise_id in found.exercises}
    seen.update((slug, routines_dir / f"{slug}.toml") for slug in found.routines)
    # Lessons and the bad-day guide name their sources by id, so the sources are read first.
    sources = load_sources(routines_dir / SOURCES_FILE)
    lessons = load_lessons(routines_dir / LESSONS_DIR, seen, found.routines, sources)
    safety = load_safety(routines_dir / SAFETY_FILE, sources)
    content = Content(
        library=found,
        # The checklist's sections link to lessons, so it is read after them.
        checklist=load_checklist(routines_dir / CHECKLIST_FILE, lessons.by_slug),
        lessons=lessons,
        bad_day=load_bad_day(routines_dir / BAD_DAY_FILE, seen, found.routines, sources),
        registers=load_registers(routines_dir / REGISTERS_FILE),
        safety=safety,
    )
    # A warning sign's urgency is said once, in the safety file: no other file may restate it, and
    # the signs they link (warning_signs = [...]) must be in it.
    check_warnings(content.safety, {
        **{routines_dir / "exercises" / f"{key}.toml": value for key, value in found.exercises.items()},
        **{routines_dir / f"{key}.toml": value for key, value in found.routines.items()},
        **{routines_dir / LESSONS_DIR / f"{lesson.slug}.toml": lesson for lesson in lessons},
        routines_dir / BAD_DAY_FILE: content.bad_day,
        routines_dir / CHECKLIST_FILE: content.checklist,
        routines_dir / REGISTERS_FILE: content.registers,
    })
    return content


def files_as_they_stand(*folders):
    """Every file under folders with its size and time of change: two readings differ once any
    file is added, removed or written."""
    return tuple((str(path), stat.st_size, stat.st_mtime_ns) for folder in map(Path, folders)
                 for path in sorted(folder.rglob("*")) if path.is_file() and (stat := path.stat()))


@functools.lru_cache(maxsize=8)
def _loaded(routines_dir, pictures_dir, _files):
    """load_content, once per process for the files as they stand (content is frozen: apps may share it)."""
    return load_content(routines_dir, pictures_dir)


def init_app(app):
    """Load the content once at start-up; a broken file stops the app. Apps made in one process
    from unchanged files (the tests make one per test) share one reading."""
    routines_dir, pictures_dir = app.config["ROUTINES_DIR"], Path(app.static_folder) / "pictures"
    found = _loaded(str(routines_dir), str(pictures_dir), files_as_they_stand(routines_dir, pictures_dir))
    app.extensions["easeback_library"] = found.library
    app.extensions["easeback_checklist"] = found.checklist
    app.extensions["easeback_lessons"] = found.lessons
    app.extensions["easeback_bad_day"] = found.bad_day
    app.extensions["easeback_registers"] = found.registers
    app.extensions["easeback_safety"] = found.safety
