"""The committed seed corpus: up to date, varied, fictional, and networks planted the way the issue says."""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from seed.build import stale_outputs
from seed.markup import MarkupError, render

SEED = Path(__file__).resolve().parents[2] / "seed"
DOC_TYPES = {"NewsArticle", "CaseNarrative", "CourtRecord", "PressRelease", "Advertisement"}
TYPES = {"SexTrafficking", "ForcedLabour", "DomesticServitude", "CriminalExploitation", "ForcedMarriage",
         "OrganRemoval"}  # fmt: skip
FICTIONAL_PHONE = re.compile(r"^(\+447700900\d{3}|\+1[2-9]\d{2}55501\d{2}|\+44(2079460|1\d{2}4960)\d{3})$")


@pytest.fixture(scope="module")
def docs() -> dict[str, dict[str, str]]:
    out = {}
    for path in sorted((SEED / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            out[d["id"]] = d
    return out


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict[str, object]]]:
    lines = (SEED / "gold_entities.jsonl").read_text(encoding="utf-8").splitlines()
    return {g["id"]: g["mentions"] for g in map(json.loads, lines)}


@pytest.fixture(scope="module")
def truth() -> dict[str, object]:
    return json.loads((SEED / "ground_truth.json").read_text(encoding="utf-8"))


def test_committed_outputs_match_a_fresh_build() -> None:
    assert stale_outputs() == [], "run `lantern seed build` and commit seed/"


def test_corpus_contract_and_size(docs: dict[str, dict[str, str]], gold: dict[str, object]) -> None:
    assert len(docs) >= 150
    assert set(gold) == set(docs)
    for d in docs.values():
        assert {"id", "text", "title", "published", "source", "doc_type"} <= set(d)
        assert d["doc_type"] in DOC_TYPES
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["published"])
    assert {d["doc_type"] for d in docs.values()} == DOC_TYPES


def test_gold_spans_point_at_the_text(docs: dict[str, dict[str, str]], gold: dict[str, list]) -> None:
    for doc_id, mentions in gold.items():
        text = docs[doc_id]["text"]
        for m in mentions:
            surface = text[m["start"] : m["end"]]
            assert surface and surface == surface.strip(), (doc_id, m)
            if m["type"] == "Email":
                assert surface.lower() == m["value"]


def test_identifiers_are_fictional(gold: dict[str, list]) -> None:
    for mentions in gold.values():
        for m in mentions:
            if m["type"] == "Phone":
                assert FICTIONAL_PHONE.match(m["value"]), m
            if m["type"] in ("Email", "Website"):
                assert re.search(r"@([a-z0-9-]+\.)?example\.(com|org|net)$", m["value"]), m
            if m["type"] == "BankAccount":
                assert m["value"].startswith("XX"), m


def test_every_trafficking_type_and_the_displacement_scenario(docs: dict, truth: dict) -> None:
    assert {n["trafficking_type"] for n in truth["networks"]} == TYPES
    texts = " ".join(d["text"] for d in docs.values())
    assert "child soldiering" in texts
    assert "safe passage" in texts and "war in Ukraine" in texts
    for spelling in ("Київ", "München", "Chișinău", "Kraków", "Praha", "Wien"):
        assert spelling in texts, spelling


def _members_in(text_gold: list[dict], net: dict) -> set[str]:
    values = {str(m["value"]).lower().lstrip("@") for m in text_gold}  # truth keeps handles without '@'
    return {m["value"] for m in net["members"] if m["value"].lower() in values}


def test_networks_are_linked_only_across_documents(gold: dict[str, list], truth: dict) -> None:
    assert len(truth["networks"]) >= 6
    for net in truth["networks"]:
        docs_of = [d for d in net["documents"]]
        assert len(docs_of) >= 5
        shown = {d: _members_in(gold[d], net) for d in docs_of}
        # no single document shows the whole network
        assert max(len(s) for s in shown.values()) < len(net["members"]) // 2 + 1, net["id"]
        # documents are connected through shared members (union-find over documents)
        parent = {d: d for d in docs_of}

        def find(x: str, parent: dict[str, str] = parent) -> str:
            while parent[x] != x:
                x = parent[x]
            return x

        holders: dict[str, list[str]] = defaultdict(list)
        for d, vals in shown.items():
            for v in vals:
                holders[v].append(d)
        for ds in holders.values():
            for other in ds[1:]:
                parent[find(other)] = find(ds[0])
        assert len({find(d) for d in docs_of}) == 1, net["id"]
        # every member appears somewhere
        assert set().union(*shown.values()) == {m["value"] for m in net["members"]}, net["id"]


def test_every_victim_is_told_somewhere(gold: dict[str, list], truth: dict) -> None:
    mentioned = {m["value"] for ms in gold.values() for m in ms if m["type"] == "Person"}
    for net in truth["networks"]:
        for v in net["victims"]:
            assert v["name"] in mentioned, (net["id"], v["name"])


def test_broker_links_two_networks(gold: dict[str, list], truth: dict) -> None:
    broker = truth["brokers"][0]
    nets = {n["id"]: n for n in truth["networks"]}
    assert len(broker["links"]) == 2
    broker_docs = [d for d, ms in gold.items() if any(m["value"] == broker["phone"] for m in ms)
                   or any(m["value"] == broker["email"] for m in ms)]  # fmt: skip
    linked = {n for d in broker_docs for n in nets if _members_in(gold[d], nets[n])}
    assert set(broker["links"]) <= linked


def test_exposed_supplier_is_in_the_register(gold: dict[str, list], truth: dict) -> None:
    rows = list(csv.DictReader((SEED / "suppliers.csv").open(encoding="utf-8")))
    assert list(rows[0]) == ["name", "address", "city", "country", "phone", "email", "owner"]
    names = {r["name"] for r in rows}
    for exp in truth["exposed_suppliers"]:
        assert exp["business"] in names and exp["via_front"] in names
        pair = {exp["business"], exp["via_front"]}
        together = [d for d, ms in gold.items() if pair <= {m["value"] for m in ms}]
        assert together, "a document must show the supplier using the front"


def test_name_collision_distractor(truth: dict, gold: dict[str, list]) -> None:
    collision = truth["distractors"]["name_collisions"][0]
    assert collision["unrelated_documents"]
    for d in collision["unrelated_documents"]:
        assert any(m["value"] == collision["name"] for m in gold[d])


def test_markup_renders_text_and_spans() -> None:
    source = "Call [[Phone:+447700900123|o77oo nine zero zero 1 2 3]] or [[Person:Olena Marchenko]]."
    text, spans = render(source)
    assert text == "Call o77oo nine zero zero 1 2 3 or Olena Marchenko."
    assert [(s.type, text[s.start : s.end], s.value) for s in spans] == [
        ("Phone", "o77oo nine zero zero 1 2 3", "+447700900123"),
        ("Person", "Olena Marchenko", "Olena Marchenko"),
    ]
    with pytest.raises(MarkupError):
        render("broken [[Person:Olena")
