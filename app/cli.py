"""`flask routines check`: validate all content without starting the app.

It is installed as a Flask plugin command (see pyproject.toml), so it still runs,
and says what is wrong, when broken content would stop the app from loading.
"""
import sys
from pathlib import Path

import click

from app import paths
from app.checklist import load_checklist
from app.content import load_library
from app.content_model import ContentError


@click.group("routines")
def routines_cli():
    """Work with the routine content under routines/."""


@routines_cli.command("check")
@click.option("--routines-dir", type=click.Path(file_okay=False), default=str(paths.ROUTINES_DIR),
              envvar="FLASK_ROUTINES_DIR",
              show_default=True, help="Folder holding the routines and exercises/.")
def check(routines_dir):
    """Load and validate every exercise, routine and the checklist; exit 1 on the first problem."""
    try:
        found = load_library(routines_dir, paths.PICTURES_DIR)
        checklist = load_checklist(Path(routines_dir) / "checklist" / "therapist.toml")
    except ContentError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    for routine in found.routines.values():
        minutes, seconds = divmod(routine.total_seconds, 60)
        click.echo(f"  {routine.slug:<28} {minutes:2d} min {seconds:02d} s  {len(routine.steps)} steps")
    items = sum(len(section.items) for section in checklist.sections)
    click.echo(f"All good: {len(found.exercises)} exercises, {len(found.routines)} routines "
               f"and a checklist of {items} items.")
