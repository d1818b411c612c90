"""Browse the routines: the catalogue with its filters, and each routine's page."""
from dataclasses import dataclass

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l

from app.content import lessons, library
from app.content.models import GOALS, POSITIONS
from app.rules import LIMITS
from app.site.page_cache import same_for_everyone
from app.site.templating import minutes

bp = Blueprint("routines", __name__)

# (label, shortest, longest) in seconds; the bounds do not overlap.
LENGTHS = {
    "short": (_l("Up to 5 minutes"), 0, 5 * 60),
    "medium": (_l("5 to 10 minutes"), 5 * 60 + 1, 10 * 60),
    "long": (_l("Over 10 minutes"), 10 * 60 + 1, 24 * 60 * 60),
}
# What the catalogue says of a filter it does not know, by filter.
UNKNOWN_FILTER = {
    "goal": _l("We don't know the goal “%(value)s”, so the list is not filtered by goal."),
    "position": _l("We don't know the position “%(value)s”, so the list is not filtered by position."),
    "length": _l("We don't know the length “%(value)s”, so the list is not filtered by length."),
}
MAX_QUERY_LENGTH = LIMITS["search"]


@dataclass(frozen=True)
class Filters:
    """The catalogue's filters as read from the query string."""

    goal: str = ""
    position: str = ""
    length: str = ""
    query: str = ""

    @property
    def active(self):
        """True when any filter narrows the list."""
        return any((self.goal, self.position, self.length, self.query))


def read_filters(args):
    """Read filters from query parameters; return them with notes on any ignored."""
    notes = []
    values = {}
    for name, choices in (("goal", GOALS), ("position", POSITIONS), ("length", LENGTHS)):
        value = args.get(name, "").strip()
        if value and value not in choices:
            notes.append(str(UNKNOWN_FILTER[name]) % {"value": value[:40]})
            value = ""
        values[name] = value
    query = " ".join(args.get("q", "").split())
    if len(query) > MAX_QUERY_LENGTH:
        notes.append(gettext("The search was cut to its first %(num)s characters.", num=MAX_QUERY_LENGTH))
        query = query[:MAX_QUERY_LENGTH]
    return Filters(query=query, **values), notes


def _search_text(routine):
    """Everything a text search looks through for one routine."""
    parts = [routine.title, routine.summary, routine.for_whom]
    parts += [str(GOALS[goal]) for goal in routine.goals]
    parts += [step.exercise.name for step in routine.steps]
    return " ".join(parts).casefold()


# Positions on the floor or a bed. Someone who picks "Sitting" or "Standing" may not be
# able to get down, so those filters never offer a routine that needs these.
DOWN_LOW = ("lying", "kneeling")


def stays_off_the_floor(routine):
    """True if no step of the routine goes down low: fit to offer someone who may not get down."""
    return not any(position in DOWN_LOW for position in routine.positions)


def suits_position(routine, position):
    """True if the routine uses the position and, for sitting or standing, never goes down low."""
    if position not in routine.positions:
        return False
    return position in DOWN_LOW or stays_off_the_floor(routine)


def matches(routine, filters):
    """True if the routine passes every active filter."""
    if filters.goal and filters.goal not in routine.goals:
        return False
    if filters.position and not suits_position(routine, filters.position):
        return False
    if filters.length:
        _label, shortest, longest = LENGTHS[filters.length]
        if not shortest <= routine.total_seconds <= longest:
            return False
    words = filters.query.casefold().split()
    return all(word in _search_text(routine) for word in words)


@bp.get("/routines")
@same_for_everyone()
def catalogue():
    """List the routines, narrowed by goal, position, length and a text search."""
    filters, notes = read_filters(request.args)
    found = [routine for routine in library().routines.values() if matches(routine, filters)]
    return render_template(
        "routines/catalogue.html", routines=found, filters=filters, notes=notes,
        goals=GOALS, positions=POSITIONS, lengths=LENGTHS,
        total=len(library().routines),
    )


def routine_index():
    """Every routine's title, summary, length and links, for scripts that list routines."""
    return {
        routine.slug: {
            "title": routine.title, "summary": routine.summary,
            # The card's meta line and goal tags, part by part, as templates/macros.html shows them.
            "meta": [minutes(routine.total_seconds),
                     ngettext("%(num)s step", "%(num)s steps", len(routine.steps)),
                     ", ".join(str(POSITIONS[position]) for position in routine.positions)],
            "goals": [str(GOALS[goal]) for goal in routine.goals],
            "url": url_for("routines.detail", slug=routine.slug),
            "play": url_for("player.play", slug=routine.slug),
        }
        for routine in library().routines.values()
    }


def get_routine_or_404(slug):
    """Return the routine with this slug, or answer 404."""
    routine = library().routines.get(slug)
    if routine is None:
        abort(404, description=gettext("There is no routine at this address."))
    return routine


# What the builder's library calls each kind of exercise.
KIND_LABELS = {
    "stretch": _l("Stretch"), "mobility": _l("Easing stiffness"), "strength": _l("Strength"),
    "nerve-glide": _l("Nerve glide"), "breathing": _l("Breathing and relaxing"),
    "massage": _l("Self-massage"), "rest-position": _l("Resting position"),
    "movement": _l("Everyday movement"),
}


@bp.get("/routines/new")
@same_for_everyone()
def new():
    """Build a routine of one's own from the library's exercises (or, with #<id>, change one)."""
    exercises = sorted(library().exercises.values(), key=lambda exercise: exercise.name)
    kinds = {kind: label for kind, label in KIND_LABELS.items()
             if any(exercise.kind == kind for exercise in exercises)}
    return render_template("routines/new.html", exercises=exercises, positions=POSITIONS, kinds=kinds)


@bp.get("/routines/mine")
@same_for_everyone()
def mine():
    """The overview of a routine of one's own (#<id>): drawn on the device, from what it keeps."""
    return render_template("routines/mine.html")


@bp.get("/shared")
@same_for_everyone()
def shared():
    """A routine shared by link: it travels in the address's fragment (/shared#...), which browsers
    never send, so this page is the same for everyone and the server never sees the routine."""
    return render_template("routines/shared.html")


@bp.get("/routines/<slug>")
@same_for_everyone()
def detail(slug):
    """Show a routine's overview: every step with its picture and cautions, and the lessons behind it."""
    routine = get_routine_or_404(slug)
    behind = [lesson for lesson in lessons() if routine.slug in lesson.routines]
    return render_template("routines/detail.html", routine=routine, lessons=behind)
