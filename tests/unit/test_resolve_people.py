"""The conservative person-resolution policy (no database)."""

from __future__ import annotations

from graph.resolve_people import PersonResolver, business_candidates, family_members, key_order


def test_first_person_with_a_name_gets_the_plain_key() -> None:
    r = PersonResolver()
    assert r.resolve("person:anna kowalska", set()) == ("person:anna kowalska", [])


def test_same_name_without_shared_evidence_is_a_new_node_and_a_candidate() -> None:
    r = PersonResolver()
    r.resolve("person:anna kowalska", {"city:lodz|pl"})
    key, cands = r.resolve("person:anna kowalska", {"city:leeds|gb"})
    assert key == "person:anna kowalska#2"
    assert [(c.source, c.target) for c in cands] == [("person:anna kowalska#2", "person:anna kowalska")]
    assert 0 < cands[0].score < 1 and "anna kowalska" in cands[0].reason
    key3, cands3 = r.resolve("person:anna kowalska", set())
    assert key3 == "person:anna kowalska#3" and len(cands3) == 2
    assert "no shared identifier" in cands3[0].reason


def test_shared_identifier_joins_the_existing_node() -> None:
    r = PersonResolver()
    r.add_existing("person:viktor petrov", "person:viktor petrov", ["phone:+447700900123"])
    r.add_existing("person:viktor petrov", "person:viktor petrov#2", ["business:sunrise cleaning"])
    key, cands = r.resolve("person:viktor petrov", {"business:sunrise cleaning", "city:leeds|gb"})
    assert (key, cands) == ("person:viktor petrov#2", [])
    # what this document linked him to is now known for the next documents
    key, _ = r.resolve("person:viktor petrov", {"city:leeds|gb"})
    assert key == "person:viktor petrov#2"


def test_free_key_reuses_a_gap_deterministically() -> None:
    r = PersonResolver()
    r.add_existing("person:x y", "person:x y#2", [])
    key, cands = r.resolve("person:x y", set())
    assert key == "person:x y" and [c.target for c in cands] == ["person:x y#2"]


def test_key_order_and_family() -> None:
    keys = ["person:a b#10", "person:a b", "person:a b#2", "person:a bc"]
    assert family_members("person:a b", keys, "#") == ["person:a b", "person:a b#2", "person:a b#10"]
    assert key_order("person:a b#10") == ("person:a b", 10)


def test_business_candidates_for_same_fingerprint_other_place() -> None:
    cands = business_candidates(
        ["business:sunrise cleaning"],
        ["business:sunrise cleaning@manchester", "business:sunrise cleaning co"],
    )
    assert [(c.source, c.target) for c in cands] == [
        ("business:sunrise cleaning", "business:sunrise cleaning@manchester")
    ]


def test_a_common_name_links_new_nodes_to_the_first_nodes_only() -> None:
    from graph.resolve_people import MAX_CANDIDATES

    r = PersonResolver()
    for _ in range(6):
        key, cands = r.resolve("person:sam lee", set())
    assert key == "person:sam lee#6"
    # a star around the family's first nodes, not a clique (n² candidates for a name in every document)
    assert [c.target for c in cands] == ["person:sam lee", "person:sam lee#2", "person:sam lee#3"]
    assert len(cands) == MAX_CANDIDATES
    # supporting evidence still picks the node with the most shared neighbours, oldest first on a tie
    r.add_existing("person:sam lee", "person:sam lee#5", ["phone:+15555550100"])
    r.add_existing("person:sam lee", "person:sam lee#4", ["phone:+15555550100"])
    assert r.resolve("person:sam lee", {"phone:+15555550100"}) == ("person:sam lee#4", [])
