"""The error types graph.db shares with every caller for a Neo4j that went away, and the retry bound."""

from __future__ import annotations

from neo4j.exceptions import ClientError, ServiceUnavailable, SessionExpired

from graph.config import GraphSettings
from graph.db import GraphUnavailableError, connection_lost, driver_options, is_connection_lost


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
