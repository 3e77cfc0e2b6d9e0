"""Document classification: definitional / generic statements are no evidence (invented sentences)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from extraction.components.classify import DocumentClassifier
from extraction.components.definitions import definitional_spans, inside


@pytest.fixture(scope="module")
def classify() -> Any:
    nlp = spacy.blank("en")
    classifier = DocumentClassifier()

    def run(text: str) -> dict[str, Any]:
        return classifier(nlp.make_doc(text))._.lantern_classification

    return run


def _types(found: dict[str, Any]) -> set[str]:
    return {t["type"] for t in found["trafficking_types"]}


def _indicators(found: dict[str, Any]) -> set[str]:
    return {i["type"] for i in found["indicators"]}


STATUTE = (
    "Mara Quell, 31, of Lakeview was convicted of pimping a 17-year-old girl.\n"
    "Penal Code Section 999.1 defines:\n"
    "(1) “Coercion” includes any threat of serious harm; debt bondage; or the abuse of legal process.\n"
    "(2) “Forced labor or services” means labor or services obtained through force or fraud.\n"
    "(3) “Duress” includes a threat to confiscate any passport of the victim.\n"
    "Share\n"
)


def test_statute_definition_block_is_no_evidence(classify: Any) -> None:
    found = classify(STATUTE)
    assert _types(found) == {"SexTrafficking"}
    assert "DebtBondage" not in _indicators(found)
    assert "DocumentConfiscation" not in _indicators(found)


def test_defined_as_and_crime_involves_sentences(classify: Any) -> None:
    text = (
        "Human trafficking is defined as obtaining forced labor or services from another person. "
        "The crime of human trafficking involves debt bondage and forced labor. "
        "Trafficking generally comes in two forms, forced labor and commercial sex. "
        "Dov Arlen, 40, was arrested at a motel in Fairbrook on Tuesday."
    )
    found = classify(text)
    assert "ForcedLabour" not in _types(found)
    assert "DebtBondage" not in _indicators(found)


def test_case_statement_still_counts(classify: Any) -> None:
    text = (
        "Human trafficking is defined as obtaining forced labor or services. "
        "Investigators say Tilde Varga forced the workers to work without pay at her farm in Elmstead "
        "to work off a debt of $9,000."
    )
    found = classify(text)
    assert "ForcedLabour" in _types(found)
    label = next(t for t in found["trafficking_types"] if t["type"] == "ForcedLabour")
    assert all(start > text.index("Investigators") for start, _ in label["spans"])
    assert "DebtBondage" in _indicators(found)


def test_forced_to_work_as_a_prostitute_is_sex_trafficking(classify: Any) -> None:
    found = classify("Rolf Danner forced her to work as a prostitute on Harbor Street.")
    assert _types(found) == {"SexTrafficking"}


def test_enumerated_lines_without_a_defines_header_are_kept() -> None:
    text = "The charges are:\n(1) pimping a minor\n(2) forced labor\n"
    spans = definitional_spans(text)
    assert not inside(spans, text.index("forced labor"))


def test_inside_uses_sorted_spans() -> None:
    spans = [(0, 5), (10, 20)]
    assert inside(spans, 0) and inside(spans, 19)
    assert not inside(spans, 5) and not inside(spans, 9) and not inside(spans, 20)


def test_cue_patterns_are_lower_case() -> None:
    """The classifier matches them case-sensitively on the lower-cased text (the fast path)."""
    from extraction.components.base import load_patterns

    for name in ("indicators", "trafficking_types"):
        for row in load_patterns(name):
            assert row["regex"] == row["regex"].lower(), f"{name}: {row['label']}"


def test_text_whose_length_changes_when_lower_cased(classify: Any) -> None:
    text = "İstanbul: Eda Korkmaz was FORCED TO WORK without pay; her PASSPORT WAS TAKEN."
    assert len(text.lower()) != len(text)
    found = classify(text)
    assert "ForcedLabour" in _types(found)
    indicator = next(i for i in found["indicators"] if i["type"] == "DocumentConfiscation")
    assert text[indicator["start"] : indicator["end"]] == indicator["text"] == "PASSPORT WAS TAKEN"
