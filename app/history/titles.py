"""A routine's title from the slug a session or feedback recorded, for the pages that show what a
person did: a built-in routine's own title, an own routine's name as this profile saved it, or words
that say what it was when its name is not here (deleted, or not yet sent from its device)."""
from app.content import library
from app.content.own import slug_of
from app.db import db
from app.models import SavedRoutine, rows_of
from app.rules import OWN_ROUTINES

UNNAMED_OWN_ROUTINE = "Your own routine"


def routine_titles(profile, slugs):
    """{slug: title} for each slug; a slug neither built in nor own (a routine since retired) is its
    own title."""
    routines, prefix = library().routines, OWN_ROUTINES["slug_prefix"]
    titles = {slug: routines[slug].title for slug in slugs if slug in routines}
    own = {slug for slug in slugs if slug not in routines and slug.startswith(prefix)}
    if own and profile is not None:
        saved = db.session.execute(
            rows_of(SavedRoutine, profile, SavedRoutine.id, SavedRoutine.definition)
            .where(SavedRoutine.id.in_([slug.removeprefix(prefix) for slug in own]),
                   SavedRoutine.deleted.is_(False)))
        titles.update({slug_of(row.id): row.definition["name"] for row in saved})
    return {slug: titles.get(slug) or (UNNAMED_OWN_ROUTINE if slug in own else slug) for slug in slugs}
