"""The ontology owns the vocabulary: class and relationship-type names are not typed out again.

Outside ontology/ (the source, with the generated `ontology/names.py`) and tests (which state expected
values), code names a class or a relationship type only through the generated constants:

    from ontology.names import C, R
    if kind == C.Phone: ...        # not  kind == "Phone"
    emit(R.USES_PHONE, a, b)       # not  emit("USES_PHONE", a, b)

so renaming a class in lantern.ttl (and regenerating, `python -m ontology.names_gen`) breaks every use at
import and in mypy instead of leaving a string that silently matches nothing.

Two things fail here:
* a *literal*: any string constant equal to a class, relationship type or RDF-only property name
  (`"Phone"`), also inside a set or a dict (a *copy* of the vocabulary);
* a *copy by constants*: a set, list, tuple or dict-keys of two or more `C.`/`R.` constants that is
  exactly one of the ontology's own answers (`classes_under(X)`, `symmetric_types()`, ...): ask the
  loader, so adding a class in the Turtle reaches the rule. A group that is a rule's own choice (the
  classes an extraction rule accepts, the gold classes an evaluation scores) is written with constants.

A string that is another vocabulary's word and only coincides with a name (FollowTheMoney's schema
"Person", a table header "Entity") carries `# not-vocabulary: <reason>` on its line.

Scanned: the Python files of api/, extraction/, graph/, seed/, bench/. schema.graphql and
ontology/lantern.grass are generated from the ontology and checked by their own drift tests; the link
chart's script is checked in test_api_explore_colours.py.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from graph.config import REPO_ROOT
from ontology import Ontology, load_ontology

SCANNED = ("api", "extraction", "graph", "seed", "bench")
PRAGMA = "# not-vocabulary:"
HOLDERS = ("C", "R")


def vocabulary(ont: Ontology | None = None) -> dict[str, str]:
    """Every name -> the constant that spells it (`"Phone"` -> `C.Phone`)."""
    ont = ont or load_ontology()
    out = {c: f"C.{c}" for c in ont.classes}
    out.update({t: f"R.{t}" for t in [*ont.relations, *ont.rdf_properties]})
    return out


def ontology_answers(ont: Ontology | None = None) -> dict[frozenset[str], str]:
    """Name sets the loader answers -> the question to ask instead of spelling the set out."""
    ont = ont or load_ontology()
    out: dict[frozenset[str], str] = {}

    def add(names: frozenset[str], question: str) -> None:
        if len(names) >= 2:
            out.setdefault(names, question)

    for name in sorted(ont.classes):
        q = f"load_ontology().classes_under(C.{name}"
        add(ont.classes_under(name), q + ")")
        add(ont.classes_under(name, include_abstract=False), q + ", include_abstract=False)")
        add(ont.classes_under(name) - {name}, q + f") - {{C.{name}}}")
    add(ont.symmetric_types(), "load_ontology().symmetric_types()")
    add(ont.weak_link_types(), "load_ontology().weak_link_types()")
    add(ont.symmetric_types() - ont.weak_link_types(), "symmetric_types() - weak_link_types()")
    add(frozenset(ont.entity_relationship_types()), "load_ontology().entity_relationship_types()")
    add(frozenset(ont.graph_labels()), "load_ontology().graph_labels()")
    add(ont.abstract_classes(), "load_ontology().abstract_classes()")
    for category, classes in ont.personal_data_categories().items():
        add(classes, f"load_ontology().personal_data_categories()[{category!r}]")
    return out


def _pragma_lines(source: str) -> set[int]:
    """Lines marked `# not-vocabulary: <reason>` (a reason is required)."""
    lines = enumerate(source.splitlines(), 1)
    return {i for i, line in lines if PRAGMA in line and line.split(PRAGMA, 1)[1].strip()}


def _constant_name(node: ast.expr | None) -> str | None:
    """`C.Phone` -> "Phone"."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in HOLDERS:
        return node.attr
    return None


def scan(source: str, names: dict[str, str], answers: dict[frozenset[str], str]) -> list[tuple[int, str]]:
    """(line, what to write instead) for every literal and every copy of an ontology answer."""
    tree = ast.parse(source)
    exempt = _pragma_lines(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names:
            if node.lineno not in exempt:
                found.append((node.lineno, f"{node.value!r}: write {names[node.value]}"))
        elements: list[ast.expr | None] | None = None
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            elements = list(node.elts)
        elif isinstance(node, ast.Dict):
            elements = list(node.keys)
        if elements:
            group = [_constant_name(e) for e in elements]
            if all(group) and frozenset(g for g in group if g) in answers:
                question = answers[frozenset(g for g in group if g)]
                found.append((node.lineno, f"a copy of an ontology set: ask {question}"))
    return sorted(found)


def scanned_files(root: Path = REPO_ROOT) -> Iterator[Path]:
    for package in SCANNED:
        yield from sorted((root / package).rglob("*.py"))


def test_no_vocabulary_literal_and_no_copy_outside_the_ontology() -> None:
    names, answers = vocabulary(), ontology_answers()
    found = [
        f"{path.relative_to(REPO_ROOT)}:{line}: {what}"
        for path in scanned_files()
        for line, what in scan(path.read_text(encoding="utf-8"), names, answers)
    ]
    assert not found, (
        "ontology names typed out again (use the generated constants, `from ontology.names import C, R`; "
        f"another vocabulary's word that coincides gets `{PRAGMA} <reason>`):\n" + "\n".join(found)
    )


def test_the_scan_catches_a_literal_a_copy_and_respects_the_marker() -> None:
    names, answers = vocabulary(), ontology_answers()
    assert scan('if kind == "Phone":\n    pass\n', names, answers) == [(1, "'Phone': write C.Phone")]
    assert scan('emit("USES_PHONE")\n', names, answers) == [(1, "'USES_PHONE': write R.USES_PHONE")]
    assert len(scan('AGENTS = {"Person", "Business"}\n', names, answers)) == 2
    copy = "BUSINESS = {C.Business, C.FrontBusiness, C.EmploymentAgency, C.TransportCompany}\n"
    assert scan(copy, names, answers) == [
        (1, "a copy of an ontology set: ask load_ontology().classes_under(C.Business)")
    ]
    assert scan("SYM = (R.ASSOCIATE_OF, R.CO_ACCUSED)\n", names, answers) == [
        (1, "a copy of an ontology set: ask symmetric_types() - weak_link_types()")
    ]
    assert scan("RULE = {C.Region, C.Country}\n", names, answers) == []  # a rule's own choice
    assert scan('TITLE = "Phone book"\nWORDS = {"person", "phone"}\n', names, answers) == []
    assert scan('HEAD = "Entity"  # not-vocabulary: a column header\n', names, answers) == []
    assert len(scan('HEAD = "Entity"  # not-vocabulary:\n', names, answers)) == 1  # a reason is required


def test_every_not_vocabulary_marker_marks_a_coinciding_word() -> None:
    """A marker is kept only where it is needed, so the list of marked lines stays the list of exceptions."""
    names = vocabulary()
    stale = []
    for path in scanned_files():
        source = path.read_text(encoding="utf-8")
        marked = _pragma_lines(source)
        used = {
            n.lineno
            for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in names
        }
        stale += [f"{path.relative_to(REPO_ROOT)}:{line}" for line in sorted(marked - used)]
    assert not stale, f"`{PRAGMA}` on a line without an ontology name; remove it: {stale}"
