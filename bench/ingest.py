"""Ingest: Lantern's `ingest_results` vs a bare `UNWIND ... MERGE` loop writing the SAME rows with the same
constraints and batch size; a batch-size sweep; first ingest vs re-ingest of the unchanged corpus; and the
Rust driver extension on/off (each in a fresh process, the extension blocked by import in the "off" run).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from bench.common import CpuMeter, Results, Timer, median, run_isolated
from bench.neo4j_instance import bench_settings, fresh_graph, start_bench_server
from extraction.models import ExtractionResult

CACHE = Path(tempfile.gettempdir()) / "lantern-bench"


def extracted_corpus(quick: bool) -> Path:
    """Extraction output for the bench corpus (Orange County releases + seed), made once and cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    out = CACHE / ("extracted-quick.jsonl" if quick else "extracted.jsonl")
    if out.exists() and out.stat().st_size > 0:
        return out
    from bench.extraction import load_corpus
    from extraction.pipeline import Extractor

    docs = load_corpus(quick)
    tmp = out.with_suffix(".partial")
    with tmp.open("w") as fh:
        for r in Extractor().extract_many(docs):
            fh.write(r.to_json() + "\n")
    tmp.rename(out)
    return out


def load_results(path: Path) -> list[ExtractionResult]:
    return [ExtractionResult.model_validate_json(line) for line in path.read_text().splitlines() if line]


def planned_rows(results: list[ExtractionResult], batch_size: int) -> list[Any]:
    """The rows Lantern writes, batch by batch (dry run of the real writer against a recording runner), in
    the baseline's format (`baseline_rows`)."""
    from graph.db import FakeRunner
    from graph.ingest.ontology_view import default_view
    from graph.ingest.prepare import DocumentError, prepare
    from graph.ingest.run import batches
    from graph.ingest.tx import in_transaction
    from graph.ingest.writer import write_batch

    onto = default_view()
    symmetric = onto.symmetric_types()
    out = []
    for chunk in batches(results, batch_size):
        docs = []
        for r in chunk:  # a document Lantern refuses is left out of the baseline too
            try:
                docs.append(prepare(r, onto))
            except DocumentError:
                continue
        _, rows = in_transaction(FakeRunner(), lambda tx, d=docs: write_batch(tx, d, [], symmetric))  # type: ignore[misc]
        out.append(baseline_rows(rows))
    return out


def python_stages(results: list[ExtractionResult], batch_size: int) -> dict[str, Any]:
    """Where Lantern's own Python goes while it plans a corpus's rows (`planned_rows`: validation,
    resolution and row building, no database): the planning's CPU per document without a profiler, and
    each stage's share of it, read from one cProfile run (cumulative time of the stage's function over the
    planning's; the profiler inflates small calls, so read the shares, not profiled seconds). Indented
    stages are part of the one above them. The figure that attributed the ingest regression after the
    restructuring (docs/design/benchmarks.md)."""
    import cProfile
    import pstats
    import time

    from graph.ingest import guard, prepare, rows, writer
    from graph.resolve_officials import official_for

    stages = {
        "validation (prepare)": prepare.prepare,
        "  graph door (guard_document)": guard.guard_document,
        "resolution (people, officials per office)": writer._resolve_all,
        "  officials: official_for": official_for,
        "entity and mention rows": rows.entity_rows,
        "fact rows (roles with their evidence, relations, classifications)": rows.fact_rows,
    }
    planned_rows(results, batch_size)  # warm-up: the ontology view, lexicons, the memo
    started = time.process_time()
    planned_rows(results, batch_size)
    cpu = time.process_time() - started
    profile = cProfile.Profile()
    profile.runcall(planned_rows, results, batch_size)
    cumulative = {key: value[3] for key, value in pstats.Stats(profile).stats.items()}  # type: ignore[attr-defined]

    def cum(fn: Any) -> float:
        code = fn.__code__
        return cumulative.get((code.co_filename, code.co_firstlineno, code.co_name), 0.0)

    total = cum(planned_rows)
    out: dict[str, Any] = {
        "documents": len(results),
        "row planning CPU s (no profiler)": round(cpu, 3),
        "row planning CPU ms per document": round(1000 * cpu / max(1, len(results)), 3),
    }
    for label, fn in stages.items():
        share = cum(fn) / total if total else 0.0
        out[f"share: {label}"] = round(share, 3)
        out[f"ms per document: {label}"] = round(1000 * cpu * share / max(1, len(results)), 3)
    return out


