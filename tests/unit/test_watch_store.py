"""Watches and alerts without a database: the after-ingest hook registry, alert de-duplication, query
watches alerting on new rows only, triage notes and timestamps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from api.state import StateStore
from api.watch.matcher import baseline, match
from api.watch.store import WatchStore
from graph.ingest import hooks


class StubDb:
    """Answers `watch/touched_entities` and the library query with canned rows; records the calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.library_rows: list[dict[str, Any]] = [{"doc_id": "old"}]

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        self.calls.append((name, params))
        if name == "watch/touched_entities":
            return [
                {"doc_id": d, "title": "T", "entity_id": "phone:+447700900777", "kind": "Phone",
                 "surface": "07700 900777", "snippet": f"call 07700 900777 ({d})"}
                for d in params["doc_ids"] if "phone:+447700900777" in params["entity_ids"]
            ]  # fmt: skip
        return self.library_rows


def test_hooks_get_written_ids_and_a_failing_hook_is_isolated() -> None:
    seen: list[list[str]] = []

    def broken(db: object, ids: list[str]) -> None:
        raise RuntimeError("state store closed")

    def good(db: object, ids: list[str]) -> None:
        seen.append(ids)

    hooks.register(broken)
    hooks.register(good)
    try:
        hooks.notify(None, ["d1", "d2"])
        hooks.notify(None, [])
    finally:
        hooks.unregister(broken)
        hooks.unregister(good)
    assert seen == [["d1", "d2"]]


def test_alerts_are_raised_once_per_watch_document_and_entity(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path)
    ws, db = WatchStore(store), StubDb()
    w = ws.add_watch("anna", "identifier", "phone:+447700900777", {}, "tip")
    ws.add_watch("anna", "entity", "person:nobody", {}, None)
    first = match(db, ws, ["d1"])
    assert [(a.watch_id, a.document_id, a.entity_id) for a in first] == [(w.id, "d1", "phone:+447700900777")]
    assert "07700 900777" in first[0].snippet and first[0].status == "new"
    assert match(db, ws, ["d1"]) == []  # the same document again: no second alert
    assert len(match(db, ws, ["d2"])) == 1
    assert db.calls[0][1]["entity_ids"] == ["person:nobody", "phone:+447700900777"]
    ws.remove_watch(w.id)
    assert match(db, ws, ["d3"]) == []


def test_query_watch_alerts_only_on_rows_new_since_the_watch(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path)
    ws, db = WatchStore(store), StubDb()
    w = ws.add_watch("ana", "query", "documents_mentioning_entity", {"entity": "x"}, None)
    assert baseline(db, ws, w.id, w.target, w.params) == 1
    assert match(db, ws, ["d1"]) == []
    db.library_rows = [{"doc_id": "old"}, {"doc_id": "d2"}]
    raised = match(db, ws, ["d2"])
    assert len(raised) == 1 and '"doc_id": "d2"' in raised[0].snippet and raised[0].document_id == "d2"


def test_triage_keeps_notes_and_timestamps(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path)
    ws = WatchStore(store)
    w = ws.add_watch("anna", "entity", "person:x", {}, None)
    a = ws.add_alert(w.id, "d1", "person:x", "Person", "X", "T", "snippet")
    assert a is not None
    b = ws.update_alert(a, "triaged", "bob", "looks real", "anna")
    c = ws.update_alert(b, "closed", None, "done", "bob")
    assert (c.status, c.assignee) == ("closed", "bob")
    assert [(n["by"], n["text"]) for n in c.notes] == [("anna", "looks real"), ("bob", "done")]
    assert c.created_at == a.created_at and c.updated_at >= b.updated_at >= a.updated_at
    assert [x.id for x in ws.alerts(["closed"], "bob", None, 0, 10, 0)] == [a.id]
    assert ws.alerts(["new"], None, None, 0, 10, 0) == []
