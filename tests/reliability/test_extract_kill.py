"""`lantern extract` killed with SIGKILL part-way never truncates an existing --out file, and keeps every
document it finished (issue 23, item 15: a complete 3,000-line result became 1,021 lines)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from api.commands.extract import partial_path
from tests.fixtures.ingest_world import generated_world

REPO = Path(__file__).resolve().parents[2]
N_DOCS = 600


def _extract(corpus: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "api.cli", "extract", str(corpus), "--out", str(out), "--batch-size", "4"],
        cwd=REPO, env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_kill_9_leaves_the_previous_output_whole_and_keeps_finished_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "documents.jsonl"
    docs = [{"id": r.id, "text": r.text} for r in generated_world(N_DOCS)]
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs))
    out = tmp_path / "extracted.jsonl"
    previous = "".join(json.dumps({"id": f"old-{i}", "entities": []}) + "\n" for i in range(50))
    out.write_text(previous)
    partial = partial_path(out)

    proc = _extract(corpus, out)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and len(_lines(partial)) < 20:
        time.sleep(0.05)
    assert proc.poll() is None, "extract finished before it could be killed; raise N_DOCS"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    assert out.read_text() == previous  # untouched, byte for byte
    finished = _lines(partial)
    assert 20 <= len(finished) < N_DOCS
    records = [json.loads(line) for line in finished]  # every line a whole record (flushed per document)
    assert [r["id"] for r in records] == [d["id"] for d in docs[: len(records)]]

    done = _extract(corpus, out)
    _, err = done.communicate(timeout=600)
    assert done.returncode == 0, err
    assert [json.loads(line)["id"] for line in _lines(out)] == [d["id"] for d in docs]
    assert not partial.exists()
