"""Mutation testing for the pure front-end modules, under node's own test runner.

For each module it makes one small change at a time (a comparison moved by one, `&&` for `||`,
`+` for `-`, a number one higher, `true` for `false`, `Math.min` for `Math.max`), copies the
scripts and their tests into a scratch folder with that change, and runs the tests that import the
module with `node --test`. A change that no test fails on "survives": it is printed with its line,
so a test can be written that holds that rule, or the change can be shown to make no difference.

    python -m tools.mutate_js [static/js/lib/timeline.js ...]

Strings, template literals and comments are never changed. No npm package is needed.
"""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.paths import PROJECT_ROOT

MODULES = ["static/js/lib/timeline.js", "static/js/lib/cue-plan.js", "static/js/lib/outbox-rules.js"]
TESTS = PROJECT_ROOT / "tests" / "js"
# Pieces of a line that are not code: strings, template literals (whole) and comments.
NOT_CODE = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|`(?:\\.|[^`\\])*`|//.*$')
# (pattern, replacement) pairs tried on code; each match gives one mutant.
SWAPS = [
    (r"<=", "<"), (r">=", ">"), (r"(?<![<=>!])<(?![<=])", "<="), (r"(?<![=>-])>(?![>=])", ">="),
    (r"===", "!=="), (r"!==", "==="), (r"&&", "||"), (r"\|\|", "&&"), (r"\?\?", "||"),
    (r"(?<=\s)\+(?=\s)", "-"), (r"(?<=\s)-(?=\s)", "+"), (r"(?<=\s)\*(?=\s)", "/"), (r"(?<=\s)/(?=\s)", "*"),
    (r"\bMath\.max\b", "Math.min"), (r"\bMath\.min\b", "Math.max"),
    (r"\btrue\b", "false"), (r"\bfalse\b", "true"),
]
NUMBER = re.compile(r"(?<![\w.])\d+(?![\w.])")


@dataclass(frozen=True)
class Mutant:
    line: int  # 1-based
    start: int
    end: int
    replacement: str
    original: str

    def apply(self, lines):
        text = lines[self.line - 1]
        changed = text[:self.start] + self.replacement + text[self.end:]
        return [*lines[:self.line - 1], changed, *lines[self.line:]]

    def describe(self, lines):
        text = lines[self.line - 1].strip()
        return f"line {self.line}: `{self.original}` -> `{self.replacement}` in  {text}"


def code_spans(text):
    """The (start, end) spans of a line that are code, between strings and comments."""
    spans, at = [], 0
    for match in NOT_CODE.finditer(text):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(text)))
    return spans


def mutants(source):
    """Every single change this script makes to a module's source."""
    found = []
    in_block_comment = False
    for number, text in enumerate(source.splitlines(), start=1):
        stripped = text.strip()
        if in_block_comment or stripped.startswith(("/*", "*", "import ", "export {")):
            in_block_comment = (in_block_comment or stripped.startswith("/*")) and "*/" not in stripped
            continue
        for start, end in code_spans(text):
            code = text[start:end]
            for pattern, replacement in SWAPS:
                for match in re.finditer(pattern, code):
                    found.append(Mutant(number, start + match.start(), start + match.end(), replacement,
                                        match.group()))
            for match in NUMBER.finditer(code):
                found.append(Mutant(number, start + match.start(), start + match.end(),
                                    str(int(match.group()) + 1), match.group()))
    return found


def tests_of(module):
    """The node test files that import the module (by its file name)."""
    name = Path(module).name
    return sorted(path for path in TESTS.glob("*.test.js") if name in path.read_text())


def survivors(module, timeout=60):
    """(mutants made, the descriptions of those no test failed on) for one module."""
    source = (PROJECT_ROOT / module).read_text()
    lines = source.splitlines()
    tests = tests_of(module)
    made = mutants(source)
    alive = []
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for folder in ("static/js", "tests/js", "tests/cases"):
            shutil.copytree(PROJECT_ROOT / folder, root / folder)
        shutil.copy(PROJECT_ROOT / "package.json", root / "package.json")
        target = root / module
        commands = ["node", "--test", *(str(root / "tests" / "js" / test.name) for test in tests)]
        if subprocess.run(commands, capture_output=True, timeout=timeout).returncode != 0:
            raise RuntimeError(f"the tests of {module} fail before any change")
        for mutant in made:
            target.write_text("\n".join(mutant.apply(lines)) + "\n")
            try:
                done = subprocess.run(commands, capture_output=True, timeout=timeout)
                killed = done.returncode != 0
            except subprocess.TimeoutExpired:
                killed = True  # a change that makes the tests hang is noticed too
            if not killed:
                alive.append(mutant.describe(lines))
        target.write_text(source)
    return len(made), alive


def main(argv):
    parser = argparse.ArgumentParser(prog="python -m tools.mutate_js", description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=MODULES,
                        help="modules to mutate (default: the three rule modules)")
    options = parser.parse_args(argv)
    for module in options.modules:
        made, alive = survivors(module)
        killed = made - len(alive)
        print(f"{module}: {killed} of {made} mutants killed ({100 * killed / made:.0f}%)")
        for line in alive:
            print(f"  survived, {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
