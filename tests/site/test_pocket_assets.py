"""What pocket mode plays and shows: the recorded cues, one for every exercise and cue word,
within their size budget, at one loudness, and in step with the content (a renamed exercise needs
`make voice`); and a square PNG of every picture for the lock screen (`make pictures`)."""
import json
import tempfile
from pathlib import Path

import pytest

from app.content.routines import load_library
from app.pages.player import CUE_WORDS as WORDS
from app.pages.player import clip_texts
from app.rules import CLIP_PREFIXES, CUE_CLIPS
from tools.artwork import ARTWORK, PICTURES, SIZE
from tools.voice import OUT, ROOT, decode, levels

BUDGET = 350 * 1024  # all clips together, as the product brief sets
SPREAD_DB = 2.0  # between the quietest and the loudest clip's RMS level, as a player hears them


@pytest.fixture(scope="module")
def manifest():
    return json.loads((OUT / "clips.json").read_text())


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "routines", ROOT / "static" / "pictures")


def test_every_clip_the_content_needs_is_recorded_with_its_words(manifest, library):
    recorded = {clip: entry["words"] for clip, entry in manifest["clips"].items()}
    assert recorded == clip_texts(library), "the content changed since the clips were made: run `make voice`"


def test_every_cue_word_the_rules_name_has_its_words():
    assert WORDS.keys() == CUE_CLIPS.keys(), (
        "give app/pages/player.py's CUE_WORDS each cue in app/rules.py's CUE_CLIPS")


def test_every_exercise_and_cue_word_has_a_clip(manifest, library):
    for exercise in library.exercises:
        assert f"{CLIP_PREFIXES['exercise']}{exercise}" in manifest["clips"]
    for clip in [*CUE_CLIPS.values(), *(f"{CLIP_PREFIXES['number']}{n}" for n in (1, 2, 3))]:
        assert clip in manifest["clips"], f"no clip {clip}: run `make voice`"
    most_reps = max(step.reps or 0 for routine in library.routines.values() for step in routine.steps)
    assert f"{CLIP_PREFIXES['number']}{most_reps}" in manifest["clips"]


def test_the_clips_are_small_mono_mp3s_within_budget(manifest):
    files = [OUT / entry["file"] for entry in manifest["clips"].values()]
    holder = OUT / manifest["holder"]
    assert sorted(path.name for path in OUT.glob("*.mp3")) == sorted(path.name for path in [*files, holder])
    for path in [*files, holder]:
        head = path.read_bytes()[:4]
        assert head[:3] == b"ID3" or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0), f"{path.name} is not MP3"
    assert sum(path.stat().st_size for path in files) <= BUDGET


def test_every_clip_is_as_loud_as_the_others_and_none_reaches_full_scale(manifest):
    """A person sets the volume once: a clip much louder or quieter than the rest startles or is
    missed. Measured on the MP3 as decoded (lame's decoder), as a player hears it."""
    with tempfile.TemporaryDirectory() as folder:
        measured = {clip: levels(decode(OUT / entry["file"], Path(folder) / "clip.wav"))
                    for clip, entry in manifest["clips"].items()}
    rms = {clip: level for clip, (level, _) in measured.items()}
    quietest, loudest = min(rms, key=rms.get), max(rms, key=rms.get)
    assert rms[loudest] - rms[quietest] <= SPREAD_DB, (
        f"{loudest} is {rms[loudest] - rms[quietest]:.1f} dB louder than {quietest}: run `make voice`")
    clipped = {clip: round(peak, 2) for clip, (_, peak) in measured.items() if peak >= -0.1}
    assert not clipped, f"these clips reach full scale: {clipped}"


def test_only_a_walk_in_stages_has_its_notes_spoken(manifest):
    notes = {clip for clip in manifest["clips"] if clip.startswith(CLIP_PREFIXES["note"])}
    assert notes and all(clip.startswith(f"{CLIP_PREFIXES['note']}guided-walk-") for clip in notes)


def test_every_picture_has_square_artwork_for_the_lock_screen():
    pictures = sorted(path.stem for path in PICTURES.glob("*.svg"))
    assert sorted(path.stem for path in ARTWORK.glob("*.png")) == pictures, "run `make pictures`"
    for path in ARTWORK.glob("*.png"):
        head = path.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(head[16:20], "big") == int.from_bytes(head[20:24], "big") == SIZE, path.name
