"""Every pattern label and every extractor output type is an ontology term (ontology/lantern.ttl)."""

from __future__ import annotations

import pytest

from extraction.components.base import PATTERN_DIR, load_patterns
from extraction.models import SourceDocument
from extraction.pipeline import Extractor
from ontology.loader import load_ontology

ENTITY_PATTERN_FILES = ["business", "authorities", "ngos", "gangs", "business_names", "organizations"]


@pytest.fixture(scope="module")
def ontology():  # type: ignore[no-untyped-def]
    return load_ontology()


def test_every_pattern_file_is_checked() -> None:
    checked = set(ENTITY_PATTERN_FILES) | {"relations", "roles", "indicators", "trafficking_types"}
    not_ontology = {"definitions", "identifier_roles"}  # statement cues, not output labels
    assert {p.stem for p in PATTERN_DIR.glob("*.jsonl")} == checked | not_ontology


@pytest.mark.parametrize("name", ENTITY_PATTERN_FILES)
def test_entity_pattern_labels_are_ontology_classes(name: str, ontology) -> None:  # type: ignore[no-untyped-def]
    rows = load_patterns(name)
    assert rows
    for row in rows:
        assert ontology.is_class(row["label"]), f"{name}.jsonl: {row['label']} is not an ontology class"
        assert ontology.is_subclass(row["label"], "Entity")


def test_relation_labels_are_relationship_types(ontology) -> None:  # type: ignore[no-untyped-def]
    for row in load_patterns("relations"):
        assert ontology.is_relationship_type(row["label"]), row["label"]


@pytest.mark.parametrize(
    ("name", "of_class"),
    [("roles", "Role"), ("indicators", "Indicator"), ("trafficking_types", "TraffickingType")],
)
def test_individual_labels(name: str, of_class: str, ontology) -> None:  # type: ignore[no-untyped-def]
    labels = {row["label"] for row in load_patterns(name)}
    for label in labels:
        assert ontology.is_individual(label, of_class), f"{name}.jsonl: {label} is not a {of_class}"
    assert labels == set(ontology.individuals(of_class)), "every individual has a cue pattern"


def test_every_output_term_is_in_the_ontology(ontology) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lena Fakename, 29, of Riverside, a.k.a. Kitty, recruited Jane Doe #2 in Tijuana, Mexico "
        "with a promise of a waitress job. Her associate Omar Placeholder drove Jane Doe #2 from "
        "Tijuana to Santa Ana in a car "
        "with license plate 7XYZ321. Jane Doe #2 was forced to work at Golden Lotus Massage in Santa Ana. "
        "Fakename used the phone number (202) 555-0111, the email kitty@example.com, Instagram: kitty.fake, "
        "Cash App $KittyFake and the site www.example.org to post online ads. She owns Golden Lotus Massage. "
        "The Santa Ana Police Department and Safe Harbour Trust helped the 17-year-old victim, who was "
        "threatened, locked in, never paid and had her passport taken to pay off a debt of $5,000."
    )
    result = Extractor().extract(SourceDocument(id="terms", text=text))
    types = {e.type for e in result.entities}
    assert {"Person", "City", "Country", "Business", "Phone", "Email", "Vehicle", "Authority"} <= types
    for entity in result.entities:
        assert ontology.is_class(entity.type) and ontology.is_subclass(entity.type, "Entity"), entity.type
        for role in entity.attributes.get("roles", []):
            assert ontology.is_individual(role, "Role"), role
    by_id = {e.id: e for e in result.entities}
    assert result.relations
    for rel in result.relations:
        assert ontology.is_relationship_type(rel.type), rel.type
        assert rel.type != "HAS_ROLE"
        source, target = by_id[rel.source].type, by_id[rel.target].type
        assert ontology.allows(rel.type, source, target), f"{rel.type}: {source} -> {target}"
    for label in result.classification.trafficking_types:
        assert ontology.is_individual(label.type, "TraffickingType")
    assert result.classification.indicators
    for indicator in result.classification.indicators:
        assert ontology.is_individual(indicator.type, "Indicator")
