"""Extraction: Lantern's pipeline vs raw `nlp.pipe` with the same spaCy model, same corpus, same run.

Measures docs/s and words/s for both (alternating runs, best of N to damp machine noise), the ratio in
wall time (the goal) and in CPU time (robust when other work shares the machine), `--n-process 2` vs 1
(workers are forked with the loaded pipeline: no model load per worker or chunk; the parallel run's
CPU time, parent + workers, says how much the parallelism itself costs), and the share of time in each
pipeline component + result building. Prints the ratios and where the time goes.

Lantern's pipeline is the same model with the same annotations: its `attribute_ruler` runs a cached
matcher that gives exactly the model's matches (extraction/attribute_match.py); no component is
disabled or swapped for another model.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console

from bench.common import OC_RELEASES, Results, Timer
from extraction.models import SourceDocument

SEED_CORPUS = Path(__file__).resolve().parents[1] / "seed" / "corpus"
BATCH = 32
PARALLEL_CHUNK = 16
"""Documents per task for the forked workers (smaller chunks balance the two workers' last tasks)."""
console = Console()


def load_corpus(quick: bool) -> list[SourceDocument]:
    from extraction.readers import read_inputs

    paths = [p for p in (OC_RELEASES, SEED_CORPUS) if p.exists()]
    docs = [d for d in read_inputs(paths) if isinstance(d, SourceDocument)]
    return docs[:120] if quick else docs


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the forked workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(run: Callable[[], None]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run."""
    cpu0 = _cpu()
    with Timer() as t:
        run()
    return t.seconds, _cpu() - cpu0


def _raw(nlp: Any, texts: list[str]) -> tuple[float, float]:
    def run() -> None:
        for _ in nlp.pipe(texts, batch_size=BATCH):
            pass

    return _timed(run)


def _lantern(extractor: Any, docs: list[SourceDocument], n_process: int = 1) -> tuple[float, float]:
    batch = BATCH if n_process == 1 else PARALLEL_CHUNK

    def run() -> None:
        for _ in extractor.extract_many(docs, n_process=n_process, batch_size=batch):
            pass

    return _timed(run)


def component_shares(extractor: Any, docs: list[SourceDocument]) -> list[dict[str, Any]]:
    """Time each pipeline component over the whole corpus, then the result building (doc → JSON model)."""
    from extraction.pipeline import doc_to_result

    nlp = extractor.nlp
    with Timer() as tok:
        spacy_docs = [nlp.make_doc(d.text) for d in docs]
    timings = [("tokenizer", tok.seconds)]
    for name, proc in nlp.pipeline:
        with Timer() as t:
            if hasattr(proc, "pipe"):
                spacy_docs = list(proc.pipe(spacy_docs, batch_size=BATCH))
            else:
                spacy_docs = [proc(d) for d in spacy_docs]
        timings.append((name, t.seconds))
    with Timer() as t:
        for d, src in zip(spacy_docs, docs, strict=True):
            doc_to_result(d, src)
    timings.append(("result building", t.seconds))
    total = sum(s for _, s in timings)
    return [
        {
            "component": n,
            "seconds": round(s, 3),
            "share_%": round(100 * s / total, 1),
            "lantern": n.startswith("lantern_") or n == "result building",
        }
        for n, s in timings
    ]


def _print_summary(figures: dict[str, float], shares: list[dict[str, Any]]) -> None:
    console.print(
        f"[bold]Lantern / raw nlp.pipe[/]: {figures['wall']:.2f}x wall, {figures['cpu']:.2f}x CPU "
        f"(goal >= 0.8x);  [bold]n_process=2 vs 1[/]: {figures['speedup']:.2f}x wall "
        f"(goal >= 1.6x), CPU of the parallel run {figures['cpu_overhead']:.2f}x the 1-process CPU"
    )
    lantern = sum(s["seconds"] for s in shares if s["lantern"])
    model = sum(s["seconds"] for s in shares if not s["lantern"])
    console.print(f"Where the time goes: spaCy model {model:.1f} s, Lantern rules + results {lantern:.1f} s")
    top = sorted(shares, key=lambda s: -s["seconds"])[:8]
    console.print("  " + ", ".join(f"{s['component']} {s['seconds']:.1f} s ({s['share_%']}%)" for s in top))


def run(results: Results, quick: bool) -> None:
    from extraction.pipeline import Extractor, load_model

    docs = load_corpus(quick)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    raw_nlp = load_model("en_core_web_sm")
    extractor = Extractor()
    _raw(raw_nlp, texts[:20])  # warm-up both (lazy init, caches)
    _lantern(extractor, docs[:20])
    rounds = 1 if quick else 2
    raw_runs, lan_runs, two_runs = [], [], []
    for _ in range(rounds):  # alternate to share the machine's noise fairly
        raw_runs.append(_raw(raw_nlp, texts))
        lan_runs.append(_lantern(extractor, docs))
        two_runs.append(_lantern(extractor, docs, n_process=2))
    raw_best, lan_best, two_best = (min(w for w, _ in runs) for runs in (raw_runs, lan_runs, two_runs))
    raw_cpu, lan_cpu, two_cpu = (min(c for _, c in runs) for runs in (raw_runs, lan_runs, two_runs))
    ratio = raw_best / lan_best
    sec = "extraction"
    results.put(sec, "documents", len(docs))
    results.put(sec, "words", words)
    results.put(sec, "raw spaCy docs/s", len(docs) / raw_best)
    results.put(sec, "raw spaCy words/s", words / raw_best)
    results.put(sec, "Lantern docs/s", len(docs) / lan_best)
    results.put(sec, "Lantern words/s", words / lan_best)
    results.put(sec, "Lantern / raw (throughput ratio)", ratio)
    results.put(sec, "Lantern / raw (CPU-time ratio)", raw_cpu / lan_cpu)
    results.goal("extraction throughput vs raw nlp.pipe", ratio, ">= 0.8x", ratio >= 0.8)

    speedup = lan_best / two_best
    results.put(sec, "Lantern n_process=2 seconds (incl. worker start)", two_best)
    results.put(sec, "n_process=2 speed-up vs 1", speedup)
    results.put(sec, "n_process=2 CPU (parent + workers) / 1-process CPU", two_cpu / lan_cpu)
    results.goal("extraction --n-process 2 vs 1", speedup, ">= 1.6x", speedup >= 1.6)
    t0 = time.perf_counter()
    shares = component_shares(extractor, docs)
    results.put(sec, "component shares", shares)
    results.put(sec, "component shares wall (s)", round(time.perf_counter() - t0, 1))
    _print_summary(
        {"wall": ratio, "cpu": raw_cpu / lan_cpu, "speedup": speedup, "cpu_overhead": two_cpu / lan_cpu},
        shares,
    )
