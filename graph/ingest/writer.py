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
5. entities that lost mentions in step 1 have their counters recomputed from the graph;
6. when the reading thread has offered one, the NEXT batch's resolution context (`Lookahead`).
Steps 3 and 4 interleave: statements are sent without waiting for their result (`CatalogTx.send`), and
the rows of the next ones are built while the server executes them — people are resolved and the entity
rows built during merge_documents, the fact rows during merge_entities.
A batch of new documents usually skips steps 2 and 3 in its own transaction: the previous batch's
transaction reads its context as its last statement (`Lookahead`), and the reading thread resolves it and
builds its rows (`plan_batch`) while that transaction commits; the batch then only sends statements.
A kill -9 at any point leaves either the whole batch or nothing, so the content hash — the mark of a
fully ingested document — can be written with the document itself, or (new documents, whose hash the
skip check did not need) by a statement at the end of the same transaction.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.ingest.office import CASE_ROLES, OFFICIAL, office_of, official_key
from graph.ingest.prepare import PreparedDoc
from graph.ingest.rows import BatchRows, document_row, entity_rows, fact_rows
from graph.ingest.tx import CatalogTx
from graph.resolve_keys import is_business
from graph.resolve_officials import (
    PERSON_PREFIX,
    canonical_names,
    doc_official_for_given_name,
    name_words,
    official_for,
    untitled_forms,
)
from graph.resolve_people import Candidate, PersonResolver, business_candidates, family_members, key_order

MAX_REF_DEPTH = 10
SURNAME_HITS = 500
"""Most people one surname search of `ingest/untitled_official_forms` returns (best matches first)."""


@dataclass
class BatchResult:
    nodes: int = 0
    edges: int = 0
    rows: int = 0
    candidates: int = 0
    entities_deleted: list[str] = field(default_factory=list)
    official_merges: int = 0
    """Nodes of earlier batches merged into an official of this batch (`OfficeMerge`)."""


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


def _case_roles(prep: PreparedDoc, mention_ids: list[str]) -> bool:
    return any(set(prep.roles.get(mid, ())) & CASE_ROLES for mid in mention_ids)


def resolve_people(
    prep: PreparedDoc, resolver: PersonResolver, officials: dict[str, set[str]] | None = None
) -> list[Candidate]:
    """Fill `prep.keys` for Person and `ref` mentions; returns new POSSIBLY_SAME_AS candidates.

    `officials`: per office, the name bases of its officials (after this batch). A person of this document
    without a case role whose name is an official's, or a shorter form of exactly one official's name
    (`graph.resolve_officials.official_for`), is that official; so is a first name alone when exactly one of
    the document's officials has it and no other person of the document does
    (`graph.resolve_officials.doc_official_for_given_name`)."""
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
    if officials is None:  # (a document alone: its own officials)
        office_officials = set(prep.official_bases.values())
    else:  # canonical names only: a raw form ("Okafor") may have been mapped to a fuller one
        office_officials = officials.get(prep.office or "", set())
    for mid, base in prep.official_bases.items():  # (already known when called through `_resolve_all`)
        resolver.add_existing(base, prep.keys[mid], ())
    doc_officials = {
        prep.keys[mid].removesuffix(official_key("", prep.office or "")) for mid in prep.official_bases
    }
    doc_people = set(clusters) | doc_officials
    for base in sorted(clusters):
        target = official_for(base, office_officials) if prep.office and office_officials else None
        if target is None and prep.office:  # "Miriam and I ...": the release's official Miriam
            target = doc_official_for_given_name(base, doc_people, doc_officials)
        if target is not None and not _case_roles(prep, clusters[base]):
            for mid in clusters[base]:  # the office's official of that name, mentioned without a title
                prep.keys[mid] = official_key(target, prep.office)  # type: ignore[arg-type]
            continue
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


@dataclass
class Context:
    """The graph as a batch's resolution reads it: `ingest/person_context` rows (one per name base) and
    `ingest/key_family` rows (None: the batch has no business key)."""

    people: list[dict[str, Any]]
    families: list[dict[str, Any]] | None
    family_bases: frozenset[str] = frozenset()
    officials: dict[str, list[str]] = field(default_factory=dict)
    """`ingest/office_officials`: office → keys of its officials in the graph (offices of the batch)."""


@dataclass
class Plan:
    """Every row of a batch, built before its transaction from a `Context` read by the previous batch's."""

    context: Context
    rows: BatchRows
    candidates: list[dict[str, Any]]
    merges: list[OfficeMerge] = field(default_factory=list)


