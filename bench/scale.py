"""Scale curve: generated corpora (seed generator) of 1k, 10k and 100k documents — time and peak client
memory per stage (generate, extract, ingest, analyze) and the growth factor per 10x step.

Each stage runs in a fresh process so its peak RSS is its own. The run keeps to a time budget: a size
whose projected time (from the previous size's growth) would overrun the budget is skipped and says so.
Extraction outputs are cached under $TMPDIR/lantern-bench, so a second run measures ingest/analysis
again without re-extracting (the cached extraction time is reported from the run that made it).
"""

from __future__ import annotations

import itertools
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Results, run_isolated
from bench.neo4j_instance import bench_settings, fresh_graph, start_bench_server

CACHE = Path(tempfile.gettempdir()) / "lantern-bench"


def _generate(n: int, seed: int, out: str) -> int:
    from seed.generate import generate

    return int(generate(n, seed, Path(out))["documents"])


def _extract(corpus_dir: str, out: str, n_process: int) -> int:
    from extraction.models import SourceDocument
    from extraction.pipeline import Extractor
    from extraction.readers import read_inputs

    docs = (d for d in read_inputs([Path(corpus_dir)]) if isinstance(d, SourceDocument))
    n = 0
    tmp = Path(out).with_suffix(".partial")
    with tmp.open("w") as fh:
        for r in Extractor().extract_many(docs, n_process=n_process, batch_size=64):
            fh.write(r.to_json() + "\n")
            n += 1
    tmp.rename(out)
    return n


def _ingest(jsonl: str) -> dict[str, Any]:
    from graph.db import Database
    from graph.ingest import ingest_paths

    with Database.connect(bench_settings()) as db:
        fresh_graph(db)
        s = ingest_paths(db, [Path(jsonl)])
    return {"written": s.written, "rows": s.rows, "failed": len(s.failed)}


def _analyze() -> dict[str, Any]:
    from graph.analytics import run_analysis
    from graph.db import Database

    s = bench_settings()
    with Database.connect(s) as db:
        summary = run_analysis(db, s)
        counts = db.read("bench/graph_size")[0]
    return {"summary": str(summary)[:300], **counts}


def corpus_for(n: int, seed: int) -> tuple[Path, float | None]:
    d = CACHE / f"generated-{n}-s{seed}"
    if (d / "corpus").exists() and (d / "ground_truth.json").exists():
        return d, None
    d.mkdir(parents=True, exist_ok=True)
    _, secs, _ = run_isolated(_generate, n, seed, str(d))
    return d, secs


def extraction_for(n: int, seed: int, n_process: int = 2) -> tuple[Path, dict[str, Any]]:
    d, gen_s = corpus_for(n, seed)
    out = d / "extracted.jsonl"
    meta_path = d / "extract-meta.json"
    if out.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        meta["cached"] = True
        return out, meta
    _, secs, peak = run_isolated(_extract, str(d / "corpus"), str(out), n_process)
    meta = {"extract_s": secs, "extract_peak_mib": peak, "generate_s": gen_s, "cached": False}
    meta_path.write_text(json.dumps(meta))
    return out, meta


def generated_results(n: int, seed: int) -> list[Any]:
    from bench.ingest import load_results

    path, _ = extraction_for(n, seed)
    return load_results(path)


def run(results: Results, quick: bool, budget_s: float | None = None) -> None:
    start_bench_server()
    sizes = (200, 2000) if quick else (1000, 10_000, 100_000)
    budget = budget_s if budget_s is not None else (240.0 if quick else 1200.0)
    started = time.perf_counter()
    curve: list[dict[str, Any]] = []
    for n in sizes:
        if curve:
            prev = curve[-1]
            cached = (CACHE / f"generated-{n}-s7" / "extract-meta.json").exists()
            stages = ("ingest_s", "analyze_s") if cached else ("extract_s", "ingest_s", "analyze_s")
            projected = sum(prev.get(k) or 0 for k in stages) * 12 * n / (10 * prev["documents"])
            left = budget - (time.perf_counter() - started)
            if projected > left:
                results.put(
                    "scale",
                    f"{n} documents",
                    f"skipped: projected {projected / 60:.0f} min > "
                    f"{left / 60:.0f} min left of the budget (run with a larger budget to measure)",
                )
                continue
        path, meta = extraction_for(n, seed=7)
        ing, ing_s, ing_peak = run_isolated(_ingest, str(path))
        ana, ana_s, ana_peak = run_isolated(_analyze)
        curve.append(
            {
                "documents": n,
                "generate_s": meta.get("generate_s"),
                "extract_s": round(meta["extract_s"], 1),
                "extract_cached": meta["cached"],
                "extract_peak_mib": round(meta["extract_peak_mib"]),
                "ingest_s": round(ing_s, 1),
                "ingest_peak_mib": round(ing_peak),
                "analyze_s": round(ana_s, 1),
                "analyze_peak_mib": round(ana_peak),
                "nodes": ana.get("nodes"),
                "relationships": ana.get("relationships"),
                "ingest_failed": ing["failed"],
            }
        )
    results.put("scale", "curve", curve)
    for a, b in itertools.pairwise(curve):
        step = b["documents"] / a["documents"]
        for stage in ("extract_s", "ingest_s", "analyze_s"):
            if a[stage]:
                g = b[stage] / a[stage]
                results.put(
                    "scale", f"{stage[:-2]} growth {a['documents']}→{b['documents']} (x{step:.0f} docs)", g
                )
    if len(curve) >= 2:
        a, b = curve[0], curve[-1]
        step = b["documents"] / a["documents"]
        total = sum(b[k] for k in ("extract_s", "ingest_s", "analyze_s")) / sum(
            a[k] for k in ("extract_s", "ingest_s", "analyze_s")
        )
        results.goal(
            f"near-linear scaling (end-to-end time growth for x{step:.0f} docs)",
            total,
            f"<= {step * 1.3:.0f} (x{step:.0f} docs, 30% slack)",
            total <= step * 1.3,
        )
