"""Mutations: ingest documents, entity resolution (merge/split), analytics runs.

They call the stage modules (`extraction`, `graph.ingest`, `graph.resolve`, `graph.analytics`)
in a worker thread under the graph access's watchdog (`GraphAccess.run_blocking`: a frozen Neo4j
answers GRAPH_UNAVAILABLE in time); a stage that is not installed gives a NOT_AVAILABLE error, not a crash.
"""

from __future__ import annotations

import importlib
from typing import Any

from api.auth import CAN_ANALYZE, CAN_INGEST, CAN_RESOLVE
from api.graphql import types as t
from api.graphql.context import LanternContext
from api.graphql.resolvers import resolve_id
from api.graphql.resolvers_overview import _run
from api.limits import api_error
from graph.db import GraphUnavailableError

MAX_DOCUMENTS = 50
MAX_DOCUMENT_CHARS = 200_000


def _stage(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise api_error(
            "NOT_AVAILABLE", f"{module}.{name} is not available in this installation ({exc})."
        ) from exc


def _ingest_sync(ctx: LanternContext, db: Any, docs: list[t.DocumentInput]) -> list[t.DocumentIngestResult]:
    from extraction.models import SourceDocument

    extractor_cls = _stage("extraction.pipeline", "Extractor")
    ingest_results = _stage("graph.ingest", "ingest_results")
    extractor = extractor_cls(region=ctx.settings.default_phone_region)
    out: dict[str, t.DocumentIngestResult] = {}
    results = []
    for d in docs:
        try:
            if len(d.text) > MAX_DOCUMENT_CHARS:
                raise ValueError(f"text longer than {MAX_DOCUMENT_CHARS} characters")
            src = SourceDocument(
                id=d.id, text=d.text, title=d.title, url=d.url, published=d.published, source=d.source
            )
            res = extractor.extract(src)
            results.append(res)
            out[d.id] = t.DocumentIngestResult(
                id=d.id, ok=True, error=None, entities=len(res.entities), relations=len(res.relations)
            )
        except Exception as exc:  # one bad document never stops the batch
            out[d.id] = t.DocumentIngestResult(id=d.id, ok=False, error=str(exc), entities=0, relations=0)
    if results:
        try:
            # quiet_gc=False: the API process keeps the interpreter's GC settings while it serves
            summary = ingest_results(db, results, quiet_gc=False)
            failures = {f.id: f.reason for f in getattr(summary, "failed", [])}
        except GraphUnavailableError:
            raise  # the whole request answers GRAPH_UNAVAILABLE, not one error per document
        except Exception as exc:
            failures = {r.id: f"ingest failed: {exc}" for r in results}
        for doc_id, reason in failures.items():
            out[doc_id] = t.DocumentIngestResult(id=doc_id, ok=False, error=reason, entities=0, relations=0)
    return list(out.values())


async def ingest_documents(ctx: LanternContext, documents: list[t.DocumentInput]) -> t.IngestReport:
    ctx.require(CAN_INGEST, "ingest documents")
    if not documents or len(documents) > MAX_DOCUMENTS:
        raise api_error("LIMIT_EXCEEDED", f"Send between 1 and {MAX_DOCUMENTS} documents per call.")
    ingested = await ctx.graph.run_blocking(lambda db: _ingest_sync(ctx, db, documents), "The ingest")
    report = t.IngestReport(documents=ingested)
    ctx.app_state.lexicon.invalidate()  # new names and identifiers: scrub with them from now on
    return report


def _resolve_call(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except ValueError as exc:  # graph.resolve.ResolveError: a message the caller can act on
        raise api_error("BAD_USER_INPUT", str(exc)) from exc


async def merge_entities(ctx: LanternContext, ids: list[str], reason: str) -> t.ResolutionResult:
    ctx.require(CAN_RESOLVE, "merge entities")
    real = [resolve_id(ctx, i) for i in ids]
    if len(set(real)) < 2:
        raise api_error("BAD_USER_INPUT", "Give at least two different entity ids to merge.")
    merge = _stage("graph.resolve", "merge")
    key = ctx.principal.key_name
    res = await ctx.graph.run_blocking(lambda db: _resolve_call(merge, db, real, key, reason), "The merge")
    ctx.app_state.lexicon.invalidate()
    for entity_id in [res.survivor, *res.absorbed]:  # the result names the entities: audited
        ctx.disclosures.add(str(entity_id), "merge")
    ctx.disclosures.note(
        action="merge",
        merge_id=res.merge_id,
        survivor=res.survivor,
        absorbed=list(res.absorbed),
        reason=reason,
    )
    return t.ResolutionResult(
        merge_id=res.merge_id,
        survivor=res.survivor,
        ids=list(res.absorbed),
        stale_documents=[],
        message=f"merged {len(res.absorbed)} entit(y/ies) into {res.survivor}; undo with splitEntity",
    )


async def split_entity(ctx: LanternContext, merge_id: str) -> t.ResolutionResult:
    ctx.require(CAN_RESOLVE, "split entities")
    split = _stage("graph.resolve", "split")
    res = await ctx.graph.run_blocking(lambda db: _resolve_call(split, db, merge_id), "The split")
    ctx.app_state.lexicon.invalidate()
    for entity_id in res.restored:
        ctx.disclosures.add(str(entity_id), "split")
    ctx.disclosures.note(
        action="split", merge_id=res.merge_id, restored=list(res.restored), stale=list(res.stale_documents)
    )
    return t.ResolutionResult(
        merge_id=res.merge_id,
        survivor=None,
        ids=list(res.restored),
        stale_documents=list(res.stale_documents),
        message=f"restored {len(res.restored)} entit(y/ies)",
    )


async def run_analysis(ctx: LanternContext, only: list[str] | None) -> t.AnalysisRun:
    ctx.require(CAN_ANALYZE, "run analytics")
    run = _stage("graph.analytics", "run_analysis")
    lock = ctx.app_state.analysis_lock
    if not lock.acquire(blocking=False):  # one run at a time: a second would race the first's result
        raise api_error("BUSY", "An analysis is already running; wait for it to finish (see `analysisRuns`).")
    try:
        await ctx.graph.run_blocking(lambda db: run(db, ctx.settings, only or None), "The analysis")
    except ValueError as exc:
        raise api_error("BAD_USER_INPUT", str(exc)) from exc
    finally:
        lock.release()
    rows = await ctx.graph.read("api/analysis_runs", offset=0, limit=1)
    if not rows:
        raise api_error("NOT_FOUND", "The analysis finished but recorded no AnalysisRun node.")
    return _run(rows[0]["run"])
