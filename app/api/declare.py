"""What an API route takes and answers, declared on the route itself: the OpenAPI document
(app/api/openapi.py) is read from these declarations, so it cannot drift from the routes."""
import inspect
from dataclasses import dataclass, field

# The refusals any route of the API may answer, each with an Error body.
ERRORS = {400: "Malformed request", 403: "Cross-site write refused", 404: "Not found",
          409: "Id already used by someone else, or the profile holds as many sessions or check-ins as "
               "the server keeps", 413: "Body too large", 422: "Invalid fields", 429: "Too many tries"}
WRITE_REFUSALS = {code: ERRORS[code] for code in (403, 429)}


@dataclass(frozen=True)
class Declaration:
    """A route's summary, its JSON body's model (None: no body), its answers by status (a model,
    None for no body, or a (media type, JSON schema) pair), its refusals by status, and the types
    of the path parameters its converter leaves as plain text."""

    summary: str
    body: type | None
    answers: dict
    errors: dict
    path: dict = field(default_factory=dict)


def documented(answers, body=None, errors=None, path=None, summary=None):
    """Record on the view what it takes and answers; the summary defaults to its docstring's
    first paragraph."""
    def declare(view):
        words = summary or " ".join(inspect.getdoc(view).split("\n\n")[0].split()).removesuffix(".")
        view.declared = Declaration(words, body, answers, ERRORS if errors is None else errors, path or {})
        return view
    return declare


def declaration(view):
    """The view's declaration, or None when it has none."""
    return getattr(view, "declared", None)
