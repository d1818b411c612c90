"""The find-a-therapist checklist page; its content files are read by app.content.checklists.

The page keeps everything the person enters on their device (static/js/pages/checklist.js)
as one plain JSON object, whose shape follows the form's field names:

    {"ticks": {item id: bool}, "notes": {section id: str},
     "symptoms": {"where", "side", "duration", "helps", "worse", "diagnosis": str},
     "questions": str,
     "therapists": [{"name", "clinic", "techniques", "cost", "notes": str,
                     "registered": bool, "ticks": {compared item id: bool}} x 3]}
"""
from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l

from app.content import checklist, registers
from app.content.checklists import COMPARED
from app.days import person_today
from app.site.page_cache import same_for_everyone
from app.site.templating import day_in_words

bp = Blueprint("checklist", __name__)

SYMPTOMS = (
    ("where", _l("Where it hurts"), 2),
    ("side", _l("Which side"), 0),
    ("duration", _l("For how long"), 0),
    ("helps", _l("What helps"), 2),
    ("worse", _l("What makes it worse"), 2),
    ("diagnosis", _l("Any diagnosis so far"), 2),
)  # (field, label, textarea rows; 0 for a one-line input)
THERAPIST_FIELDS = (("name", _l("Name")), ("clinic", _l("Clinic")), ("techniques", _l("Techniques")),
                    ("cost", _l("Cost")))
THERAPISTS = 3
# The rows of the "At a glance" table under the therapists' cards: (field path in a card, label).
GLANCE_ROWS = (("registered", _l("Registration checked")),
               *((f"ticks.{item_id}", label) for item_id, label in COMPARED))


@bp.get("/checklist")
@same_for_everyone(varies_with=person_today)
def page():
    """The find-a-therapist checklist: tick it, write on it, compare, print it."""
    return render_template(
        "checklist.html", checklist=checklist(), compared=COMPARED, symptoms=SYMPTOMS,
        therapist_fields=THERAPIST_FIELDS, therapists=range(1, THERAPISTS + 1), glance_rows=GLANCE_ROWS,
        registers=registers(),
        # Only a fallback (the device's day, from its zone cookie): the page's script writes its own date.
        printed_on=day_in_words(person_today()),
    )
