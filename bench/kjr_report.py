"""Time to build a Key Judgement Report from the graph NEO4J_URI points at (the demo: `lantern demo`).

    python -m bench.kjr_report --period 2024 --granularity quarter --runs 3 --html /tmp/kjr.html

Per run: the three graph reads (documents, movement facts, last analytics run), the build (forecast
backtests, judgements, sections) and the HTML rendering, in-process; the same-run baseline is the
documents read alone, so the figure printed is also a ratio to it. Prints figures, asserts nothing
(docs/guide/reports.md gives today's numbers; the goal is ≤ 15 s for the demo's displacement story).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path


def measure(period: str, granularity: str, runs: int, html: Path | None) -> dict[str, float]:
    from api.commands.report import _period
    from api.config import get_settings
    from api.state import configure_privacy
    from graph.db import Database
    from graph.report.build import Request
    from graph.report.graph_source import DOCUMENTS, MOVEMENTS, RUNS, document_params, from_rows
    from graph.report.render import to_html

    first, last = _period(period)
    req = Request(first, last, None, "analyst", granularity)
    configure_privacy(get_settings().state_path)  # masked kinds are pseudonymised with the state's secret
    db = Database.connect(get_settings())
    reads, builds, renders, baseline = [], [], [], []
    try:
        for _ in range(runs):
            t0 = time.perf_counter()
            db.read(DOCUMENTS, **document_params(req))
            baseline.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            rows = db.read(DOCUMENTS, **document_params(req))
            facts, last_run = db.read(MOVEMENTS), db.read(RUNS, offset=0, limit=1)
            t1 = time.perf_counter()
            report = from_rows(rows, facts, last_run, req)
            t2 = time.perf_counter()
            page = to_html(report)
            t3 = time.perf_counter()
            reads.append(t1 - t0)
            builds.append(t2 - t1)
            renders.append(t3 - t2)
            if html is not None:
                html.write_text(page, encoding="utf-8")
    finally:
        db.close()
    total = [a + b + c for a, b, c in zip(reads, builds, renders, strict=True)]
    return {
        "documents": len(rows),
        "key_judgements": len(report["key_judgements"]),  # type: ignore[arg-type]
        "reads_s": round(statistics.median(reads), 2),
        "build_s": round(statistics.median(builds), 2),
        "render_s": round(statistics.median(renders), 2),
        "total_s": round(statistics.median(total), 2),
        "total_max_s": round(max(total), 2),
        "baseline_documents_read_s": round(statistics.median(baseline), 3),
        "total_over_baseline": round(statistics.median(total) / max(statistics.median(baseline), 1e-6), 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.kjr_report", description=__doc__.splitlines()[0])
    ap.add_argument("--period", default="2024", help="2024, 2024-Q2 or 2024-05")
    ap.add_argument("--granularity", default="quarter", help="month | quarter | year")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--html", type=Path, default=None, help="also write the last report's HTML here")
    args = ap.parse_args(argv)
    for key, value in measure(args.period, args.granularity, args.runs, args.html).items():
        print(f"{key:28s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
