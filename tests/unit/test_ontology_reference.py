"""The README's ontology tables (classes with alignment and HTCDS fields, individuals, relations) are
generated from the Turtle; this fails when docs/guide/ontology.md drifts."""

from __future__ import annotations

from graph.config import REPO_ROOT
from ontology import load_ontology
from ontology.reference import class_table, individuals_table, relation_table

README = REPO_ROOT / "docs" / "guide" / "ontology.md"


def test_readme_tables_match_the_ontology() -> None:
    text = README.read_text(encoding="utf-8")
    for table in (class_table(), individuals_table(), relation_table()):
        assert table in text, "regenerate the tables with ontology/reference.py"


def test_class_table_has_one_row_per_class_with_htcds_for_core_actors() -> None:
    rows = {line.split("|")[1].strip(): line for line in class_table().splitlines()[2:]}
    assert set(rows) == set(load_ontology().classes)
    assert "prs_" in rows["Person"] and "org_Type=NGO" in rows["NGO"] and "≡ ftm:Company" in rows["Business"]