class Lookahead:
    """The next batch's resolution context, read at the END of the current batch's transaction.

    Within that transaction the graph already holds the current batch's writes: exactly what the next
    batch's own transaction would read first (new documents only — a batch that replaces documents must
    strip them before reading, so it never gets a lookahead). The reading thread resolves the next batch and
    builds its rows (`plan_batch`) while the current one commits; the plan is used only if the context came
    from the attempt that committed (`committed`): a retried or failed transaction leaves it unused.
    """

    def __init__(self, docs: list[PreparedDoc], redirects: dict[str, str] | None = None) -> None:
        self.bases = _person_bases(docs)
        self.offices = _offices(docs)
        # business keys before resolution, redirected as `_resolve_all` will (plan_batch checks the result)
        redirects = redirects or {}
        self.families = _family_bases({redirects.get(k, k) for k in _business_keys(docs)})
        self.latest: Context | None = None
        self.committed: Context | None = None
        self.ready = threading.Event()

    def read(self, tx: CatalogTx) -> None:
        people = tx.run("ingest/person_context", bases=self.bases) if self.bases else []
        families = tx.run("ingest/key_family", bases=self.families) if self.families else None
        officials = _read_officials(tx.run, self.offices)
        self.latest = Context(people, families, frozenset(self.families), officials)
        self.ready.set()


