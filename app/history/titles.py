"""What a session or feedback's slug stands for, on the pages that show what a person did: a built-in
routine, or an own routine as this profile saved it (its name, and its steps for counting how far a
stopped session got), or words that say what it was when it is not here (deleted, or not yet sent
from its device)."""
from typing import NamedTuple

from flask_babel import lazy_gettext as _l
from pydantic import ValidationError

from app.content import library
from app.content.own import OwnRoutine, slug_of
from app.db import db
from app.models import SavedRoutine, rows_of
from app.rules import OWN_ROUTINES

UNNAMED_OWN_ROUTINE = _l("Your own routine")


class Kept(NamedTuple):
    """An own routine as the profile saved it: its name, and the routine laid out against today's
    library (None if one of its exercises has since left the library)."""

    name: str
    routine: OwnRoutine | None


def own_routines(profile, slugs):
    """{slug: Kept} for the slugs that name one of this profile's live own routines."""
    prefix = OWN_ROUTINES["slug_prefix"]
    own = [slug.removeprefix(prefix) for slug in slugs if slug.startswith(prefix)]
    if not own or profile is None:
        return {}
    saved = db.session.execute(
        rows_of(SavedRoutine, profile, SavedRoutine.id, SavedRoutine.definition)
        .where(SavedRoutine.id.in_(own), SavedRoutine.deleted.is_(False)))
    return {slug_of(row.id): Kept(row.definition["name"], laid_out(row.definition)) for row in saved}


def laid_out(definition):
    try:
        return OwnRoutine.model_validate(definition, context={"exercises": library().exercises})
    except ValidationError:
        return None


def routine_titles(profile, slugs, own=None):
    """{slug: title} for each slug; a slug neither built in nor own (a routine since retired) is its
    own title. own: own_routines(profile, slugs), when the caller has it already."""
    routines, prefix = library().routines, OWN_ROUTINES["slug_prefix"]
    titles = {slug: routines[slug].title for slug in slugs if slug in routines}
    own = own_routines(profile, slugs - titles.keys()) if own is None else own
    titles.update({slug: kept.name for slug, kept in own.items()})
    return {slug: titles.get(slug) or (str(UNNAMED_OWN_ROUTINE) if slug.startswith(prefix) else slug)
            for slug in slugs}
