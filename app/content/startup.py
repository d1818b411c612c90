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
from app.content.safety import SAFETY_FILE, Safety, check_signs_kept, check_warnings, load_safety
from app.content.sources import SOURCES_FILE, load_sources
from app.content.translation import ENGLISH, Reading


class Content(NamedTuple):
    """Every kind of content, checked."""

    library: Library
    checklist: Checklist
    lessons: Lessons
    bad_day: Guide
    registers: Registers
    safety: Safety


def load_content(routines_dir, pictures_dir, language=None):
    """Load every content file, or raise ContentError on the first problem: in English, or with the
    translation in routines/<language>/ laid over each file (app/content/translation.py)."""
    with Reading(routines_dir, language):
        return _load_content(Path(routines_dir), pictures_dir)


def _load_content(routines_dir, pictures_dir):
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
    check_warnings(content.safety, files_of(content, routines_dir))
    return content


def files_of(content, routines_dir):
    """Every file but the warning signs and the sources, by path: {path: loaded model}."""
    library = content.library
    return {
        **{routines_dir / "exercises" / f"{key}.toml": value for key, value in library.exercises.items()},
        **{routines_dir / f"{key}.toml": value for key, value in library.routines.items()},
        **{routines_dir / LESSONS_DIR / f"{lesson.slug}.toml": lesson for lesson in content.lessons},
        routines_dir / BAD_DAY_FILE: content.bad_day,
        routines_dir / CHECKLIST_FILE: content.checklist,
        routines_dir / REGISTERS_FILE: content.registers,
    }


def load_translations(routines_dir, pictures_dir, languages, english=None):
    """{language: Content} for English and each translation. A translation must name every warning
    sign its English text names (a dropped sign would hide a red flag), by its own words for it."""
    routines_dir = Path(routines_dir)
    english = english or load_content(routines_dir, pictures_dir)
    found = {}
    for language in languages:
        if language == ENGLISH:
            found[language] = english
            continue
        content = found[language] = load_content(routines_dir, pictures_dir, language)
        translated = files_of(content, routines_dir)
        for path, model in files_of(english, routines_dir).items():
            check_signs_kept(english.safety, content.safety, model, translated[path],
                             routines_dir / language / path.relative_to(routines_dir))
    return found


def files_as_they_stand(*folders):
    """Every file under folders with its size and time of change: two readings differ once any
    file is added, removed or written."""
    return tuple((str(path), stat.st_size, stat.st_mtime_ns) for folder in map(Path, folders)
                 for path in sorted(folder.rglob("*")) if path.is_file() and (stat := path.stat()))


@functools.lru_cache(maxsize=8)
def _loaded(routines_dir, pictures_dir, languages, _files):
    """load_translations, once per process for the files as they stand (content is frozen: apps
    may share it)."""
    return load_translations(routines_dir, pictures_dir, languages)


def init_app(app, languages):
    """Load the content in each language once at start-up; a broken file stops the app. Apps made in
    one process from unchanged files (the tests make one per test) share one reading."""
    routines_dir, pictures_dir = app.config["ROUTINES_DIR"], Path(app.static_folder) / "pictures"
    app.extensions["easeback_content"] = _loaded(str(routines_dir), str(pictures_dir), tuple(languages),
                                                 files_as_they_stand(routines_dir, pictures_dir))
