"""Crash safety: `lantern ingest` killed with SIGKILL part-way, then re-run, equals an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from api.config import Settings
from graph.db import Database
from ontology.schema import apply_schema
from tests.fixtures.ingest_world import generated_world, sample_world
from tests.integration.test_ingest_graph import canonical_dump

N_DOCS = 120


def _cli(path: Path, settings: Settings) -> subprocess.Popen[str]:
    env = {**os.environ, "NEO4J_URI": settings.uri, "NEO4J_USER": settings.neo4j_user,
           "NEO4J_PASSWORD": settings.password, "NEO4J_DATABASE": settings.neo4j_database}  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-m", "api.cli", "ingest", str(path), "--batch-size", "2", "--json"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip


def _run_to_end(path: Path, settings: Settings) -> dict[str, object]:
    proc = _cli(path, settings)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return json.loads(out)


def test_kill_9_then_rerun_matches_uninterrupted_run(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    apply_schema(db)
    corpus = tmp_path / "extracted.jsonl"
    corpus.write_text("".join(r.to_json() + "\n" for r in sample_world() + generated_world(N_DOCS)))
    total = N_DOCS + 4

    proc = _cli(corpus, neo4j_settings)
    deadline = time.monotonic() + 300
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        done = db.read("ingest/count_documents")[0]["count"]
        if done >= 20:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; raise N_DOCS"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    committed = db.read("ingest/count_documents")[0]["count"]
    assert 20 <= committed < total

    resumed = _run_to_end(corpus, neo4j_settings)
    assert resumed["skipped"] == committed and resumed["written"] == total - committed
    assert resumed["failed"] == []
    after_crash = canonical_dump(db)

    db.write("platform/wipe_graph")
    apply_schema(db)
    clean = _run_to_end(corpus, neo4j_settings)
    assert clean["written"] == total
    assert canonical_dump(db) == after_crash
