"""Record the player's spoken cues as short audio clips: `make voice`.

    .venv/bin/python -m tools.voice [--out DIR]

Every clip is spoken by flite (Debian's `flite`, voice `slt`, a female US English voice from
CMU ARCTIC, under a BSD-style licence), cut to the speech with sox (silence at either end
removed, so a clip sounds the moment it is started) and stored as mono MP3 by lame, which
every current browser decodes. The clips and `clips.json`, which maps each clip's id to its
file and words, are committed: running and testing the app need no speech engine.

Clips: the cue words ("Get ready", "Rest", "Switch sides", "Next", ...), numbers for the
count-down and rep counting, every exercise's name, and the notes of a walk in stages.
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from app.content.routines import load_library
from app.rules import CLIP_PREFIXES, CUE_CLIPS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "audio" / "voice"
ENGINE = ["flite", "-voice", "slt"]
HOLDER = "quiet.mp3"
# sox: mono 16 kHz, speech only (silence under 0.3% trimmed at both ends), a little louder.
CLEAN = ["remix", "-", "rate", "16000", "silence", "1", "0.02", "0.3%", "reverse",
         "silence", "1", "0.02", "0.3%", "reverse", "norm", "-1"]
# lame: mono, about 24 kbit/s, which keeps speech clear and every clip a few kilobytes.
ENCODE = ["lame", "--quiet", "-m", "m", "--abr", "24", "--resample", "16"]
# What each cue word says, by its name in app/rules.py's CUE_CLIPS (which gives its clip id).
WORDS = {
    "get_ready": "Get ready.", "first": "First,", "begin": "Begin.", "rest": "Rest.",
    "switch_sides": "Switch sides.", "next": "Next,", "left": "left side.", "right": "right side.",
    "halfway": "Halfway.", "last_step": "Last step.",
    "well_done": "Well done. That is the end of the routine.",
}
NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
           "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]


def clip_texts(library):
    """Every clip the player can ask for, as {id: words}, in a stable order."""
    texts = {CUE_CLIPS[cue]: words for cue, words in WORDS.items()}
    number, exercise, note = CLIP_PREFIXES["number"], CLIP_PREFIXES["exercise"], CLIP_PREFIXES["note"]
    most_reps = max((step.reps or 0) for routine in library.routines.values() for step in routine.steps)
    texts.update((f"{number}{n}", f"{NUMBERS[n - 1].capitalize()}.") for n in range(1, max(most_reps, 3) + 1))
    texts.update((f"{exercise}{item.id}", f"{item.name}.") for item in library.exercises.values())
    for routine in library.routines.values():
        texts.update((f"{note}{routine.slug}-{index}", step.note) for index, step in spoken_notes(routine))
    return texts


def spoken_notes(routine):
    """(step number, step) for each note the player speaks: in a routine whose steps run on with
    no rest between (a walk in stages), where the note is the only cue a person not looking at
    the screen has. Other routines' notes are on screen, and their rests give time to read."""
    if all(step.rest_after != 0 for step in routine.steps[:-1]):
        return []
    return [(index, step) for index, step in enumerate(routine.steps, start=1) if step.note]


def record(words, target, work):
    """Speak the words into target, an MP3 cut to the speech."""
    raw, clean = work / "raw.wav", work / "clean.wav"
    subprocess.run(ENGINE + ["-t", words, "-o", str(raw)], check=True)
    subprocess.run(["sox", "-R", str(raw), str(clean)] + CLEAN, check=True)  # -R: the same bytes every run
    subprocess.run(ENCODE + [str(clean), str(target)], check=True)


def quiet(target, work):
    """Six seconds of silence, which the player loops in a media element while a routine plays:
    some browsers show a routine on the lock screen only for a playing media element."""
    silent = work / "quiet.wav"
    subprocess.run(["sox", "-R", "-n", "-r", "16000", "-c", "1", str(silent), "trim", "0", "6"], check=True)
    subprocess.run(["lame", "--quiet", "-m", "m", "-b", "8", "--resample", "16", str(silent), str(target)],
                   check=True)


def main(out=OUT):
    """Record every clip into out, replacing what was there, and write clips.json."""
    missing = [tool for tool in ("flite", "sox", "lame") if not shutil.which(tool)]
    if missing:
        sys.exit(f"make voice needs {', '.join(missing)}: sudo apt-get install flite sox lame")
    library = load_library(ROOT / "routines", ROOT / "static" / "pictures")
    texts = clip_texts(library)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as folder:
        for clip, words in texts.items():
            record(words, out / f"{clip}.mp3", Path(folder))
        quiet(out / HOLDER, Path(folder))
    manifest = {"engine": "flite 2 (voice slt, CMU ARCTIC, BSD-style licence)", "format": "audio/mpeg",
                "holder": HOLDER,
                "clips": {clip: {"file": f"{clip}.mp3", "words": words} for clip, words in texts.items()}}
    (out / "clips.json").write_text(json.dumps(manifest, indent=1) + "\n")
    total = sum(path.stat().st_size for path in out.glob("*.mp3") if path.name != HOLDER)
    print(f"{len(texts)} clips, {total / 1024:.0f} KB in {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m tools.voice", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT,
                        help="folder for the clips (default: static/audio/voice)")
    main(parser.parse_args().out)
