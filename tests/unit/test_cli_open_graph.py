"""`open_graph`: one connect-or-fail helper for CLI commands, also when the graph goes away mid-command."""

from __future__ import annotations

import pytest
import typer

from api.commands import common
from graph.db import GraphConnectionLostError


class _Db:
    closed = False

    def close(self) -> None:
        self.closed = True


def test_a_graph_lost_during_the_command_is_an_actionable_error_and_the_driver_is_closed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _Db()
    monkeypatch.setattr(common, "connect", lambda settings=None: db)
    with pytest.raises(typer.Exit) as exit_info, common.open_graph():
        raise GraphConnectionLostError("lost the connection to Neo4j. Start it with `lantern neo4j start`.")
    assert exit_info.value.exit_code == 1
    assert db.closed
    err = capsys.readouterr().err
    assert "lantern neo4j start" in err and "Traceback" not in err


def test_other_errors_pass_through_and_the_driver_is_still_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    db = _Db()
    monkeypatch.setattr(common, "connect", lambda settings=None: db)
    with pytest.raises(KeyError), common.open_graph():
        raise KeyError("a bug is a bug: it is not turned into a connection message")
    assert db.closed
