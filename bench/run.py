"""`make bench` / `python -m bench.run [--quick] [--only extraction,ingest,api,scale,api_switches]`.

Every figure is a ratio against a baseline measured in the same run on the same machine. Results go to
bench/results/latest.json (+ a timestamped copy), bench/results/SUMMARY.md and bench/results/scale.png.
"""

from __future__ import annotations

import argparse
import json
import time
import traceback

from rich.console import Console

from bench import report
from bench.common import Results

SECTIONS = ("extraction", "ingest", "api", "scale", "api_switches")
DEFAULT = ("extraction", "ingest", "api", "scale")  # api_switches on demand (docs/design/api-performance.md)
console = Console()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Lantern benchmarks with same-run baselines. Example: python -m bench.run --quick",
    )
    ap.add_argument("--quick", action="store_true", help="small corpora, one round: a few minutes")
    ap.add_argument("--only", default=",".join(DEFAULT), help=f"comma list of {', '.join(SECTIONS)}")
    args = ap.parse_args(argv)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    results = Results(quick=args.quick)
    failed = []
    for name in only:
        if name not in SECTIONS:
            ap.error(f"unknown section {name!r}; choose from {', '.join(SECTIONS)}")
        console.rule(f"[bold]{name}")
        t0 = time.perf_counter()
        try:
            module = __import__(f"bench.{name}", fromlist=["run"])
            module.run(results, args.quick)
        except Exception as exc:  # a broken section is reported; the others still run
            failed.append(name)
            results.put(name, "error", f"{type(exc).__name__}: {exc}")
            console.print(f"[red]{name} failed:[/] {exc}")
            traceback.print_exc()
        results.put(name, "section wall time (s)", round(time.perf_counter() - t0, 1))
    path = results.save()
    summary = report.write(json.loads(path.read_text()))
    console.print(summary.read_text())
    console.print(f"Results: {path}  Summary: {summary}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