class LookaheadSlot:
    """Hands a `Lookahead` from the reading thread to the writer of the batch in flight — if that writer has
    not finished its statements yet (`offer` returns False otherwise)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._taken = False
        self.lookahead: Lookahead | None = None

    def offer(self, lookahead: Lookahead) -> bool:
        with self._lock:
            if self._taken:
                return False
            self.lookahead = lookahead
            return True

    def take(self) -> Lookahead | None:
        """Called by the writer after its last statement (again on a retried transaction)."""
        with self._lock:
            self._taken = True
            return self.lookahead

    def commit(self) -> None:
        """The transaction that read the lookahead committed: its context is the graph the next batch sees."""
        if self.lookahead is not None:
            self.lookahead.committed = self.lookahead.latest


def _offices(docs: list[PreparedDoc]) -> list[str]:
    return sorted({d.office for d in docs if d.office and (d.official_bases or d.person_bases)})


def _read_officials(run: Any, offices: list[str]) -> dict[str, list[str]]:
    if not offices:
        return {}
    return {r["office"]: r["ids"] for r in run("ingest/office_officials", offices=offices, role=OFFICIAL)}


def _person_bases(docs: list[PreparedDoc]) -> list[str]:
    return sorted({b for d in docs for b in d.person_bases.values()})


def _business_keys(docs: list[PreparedDoc]) -> set[str]:
    return {k for d in docs for mid, k in d.keys.items() if is_business(d.info[mid].kind)}


def _family_bases(keys: set[str]) -> list[str]:
    return sorted({k.split("@", 1)[0] for k in keys})


def _business_candidates(keys: set[str], families: list[dict[str, Any]] | None) -> list[Candidate]:
    existing: set[str] = set()
    for row in families or ():
        existing.update(family_members(row["base"], row["ids"], "@"))
    return business_candidates(keys - existing, existing)


def _resolver(people: list[dict[str, Any]]) -> PersonResolver:
    resolver = PersonResolver()
    for row in people:  # one row per name base: its members, then their links
        for key in row["ids"]:
            resolver.add_existing(row["base"], key, ())
        for key, neighbours in row["linked"]:
            resolver.add_existing(row["base"], key, neighbours)
    return resolver


@dataclass
class OfficeMerge:
    """What joins an official after the batch's entities are written (`graph.resolve.merge_in_tx`, recorded,
    reversible): officials of earlier batches whose name is a shorter form of this one (`absorbed`) and, for
    an official new in the graph, earlier people mentioned without a title under one of its `forms` (name
    bases) or found by its surname (`search`, a full-text query: a title or place glued onto the name, "El
    Jefe Okafor") that `official_for` gives to this official among the office's (`pool`), without a case role
    and only in this office's releases (`ingest/untitled_official_forms`)."""

    survivor: str
    absorbed: list[str]
    office: str
    forms: list[str] = field(default_factory=list)
    search: str = ""
    pool: frozenset[str] = frozenset()


def _resolve_officials(
    docs: list[PreparedDoc], graph_officials: dict[str, list[str]]
) -> tuple[dict[str, set[str]], list[OfficeMerge]]:
    """Official keys for the batch's official mentions: per office, every name form (the graph's officials and
    the batch's) maps to the one fullest compatible name (`canonical_names`), so "Okafor" and "Miriam Okafor"
    are "Miriam Ada Okafor" whichever batch brought which. Returns each office's official name bases after
    the batch and the graph officials that a fuller name of this batch absorbs."""
    names: dict[str, set[str]] = defaultdict(set)
    in_graph: dict[str, set[str]] = defaultdict(set)
    for office, keys in graph_officials.items():
        for key in keys:
            base = key.removesuffix(official_key("", office))
            names[office].add(base)
            in_graph[office].add(base)
    for prep in docs:
        if prep.office:
            names[prep.office].update(prep.official_bases.values())
    canon = {office: canonical_names(bases) for office, bases in names.items()}
    for prep in docs:
        for mid, base in prep.official_bases.items():
            prep.keys[mid] = official_key(canon[prep.office][base], prep.office)  # type: ignore[index,arg-type]
    merges: dict[str, OfficeMerge] = {}
    for office in sorted(in_graph):
        for base in sorted(in_graph[office]):
            target = canon[office][base]
            if target != base:
                survivor = official_key(target, office)
                merges.setdefault(survivor, OfficeMerge(survivor, [], office)).absorbed.append(
                    official_key(base, office)
                )
    officials = {office: set(c.values()) for office, c in canon.items()}
    for office, pool in sorted(officials.items()):
        for base in sorted(pool - in_graph[office]):  # new in the graph: earlier untitled mentions of them?
            forms = [f"{PERSON_PREFIX}{f}" for f in untitled_forms(base)]
            key = official_key(base, office)
            merge = merges.setdefault(key, OfficeMerge(key, [], office))
            merge.forms = [f for f in forms if official_for(f, pool) == base]
            merge.search, merge.pool = surname_query(base), frozenset(pool)
    return officials, list(merges.values())


def surname_query(base: str) -> str:
    """The full-text query (`entity_search`) for names holding this person's surname: a phrase, escaped."""
    surname = name_words(base)[-1]
    return 'name:"' + surname.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _untitled_officials(tx: CatalogTx, merges: list[OfficeMerge]) -> dict[str, list[str]]:
    """Official key → the earlier untitled people that are that official (see `OfficeMerge`)."""
    rows = [
        {"office": m.office, "official": m.survivor, "bases": m.forms, "search": m.search}
        for m in merges
        if m.forms or m.search
    ]
    by_key = {m.survivor: m for m in merges}
    found: dict[str, list[str]] = defaultdict(list)
    for r in tx.run("ingest/untitled_official_forms", rows=rows, limit=SURNAME_HITS) if rows else []:
        if set(r["roles"]) & CASE_ROLES or any(office_of(src) != r["office"] for src in r["sources"]):
            continue
        merge = by_key[r["official"]]
        base = merge.survivor.removesuffix(official_key("", merge.office))
        if official_for(r["id"].split("#", 1)[0], merge.pool) != base:
            continue  # a namesake with another first name, or a surname another official shares
        found[r["official"]].append(r["id"])
    return {k: sorted(set(v), key=key_order) for k, v in found.items()}


def _resolve_all(
    docs: list[PreparedDoc],
    resolver: PersonResolver,
    redirects: dict[str, str] | None,
    graph_officials: dict[str, list[str]] | None = None,
) -> tuple[list[Candidate], list[OfficeMerge]]:
    """Person keys for every document (and `ref` mentions), then merge redirects; returns the candidates
    and the merges of older official name forms."""
    candidates: list[Candidate] = []
    officials, merges = _resolve_officials(docs, graph_officials or {})
    for prep in docs:  # the batch's officials first: a release that names one without a title joins them
        for mid, base in prep.official_bases.items():
            resolver.add_existing(base, prep.keys[mid], ())
    for prep in docs:
        prep.keys = {k: v for k, v in prep.keys.items() if k not in prep.person_bases and k not in prep.refs}
        candidates.extend(resolve_people(prep, resolver, officials))
    if redirects:  # keys absorbed by `lantern resolve merge` (people excepted: see graph.resolve_people)
        for prep in docs:
            for mid, key in prep.keys.items():
                if mid not in prep.person_bases and key in redirects:
                    prep.keys[mid] = redirects[key]
    return candidates, merges


def _candidate_rows(candidates: list[Candidate]) -> list[dict[str, Any]]:
    # candidates are symmetric in meaning: stored once, lower key → higher key (independent of batching)
    return [
        {"source": min(c.source, c.target), "target": max(c.source, c.target), "score": c.score,
         "reason": c.reason, "origin": "ingest"}
        for c in candidates
    ]  # fmt: skip


def plan_batch(
    docs: list[PreparedDoc], context: Context, symmetric: set[str], redirects: dict[str, str] | None = None
) -> Plan | None:
    """Resolve a batch against a context and build all its rows (no database). None when the batch's business
    keys after resolution are not the ones the context read (a `ref` typed as a business whose root is not):
    the writer then reads its own context."""
    resolver = _resolver(context.people)
    rows = BatchRows(documents=[document_row(prep) for prep in docs])
    candidates, merges = _resolve_all(docs, resolver, redirects, context.officials)
    keys = _business_keys(docs)
    if not set(_family_bases(keys)) <= context.family_bases:
        return None
    entity_rows(docs, rows)
    fact_rows(docs, symmetric, rows)
    candidates.extend(_business_candidates(keys, context.families))
    return Plan(context, rows, _candidate_rows(candidates), merges)


def _send_rest(
    tx: CatalogTx,
    rows: BatchRows,
    cand_rows: list[dict[str, Any]],
    unhashed: list[PreparedDoc],
    survivors: list[str],
) -> None:
    """From the mentions on: mentions, facts (one statement per static type), roles, classifications,
    candidates, content hashes of new documents, recomputed counters of entities that lost mentions."""
    if rows.mentions:
        tx.send("ingest/create_mentions", docs=rows.mentions)
    # new documents' content hashes, computed while the server writes the mentions (the largest statement)
    hashes = [{"id": prep.id, "content_hash": prep.hash()} for prep in unhashed]
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in rows.relations:  # one statement per static relationship type (see graph.ingest.generate)
        by_type[rel["type"]].append(rel)
    facts = [(f"ingest/relations/{t}", {"rows": by_type[t]}) for t in sorted(by_type)]
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


def write_batch(
    tx: CatalogTx,
    docs: list[PreparedDoc],
    replaced: list[str],
    symmetric: set[str],
    redirects: dict[str, str] | None = None,
    plan: Plan | None = None,
    slot: LookaheadSlot | None = None,
) -> tuple[BatchResult, BatchRows]:
    unhashed = [prep for prep in docs if prep.content_hash is None]  # their rows carry null until the end
    merged = 0
    survivors: list[str] = []
    gone: list[str] = []
    if plan is not None and not replaced:  # everything built while the previous batch committed
        rows, cand_rows, merges = plan.rows, plan.candidates, plan.merges
        tx.send("ingest/merge_documents", rows=rows.documents)
        if rows.entities:
            tx.send("ingest/merge_entities", rows=rows.entities)
    else:
        survivors, gone = remove_documents(tx, replaced)
        bases = _person_bases(docs)
        context = tx.send("ingest/person_context", bases=bases) if bases else None
        # Python work sits between the statements: the server runs one while the rows of the next are built
        rows = BatchRows(documents=[document_row(prep) for prep in docs])
        resolver = _resolver(context.rows() if context else [])
        officials = _read_officials(tx.run, _offices(docs))
        tx.send("ingest/merge_documents", rows=rows.documents)
        candidates, merges = _resolve_all(docs, resolver, redirects, officials)
        # counters ride on the entity rows (one statement, one index seek per entity); entities that also lost
        # mentions (changed documents) are recomputed from the graph by ingest/refresh_entities below
        entity_rows(docs, rows)
        keys = _business_keys(docs)
        family = tx.send("ingest/key_family", bases=_family_bases(keys)) if keys else None
        if rows.entities:
            tx.send("ingest/merge_entities", rows=rows.entities)
        fact_rows(docs, symmetric, rows)
        candidates.extend(_business_candidates(keys, family.rows() if family else None))
        cand_rows = _candidate_rows(candidates)
    _send_rest(tx, rows, cand_rows, unhashed, survivors)
    if merges:
        from graph.resolve import merge_in_tx  # (graph.resolve imports graph.ingest: a cycle at module level)

        untitled = _untitled_officials(tx, merges)
        for m in merges:  # before the lookahead: the next batch reads the merged officials
            absorbed = [*m.absorbed, *untitled.get(m.survivor, [])]
            if absorbed:
                reason = f"office {m.office}: name forms of the official {m.survivor} (the only match)"
                merge_in_tx(tx, [m.survivor, *absorbed], by="ingest", reason=reason)
                merged += len(absorbed)
    lookahead = slot.take() if slot is not None else None
    if lookahead is not None:  # the next batch's context: this batch's writes are visible in this transaction
        lookahead.read(tx)
    result = BatchResult(
        nodes=len(rows.documents) + len(rows.entities),
        edges=rows.edge_count + len(cand_rows),
        rows=len(rows.documents) + len(rows.entities) + rows.edge_count + len(cand_rows),
        candidates=len(cand_rows),
        entities_deleted=gone,
        official_merges=merged,
    )
    return result, rows
