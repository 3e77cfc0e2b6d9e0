"""ontology/names.py is generated from lantern.ttl, committed up to date, and names every class and type."""

from __future__ import annotations

import ast
from pathlib import Path

from ontology import load_ontology
from ontology.loader import parse_ontology
from ontology.names import C, R
from ontology.names_gen import NAMES_PATH, names_text, write_names


def test_committed_names_match_the_ontology() -> None:
    assert NAMES_PATH.read_text(encoding="utf-8") == names_text(), "run `python -m ontology.names_gen`"


def test_every_class_and_relationship_type_has_its_constant_equal_to_its_name() -> None:
    ont = load_ontology()
    classes = {k: v for k, v in vars(C).items() if not k.startswith("_")}
    types = {k: v for k, v in vars(R).items() if not k.startswith("_")}
    assert classes == {n: n for n in ont.classes}
    assert types == {t: t for t in [*ont.relations, *ont.rdf_properties]}
    assert C.Phone == "Phone" and type(C.Phone) is str
    assert R.USES_PHONE == "USES_PHONE" and type(R.USES_PHONE) is str


def test_a_renamed_class_drops_its_constant(tmp_path: Path) -> None:
    """What a rename in the Turtle does: the old constant is gone, so `C.Phone` fails in code and mypy."""
    ttl = (Path(__file__).resolve().parents[2] / "ontology" / "lantern.ttl").read_text(encoding="utf-8")
    renamed = tmp_path / "renamed.ttl"
    renamed.write_text(ttl.replace("lt:Phone ", "lt:Telephone ").replace("lt:Phone\n", "lt:Telephone\n"))
    out = write_names(tmp_path / "names.py", parse_ontology(renamed))
    namespace: dict[str, object] = {}
    exec(compile(out.read_text(encoding="utf-8"), str(out), "exec"), namespace)
    constants = {k: v for k, v in vars(namespace["C"]).items() if not k.startswith("_")}
    assert constants["Telephone"] == "Telephone"
    assert "Phone" not in constants
    ast.parse(out.read_text(encoding="utf-8"))


def test_the_constants_load_without_the_ontology_parser() -> None:
    """ontology/__init__.py imports its names on first use: code that only needs a class name must not pay
    for rdflib (≈150 ms at start-up) by importing `ontology.names`."""
    import subprocess
    import sys

    probe = "import sys, ontology.names; print('rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
