"""Risk explanations, hub reasons, id renumbering and step parsing (no database)."""

from __future__ import annotations

import pytest

from graph.analytics.hubs import hub_reason
from graph.analytics.networks import NodeResults, renumber, similarity_reason
from graph.analytics.options import AnalysisOptions
from graph.analytics.risk import betweenness_ranks, score_entity
from graph.analytics.run import parse_only


def points(reasons: list[str]) -> int:
    return sum(int(r.rsplit("(+", 1)[1].rstrip(")")) for r in reasons if "(+" in r)


def test_risk_score_is_the_sum_of_explained_points() -> None:
    facts = {
        "id": "person:x",
        "name": "X",
        "indicator_docs": 4,
        "indicators": ["DocumentConfiscation", "DebtBondage"],
        "roles": ["Recruiter", "Victim"],
        "acts": [{"type": "RECRUITED", "count": 3}],
        "victim_links": 0,
    }
    shared = [
        {
            "identifier_kind": "Phone",
            "identifier": "+447700900123",
            "other": "Y",
            "other_roles": ["Recruiter"],
        }
    ]
    risk = score_entity(facts, shared, broker=(1, [3, 7]))
    assert risk.reasons == [
        "linked to 4 documents with indicators DebtBondage, DocumentConfiscation (+8)",
        "has perpetrator role Recruiter (+4)",
        "recruited 3 persons (+6)",
        "broker between communities 3 and 7 (betweenness rank 1) (+5)",
        "shares phone +447700900123 with recruiter Y (+3)",
    ]
    assert risk.score == points(risk.reasons) == 26


def test_risk_caps_and_low_rank_broker() -> None:
    facts = {
        "id": "a",
        "name": "A",
        "indicator_docs": 40,
        "indicators": ["Isolation"],
        "roles": [],
        "acts": [],
        "victim_links": 0,
    }
    risk = score_entity({**facts, "kind": "Business"}, [], broker=(25, [1, 2, 4]))
    assert risk.reasons[0].endswith("(+10)")
    assert risk.reasons[1] == "broker between communities 1, 2 and 4 (betweenness rank 25) (+2)"
    assert risk.score == 12
    for kind in ("Person", "Organization"):  # no suspect role: standing near indicators earns no rank
        other = score_entity({**facts, "kind": kind}, [], None)
        assert other.score == 0 and other.reasons == [
            "mentioned in 40 documents with indicators Isolation, but no suspect role, act or shared "
            "identifier recorded: not scored for them"
        ]


SAID = "Deputy District Attorney P prosecuted the case."


def test_officials_are_not_scored_and_the_accused_are_with_their_sentence() -> None:
    base = {"id": "p", "name": "P", "kind": "Person", "indicator_docs": 6, "indicators": ["Violence"]}
    official = score_entity(
        {**base, "roles": ["Official"],
         "role_evidence": [{"role": "Official", "evidence": [SAID]}]},
        [], broker=(1, [1, 2]),
    )  # fmt: skip
    assert official.score == 0
    assert official.reasons == [
        'official in the process (prosecutor, judge, police, spokesperson) in "Deputy District Attorney P '
        'prosecuted the case.": not scored as a suspect'
    ]
    accused = score_entity(
        {**base, "roles": ["Accused", "Official"],
         "role_evidence": [{"role": "Accused", "evidence": ["P, 41, was charged with pimping."]}]},
        [], None,
    )  # fmt: skip
    assert accused.reasons == [
        "linked to 6 documents with indicators Violence (+10)",
        'charged, arrested or convicted in "P, 41, was charged with pimping." (+6)',
    ]
    assert accused.score == 16
    witness = score_entity({**base, "roles": ["Witness"]}, [], None)
    assert witness.score == 0 and witness.reasons[0].startswith("recorded as a witness")


def test_victims_are_not_scored_and_nothing_is_unexplained() -> None:
    victim = {
        "id": "v",
        "name": "V",
        "indicator_docs": 3,
        "indicators": ["DebtBondage"],
        "roles": ["Victim"],
        "acts": [],
        "victim_links": 1,
    }
    r = score_entity(victim, [], None)
    assert r.score == 0 and "victim" in r.reasons[0]
    empty = score_entity({"id": "e", "name": "E"}, [], None)
    assert empty.score == 0 and empty.reasons == [
        "no indicators, perpetrator roles, acts or shared identifiers recorded"
    ]


def test_betweenness_ranks_skip_zero() -> None:
    res = NodeResults(betweenness={"a": 0.0, "b": 5.0, "c": 9.0})
    assert betweenness_ranks(res) == {"c": 1, "b": 2}


def test_hub_reasons_name_the_rule() -> None:
    opts = AnalysisOptions(hub_max_doc_fraction=0.25, hub_min_docs=5, hub_max_degree=50)
    row = {"classes": ["Authority"], "docs": 30, "total_docs": 40, "degree": 3}
    assert (
        hub_reason(row, opts)
        == "class Authority never links cases; mentioned in 30 of 40 documents (75% > 25%)"
    )
    assert (
        hub_reason({"classes": [], "docs": 2, "total_docs": 3, "degree": 51}, opts) == "51 typed links (> 50)"
    )
    assert hub_reason({"classes": [], "platform": True, "docs": 1, "total_docs": 9}, opts) == (
        "generic platform or service"
    )


def test_renumber_largest_first_and_communities_within_networks() -> None:
    nets = renumber({"a": 70, "b": 70, "c": 70, "d": 12, "e": 99, "f": 99})
    assert nets == {"a": 1, "b": 1, "c": 1, "d": 3, "e": 2, "f": 2}
    comms = renumber({"a": 5, "b": 5, "c": 8, "d": 1, "e": 2, "f": 2}, within=nets)
    assert comms["a"] == comms["b"] == 1 and comms["c"] == 2 and comms["e"] == 3 and comms["d"] == 4


def test_parse_only() -> None:
    assert parse_only(None)[0] == "networks" and len(parse_only(None)) == 7
    assert parse_only("risk, hotspots") == ["networks", "hotspots", "risk"]
    assert parse_only("routes") == ["routes"]
    with pytest.raises(ValueError, match="unknown analysis step"):
        parse_only("networks,pagerank")


def test_similarity_reason() -> None:
    assert similarity_reason([{"kind": "Phone", "name": "+447700900101"}]) == "shares Phone +447700900101"
    assert similarity_reason([]) == "similar neighbourhoods in the typed-relation graph"
