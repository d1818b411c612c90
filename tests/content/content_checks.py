"""The one way content tests break a file and read the checker's message."""
import json

import pytest

from app.content.loading import ContentError, read_toml
from app.content.translation import words_of


def assert_refused(path, old, new, load, field, words):
    """Replace old with new in path, load, and expect `path: field: ...words...`."""
    text = path.read_text()
    assert old in text, f"the example no longer matches {path.name}"
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(ContentError) as raised:
        load()
    message = str(raised.value)
    assert message.startswith(f"{path}: {field}: "), message
    assert words in message


def _toml(value):
    """A value as TOML (inline tables and arrays; strings as JSON writes them, which TOML reads)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {_toml(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(value)


def translate_as_is(folder, relative, language="es"):
    """Give routines/<relative> a translation that repeats its English words: a new test file must
    have one in every language for the app to start, and its words do not matter to the test."""
    data = read_toml(folder / relative)
    lines = ["translated = 2026-12-07"] + [f"{key} = {_toml(value)}" for key, value in words_of(data).items()]
    target = folder / language / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n")
