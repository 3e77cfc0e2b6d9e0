"""API optimisation switches, paired: the same queries against API processes that differ only in
their switches (`LANTERN_API_FAST_PATH`), in the same run, one request each in turn so machine
noise hits every side alike. Two processes with everything on give the A/A spread — the
run-to-run noise an optimisation must beat to keep its place (docs/design/api-performance.md).

    python -m bench.run --quick --only api_switches
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from bench.api import GQL, LeanClient, _start_api, _time_gql
from bench.common import Results, percentile
from bench.neo4j_instance import bench_settings, fresh_graph, start_bench_server

CONFIGS: dict[str, dict[str, str]] = {
    "all on": {},
    "all on (A/A)": {},
    "fast path off": {"LANTERN_API_FAST_PATH": "0"},
}


def measure(results: Results, label: str, db: Any, n: int) -> None:
    sample = db.read("bench/sample_entities")[0]
    variables = {
        "neighbourhood": {"id": sample["hub_id"]},
        "paths": {"a": sample["path_from"], "b": sample["path_to"]},
        "search": {"q": sample["search_text"]},
    }
    base_port = bench_settings().api_port
    procs, clients = [], {}
    with tempfile.TemporaryDirectory() as state:
        try:
            for i, (name, env) in enumerate(CONFIGS.items()):
                proc, key = _start_api(Path(state) / str(i), base_port + i, env)
                procs.append(proc)
                clients[name] = LeanClient(base_port + i, key)
            rows = []
            for query_name, query in GQL.items():
                times: dict[str, list[float]] = {c: [] for c in CONFIGS}
                for c in CONFIGS:
                    _time_gql(clients[c], query, variables[query_name], 10)  # warm-up
                for _ in range(n):  # round-robin, one request each: load changes hit every side alike
                    for c in CONFIGS:
                        times[c] += _time_gql(clients[c], query, variables[query_name], 1)
                on = percentile(times["all on"], 50)
                row: dict[str, Any] = {"query": query_name, "all on p50 ms": round(on * 1000, 3)}
                for c in list(CONFIGS)[1:]:
                    row[f"{c} / all on"] = round(percentile(times[c], 50) / on, 3)
                rows.append(row)
            results.put("api_switches", f"p50 ratios vs all on ({label})", rows)
        finally:
            for client in clients.values():
                client.close()
            for proc in procs:
                proc.terminate()
                proc.wait(timeout=30)


def run(results: Results, quick: bool) -> None:
    from bench.ingest import extracted_corpus, load_results
    from graph.db import Database
    from graph.ingest import ingest_results

    s = start_bench_server()
    with Database.connect(s) as db:
        fresh_graph(db)
        ingest_results(db, load_results(extracted_corpus(quick)))
        measure(results, "bench corpus", db, 300 if quick else 1000)
