"""Mutations: ingest documents, entity resolution (merge/split), analytics runs.

They call the stage modules (`extraction`, `graph.ingest`, `graph.resolve`, `graph.analytics`)
in a worker thread; a stage that is not installed gives a NOT_AVAILABLE error, not a crash.
"""

from __future__ import annotations

import asyncio
import importlib
from typing import Any

from api.auth import CAN_ANALYZE, CAN_INGEST, CAN_RESOLVE
from api.graphql import types as t
from api.graphql.context import LanternContext
from api.graphql.resolvers import resolve_id
from api.graphql.resolvers_overview import _run
from api.limits import api_error

MAX_DOCUMENTS = 50
MAX_DOCUMENT_CHARS = 200_000


def _stage(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise api_error(
            "NOT_AVAILABLE", f"{module}.{name} is not available in this installation ({exc})."
        ) from exc


def _ingest_sync(ctx: LanternContext, docs: list[t.DocumentInput]) -> list[t.DocumentIngestResult]:
    from extraction.models import SourceDocument

    extractor_cls = _stage("extraction.pipeline", "Extractor")
    ingest_results = _stage("graph.ingest", "ingest_results")
    extractor = extractor_cls()
    out: list[t.DocumentIngestResult] = []
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
            out.append(
                t.DocumentIngestResult(
                    id=d.id, ok=True, error=None, entities=len(res.entities), relations=len(res.relations)
                )
            )
        except Exception as exc:  # one bad document never stops the batch
            out.append(t.DocumentIngestResult(id=d.id, ok=False, error=str(exc), entities=0, relations=0))
    if results:
        try:
            ingest_results(ctx.graph.database(), results)
        except Exception as exc:
            failed = {r.id for r in results}
            out = [
                t.DocumentIngestResult(
                    id=o.id, ok=False, error=f"ingest failed: {exc}", entities=0, relations=0
                )
                if o.id in failed
                else o
                for o in out
            ]
    return out


async def ingest_documents(ctx: LanternContext, documents: list[t.DocumentInput]) -> t.IngestReport:
    ctx.require(CAN_INGEST, "ingest documents")
    if not documents or len(documents) > MAX_DOCUMENTS:
        raise api_error("LIMIT_EXCEEDED", f"Send between 1 and {MAX_DOCUMENTS} documents per call.")
    return t.IngestReport(documents=await asyncio.to_thread(_ingest_sync, ctx, documents))


async def merge_entities(ctx: LanternContext, ids: list[str], into: str | None) -> t.ResolutionResult:
    ctx.require(CAN_RESOLVE, "merge entities")
    real = [resolve_id(ctx, i) for i in ids]
    if len(real) < 2:
        raise api_error("BAD_USER_INPUT", "Give at least two entity ids to merge.")
    target = resolve_id(ctx, into) if into else real[0]
    merge = _stage("graph.resolve", "merge")
    result = await asyncio.to_thread(merge, ctx.graph.database(), [i for i in real if i != target], target)
    return t.ResolutionResult(id=target, message=str(result or f"merged {len(real) - 1} into {target}"))


async def split_entity(ctx: LanternContext, entity_id: str, document_ids: list[str]) -> t.ResolutionResult:
    ctx.require(CAN_RESOLVE, "split entities")
    real = resolve_id(ctx, entity_id)
    split = _stage("graph.resolve", "split")
    result = await asyncio.to_thread(split, ctx.graph.database(), real, document_ids)
    return t.ResolutionResult(id=real, message=str(result or f"split {real}"))


async def run_analysis(ctx: LanternContext, only: list[str] | None) -> t.AnalysisRun:
    ctx.require(CAN_ANALYZE, "run analytics")
    run = _stage("graph.analytics", "run_analysis")
    await asyncio.to_thread(run, ctx.graph.database(), ctx.settings, only or None)
    rows = await ctx.graph.read("api/analysis_runs", offset=0, limit=1)
    if not rows:
        raise api_error("NOT_FOUND", "The analysis finished but recorded no AnalysisRun node.")
    return _run(rows[0]["run"])
