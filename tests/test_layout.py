"""The house by feature holds: few loose modules, short chains of imports, small modules, content
that reads without the database, and no module that adds routes to another's blueprint."""
import ast
import functools
import re

import pytest

from app.paths import PROJECT_ROOT

APP = PROJECT_ROOT / "app"
MOST_LOOSE_MODULES = 8
LONGEST_CHAIN = 7
LONGEST_MODULE = 300


def module_name(path):
    """app/plan/rules.py -> app.plan.rules; app/api/__init__.py -> app.api."""
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in APP.rglob("*.py")}


def imported(path):
    """The app's own modules that one module imports (anywhere in it)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "app":
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
    return found & set(MODULES)


IMPORTS = {name: imported(path) - {name} for name, path in MODULES.items()}
# The composition roots import every feature by design: the app factory, the API's parent blueprint
# (which names its children), and the entry points that start the factory.
ROOTS = {"app", "app.api"} | {name for name, found in IMPORTS.items() if "app" in found}


@functools.cache
def longest_chain(name, seen=frozenset()):
    """The longest chain of imports starting at a module, as a tuple of module names."""
    chains = [longest_chain(other, seen | {name})
              for other in IMPORTS[name] - ROOTS if other not in seen | {name}]
    return (name, *max(chains, key=len, default=()))


def test_at_most_eight_modules_loose_at_the_top_of_app():
    loose = sorted(path.name for path in APP.glob("*.py"))
    assert len(loose) <= MOST_LOOSE_MODULES, f"{loose}: put a feature's modules in its package"


def test_no_chain_of_imports_inside_app_is_longer_than_seven_modules():
    """Counted below the composition roots, which import every feature by design."""
    chain = max((longest_chain(name) for name in set(MODULES) - ROOTS), key=len)
    assert len(chain) <= LONGEST_CHAIN, " -> ".join(chain)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_300_lines(name):
    lines = MODULES[name].read_text().count("\n")
    assert lines <= LONGEST_MODULE, f"{name} has {lines} lines: split it by what its parts do"


def test_reading_content_imports_nothing_of_the_app_but_its_own_types():
    for name in (name for name in MODULES if name.startswith("app.content")):
        outside = {other for other in IMPORTS[name] if not other.startswith("app.content")} - {"app.paths"}
        assert not outside, (
            f"{name} imports {sorted(outside)}: content must read without the app or the database")


def test_no_module_adds_routes_to_another_modules_blueprint():
    for name, path in MODULES.items():
        text = path.read_text()
        borrowed = re.findall(r"^@(\w+)\.(?:get|post|put|delete|patch|route)\(", text, re.M)
        assert set(borrowed) <= {"bp"}, (
            f"{name} adds routes with {set(borrowed) - {'bp'}}: give it its own blueprint")
        if re.search(r"^@bp\.", text, re.M):
            assert re.search(r"^bp = Blueprint\(", text, re.M), (
                f"{name} adds routes to a blueprint it did not make")
