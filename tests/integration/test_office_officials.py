"""One node per official and office across ingest batches (graph.resolve_officials, graph.ingest.writer):
shorter and initialled forms of an official's name join the office's one fuller name whichever batch brings
which, in any order; another office's namesake and a charged namesake stay apart. Fictional releases."""

from __future__ import annotations

import itertools
from collections import defaultdict

import pytest

from extraction.models import EntityMention, ExtractionResult
from graph.db import Database
from graph.ingest.summary import IngestSummary

FULL = "person:miriam ada okafor#@harbor_city_da"


def _release(doc_id: str, office: str, text: str, people: list[tuple[str, str | None]]) -> ExtractionResult:
    """A release of `office` naming `people` (surface text, role or None) in `text`."""
    ents = []
    for n, (surface, role) in enumerate(people, start=1):
        start = text.index(surface)
        attrs = {"roles": [role]} if role else {}
        ents.append(
            EntityMention(id=f"e{n}", type="Person", text=surface, start=start, end=start + len(surface),
                          value=surface, confidence=0.9, attributes=attrs)
        )  # fmt: skip
    return ExtractionResult(id=doc_id, text=text, source=f"/releases/{office}/{doc_id}.txt", entities=ents)


RELEASES = [
    _release("h1", "harbor_city_da",
             "District Attorney Miriam Ada Okafor announced that Dorian Vale was charged with trafficking.",
             [("Miriam Ada Okafor", "Official"), ("Dorian Vale", "Accused")]),
    _release("h2", "harbor_city_da",
             "Lena Marsh was sentenced on Monday. District Attorney Okafor thanked the jury.",
             [("Lena Marsh", "Accused"), ("Okafor", "Official")]),
    _release("h3", "harbor_city_da",
             "Statement of District Attorney M. Okafor on the new victim services unit.",
             [("M. Okafor", "Official")]),
    _release("h4", "harbor_city_da",
             "District Attorney Miriam Okafor and Deputy District Attorney Talia Brandt charged Rafe Okafor.",
             [("Miriam Okafor", "Official"), ("Talia Brandt", "Official"), ("Rafe Okafor", "Accused")]),
    _release("h5", "harbor_city_da",
             "Deputy District Attorney Brandt prosecuted the case against Dorian Vale.",
             [("Brandt", "Official"), ("Dorian Vale", "Accused")]),
    _release("b1", "bayview_da",
             "District Attorney Okafor of Bayview announced a new hotline.",
             [("Okafor", "Official")]),
]  # fmt: skip


def _people(db: Database) -> dict[str, list[str]]:
    """Person node id → the documents that mention it."""
    docs: dict[str, set[str]] = defaultdict(set)
    for r in db.read("ingest/dump_relationships"):
        if r["type"] == "MENTIONED_IN" and r["src"].startswith("person:"):
            docs[r["src"]].add(r["dst"])
    return {k: sorted(v) for k, v in sorted(docs.items())}


def _nodes(db: Database) -> tuple[dict[str, list[str]], list[list[str]]]:
    """Officials by key; other people as the documents of each node (a namesake's `#k` follows arrival)."""
    people = _people(db)
    return {k: v for k, v in people.items() if "#@" in k}, sorted(
        v for k, v in people.items() if "#@" not in k
    )


def _ingest(db: Database, docs: list[ExtractionResult], batch_size: int) -> IngestSummary:
    from graph.ingest import ingest_results

    summary = ingest_results(db, docs, batch_size=batch_size)
    assert not summary.failed, summary.failed
    return summary


@pytest.fixture()
def schema(db: Database) -> Database:
    from ontology.schema import apply_schema

    apply_schema(db)
    return db


def test_every_form_of_an_official_is_one_node_per_office(schema: Database) -> None:
    _ingest(schema, RELEASES, batch_size=500)
    people = _people(schema)
    assert people[FULL] == ["h1", "h2", "h3", "h4"]
    assert people["person:talia brandt#@harbor_city_da"] == ["h4", "h5"]
    assert people["person:okafor#@bayview_da"] == ["b1"]  # another office's DA is another person
    assert people["person:rafe okafor"] == ["h4"]  # the charged namesake keeps the case resolution
    assert len([k for k in people if "okafor" in k]) == 3


def test_the_nodes_do_not_depend_on_batch_size_or_order(schema: Database) -> None:
    untitled = _release("h6", "harbor_city_da", "Ms. Okafor thanked the detectives.", [("Okafor", None)])
    docs = [*RELEASES, untitled]
    _ingest(schema, docs, batch_size=500)
    expected = _nodes(schema)
    assert expected[0][FULL] == ["h1", "h2", "h3", "h4", "h6"]
    assert len(expected[0]) == 3  # Okafor and Brandt of Harbor City, Okafor of Bayview
    orders = [list(reversed(docs)), [docs[i] for i in (6, 2, 1, 4, 5, 3, 0)], docs]
    for order, size in itertools.product(orders, (1, 2, 4)):
        schema.write("platform/wipe_graph")
        _ingest(schema, order, batch_size=size)
        assert _nodes(schema) == expected, ([d.id for d in order], size)


