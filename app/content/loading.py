"""Reading content files: TOML in, a checked model out, or `path: field: what is wrong`.

A broken file stops start-up with that message so the person editing it knows exactly
what to change. Pydantic finds the problems; this module words them for an author.
"""
import re
import tomllib
from contextvars import ContextVar
from pathlib import Path

from pydantic import ValidationError

# A routine's or exercise's id, and its file's name: lowercase words joined by single hyphens.
# Content and the API (app/rules.py hands it on) check slugs with this one pattern.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 80
SLUG = re.compile(SLUG_PATTERN)
# Pydantic's own problems, in an author's words; the content field types word the rest.
MESSAGES = {
    "missing": "missing required key",
    "int_type": "must be a whole number of seconds or times, not {input!r}",
    "bool_type": "must be true or false, not {input!r}",
    "string_type": "must be a non-empty string",
    "tuple_type": "must be a list, not {kind}",
    "dataclass_type": "must be a table ([[{table}]])",
    # Slugs are the only pattern content uses.
    "string_pattern_mismatch": "{input!r}: use lower-case words joined by hyphens",
}


# While a translation is read, its words laid over each English file as it is read:
# overlay(path, data) -> data (app/content/translation.py sets it); None for English.
OVERLAY = ContextVar("overlay", default=None)


class ContentError(ValueError):
    """A content file breaks a rule; the message says where and what."""

    def __init__(self, path, field, message):
        super().__init__(f"{_shown(path)}: {field}: {message}")
        self.path, self.field, self.detail = path, field, message


def _shown(path):
    """Show a path relative to the working folder when it is inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def read_toml(path):
    """Parse one TOML file, naming the file in any syntax error."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, "syntax", str(error)) from error


def _field(loc):
    """Write pydantic's location the way the file reads: steps[0].hold."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def _as_content_error(path, error):
    """Turn pydantic's first error into a ContentError."""
    loc = list(error["loc"])
    context = error.get("ctx") or {}
    if error["type"] == "content":
        message = context["message"]
        if context.get("field"):
            loc.append(context["field"])
    elif error["type"] in MESSAGES:
        words = ".".join(part for part in loc if isinstance(part, str))
        message = MESSAGES[error["type"]].format(input=error["input"], kind=type(error["input"]).__name__,
                                                 table=words)
    else:
        message = error["msg"]
    return ContentError(path, _field(loc) or "file", message)


def read(adapter, path, **context):
    """Read one file into adapter's model; context carries what cross-file rules need."""
    data = read_toml(path)
    if (overlay := OVERLAY.get()) is not None:
        data = overlay(path, data)
    try:
        return adapter.validate_python(data, context={"path": path, **context})
    except ValidationError as error:
        raise _as_content_error(path, error.errors(include_url=False)[0]) from None


def read_required(adapter, path, why, **context):
    """read() a file the app cannot do without; a missing one is named with why it is needed."""
    path = Path(path)
    if not path.is_file():
        raise ContentError(path, "file", f"missing: {why}")
    return read(adapter, path, **context)


def content_files(folder):
    """List a folder's TOML files in a stable order, checking their names."""
    files = sorted(folder.glob("*.toml"))
    for path in files:
        if not SLUG.match(path.stem):
            raise ContentError(path, "file name", "use lower-case words joined by hyphens")
    return files
