"""A real uvicorn server for live-hub integration tests (reports, alerts, feeds), with every log line
the process writes captured (root and uvicorn loggers) so tests can scan them."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from api.auth import create_key

LOGGERS = ("", "uvicorn", "uvicorn.access", "uvicorn.error", "lantern")


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class LiveApi:
    base: str
    app: FastAPI
    logs: Capture
    tokens: dict[str, str] = field(default_factory=dict)

    def gql(self, role: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        r = httpx.post(f"{self.base}/graphql", json={"query": query, "variables": variables or {}},
                       headers={"Authorization": f"Bearer {self.tokens[role]}"}, timeout=120)  # fmt: skip
        return r.json()


def free_port() -> int:
    """A port no other test's server holds (the settings' API port may be bound by the browser tests'
    session-wide server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_api(app: FastAPI, port: int | None = None, key_prefix: str = "live") -> Iterator[LiveApi]:
    """`port` None: a free one. `key_prefix` names the keys it creates (another one for a second app on the
    same state directory: a restart)."""
    port = port or free_port()
    store = app.state.lantern.store
    roles = ("admin", "investigator", "analyst")
    tokens = {role: create_key(store, f"{key_prefix}-{role}", role) for role in roles}
    config = uvicorn.Config(app, host="127.0.0.1", port=port, proxy_headers=True,
                            forwarded_allow_ips="127.0.0.1", access_log=True, log_level="info")  # fmt: skip
    capture = Capture()
    for name in LOGGERS:
        logging.getLogger(name).addHandler(capture)
    logging.getLogger("uvicorn.access").setLevel(logging.INFO)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield LiveApi(f"http://127.0.0.1:{port}", app, capture, tokens)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        for name in LOGGERS:
            logging.getLogger(name).removeHandler(capture)
