"""Issue 24: `lantern serve` / `lantern demo` on a taken port fail at once, before saying "ready", with a free
port to use (uvicorn printed "ready", then a raw Errno 98, exit 3)."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.commands.serve import bind_socket, free_port_after


@pytest.fixture()
def taken_port() -> Iterator[int]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)  # a listening server, like a running `lantern serve`
    yield sock.getsockname()[1]
    sock.close()


def test_serve_on_a_taken_port_says_what_to_do_and_never_ready(taken_port: int) -> None:
    result = CliRunner().invoke(app, ["serve", "--port", str(taken_port)])
    assert result.exit_code == 2
    free = free_port_after("127.0.0.1", taken_port)
    assert f"Port {taken_port} on 127.0.0.1 is in use" in result.output
    assert f"lantern serve --port {free}" in result.output
    assert "Lantern API on" not in result.output


def test_demo_claims_its_port_before_loading_anything(taken_port: int) -> None:
    result = CliRunner().invoke(app, ["demo", "--port", str(taken_port)])
    assert result.exit_code == 2
    assert "lantern demo --port" in result.output
    assert "starting Neo4j" not in result.output and not re.search(r"\bready\b", result.output)


def test_the_suggested_port_is_free(taken_port: int) -> None:
    free = free_port_after("127.0.0.1", taken_port)
    assert free is not None and free > taken_port
    bind_socket("127.0.0.1", free).close()
    with pytest.raises(OSError):
        bind_socket("127.0.0.1", taken_port)
