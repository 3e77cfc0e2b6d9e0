"""No drift: every label / relationship type used in queries/ and extraction/ is in the ontology.

Scanned:
* `queries/**/*.cypher`: `(n:Label)`, `n:Label`, `:A|B`, `[r:TYPE]`, `[:A|B]`, quoted 'TYPE' strings;
* `extraction/**/*.jsonl`: every "label" / "type" value (classes, relationship types, individuals);
* `extraction/**/*.py`: string constants in `type=` / `label=` / `kind=` keywords and "type"/"label"/"kind"
  dict entries, UPPER_SNAKE string constants (relationship types), and Cypher-like `(:Label` / `[:TYPE`.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from graph.config import REPO_ROOT
from ontology import load_ontology

# Platform self-test names (queries/platform/*), not investigative data. Keep this list tiny.
PLATFORM_ONLY = {"PlatformCheck", "LINKS"}
# spaCy's own NER labels (what the statistical model emits before we map to ontology classes).
SPACY_LABELS = {
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
}  # fmt: skip

_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_COMMENT = re.compile(r"//[^\n]*")
_LABEL_EXPR = re.compile(
    r"(\[\s*\w*\s*|\(\s*\w*\s*|\b\w+\s*)?:\s*!?`?([A-Za-z_][A-Za-z0-9_]*)`?((?:\s*[|&:]\s*!?[A-Za-z_]\w*)*)"
)
_CYPHER_IN_PY = re.compile(r"[\[(]\w*:([A-Za-z_]\w*)")
_UPPER_SNAKE = re.compile(r"^[A-Z]+(?:_[A-Z]+)+$")
_QUOTED_TYPE = re.compile(r"^[A-Z]{3,}(?:_[A-Z]+)*$")
# All-caps option values of APOC / GDS procedures (not relationship types).
PROCEDURE_VALUES = {"NODE_GLOBAL", "NODE_PATH", "RELATIONSHIP_GLOBAL", "RELATIONSHIP_PATH", "NONE",
                    "NATURAL", "REVERSE", "UNDIRECTED"}  # fmt: skip


def _names() -> tuple[set[str], set[str], set[str]]:
    ont = load_ontology()
    return set(ont.graph_labels()), set(ont.relationship_types), set(ont.individuals_by_name)


def cypher_names(text: str) -> list[tuple[str, str]]:
    """(context, name) for each label/type in a Cypher text; context 'type' inside [...], else 'label'."""
    code = _STRINGS.sub("''", _COMMENT.sub("", text))
    code = re.sub(r"([{,]\s*)\w+\s*:", r"\1k=", code)  # map keys `{key: value, key2: ...}` are not labels
    out = []
    for m in _LABEL_EXPR.finditer(code):
        prefix = (m.group(1) or "").strip()
        if prefix and prefix[0] not in "([" and not re.fullmatch(r"\w+", prefix):
            continue
        context = "type" if prefix.startswith("[") else "label"
        for name in [m.group(2), *re.findall(r"[A-Za-z_]\w*", m.group(3) or "")]:
            out.append((context, name))
    return out


def test_cypher_scanner_finds_labels_and_types() -> None:
    text = (
        "MATCH (a:Entity:Person)-[r:USES_PHONE|USES_EMAIL]->(p:Phone) WHERE x:Address AND a.n = 'b:Nope' "
        "CALL (a) { MATCH (a)-[:OWNS]->(b:Ghost) RETURN {k: b.id, name: b.name} AS m } RETURN {k: a.id, z: m}"
    )
    assert cypher_names(text) == [
        ("label", "Entity"), ("label", "Person"), ("type", "USES_PHONE"), ("type", "USES_EMAIL"),
        ("label", "Phone"), ("label", "Address"), ("type", "OWNS"), ("label", "Ghost"),
    ]  # fmt: skip


CYPHER_FILES = sorted(
    [*(REPO_ROOT / "queries").rglob("*.cypher"), *(REPO_ROOT / "tests" / "queries").rglob("*.cypher")]
)


@pytest.mark.parametrize("path", CYPHER_FILES, ids=lambda p: p.name)
def test_cypher_uses_only_ontology_names(path: Path) -> None:
    labels, types, _ = _names()
    bad = []
    for context, name in cypher_names(path.read_text(encoding="utf-8")):
        if name in PLATFORM_ONLY:
            continue
        ok = name in types if context == "type" else (name in labels or name in types)
        if not ok:
            bad.append(f"{context} {name}")
    # quoted relationship types, e.g. `type(r) IN ['OWNS', 'RECRUITED']` (all-caps, 3+ letters)
    for literal in _STRINGS.findall(_COMMENT.sub("", path.read_text(encoding="utf-8"))):
        value = literal[1:-1]
        if _QUOTED_TYPE.match(value) and value not in types | labels | PLATFORM_ONLY | PROCEDURE_VALUES:
            bad.append(f"quoted {value}")
    assert bad == [], f"{path.relative_to(REPO_ROOT)} uses names not in ontology/lantern.ttl: {bad}"


def _label_values(obj: object) -> list[str]:
    """Every "label" / "type" string value in a parsed JSON object, at any depth."""
    if isinstance(obj, dict):
        out = []
        for k, v in obj.items():
            out += [v] if k in ("label", "type") and isinstance(v, str) else _label_values(v)
        return out
    if isinstance(obj, list):
        return [x for v in obj for x in _label_values(v)]
    return []


def _jsonl_values(path: Path) -> list[tuple[int, str]]:
    found = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            found += [(n, v) for v in _label_values(json.loads(line))]
    return found


@pytest.mark.parametrize("path", sorted((REPO_ROOT / "extraction").rglob("*.jsonl")), ids=lambda p: p.name)
def test_extraction_jsonl_uses_only_ontology_names(path: Path) -> None:
    labels, types, individuals = _names()
    known = labels | types | individuals
    bad = sorted({f"line {n}: {v}" for n, v in _jsonl_values(path) if v not in known})
    assert bad == [], f"{path.relative_to(REPO_ROOT)}: not in ontology/lantern.ttl: {bad[:10]}"


def python_names(source: str) -> list[tuple[str, str]]:
    """(why, value) for ontology-looking string constants in Python source."""
    out: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg in ("type", "label", "kind"):
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                out.append((f"{node.arg}=", node.value.value))
        elif isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values, strict=True):
                if (
                    isinstance(k, ast.Constant)
                    and k.value in ("type", "label", "kind")
                    and isinstance(v, ast.Constant)
                    and isinstance(v.value, str)
                ):
                    out.append((f'"{k.value}":', v.value))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _UPPER_SNAKE.match(node.value):
                out.append(("constant", node.value))
            out.extend(("cypher", m) for m in _CYPHER_IN_PY.findall(node.value))
    return out


@pytest.mark.parametrize("path", sorted((REPO_ROOT / "extraction").rglob("*.py")), ids=lambda p: p.name)
def test_extraction_python_uses_only_ontology_names(path: Path) -> None:
    labels, types, individuals = _names()
    known = labels | types | individuals | SPACY_LABELS
    bad = sorted(
        {f"{why} {v}" for why, v in python_names(path.read_text(encoding="utf-8")) if v not in known}
    )
    assert bad == [], f"{path.relative_to(REPO_ROOT)}: names not in ontology/lantern.ttl: {bad}"


def test_python_scanner_catches_unknown_names() -> None:
    src = 'make(type="Telephone")\nx = {"label": "Person"}\nR = "RECRUITED_BY"\nq = "MATCH (n:Ghost)"'
    assert sorted(python_names(src)) == [
        ('"label":', "Person"), ("constant", "RECRUITED_BY"), ("cypher", "Ghost"), ("type=", "Telephone"),
    ]  # fmt: skip


def test_platform_allow_list_is_really_used_only_by_platform_queries() -> None:
    for path in CYPHER_FILES:
        names = {n for _, n in cypher_names(path.read_text(encoding="utf-8"))}
        if names & PLATFORM_ONLY:
            assert path.parent.name == "platform", path
