"""The favourites page: saved routines, kept on the device and synced."""
from flask import Blueprint, render_template

from app.pages.routines import routine_index
from app.site.page_cache import same_for_everyone

bp = Blueprint("favourites", __name__)


@bp.get("/favourites")
@same_for_everyone()
def page():
    """The routines saved as favourites on this device (filled in by the page's script)."""
    return render_template("favourites.html", routine_index=routine_index())
