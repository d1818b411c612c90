"""`flask content check`: validate all content without starting the app.

It is installed as a Flask plugin command (see pyproject.toml), so it still runs,
and says what is wrong, when broken content would stop the app from loading.
"""
import sys

import click

from app import paths
from app.content.loading import ContentError
from app.content.startup import load_translations
from app.content.translation import ENGLISH
from app.site.languages import CODES


@click.group("content")
def content_cli():
    """Work with the content under routines/: exercises, routines, the checklist and lessons."""


@content_cli.command("check")
@click.option("--routines-dir", type=click.Path(file_okay=False), default=str(paths.ROUTINES_DIR),
              envvar="FLASK_ROUTINES_DIR",
              show_default=True, help="Folder holding the routines, exercises/, checklist/ and lessons/.")
def check(routines_dir):
    """Load and validate every content file and its translations, as start-up does; exit 1 on the
    first problem."""
    try:
        every = load_translations(routines_dir, paths.PICTURES_DIR, CODES)
    except ContentError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    found = every[ENGLISH]
    for routine in found.library.routines.values():
        minutes, seconds = divmod(routine.total_seconds, 60)
        click.echo(f"  {routine.slug:<28} {minutes:2d} min {seconds:02d} s  {len(routine.steps)} steps")
    for lesson in found.lessons:
        click.echo(f"  {lesson.slug:<28} {lesson.minutes:2d} min read  {len(lesson.sources)} sources")
    click.echo(f"All good: {len(found.library.exercises)} exercises, {len(found.library.routines)} routines, "
               f"a checklist of {len(found.checklist.items)} items and {len(found.lessons)} lessons; "
               f"each translated into {', '.join(code for code in every if code != ENGLISH)}.")
