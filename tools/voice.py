"""Record the player's spoken cues as short audio clips: `make voice`; hear them: `make voice-sample`.

    .venv/bin/python -m tools.voice [--out DIR]
    .venv/bin/python -m tools.voice --sample [--routine SLUG] [--sample-to FILE]

Every clip is spoken by flite (Debian's `flite`, voice `slt`, a female US English voice built from
the CMU ARCTIC recordings; flite and the voices built into it are under CMU's BSD-style licence,
free to use and distribute),
cut to the speech with sox (silence at either end removed, so a clip sounds the moment it is
started), brought to one loudness (every clip's RMS level the same, its peak well below full
scale) and stored as mono MP3 by lame, which every current browser decodes. The same words give
the same bytes on every run: flite and lame have no randomness, and sox runs with -R.

Why not a neural voice: none whose model and training data allow committing its output can be
installed here from a package registry (the one English Piper voice packaged on PyPI, joe, is
fine-tuned from the lessac voice, whose dataset's terms restrict use; the LJSpeech Piper voice,
trained from scratch on public-domain recordings, and Kokoro-82M's English voices ship in no
package and cannot be downloaded at run time).

The clips and `clips.json`, which maps each clip's id to its file and words, are committed:
running and testing the app need no speech engine. Clips: the cue words ("Get ready", "Rest",
"Switch sides", "Next", ...), numbers for the count-down and rep counting, every exercise's
name, and the notes of a walk in stages, said more slowly, as the calm full sentences they are.

`--sample` joins one routine's cues, in the order the player says them, into one WAV file for a
person to listen to (build/voice-sample.wav unless told; not committed).
"""
import argparse
import array
import json
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from app.content.routines import load_library
from app.pages.player import clip_texts, spoken_notes
from app.rules import CLIP_PREFIXES, CUE_CLIPS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "audio" / "voice"
SAMPLE = ROOT / "build" / "voice-sample.wav"
SAMPLE_ROUTINE = "guided-walk"
ENGINE = ["flite", "-voice", "slt"]
ENGINE_NAME = ("flite 2.2, voice cmu_us_slt (female, US English); flite and the voice built into it: "
               "CMU's BSD-style licence, free to use and distribute; its recordings: the CMU ARCTIC slt "
               "database, free software without restriction on commercial or non-commercial use")
# A walk's notes are whole sentences: said about a fifth slower than the cue words.
CALM = ["--setf", "duration_stretch=1.2"]
HOLDER = "quiet.mp3"
# sox: mono 16 kHz, speech only (silence under 0.3% trimmed at both ends).
CLEAN = ["remix", "-", "rate", "16000", "silence", "1", "0.02", "0.3%", "reverse",
         "silence", "1", "0.02", "0.3%", "reverse"]
# lame: mono, about 24 kbit/s, which keeps speech clear and every clip a few kilobytes.
ENCODE = ["lame", "--quiet", "-m", "m", "--abr", "24", "--resample", "16"]
# Loudness: every clip's RMS level at LEVEL dBFS, or lower where a clip's peak would pass
# CEILING (the MP3 can overshoot the WAV's peak a little, so the ceiling keeps room for it).
LEVEL = -14.0
CEILING = -2.0
TOLERANCE = 0.1  # dB: an encoded clip further than this from the level is encoded again
TOOLS = ("flite", "sox", "lame")


