"""The cost of the partner exports on the graph NEO4J_URI points at, against the RDF export of the same
graph read in the same run (the baseline every export pays: reading the graph and building a document).

    python -m bench.sharing --runs 3

Per run: read the graph once (ontology/export_graph.fetch_all), then time building + serialising RDF
(Turtle, the existing `lantern export`), building + writing FtM JSON lines, validating them with
followthemoney's model, and planning their import (graph/ftm/imports.py, no write). Prints medians and
the ratio of each to the RDF baseline; asserts nothing (docs/design/sharing-and-gdpr.md).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import tempfile
import time
from pathlib import Path


def measure(runs: int) -> dict[str, list[float]]:
    from api.config import get_settings
    from graph.db import Database
    from graph.ftm.export import build_entities, write_jsonl
    from graph.ftm.imports import plan_import, read_entities
    from graph.ftm.run import validate_file
    from ontology.export import build_rdf, serialize
    from ontology.export_graph import fetch_all

    with Database.connect(get_settings()) as db:
        nodes, rels = fetch_all(db)
    times: dict[str, list[float]] = {
        "rdf turtle": [],
        "ftm build+write": [],
        "ftm validate": [],
        "ftm plan import": [],
    }
    for _ in range(runs):
        t = time.perf_counter()
        serialize(build_rdf(nodes, rels)[0], "turtle")
        times["rdf turtle"].append(time.perf_counter() - t)
        t = time.perf_counter()
        entities, _stats = build_entities(nodes, rels)
        buf = io.StringIO()
        write_jsonl(entities, buf)
        times["ftm build+write"].append(time.perf_counter() - t)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "out.jsonl"
            path.write_text(buf.getvalue(), encoding="utf-8")
            t = time.perf_counter()
            errors = validate_file(path)
            times["ftm validate"].append(time.perf_counter() - t)
        t = time.perf_counter()
        plan_import(read_entities(buf.getvalue().splitlines())[0], "bench")
        times["ftm plan import"].append(time.perf_counter() - t)
    print(json.dumps({"nodes": len(nodes), "relationships": len(rels), "ftm_entities": len(entities),
                      "validation_errors": len(errors)}))  # fmt: skip
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    times = measure(parser.parse_args().runs)
    base = statistics.median(times["rdf turtle"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:16} median {median * 1000:8.0f} ms  ({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"
              f"  ratio to rdf turtle {median / base:5.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
