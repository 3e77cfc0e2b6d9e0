"""Layers point one way (DESIGN.md rule 10): an import of a higher layer from a lower one fails here.

    ontology  <  extraction  <  seed, graph  <  api  <  bench, tests

Every `import`/`from ... import` in a package's Python files counts, also one inside a function or
under `if TYPE_CHECKING:` — a lazy import is still a dependency. The extraction contract
(extraction/models.py) is held to the ground floor: it may import the ontology and nothing else of
Lantern's.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from graph.config import REPO_ROOT

ALLOWED: dict[str, frozenset[str]] = {
    "ontology": frozenset(),
    "extraction": frozenset({"ontology"}),
    "seed": frozenset({"ontology", "extraction"}),
    "graph": frozenset({"ontology", "extraction"}),
    "api": frozenset({"ontology", "extraction", "seed", "graph"}),
    "bench": frozenset({"ontology", "extraction", "seed", "graph", "api"}),
}
PACKAGES = frozenset(ALLOWED) | {"tests", "queries"}
GROUND_FLOOR_FILES = {"extraction/models.py": frozenset({"ontology"})}


def imported_packages(path: Path) -> set[tuple[str, int]]:
    """(top-level Lantern package, line) of every absolute import in a file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {(n.split(".")[0], node.lineno) for n in names if n.split(".")[0] in PACKAGES}
    return found


def upward_imports(package: str, allowed: frozenset[str], root: Path = REPO_ROOT) -> list[str]:
    out = []
    for path in sorted((root / package).rglob("*.py")):
        for imported, line in sorted(imported_packages(path)):
            if imported != package and imported not in allowed:
                out.append(f"{path.relative_to(root)}:{line} imports {imported}")
    return out


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_package_imports_a_layer_above_it(package: str) -> None:
    assert upward_imports(package, ALLOWED[package]) == []


def test_the_extraction_contract_stands_on_the_ontology_alone() -> None:
    for rel, allowed in GROUND_FLOOR_FILES.items():
        path = REPO_ROOT / rel
        bad = {p for p, _ in imported_packages(path)} - allowed
        assert not bad, f"{rel} imports {sorted(bad)}"


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    """The check itself: a graph module importing the API (even lazily) is reported."""
    (tmp_path / "graph").mkdir()
    (tmp_path / "graph" / "bad.py").write_text(
        "from ontology import load_ontology\n\ndef f():\n    from api.config import get_settings\n",
        encoding="utf-8",
    )
    assert upward_imports("graph", ALLOWED["graph"], tmp_path) == ["graph/bad.py:4 imports api"]


def test_the_forecast_stands_below_the_report() -> None:
    """graph.report builds on graph.forecast (the report's outlook is a forecast); the forecast and its
    backtests import nothing of the report, so `lantern forecast backtest` runs without it."""
    bad = []
    for path in sorted((REPO_ROOT / "graph" / "forecast").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            bad += [f"{path.relative_to(REPO_ROOT)}:{node.lineno} imports {n}" for n in names
                    if n.startswith("graph.report")]  # fmt: skip
    assert bad == []