def test_a_fuller_name_in_a_later_batch_absorbs_the_shorter_ones_reversibly(schema: Database) -> None:
    from graph.resolve import review, split

    _ingest(schema, [RELEASES[1]], batch_size=1)  # "Okafor"
    _ingest(schema, [RELEASES[2]], batch_size=1)  # "M. Okafor": the only fuller form absorbs "Okafor"
    assert {k: v for k, v in _people(schema).items() if "okafor" in k} == {
        "person:m okafor#@harbor_city_da": ["h2", "h3"]
    }
    summary = _ingest(schema, [RELEASES[0]], batch_size=1)  # the full name arrives and absorbs "M. Okafor"
    assert summary.official_merges == 1
    assert {k: v for k, v in _people(schema).items() if "okafor" in k} == {FULL: ["h1", "h2", "h3"]}
    merges = [m for m in review(schema)["merges"] if m["by"] == "ingest"]
    assert [(m["survivor"], m["absorbed"]) for m in merges] == [(FULL, ["person:m okafor#@harbor_city_da"])]
    split(schema, merges[0]["merge_id"])  # an automatic merge is undone like a manual one
    assert {k: v for k, v in _people(schema).items() if "okafor" in k} == {
        FULL: ["h1"],
        "person:m okafor#@harbor_city_da": ["h2", "h3"],
    }


def test_an_untitled_mention_joins_the_office_official_unless_it_has_a_case_role(schema: Database) -> None:
    untitled = _release("h6", "harbor_city_da", "Okafor thanked the detectives.", [("Okafor", None)])
    charged = _release("h7", "harbor_city_da", "Okafor was charged with fraud.", [("Okafor", "Accused")])
    _ingest(schema, [RELEASES[0]], batch_size=1)
    _ingest(schema, [untitled, charged], batch_size=2)
    people = _people(schema)
    assert people[FULL] == ["h1", "h6"]
    assert people["person:okafor"] == ["h7"]


def test_an_untitled_mention_ingested_before_the_official_joins_it_when_the_official_arrives(
    schema: Database,
) -> None:
    untitled = _release("h6", "harbor_city_da", "Okafor thanked the detectives.", [("Okafor", None)])
    elsewhere = _release("b2", "bayview_da", "Miriam Okafor opened the library.", [("Miriam Okafor", None)])
    charged = _release("h7", "harbor_city_da", "Okafor was charged with fraud.", [("Okafor", "Accused")])
    for doc in (untitled, elsewhere, charged, RELEASES[0]):  # one batch each: the official comes last
        _ingest(schema, [doc], batch_size=1)
    people = _people(schema)
    assert people[FULL] == ["h1", "h6"]
    assert people["person:miriam okafor"] == ["b2"]  # another office's release: not this official
    assert sorted(v for k, v in people.items() if k.startswith("person:okafor")) == [["h7"]]


def test_a_surname_two_officials_share_stays_apart(schema: Database) -> None:
    other = _release("h8", "harbor_city_da", "Sergeant Daniel Okafor led the operation.",
                     [("Daniel Okafor", "Official")])  # fmt: skip
    _ingest(schema, [*RELEASES[:3], other], batch_size=500)
    people = _people(schema)
    assert people[FULL] == ["h1", "h3"]  # "M. Okafor" can only be Miriam
    assert people["person:okafor#@harbor_city_da"] == ["h2"]  # "Okafor" could be either
    assert people["person:daniel okafor#@harbor_city_da"] == ["h8"]


def test_a_title_or_place_glued_onto_an_untitled_name_joins_the_official_in_any_order(
    schema: Database,
) -> None:
    glued = _release("h9", "harbor_city_da", "Attorney General Okafor and Westbrook Miriam Ada Okafor spoke.",
                     [("General Okafor", None), ("Westbrook Miriam Ada Okafor", None)])  # fmt: skip
    charged = _release("h7", "harbor_city_da", "Chief Okafor was charged with fraud.",
                       [("Chief Okafor", "Accused")])  # fmt: skip
    docs = [RELEASES[0], glued, charged]
    for order, size in itertools.product([docs, list(reversed(docs))], (1, 3)):
        schema.write("platform/wipe_graph")
        _ingest(schema, order, batch_size=size)
        people = _people(schema)
        assert people[FULL] == ["h1", "h9"], ([d.id for d in order], size)
        assert people["person:chief okafor"] == ["h7"]  # a case role keeps a glued title apart