def levels(wav):
    """(RMS level, peak) of a 16-bit WAV file, in dB below full scale."""
    with wave.open(str(wav)) as sound:
        assert sound.getsampwidth() == 2, f"{wav} is not 16-bit"
        samples = array.array("h", sound.readframes(sound.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return -math.inf, -math.inf
    rms = math.sqrt(sum(sample * sample for sample in samples) / len(samples)) / 32768
    peak = max(abs(sample) for sample in samples) / 32768
    return 20 * math.log10(max(rms, 1e-9)), 20 * math.log10(max(peak, 1e-9))


def decode(mp3, wav):
    """The MP3 as a 16-bit WAV, the way a player hears it (lame's own decoder)."""
    subprocess.run(["lame", "--quiet", "--decode", str(mp3), str(wav)], check=True)
    return wav


def speak(words, target, calm=False):
    """The words, spoken and cut to the speech, as a mono 16 kHz WAV."""
    raw = target.with_suffix(".raw.wav")
    subprocess.run(ENGINE + (CALM if calm else []) + ["-t", words, "-o", str(raw)], check=True)
    subprocess.run(["sox", "-R", str(raw), str(target)] + CLEAN, check=True)  # -R: the same bytes every run
    raw.unlink()
    return target


def encode(clean, gain, target, work):
    """The clean WAV, `gain` dB louder, as an MP3; returns its decoded RMS level."""
    louder = work / "louder.wav"
    subprocess.run(["sox", "-R", str(clean), str(louder), "gain", f"{gain:.2f}"], check=True)
    subprocess.run(ENCODE + [str(louder), str(target)], check=True)
    return levels(decode(target, work / "decoded.wav"))[0]


def quiet(target, work):
    """Six seconds of silence, which the player loops in a media element while a routine plays:
    some browsers show a routine on the lock screen only for a playing media element."""
    silent = work / "quiet.wav"
    subprocess.run(["sox", "-R", "-n", "-r", "16000", "-c", "1", str(silent), "trim", "0", "6"], check=True)
    subprocess.run(["lame", "--quiet", "-m", "m", "-b", "8", "--resample", "16", str(silent), str(target)],
                   check=True)


def need_tools():
    missing = [tool for tool in TOOLS if not shutil.which(tool)]
    if missing:
        sys.exit(f"this needs {', '.join(missing)}: sudo apt-get install flite sox lame")


def main(out=OUT):
    """Record every clip into out, replacing what was there, and write clips.json."""
    need_tools()
    library = load_library(ROOT / "routines", ROOT / "static" / "pictures")
    texts = clip_texts(library)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        clean = {clip: speak(words, work / f"{clip}.wav", calm=clip.startswith(CLIP_PREFIXES["note"]))
                 for clip, words in texts.items()}
        measured = {clip: levels(path) for clip, path in clean.items()}
        # One level for all: the loudest every clip can reach with its peak under the ceiling.
        level = min([LEVEL, *(rms + CEILING - peak for rms, peak in measured.values())])
        for clip, path in clean.items():
            gain = level - measured[clip][0]
            heard = encode(path, gain, out / f"{clip}.mp3", work)
            if abs(heard - level) > TOLERANCE:  # the encoder moved it: correct once
                encode(path, gain + level - heard, out / f"{clip}.mp3", work)
        quiet(out / HOLDER, work)
    manifest = {"engine": ENGINE_NAME, "format": "audio/mpeg", "holder": HOLDER,
                "level": f"{level:.1f} dBFS RMS",
                "clips": {clip: {"file": f"{clip}.mp3", "words": words} for clip, words in texts.items()}}
    (out / "clips.json").write_text(json.dumps(manifest, indent=1) + "\n")
    total = sum(path.stat().st_size for path in out.glob("*.mp3") if path.name != HOLDER)
    print(f"{len(texts)} clips, {total / 1024:.0f} KB, at {level:.1f} dBFS RMS in {out}")


def sample_order(routine):
    """The clip ids of one routine's cues in the order the player says them (lib/cue-plan.js):
    the announcements, the note of a walk's stage, the reps or halfway, and the count-down."""
    cue, number = CUE_CLIPS, CLIP_PREFIXES["number"]
    notes = {index for index, _ in spoken_notes(routine)}

    def name(step):
        return f"{CLIP_PREFIXES['exercise']}{step.exercise.id}"

    def side(which):
        return [cue[which]] if which else []

    first = routine.steps[0]
    order = [[cue["get_ready"], cue["first"], name(first), *side(first.sides[0] if first.sides else None)]]
    for index, step in enumerate(routine.steps, start=1):
        for turn, which in enumerate(step.sides or (None,)):
            if turn:
                order.append([cue["switch_sides"], cue["next"], *side(which)])
            note = [f"{CLIP_PREFIXES['note']}{routine.slug}-{index}"] if index in notes and not turn else []
            order.append([cue["begin"], name(step), *side(which), *note])
            if step.reps:
                order.extend([f"{number}{n}"] for n in range(2, step.reps + 1))
            else:
                if step.hold >= 20:
                    order.append([cue["halfway"]])
                order.extend([f"{number}{n}"] for n in (3, 2, 1))
        following = routine.steps[index] if index < len(routine.steps) else None
        if following and step.rest_after != 0:
            order.append([cue["rest"], cue["next"], name(following),
                          *side(following.sides[0] if following.sides else None)])
    order.append([cue["well_done"]])
    return order


def sample(slug=SAMPLE_ROUTINE, target=SAMPLE, clips=OUT):
    """One WAV of a routine's cues, made from the committed clips, for a person to listen to."""
    missing = [tool for tool in ("sox", "lame") if not shutil.which(tool)]
    if missing:
        sys.exit(f"this needs {', '.join(missing)}: sudo apt-get install sox lame")
    library = load_library(ROOT / "routines", ROOT / "static" / "pictures")
    if slug not in library.routines:
        sys.exit(f"no routine {slug!r}; one of: {', '.join(library.routines)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        gap, pause = work / "gap.wav", work / "pause.wav"
        for path, seconds in ((gap, "0.08"), (pause, "0.7")):
            subprocess.run(["sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", str(path),
                            "trim", "0", seconds], check=True)
        parts = []
        for moment in sample_order(library.routines[slug]):
            for clip in moment:
                parts += [decode(clips / f"{clip}.mp3", work / f"{len(parts)}.wav"), gap]
            parts.append(pause)
        subprocess.run(["sox", "-R", *map(str, parts), str(target)], check=True)
    print(f"{slug}: {len(parts)} parts in {target}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m tools.voice", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT,
                        help="folder for the clips (default: static/audio/voice)")
    parser.add_argument("--sample", action="store_true",
                        help="join one routine's committed clips into one WAV to listen to, instead")
    parser.add_argument("--routine", default=SAMPLE_ROUTINE,
                        help=f"the sample's routine (default: {SAMPLE_ROUTINE})")
    parser.add_argument("--sample-to", type=Path, default=SAMPLE,
                        help="the sample's file (default: build/voice-sample.wav)")
    arguments = parser.parse_args()
    if arguments.sample:
        sample(arguments.routine, arguments.sample_to, arguments.out)
    else:
        main(arguments.out)