def baseline_rows(rows: Any) -> Any:
    """Lantern's rows as the bare loop sends them — the same values in the plain format it has always had:
    dates as `datetime.date` (Lantern's rows carry `YYYY-MM-DD` text, turned into dates by its statements)
    and one mention map per (entity, document) (Lantern groups them per document).
    Converted in place, before the bare loop's clock starts."""
    from graph.ingest.rows import published_date as day

    for doc in rows.documents:
        doc["published"] = day(doc["published"])
    for ent in rows.entities:
        ent["first"], ent["last"] = day(ent["first"]), day(ent["last"])
    rows.mentions = rows.flat_mentions()  # a map per (entity, document): edge_count no longer applies
    return rows


def bare_loop(db: Any, planned: list[Any], quiet: bool = False) -> int:
    """Baseline: one transaction per batch, plain UNWIND/MERGE statements with STATIC relationship types (one
    generated statement per type, queries/bench/bare_relations/, like Lantern's own), evidence overwritten.

    Straight on the driver (`execute_write`, `tx.run` with plain lists), as a bare loop is written. With
    `quiet=True` the row lists go as `graph.db.Rows`, as Lantern sends them (the driver then skips rendering
    every row for its debug log): reported beside the goal figure, not instead of it."""
    from graph.db import quiet_params

    n = 0
    for rows in planned:
        by_type: dict[str, list[dict[str, Any]]] = {}
        for rel in rows.relations:
            by_type.setdefault(rel["type"], []).append(rel)
        steps = [
            ("bench/bare_merge_documents", rows.documents),
            ("bench/bare_merge_entities", rows.entities),
            ("bench/bare_merge_mentions", rows.mentions),  # plain maps (baseline_rows)
            *((f"bench/bare_relations/{t}", by_type[t]) for t in sorted(by_type)),
            ("bench/bare_merge_roles", rows.roles),
            ("bench/bare_merge_classified", rows.classified),
            ("bench/bare_merge_indicators", rows.indicators),
        ]
        statements = [(db.catalog.get(name).text, {"rows": r}) for name, r in steps if r]

        def work(tx: Any, statements: list[tuple[str, dict[str, Any]]] = statements) -> None:
            for text, params in statements:
                tx.run(text, quiet_params(params) if quiet else params).consume()

        with db.driver.session(database=db.database) as session:
            session.execute_write(work)
        n += sum(len(r) for _, r in steps)  # nodes + relationships (rows.mentions is flat here)
    return n


def _lantern_ingest_child(jsonl: str, batch_size: int, no_rust: bool) -> dict[str, Any]:
    """Fresh process: optionally block the Rust extension before the driver is imported."""
    import sys

    if no_rust:
        sys.modules["neo4j._rust"] = None  # type: ignore[assignment]  # import now raises ImportError
    from graph.db import Database
    from graph.ingest import ingest_results

    s = bench_settings()
    results = load_results(Path(jsonl))
    with Database.connect(s) as db:
        fresh_graph(db)
        with Timer() as t:
            summary = ingest_results(db, results, batch_size=batch_size)
    from neo4j._codec.packstream import v1

    return {"seconds": t.seconds, "rows": summary.rows, "rust": getattr(v1, "_rust_pack", None) is not None}


WARM_ROUNDS = 2
"""Untimed full rounds of both writers first. A freshly started Neo4j warms up over several rounds (Lantern
5.92, 2.25, 1.71, 1.48 s and the bare loop 1.87, 1.44, 0.83, 0.71 s in four consecutive rounds after a
restart); a warm-up of a fifth of the corpus left the first timed rounds on the way up."""


