"""One batch of prepared documents → the graph, in ONE transaction (content hashes written last).

Order inside the transaction:
1. changed documents: strip their evidence items, classification edges and mentions; delete entities
   no document mentions any more;
2. read the resolution context (same-name people and their linked identifiers/places/organisations,
   same-fingerprint businesses) — after step 1, so a changed document never supports itself;
3. resolve people (`graph.resolve_people`) and build the aggregated rows (`rows.py`);
4. UNWIND ... MERGE documents (with their content hashes; a new document's is computed while the server
   writes the mentions and set at the end), entities (with counters/aliases incremented from the batch's
   mentions), mentions, facts, roles, classifications, candidates;
5. entities that lost mentions in step 1 have their counters recomputed from the graph.
Steps 3 and 4 interleave: statements are sent without waiting for their result (`CatalogTx.send`), and
the rows of the next ones are built while the server executes them — people are resolved and the entity
rows built during merge_documents, the fact rows during merge_entities.
A kill -9 at any point leaves either the whole batch or nothing, so the content hash — the mark of a
fully ingested document — can be written with the document itself, or (new documents, whose hash the
skip check did not need) by a statement at the end of the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.ingest.prepare import PreparedDoc
from graph.ingest.rows import BatchRows, document_row, entity_rows, fact_rows
from graph.ingest.tx import CatalogTx, Sent
from graph.resolve_keys import is_business
from graph.resolve_people import Candidate, PersonResolver, business_candidates, family_members

MAX_REF_DEPTH = 10


@dataclass
class BatchResult:
    nodes: int = 0
    edges: int = 0
    rows: int = 0
    candidates: int = 0
    entities_deleted: list[str] = field(default_factory=list)


def remove_documents(tx: CatalogTx, doc_ids: list[str]) -> tuple[list[str], list[str]]:
    """Strip these documents' evidence and mentions; returns (surviving touched, deleted) entity ids."""
    if not doc_ids:
        return [], []
    tx.run("ingest/remove_document_evidence", doc_ids=doc_ids)
    tx.run("ingest/remove_document_links", doc_ids=doc_ids)
    rows = tx.run("ingest/remove_document_mentions", doc_ids=doc_ids)
    touched = rows[0]["entity_ids"] if rows else []
    gone_rows = tx.run("ingest/delete_orphan_entities", ids=touched) if touched else []
    gone = gone_rows[0]["deleted"] if gone_rows else []
    return sorted(set(touched) - set(gone)), sorted(gone)


def _root(prep: PreparedDoc, mention_id: str) -> str:
    seen = 0
    while mention_id in prep.refs and seen < MAX_REF_DEPTH:
        mention_id, seen = prep.refs[mention_id], seen + 1
    return mention_id


def resolve_people(prep: PreparedDoc, resolver: PersonResolver) -> list[Candidate]:
    """Fill `prep.keys` for Person and `ref` mentions; returns new POSSIBLY_SAME_AS candidates."""
    clusters: dict[str, list[str]] = defaultdict(list)
    for mid, base in prep.person_bases.items():
        clusters[base].append(mid)
    links: dict[str, set[str]] = defaultdict(set)
    for rel in prep.result.relations:
        a, b = _root(prep, rel.source), _root(prep, rel.target)
        for person, other in ((a, b), (b, a)):
            if person in prep.person_bases and other in prep.keys:
                links[prep.person_bases[person]].add(prep.keys[other])
    candidates: list[Candidate] = []
    for base in sorted(clusters):
        key, found = resolver.resolve(base, links[base])
        candidates.extend(found)
        for mid in clusters[base]:
            prep.keys[mid] = key
    for mid in prep.refs:
        root = _root(prep, mid)
        if root not in prep.keys:  # a ref cycle: resolve the mention by its own value
            raise ValueError(f"entity {mid}: ref chain does not end at an entity")
        prep.keys[mid] = prep.keys[root]
    return candidates


def _send_key_family(tx: CatalogTx, docs: list[PreparedDoc]) -> tuple[set[str], Sent | None]:
    """The batch's business keys and the (pending) read of their same-fingerprint family in the graph."""
    keys = {k for d in docs for mid, k in d.keys.items() if is_business(d.info[mid].kind)}
    if not keys:
        return keys, None
    bases = sorted({k.split("@", 1)[0] for k in keys})
    return keys, tx.send("ingest/key_family", bases=bases)


