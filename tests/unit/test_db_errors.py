"""The error types graph.db shares with every caller for a Neo4j that went away, and the retry bound."""

from __future__ import annotations

import neo4j
import pytest
from neo4j.exceptions import ClientError, ServiceUnavailable, SessionExpired

from graph.config import GraphSettings
from graph.db import (
    ConnectionGate,
    Database,
    GraphConnectionLostError,
    GraphUnavailableError,
    connection_lost,
    driver_options,
    is_connection_lost,
)


def test_lost_connections_are_told_apart_from_failing_statements() -> None:
    assert is_connection_lost(ServiceUnavailable("Couldn't connect to 127.0.0.1:7687"))
    assert is_connection_lost(SessionExpired("session expired"))
    assert is_connection_lost(ConnectionResetError(104, "Connection reset by peer"))
    assert not is_connection_lost(ClientError("Invalid input 'MATCH'"))
    assert not is_connection_lost(ValueError("bad row"))


def test_the_typed_error_says_where_how_long_and_what_to_do_in_one_line() -> None:
    settings = GraphSettings(neo4j_uri="bolt://127.0.0.1:7999", neo4j_max_retry_s=4)
    cause = ServiceUnavailable("Couldn't connect to 127.0.0.1:7999 (resolved to ...)\nmore detail")
    err = connection_lost(settings, cause)
    assert isinstance(err, GraphUnavailableError)
    text = str(err)
    assert "\n" not in text and "more detail" not in text
    assert "bolt://127.0.0.1:7999" in text and "ServiceUnavailable: Couldn't connect" in text
    assert "4 s" in text and "lantern neo4j start" in text


def test_driver_retries_are_bounded_by_the_setting() -> None:
    assert driver_options(GraphSettings(neo4j_max_retry_s=7))["max_transaction_retry_time"] == 7
    assert GraphSettings.model_fields["neo4j_max_retry_s"].default == 15  # the driver's own: 30


def _gated(port: int = 1) -> Database:
    """A Database on a port where nothing listens (no server needed: the gate acts before connecting)."""
    settings = GraphSettings(neo4j_uri=f"bolt://127.0.0.1:{port}", neo4j_max_retry_s=30)
    gate = ConnectionGate()
    driver = neo4j.GraphDatabase.driver(settings.uri, **driver_options(settings), resolver=gate)
    return Database(driver, settings, gate=gate)


def test_the_gate_passes_the_address_through_until_shut() -> None:
    gate = ConnectionGate()
    assert gate(("127.0.0.1", 7687)) == [("127.0.0.1", 7687)]
    gate.shut("The ingest was abandoned: Neo4j stopped answering while it ran")
    with pytest.raises(GraphConnectionLostError, match="The ingest was abandoned"):
        gate(("127.0.0.1", 7687))


def test_a_shut_gate_ends_a_managed_transaction_without_its_retries() -> None:
    """Without the gate the driver would retry the refused connection for 30 s and raise
    ServiceUnavailable; with it shut, the first attempt to connect raises the abandon reason."""
    db = _gated()
    try:
        assert db.gate is not None
        db.gate.shut("abandoned")
        with pytest.raises(GraphConnectionLostError, match="abandoned"):
            db.write("platform/wipe_graph")
    finally:
        db.close()


def test_an_abandoned_database_opens_no_connection_for_a_session_begun_before() -> None:
    """The pool of a closed driver would open a new connection for a session begun before the close
    (that is how an abandoned write's retry reached Neo4j again after it resumed)."""
    db = _gated()
    with db.driver.session(database=db.database) as session:
        db.abandon("The merge was abandoned: Neo4j stopped answering while it ran")
        with pytest.raises(GraphConnectionLostError, match="The merge was abandoned"):
            session.run(db.catalog.get("platform/ping").text).consume()
