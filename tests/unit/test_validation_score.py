"""Scoring of the analysis against role-labelled gold (graph.analytics.validation_score), no database."""

from __future__ import annotations

from graph.analytics.validation_score import (
    GoldEntity,
    NodeView,
    label_node,
    norm_name,
    rank,
    score_office,
    worst,
)


def _gold() -> list[GoldEntity]:
    return [
        GoldEntity("d1", "Person", "charged", "dorian vale", [(10, 21), (50, 54)]),
        GoldEntity("d1", "Person", "official", "miriam okafor", [(80, 93)]),
        GoldEntity("d2", "Person", "charged", "lena rusk", [(10, 19)]),
        GoldEntity("d2", "Business", None, "golden reed spa", [(30, 45)]),
        GoldEntity("d2", "Person", "official", "miriam okafor", [(70, 83)]),
        GoldEntity("d3", "Person", "charged", "dorian vale", [(5, 16)]),
        GoldEntity("d3", "Phone", "contact", "202 555-0147", [(100, 114)]),
    ]


def _nodes() -> list[NodeView]:
    nodes = [
        NodeView("vale", "Person", "Dorian Vale", 16, 1, [("d1", 10, 21), ("d3", 5, 16)]),
        NodeView("rusk", "Person", "Lena Rusk", 12, 2, [("d2", 10, 19)]),
        NodeView("spa", "Business", "Golden Reed Spa", 10, 2, [("d2", 30, 45)]),
        NodeView("okafor1", "Person", "Miriam Okafor", 8, 3, [("d1", 80, 93)]),
        NodeView("okafor2", "Person", "Miriam Okafor", 0, 2, [("d2", 70, 83)]),
        NodeView("pdf", "Organization", "PDF Version", 6, 5, [("d1", 0, 9)]),
        NodeView("city", "City", "Okafor", None, None, [("d2", 77, 83)]),  # a tagger's fragment of the name
        NodeView("line", "Phone", "+12025550147", None, 1, [("d1", 100, 114), ("d2", 100, 114)]),
    ]
    by_doc: dict[str, list[GoldEntity]] = {}
    for g in _gold():
        by_doc.setdefault(g.doc, []).append(g)
    for n in nodes:
        label_node(n, by_doc)
    return nodes


def test_nodes_are_labelled_from_the_gold_they_overlap() -> None:
    labels = {n.id: n.label for n in _nodes()}
    assert labels == {
        "vale": "charged", "rusk": "charged", "spa": "business", "okafor1": "official",
        "okafor2": "official", "pdf": "boilerplate", "city": "official", "line": "boilerplate",
    }  # fmt: skip
    assert norm_name("  Dorian\nVale, ") == "dorian vale"


def test_office_figures() -> None:
    nodes = _nodes()
    assert [n.id for n in rank(nodes)] == ["vale", "rusk", "spa", "okafor1", "pdf"]  # zero/None risk unranked
    s = score_office("harbor", nodes, _gold(), documents=3)
    assert s.precision_at_25 == 3 / 5
    assert s.charged_names == 2 and s.charged_recall_at_50 == 1.0
    assert s.bad_in_top_50 == ["Miriam Okafor (official)", "PDF Version (boilerplate)"]
    assert (s.official_names, s.official_nodes, s.persons_per_official) == (1, 2, 2.0)
    assert s.official_worst == "miriam okafor: 2 nodes"
    assert s.official_fragments == ["Okafor (City)"]  # not a person of hers
    assert s.officials_as_suspects == ["Miriam Okafor (risk 8)"]  # okafor2 scores 0: not a suspect
    assert s.officials_in_networks == ["Miriam Okafor (network 2)"]  # okafor1 is alone in network 3
    # network 1 holds d1 and d3 (both Dorian Vale: related) and, through the phone, d2 (unrelated)
    assert s.networks_joining_unrelated == 1 and s.releases_joined == 3
    assert s.unrelated_links == ["network 1: +12025550147 (Phone, boilerplate) joins 2 cases"]


def test_related_releases_are_one_case_and_worst_office_is_the_headline() -> None:
    nodes = [n for n in _nodes() if n.id != "line"]
    good = score_office("good", nodes, _gold(), documents=3)
    assert good.networks_joining_unrelated == 0  # d1 and d3 share the charged Dorian Vale
    bad = score_office("bad", [n for n in nodes if n.id in {"pdf", "okafor1"}], _gold(), documents=1)
    assert bad.precision_at_25 == 0.0 and bad.charged_recall_at_50 == 0.0
    assert worst([good, bad]) is bad
    assert worst([]) is None
