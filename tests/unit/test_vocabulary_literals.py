"""The ontology owns the vocabulary: class and relationship-type names are not typed out again.

A *copy* is a set, list, tuple or dict-keys literal holding two or more ontology class or
relationship-type names (e.g. a set of "agent" classes, the symmetric types, a colour table). Such a
set is asked of the ontology instead (`classes_under`, `symmetric_types`, `weak_link_types`,
`colours`, `personal_data_categories`, ...), so adding a class in lantern.ttl reaches it. A copy
anywhere outside ontology/ fails this test, except in the files listed in KNOWN below.

A *literal* is any string constant equal to such a name (`kind == "Phone"`). A rule about one class
may name it; the count per file is held where it is today and may only go down, so a new hard-coded
name shows up in review as a change to KNOWN.

Scanned: the Python files of api/, extraction/, graph/, seed/, bench/ (ontology/ is the source; tests
state expected values). schema.graphql and ontology/lantern.grass are generated from the ontology and
checked by their own drift tests. The link chart's script is checked in test_api_explore_colours.py.

KNOWN lists files with copies or literals left, as (copies, literals). Why they remain:
* rule-based extraction names the classes its rules are about (locations, linking, relations, cues);
  each copy left there is a rule-specific choice (e.g. the places a residence rule accepts), not one
  of the ontology's sets;
* the seed generator writes fictional documents of given classes (its templates name them);
* ingest and the audit name the few classes they treat specially (documents, roles, the default kind).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from graph.config import REPO_ROOT
from ontology import load_ontology

SCANNED = ("api", "extraction", "graph", "seed", "bench")
KNOWN: dict[str, tuple[int, int]] = {
    # Counted since the issue-21/28 rewrites landed (were IN_FLUX): evaluation code states which gold
    # classes it scores; extraction and analytics rules name the classes they are about; the copies left
    # (sets of classes a rule or a score groups) are the next to be asked of the ontology.
    "api/commands/evaluate.py": (1, 3),
    "api/commands/evaluate_report.py": (1, 6),
    "extraction/components/entities.py": (3, 34),
    "extraction/components/identifiers.py": (1, 21),
    "extraction/components/identifiers_component.py": (1, 3),
    "extraction/components/role_rules.py": (1, 8),
    "extraction/evaluate_baseline.py": (0, 4),
    "extraction/evaluate_gold.py": (3, 14),
    "extraction/evaluate_phones.py": (0, 1),
    "extraction/evaluate_score.py": (2, 7),
    "graph/analytics/key_players.py": (0, 1),
    "graph/analytics/options.py": (2, 9),
    "graph/analytics/risk.py": (1, 3),
    "graph/analytics/routes.py": (1, 7),
    "graph/analytics/run.py": (1, 10),
    "graph/analytics/truth.py": (0, 1),
    "graph/analytics/validation_score.py": (1, 12),
    "graph/ingest/guard.py": (1, 13),
    "graph/resolve.py": (0, 2),
    "graph/resolve_keys.py": (0, 8),
    "graph/resolve_suggest.py": (0, 1),
    "api/commands/analyze.py": (0, 1),
    "api/commands/resolve.py": (0, 1),
    "api/graphql/present.py": (0, 1),
    "api/graphql/types.py": (0, 1),
    "api/feeds/poll.py": (0, 1),  # feed articles are NewsArticle documents
    "api/reports/model.py": (0, 1),  # report categories: the individuals of TraffickingType
    "api/reports/moderation.py": (0, 1),  # accepted reports are SightingReport documents
    "api/timeline/graphql.py": (0, 1),  # a SightingReport document is a `report` event
    "api/watch/graphql.py": (0, 1),  # an identifier watch without a kind is a Phone
    # FtM (issue 26): FollowTheMoney's own schema names that coincide with Lantern's (Person, Document,
    # Organization: FtM vocabulary, not Lantern's), and the root classes a rule is about (Entity, Identifier)
    "graph/ftm/export.py": (0, 3),
    "graph/ftm/imports.py": (0, 5),  # the import's provenance document is a plain Document
    "graph/ftm/mapping.py": (0, 2),
    "graph/ftm/run.py": (0, 3),  # a watchlist entry is a person name, an organisation name or an identifier
    "graph/gdpr/subject.py": (0, 1),  # erasure and access are about Identifier nodes
    "graph/htcds.py": (0, 4),  # HTCDS tables: people, organisations, their Role individuals
    "extraction/components/base.py": (0, 1),
    "extraction/components/front_cues.py": (0, 2),
    "extraction/components/gazetteer.py": (0, 5),
    "extraction/components/linking.py": (1, 18),
    "extraction/components/locations.py": (2, 14),
    "extraction/components/movement_cues.py": (0, 6),
    "extraction/region_hint.py": (0, 1),
    "extraction/components/relation_cues.py": (0, 38),
    "extraction/components/relations.py": (6, 52),
    "extraction/components/supply_cues.py": (0, 4),
    "extraction/pipeline.py": (0, 3),
    "extraction/readers.py": (0, 1),
    "extraction/validate.py": (0, 11),
    "graph/audit/matching.py": (0, 3),
    "graph/forecast/sources.py": (0, 2),
    "graph/report/evidence.py": (0, 1),
    "graph/ingest/generate.py": (0, 1),
    "graph/ingest/ontology_view.py": (0, 3),
    "graph/ingest/prepare.py": (0, 16),
    "graph/library_guide.py": (0, 1),
    "graph/money/vocabulary.py": (0, 6),  # account kind by shape (3 classes), the record class, 2 checks
    "seed/build.py": (0, 1),
    "seed/compose.py": (2, 11),
    "seed/context.py": (1, 16),
    "seed/curated.py": (0, 16),
    "seed/distractors.py": (0, 14),
    "seed/generate.py": (0, 17),
    "seed/hubs.py": (0, 4),
    "seed/model.py": (0, 1),
    "seed/oracle.py": (2, 24),
    "seed/pools.py": (1, 3),
    "seed/scenarios.py": (0, 1),
    "seed/templates.py": (0, 14),
}


def vocabulary() -> frozenset[str]:
    ont = load_ontology()
    return frozenset(ont.classes) | frozenset(ont.relations) | frozenset(ont.rdf_properties)


def _names(nodes: list[ast.expr | None], names: frozenset[str]) -> list[str]:
    return [n.value for n in nodes if isinstance(n, ast.Constant) and n.value in names]


def scan(source: str, names: frozenset[str]) -> tuple[int, int]:
    """(copies, literals) in one Python source."""
    tree = ast.parse(source)
    copies = literals = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names:
            literals += 1
        elements: list[ast.expr | None] | None = None
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            elements = list(node.elts)
        elif isinstance(node, ast.Dict):
            elements = list(node.keys)
        if elements is not None and len(_names(elements, names)) >= 2:
            copies += 1
    return copies, literals


def scanned_files(root: Path = REPO_ROOT) -> Iterator[Path]:
    for package in SCANNED:
        yield from sorted((root / package).rglob("*.py"))


def current() -> dict[str, tuple[int, int]]:
    names = vocabulary()
    out = {}
    for path in scanned_files():
        counts = scan(path.read_text(encoding="utf-8"), names)
        if counts != (0, 0):
            out[str(path.relative_to(REPO_ROOT))] = counts
    return out


def test_no_copy_of_the_vocabulary_and_no_new_literal_outside_the_ontology() -> None:
    found = current()
    grew = {
        f: (c, KNOWN.get(f, (0, 0)))
        for f, c in found.items()
        if c[0] > KNOWN.get(f, (0, 0))[0] or c[1] > KNOWN.get(f, (0, 0))[1]
    }
    assert not grew, (
        "ontology names typed out as string literals (file: (copies, literals) found vs allowed); "
        f"ask the ontology loader instead: {grew}"
    )


def test_the_known_list_only_shrinks() -> None:
    found = current()
    stale = {f: (found.get(f, (0, 0)), k) for f, k in KNOWN.items() if found.get(f, (0, 0)) != k}
    assert not stale, f"fewer literals than KNOWN says: lower KNOWN to what is found: {stale}"


def test_the_scan_catches_a_copy_and_a_literal() -> None:
    names = vocabulary()
    assert scan('AGENTS = {"Person", "Business"}\n', names) == (1, 2)
    assert scan('if kind == "Phone":\n    pass\n', names) == (0, 1)
    assert scan('TITLE = "Phone book"\nWORDS = {"person", "phone"}\n', names) == (0, 0)
