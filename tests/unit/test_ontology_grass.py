"""The Browser stylesheet is generated from the ontology and committed up to date."""

from __future__ import annotations

import re

from ontology import load_ontology
from ontology.grass import GRASS_PATH, grass_text, node_styles


def test_committed_grass_matches_the_ontology() -> None:
    assert GRASS_PATH.read_text(encoding="utf-8") == grass_text(), (
        "run `lantern schema grass --out ontology/lantern.grass`"
    )


def test_every_graph_label_has_colour_and_name_caption() -> None:
    ont = load_ontology()
    text = grass_text()
    for label in ont.graph_labels():
        rule = re.search(r"node\." + label + r" \{(.*?)\n\}", text, re.S)
        assert rule, label
        assert f"color: {ont.colour(label)};" in rule.group(1)
        assert "caption: '{name}';" in rule.group(1)
    assert "node.Mention" not in text  # RDF-only class


def test_specific_classes_come_after_their_ancestors_and_keep_distinct_colours() -> None:
    ont = load_ontology()
    order = list(node_styles())
    for name in order:
        for ancestor in ont.classes[name].ancestors:
            assert order.index(ancestor) < order.index(name)
    colours = {n: s["color"] for n, s in node_styles().items()}
    assert colours["FrontBusiness"] != colours["Business"] != colours["Person"]
    assert colours["NewsArticle"] == colours["Document"]  # inherited
