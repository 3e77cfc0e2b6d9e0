"""Extraction: Lantern's pipeline vs raw `nlp.pipe` with the same spaCy model, same corpus, same run.

Measures docs/s and words/s for both (alternating runs, best of N to damp machine noise), the ratio,
`n_process=2` vs 1, and the share of time in each pipeline component + result building.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.common import OC_RELEASES, Results, Timer
from extraction.models import SourceDocument

SEED_CORPUS = Path(__file__).resolve().parents[1] / "seed" / "corpus"


def load_corpus(quick: bool) -> list[SourceDocument]:
    from extraction.readers import read_inputs

    paths = [p for p in (OC_RELEASES, SEED_CORPUS) if p.exists()]
    docs = [d for d in read_inputs(paths) if isinstance(d, SourceDocument)]
    return docs[:120] if quick else docs


def _raw(nlp: Any, texts: list[str], n_process: int = 1) -> float:
    with Timer() as t:
        for _ in nlp.pipe(texts, batch_size=32, n_process=n_process):
            pass
    return t.seconds


def _lantern(extractor: Any, docs: list[SourceDocument], n_process: int = 1) -> float:
    with Timer() as t:
        for _ in extractor.extract_many(docs, n_process=n_process, batch_size=32):
            pass
    return t.seconds


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
                spacy_docs = list(proc.pipe(spacy_docs, batch_size=32))
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
    raw_s, lan_s = [], []
    for _ in range(rounds):  # alternate to share the machine's noise fairly
        raw_s.append(_raw(raw_nlp, texts))
        lan_s.append(_lantern(extractor, docs))
    raw_best, lan_best = min(raw_s), min(lan_s)
    ratio = raw_best / lan_best
    sec = "extraction"
    results.put(sec, "documents", len(docs))
    results.put(sec, "words", words)
    results.put(sec, "raw spaCy docs/s", len(docs) / raw_best)
    results.put(sec, "raw spaCy words/s", words / raw_best)
    results.put(sec, "Lantern docs/s", len(docs) / lan_best)
    results.put(sec, "Lantern words/s", words / lan_best)
    results.put(sec, "Lantern / raw (throughput ratio)", ratio)
    results.goal("extraction throughput vs raw nlp.pipe", ratio, ">= 0.8x", ratio >= 0.8)

    t0 = time.perf_counter()
    two = _lantern(extractor, docs, n_process=2)
    one = lan_best
    speedup = one / two
    results.put(sec, "Lantern n_process=2 seconds", two)
    results.put(sec, "n_process=2 speed-up vs 1", speedup)
    results.put(sec, "n_process=2 wall incl. worker start (s)", time.perf_counter() - t0)
    results.goal("extraction --n-process 2 vs 1", speedup, ">= 1.6x", speedup >= 1.6)
    results.put(sec, "component shares", component_shares(extractor, docs))
