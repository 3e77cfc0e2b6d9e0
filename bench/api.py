"""API: p50/p95 latency of representative GraphQL queries vs the same catalog Cypher through the raw
driver (same parameters, same server, same run), and throughput with concurrent clients (bounded load
on localhost). Runs on the bench graph (the ingest section's corpus) and, in full mode, on a graph 10x
the seed made with the seed generator.

Latency is measured with a lean keep-alive HTTP client (the standard library's `http.client`, one
connection, like the driver's one pooled Bolt connection on the raw side): httpx alone spends ≈1 ms
of client-side Python per request, which is the client's cost, not the API's. The throughput figures
use httpx with several threads.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from bench.common import Results, percentile
from bench.neo4j_instance import bench_settings, fresh_graph, start_bench_server

GQL = {
    "neighbourhood": (
        "query($id: String!) { neighbourhood(id: $id, depth: 2, limit: 100) "
        "{ nodes { id kind caption communityId } "
        "edges { id type source target evidence { documentId snippet } } } }"
    ),
    "paths": (
        "query($a: String!, $b: String!) { paths(source: $a, target: $b, maxHops: 4, limit: 10) "
        "{ hops nodes { id caption } edges { type evidence { documentId snippet } } } }"
    ),
    "search": (
        "query($q: String!) { search(text: $q, limit: 20) { hits { score entity { id caption kind } } } }"
    ),
}


def _raw_calls(db: Any, sample: dict[str, Any]) -> dict[str, Any]:
    """The Cypher each resolver runs, with the parameters it passes (see api/graphql/resolvers.py)."""
    from api.graphql.resolvers import EVIDENCE_PER_EDGE, lucene_query
    from api.graphql.types import DEFAULT_NEIGHBOURHOOD_TYPES

    q = db.catalog.get
    return {
        "neighbourhood": [
            (
                q("api/neighbourhood").text,
                {
                    "id": sample["hub_id"],
                    "depth": 2,
                    "rel_filter": "|".join(DEFAULT_NEIGHBOURHOOD_TYPES),
                    "limit": 100,
                    "ev_limit": EVIDENCE_PER_EDGE,
                },
            )
        ],
        "paths": [
            (
                q("api/paths").text,
                {
                    "source": sample["path_from"],
                    "target": sample["path_to"],
                    "max_hops": 4,
                    "limit": 10,
                    "ev_limit": EVIDENCE_PER_EDGE,
                    "include_candidates": False,  # the resolver's default (paths over confirmed links)
                },
            )
        ],
        "search": [
            (
                q("api/search_exact").text,
                {
                    "values": sorted({sample["search_text"], sample["search_text"].lower()}),
                    "digits": "",
                    "kinds": [],
                    "exclude_kinds": [],
                    "limit": 20,
                },
            ),
            (
                q("api/search_fulltext").text,
                {
                    "q": lucene_query(sample["search_text"]),
                    "kinds": [],
                    "exclude_kinds": [],
                    "offset": 0,
                    "limit": 21,
                },
            ),
        ],
    }


def _time_raw(driver: Any, database: str, calls: list[tuple[str, dict[str, Any]]], n: int) -> list[float]:
    import neo4j

    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        for text, params in calls:
            driver.execute_query(text, params, database_=database, routing_=neo4j.RoutingControl.READ)
        out.append(time.perf_counter() - t0)
    return out


class LeanClient:
    """POST /graphql over one persistent HTTP/1.1 connection (stdlib), JSON in and out."""

    def __init__(self, port: int, key: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def post(self, query: str, variables: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        self.conn.request(
            "POST", "/graphql", json.dumps({"query": query, "variables": variables}), self.headers
        )
        r = self.conn.getresponse()
        return r.status, json.loads(r.read())

    def close(self) -> None:
        self.conn.close()


def _time_gql(
    client: httpx.Client | LeanClient, query: str, variables: dict[str, Any], n: int
) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        if isinstance(client, LeanClient):  # the body is read (and parsed) inside the timed span
            status, body = client.post(query, variables)
        else:
            r = client.post("/graphql", json={"query": query, "variables": variables})
            status, body = r.status_code, r.json()
        out.append(time.perf_counter() - t0)
        if status != 200 or body.get("errors"):
            raise RuntimeError(f"GraphQL error: {status} {body.get('errors')}")
    return out


BENCH_RATE = "1000000/minute"
LIFTED_LIMITS = {
    "LANTERN_API_RATE_LIMIT": BENCH_RATE,
    "LANTERN_API_ROW_BUDGET": BENCH_RATE,
    "LANTERN_API_MAX_CONCURRENT_PER_KEY": "64",
}
"""The latency and throughput figures time queries, not the per-key limits (api/guard.py): a timing loop
sends more than a person would (8 clients on one key), so these processes lift them. The load bench
(bench/api_load.py) keeps the defaults: the limits are part of what it measures."""


def _start_api(
    state_dir: Path, port: int, extra_env: dict[str, str] | None = None, *, lift_limits: bool = True
) -> tuple[subprocess.Popen[bytes], str]:
    from api.auth import create_key
    from api.state import StateStore

    s = bench_settings()
    key = create_key(StateStore.open(state_dir), f"bench-{time.time_ns()}", "investigator")
    env = {
        **os.environ,
        "NEO4J_URI": s.uri,
        "NEO4J_PASSWORD": s.password,
        "LANTERN_STATE_DIR": str(state_dir),
        "LANTERN_NEO4J_BOLT_PORT": str(s.neo4j_bolt_port),
        **(LIFTED_LIMITS if lift_limits else {}),
        **(extra_env or {}),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.app:create_app",
            "--factory",
            "--port",
            str(port),
            "--host",
            "127.0.0.1",
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return proc, key
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.kill()
    raise RuntimeError("the API did not become ready within 60 s")


def measure(results: Results, label: str, db: Any, n: int) -> None:
    sample = db.read("bench/sample_entities")[0]
    if not all(sample.values()):
        raise RuntimeError(f"bench graph lacks sample entities: {sample}")
    port = bench_settings().api_port
    with tempfile.TemporaryDirectory() as state:
        proc, key = _start_api(Path(state), port)
        try:
            client = httpx.Client(
                base_url=f"http://127.0.0.1:{port}", timeout=60, headers={"Authorization": f"Bearer {key}"}
            )
            variables = {
                "neighbourhood": {"id": sample["hub_id"]},
                "paths": {"a": sample["path_from"], "b": sample["path_to"]},
                "search": {"q": sample["search_text"]},
            }
            raw = _raw_calls(db, sample)
            lean = LeanClient(port, key)
            rows = []
            for name, query in GQL.items():
                _time_gql(lean, query, variables[name], 5)  # warm-up (plans, caches)
                _time_raw(db.driver, db.database, raw[name], 5)
                g, r = [], []
                for _ in range(n // 10):  # interleave blocks so noise hits both sides alike
                    g += _time_gql(lean, query, variables[name], 10)
                    r += _time_raw(db.driver, db.database, raw[name], 10)
                g50, g95, r50, r95 = (
                    percentile(g, 50),
                    percentile(g, 95),
                    percentile(r, 50),
                    percentile(r, 95),
                )
                rows.append(
                    {
                        "query": name,
                        "GraphQL p50 ms": round(g50 * 1000, 2),
                        "GraphQL p95 ms": round(g95 * 1000, 2),
                        "raw p50 ms": round(r50 * 1000, 2),
                        "raw p95 ms": round(r95 * 1000, 2),
                        "p50 ratio": round(g50 / r50, 2),
                        "p95 ratio": round(g95 / r95, 2),
                    }
                )
                results.goal(
                    f"GraphQL {name} p50 vs raw driver ({label})", g50 / r50, "<= 1.5x", g50 / r50 <= 1.5
                )
            lean.close()
            results.put("api", f"latency ({label})", rows)
            # throughput: a bounded load of concurrent clients on localhost
            total = n * 2
            for clients in (1, 4, 8):

                def one(i: int, c: httpx.Client = client) -> None:
                    name = list(GQL)[i % 3]
                    _time_gql(c, GQL[name], variables[name], 1)

                t0 = time.perf_counter()
                with ThreadPoolExecutor(clients) as pool:
                    list(pool.map(one, range(total)))
                results.put(
                    "api",
                    f"throughput req/s, {clients} clients ({label})",
                    round(total / (time.perf_counter() - t0), 1),
                )
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def run(results: Results, quick: bool) -> None:
    from bench.ingest import extracted_corpus, load_results
    from graph.db import Database
    from graph.ingest import ingest_results

    s = start_bench_server()
    n = 50 if quick else 200
    with Database.connect(s) as db:
        fresh_graph(db)
        ingest_results(db, load_results(extracted_corpus(quick)))
        measure(results, "bench corpus", db, n)
        if not quick:
            from bench.scale import generated_results

            fresh_graph(db)
            ingest_results(db, generated_results(1570, seed=10))
            measure(results, "10x seed (generated)", db, n)