def _business_candidates(keys: set[str], family: Sent | None) -> list[Candidate]:
    existing: set[str] = set()
    for row in family.rows() if family else ():
        existing.update(family_members(row["base"], row["ids"], "@"))
    return business_candidates(keys - existing, existing)


def write_batch(
    tx: CatalogTx,
    docs: list[PreparedDoc],
    replaced: list[str],
    symmetric: set[str],
    redirects: dict[str, str] | None = None,
) -> tuple[BatchResult, BatchRows]:
    survivors, gone = remove_documents(tx, replaced)
    resolver = PersonResolver()
    bases = sorted({b for d in docs for b in d.person_bases.values()})
    context = tx.send("ingest/person_context", bases=bases) if bases else None
    # Python work sits between the statements: the server executes one while the rows of the next are built
    unhashed = [prep for prep in docs if prep.content_hash is None]  # their rows carry null until the end
    rows = BatchRows(documents=[document_row(prep) for prep in docs])
    for row in context.rows() if context else ():  # one row per name base: its members, then their links
        for key in row["ids"]:
            resolver.add_existing(row["base"], key, ())
        for key, neighbours in row["linked"]:
            resolver.add_existing(row["base"], key, neighbours)
    tx.send("ingest/merge_documents", rows=rows.documents)
    candidates: list[Candidate] = []
    for prep in docs:
        prep.keys = {k: v for k, v in prep.keys.items() if k not in prep.person_bases and k not in prep.refs}
        candidates.extend(resolve_people(prep, resolver))
    if redirects:  # keys absorbed by `lantern resolve merge` (people excepted: see graph.resolve_people)
        for prep in docs:
            for mid, key in prep.keys.items():
                if mid not in prep.person_bases and key in redirects:
                    prep.keys[mid] = redirects[key]
    # counters ride on the entity rows (one statement, one index seek per entity); entities that also lost
    # mentions (changed documents) are recomputed from the graph by ingest/refresh_entities below
    entity_rows(docs, rows)
    family = _send_key_family(tx, docs)
    if rows.entities:
        tx.send("ingest/merge_entities", rows=rows.entities)
    fact_rows(docs, symmetric, rows)
    candidates.extend(_business_candidates(*family))
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in rows.relations:  # one statement per static relationship type (see graph.ingest.generate)
        by_type[rel["type"]].append(rel)
    facts = [(f"ingest/relations/{t}", {"rows": by_type[t]}) for t in sorted(by_type)]
    # candidates are symmetric in meaning: stored once, lower key → higher key (independent of batching)
    cand_rows = [
        {"source": min(c.source, c.target), "target": max(c.source, c.target), "score": c.score,
         "reason": c.reason, "origin": "ingest"}
        for c in candidates
    ]  # fmt: skip
    if rows.mentions:
        tx.send("ingest/create_mentions", docs=rows.mentions)
    # new documents' content hashes, computed while the server writes the mentions (the largest statement)
    hashes = [{"id": prep.id, "content_hash": prep.hash()} for prep in unhashed]
    steps: tuple[tuple[str, dict[str, Any]], ...] = (
        *facts,
        ("ingest/merge_roles", {"rows": rows.roles}),
        ("ingest/create_classified_as", {"rows": rows.classified}),
        ("ingest/create_has_indicator", {"rows": rows.indicators}),
        ("ingest/possibly_same_as", {"rows": cand_rows}),
        ("ingest/set_content_hashes", {"rows": hashes}),
    )
    for name, params in steps:
        if any(params.values()):
            tx.send(name, **params)
    # entities that lost a mention (changed documents) are recomputed from the graph; the others only gained
    # this batch's mentions, so merge_entities updated their counters/aliases from the rows (no hub re-read)
    if survivors:
        tx.send("ingest/refresh_entities", ids=survivors)
    result = BatchResult(
        nodes=len(rows.documents) + len(rows.entities),
        edges=rows.edge_count + len(cand_rows),
        rows=len(rows.documents) + len(rows.entities) + rows.edge_count + len(cand_rows),
        candidates=len(cand_rows),
        entities_deleted=gone,
    )
    return result, rows
