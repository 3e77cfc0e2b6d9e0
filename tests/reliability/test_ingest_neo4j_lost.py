"""Neo4j going away during `lantern ingest` (issue 23, item 12): before, 35-65 s of driver retry lines, a
~300-line traceback and no word on what was committed. Now the retries are bounded
(LANTERN_NEO4J_MAX_RETRY_S), not logged, and the run ends non-zero with one paragraph: what was committed
and that re-running is safe.

The server is "killed" from the client's side: the CLI talks to Neo4j through a TCP proxy that the test
closes (open connections reset, new ones refused) — what a killed server looks like to the driver, without
restarting the shared test server. The re-run goes straight to Neo4j."""

from __future__ import annotations

import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

from api.config import Settings
from graph.db import Database
from ontology.schema import apply_schema
from tests.fixtures.ingest_world import generated_world
from tests.integration.cli import lantern

REPO = Path(__file__).resolve().parents[2]
N_DOCS = 400
BATCH = 5


class Proxy:
    """127.0.0.1:<port> → 127.0.0.1:<target>, until `kill()`."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.dead = False
        self.accepted = 0
        """Connections forwarded (the test checks none was forwarded after the cut)."""
        self.refused_after_cut = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            with self.lock:
                if self.dead:  # raced the cut: refuse it like a dead server would
                    self.refused_after_cut += 1
                    _reset(client)
                    continue
                upstream = socket.create_connection(("127.0.0.1", self.target))
                self.sockets += [client, upstream]
                self.accepted += 1
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    LATENCY_S = 0.02
    """Each forwarded chunk waits this long, like a slower network: a warm server (late in the full
    suite) otherwise committed the whole corpus between the test's poll and the cut, and the ingest
    ended cleanly before it could be interrupted."""

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                time.sleep(Proxy.LATENCY_S)
                b.sendall(data)
        except OSError:
            pass

    def kill(self) -> None:
        """Refuse new connections and reset the open ones.

        The listening socket is shut down before it is closed: `close()` alone does not end an
        `accept()` another thread is blocked in — Linux keeps the listener alive for that call, so ONE
        more connection was accepted after the "cut", forwarded to Neo4j and never reset. The driver's
        first reconnect took it and the rest of the ingest ran over it: exit 0 (the full-suite failure;
        alone, the run usually needed a second new connection, which was refused)."""
        with self.lock:
            self.dead = True
            try:
                self.server.shutdown(socket.SHUT_RDWR)  # wakes the accept() above (EINVAL)
            except OSError:
                pass
            self.server.close()
            for s in self.sockets:
                _reset(s)


def _reset(s: socket.socket) -> None:
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not FIN
        s.shutdown(socket.SHUT_RDWR)  # wakes the pipe threads; close() alone leaves them reading
    except OSError:
        pass
    s.close()


def test_losing_neo4j_mid_ingest_ends_with_what_was_committed_and_a_safe_rerun(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    apply_schema(db)
    corpus = tmp_path / "extracted.jsonl"
    corpus.write_text("".join(r.to_json() + "\n" for r in generated_world(N_DOCS)))
    proxy = Proxy(neo4j_settings.neo4j_bolt_port)
    s = neo4j_settings
    env = {**os.environ, "NEO4J_URI": f"bolt://127.0.0.1:{proxy.port}", "NEO4J_USER": s.neo4j_user,
           "NEO4J_PASSWORD": s.password, "NEO4J_DATABASE": s.neo4j_database,
           "LANTERN_NEO4J_MAX_RETRY_S": "3", "COLUMNS": "100"}  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "ingest", str(corpus), "--batch-size", str(BATCH)],
        env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    while proc.poll() is None and db.read("ingest/count_documents")[0]["count"] < 20:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before Neo4j could be taken away; raise N_DOCS"
    forwarded = proxy.accepted
    proxy.kill()
    out, err = proc.communicate(timeout=180)

    assert proxy.accepted == forwarded  # nothing reached Neo4j through the proxy after the cut
    assert proc.returncode == 1, (out[-2000:], err[-2000:])
    committed = db.read("ingest/count_documents")[0]["count"]
    said = " ".join(err.split())
    assert "Traceback" not in err and "retried" not in err
    assert len(err.strip().splitlines()) <= 15, err  # one paragraph (wrapped), not pages
    assert f"lost the connection to Neo4j at bolt://127.0.0.1:{proxy.port}" in said
    reported = int(said.split("Committed before that: ", 1)[1].split(" ", 1)[0])
    assert reported <= committed <= reported + BATCH  # + the batch whose commit the connection cut, if any
    assert f"{reported} document(s) in {reported // BATCH} batch(es)" in said
    assert "run the same command again: it is safe to re-run" in said

    rerun = lantern(neo4j_settings, "ingest", str(corpus), "--batch-size", str(BATCH), "--json")
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert (summary["skipped"], summary["written"], summary["failed"]) == (committed, N_DOCS - committed, [])


def test_the_cut_proxy_forwards_nothing_after_the_cut() -> None:
    """The cause of the full-suite exit 0: a listener closed while its accept thread waits still took
    one more connection. After `kill()`, every new connection is refused and none is forwarded."""
    target = socket.create_server(("127.0.0.1", 0))
    try:
        proxy = Proxy(target.getsockname()[1])
        before = socket.create_connection(("127.0.0.1", proxy.port), timeout=5)
        for _ in range(100):  # the accept thread has forwarded it and waits in accept() again
            if proxy.accepted == 1:
                break
            time.sleep(0.02)
        assert proxy.accepted == 1
        proxy.kill()
        for _ in range(3):
            try:
                late = socket.create_connection(("127.0.0.1", proxy.port), timeout=5)
            except OSError:
                continue  # refused, as by a dead server
            late.settimeout(5)
            assert late.recv(1) == b""  # (accepted by the kernel before the cut: reset at once)
            late.close()
        assert proxy.accepted == 1
        before.settimeout(5)
        try:
            assert before.recv(1) == b""
        except ConnectionResetError:
            pass  # the open connection was reset
    finally:
        target.close()
