"""The one way content tests break a file and read the checker's message."""
import pytest

from app.content.loading import ContentError


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