def compare(
    db: Any, data: list[ExtractionResult], rounds: int, batch: int = 500, server_pid: int | None = None
) -> dict[str, Any]:
    """Lantern vs the bare loop on one corpus, alternating, best of `rounds`; plus the unchanged re-ingest.

    With the server's pid, each timed run also records the CPU seconds of this process and of Neo4j
    (`CpuMeter`): where the two writers' extra time goes, client side or server side."""
    from graph.ingest import ingest_results

    planned_rows(data[: max(10, len(data) // 5)], batch)  # warm-up: the ontology view and its memo, as below
    with Timer() as tp:  # Lantern's own validation + resolution + row building, against no database
        planned = planned_rows(data, batch)
    for _ in range(WARM_ROUNDS):  # untimed: query plans, page cache and the server's JIT for both writers
        fresh_graph(db)
        ingest_results(db, data, batch_size=batch)
        fresh_graph(db)
        bare_loop(db, planned)
        fresh_graph(db)
        bare_loop(db, planned, quiet=True)
    lan_s, bare_s, quiet_s, re_s, seq_s, rows_l, rows_b = [], [], [], [], [], 0, 0
    lan_cpu: list[CpuMeter] = []
    bare_cpu: list[CpuMeter] = []
    for _ in range(rounds):
        fresh_graph(db)
        with Timer() as t, CpuMeter(server_pid) as cpu:
            summary = ingest_results(db, data, batch_size=batch)
        lan_s.append(t.seconds)
        lan_cpu.append(cpu)
        rows_l = summary.rows
        with Timer() as t2:
            summary2 = ingest_results(db, data, batch_size=batch)
        re_s.append(t2.seconds)
        assert summary2.skipped == len(data) - len(summary.failed), "re-ingest must skip unchanged docs"
        fresh_graph(db)
        with Timer() as t:  # the write-behind switch off (graph/ingest/pipeline.py): paired figure
            ingest_results(db, data, batch_size=batch, write_behind=False)
        seq_s.append(t.seconds)
        fresh_graph(db)
        with Timer() as t, CpuMeter(server_pid) as cpu:
            rows_b = bare_loop(db, planned)
        bare_s.append(t.seconds)
        bare_cpu.append(cpu)
        fresh_graph(db)
        with Timer() as t:
            bare_loop(db, planned, quiet=True)
        quiet_s.append(t.seconds)
    lan, bare = min(lan_s), min(bare_s)
    cpu_figures: dict[str, Any] = {}
    if server_pid:
        lc, ls = median([c.client for c in lan_cpu]), median([c.server for c in lan_cpu])
        bc, bs = median([c.client for c in bare_cpu]), median([c.server for c in bare_cpu])
        cpu_figures = {
            "CPU s per run, median (Lantern: Python / Neo4j)": f"{lc:.2f} / {ls:.2f}",
            "CPU s per run, median (bare loop: Python / Neo4j)": f"{bc:.2f} / {bs:.2f}",
            "Neo4j CPU, Lantern / bare": ls / bs,
            "Python CPU, Lantern / bare": lc / bc,
        }
    return {
        "documents": len(data),
        "refused by Lantern (left out of both)": len(summary.failed),
        "rows (nodes + relationships written by the bare loop)": rows_b,
        "Lantern seconds (best of rounds)": lan,
        "bare UNWIND/MERGE seconds (best of rounds)": bare,
        "Lantern / bare seconds, every round": " ".join(
            f"{a:.2f}/{b:.2f}" for a, b in zip(lan_s, bare_s, strict=True)
        ),
        "Lantern rows/s": rows_b / lan,
        "bare UNWIND/MERGE rows/s": rows_b / bare,
        # same documents, same planned rows: the throughput ratio is the inverse time ratio
        "Lantern / bare (rows/s ratio)": bare / lan,
        "Lantern summary rows (incl. candidates)": rows_l,
        # the bare loop's rows are planned before its clock starts; with that planning (Python, the same
        # validation/resolution/row building Lantern does) the comparison is input-to-graph
        "row planning, no database (s)": tp.seconds,
        "Lantern / (row planning + bare)": (bare + tp.seconds) / lan,
        "first ingest (s)": lan,
        "re-ingest unchanged (s)": min(re_s),
        "re-ingest speed-up": lan / min(re_s),
        "Lantern write-behind off, seconds (best of rounds)": min(seq_s),
        "write-behind off / on seconds (paired, every round)": " ".join(
            f"{b / a:.2f}" for a, b in zip(lan_s, seq_s, strict=True)
        ),
        # side figure: the bare loop sending its row lists as graph.db.Rows, as Lantern does
        "bare loop with Rows parameters, seconds (best of rounds)": min(quiet_s),
        "Lantern / bare with Rows parameters (side figure, not the goal)": min(quiet_s) / lan,
        **cpu_figures,
    }


def sweep(db: Any, data: list[ExtractionResult], sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    """Lantern and the bare loop at each batch size (one run each; the ratio is the figure to read)."""
    from graph.ingest import ingest_results

    out = []
    for size in sizes:
        planned = planned_rows(data, size)
        fresh_graph(db)
        with Timer() as t:
            ingest_results(db, data, batch_size=size)
        fresh_graph(db)
        with Timer() as tb:
            rows = bare_loop(db, planned)
        out.append(
            {
                "batch size": size,
                "Lantern s": round(t.seconds, 2),
                "Lantern rows/s": round(rows / t.seconds),
                "bare s": round(tb.seconds, 2),
                "Lantern / bare": round(tb.seconds / t.seconds, 2),
            }
        )
    return out


GENERATED_DOCS = 2000
"""Second corpus: the seed generator's documents (cached with the scale bench's extraction)."""


def run(results: Results, quick: bool) -> None:
    from bench.scale import generated_results
    from graph import neo4j_server
    from graph.db import Database

    s = start_bench_server()
    server_pid = neo4j_server.status(s).pid
    corpus = extracted_corpus(quick)
    data = load_results(corpus)
    generated = generated_results(GENERATED_DOCS, seed=7)
    sec = "ingest"
    batch = 500
    rounds = 2 if quick else 5
    sizes = (50, 500) if quick else (50, 200, 500, 1000)
    with Database.connect(s) as db:
        for label, docs in (("bench corpus", data), (f"generated {GENERATED_DOCS}", generated)):
            figures = compare(db, docs, rounds, batch, server_pid)
            for key, value in python_stages(docs, batch).items():  # Lantern's Python per stage, no database
                figures[f"Python stages: {key}"] = value
            for key, value in figures.items():
                results.put(sec, f"{label}: {key}", value)
            results.put(sec, f"{label}: batch-size sweep", sweep(db, docs, sizes))
            ratio = figures["Lantern / bare (rows/s ratio)"]
            results.goal(f"ingest rows/s vs bare UNWIND MERGE ({label})", ratio, ">= 0.8x", ratio >= 0.8)
            if label == "bench corpus":
                speed = figures["re-ingest speed-up"]
                goal = "re-ingest of unchanged corpus vs first ingest"
                results.goal(goal, speed, ">= 5x faster", speed >= 5)
    rust = []
    for no_rust in (False, True):
        out, _, peak = run_isolated(_lantern_ingest_child, str(corpus), batch, no_rust)
        rust.append(
            {
                "rust extension": "on" if out["rust"] else "off",
                "seconds": round(out["seconds"], 2),
                "rows/s": round(out["rows"] / out["seconds"]),
                "peak RSS MiB": round(peak),
            }
        )
    results.put(sec, "rust extension on/off", rust)
    results.put(sec, "rust on / off speed-up", rust[1]["seconds"] / rust[0]["seconds"])
    results.put(sec, "extracted corpus", json.dumps(str(corpus)))
