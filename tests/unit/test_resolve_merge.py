"""Merge arithmetic: the survivor's relationships after a merge (no database)."""

from __future__ import annotations

from graph.resolve import merged_relationships


def _ev(doc: str, conf: float) -> dict[str, object]:
    lists = {
        "ev_doc_ids": [doc],
        "ev_starts": [0],
        "ev_ends": [5],
        "ev_snippets": ["s"],
        "ev_confidences": [conf],
    }
    return {**lists, "evidence_count": 1, "doc_count": 1, "confidence": conf}


def test_same_fact_on_both_nodes_combines_evidence_and_self_loops_vanish() -> None:
    snaps = [
        {"id": "business:a@x", "rels": [
            {"dir": "out", "type": "USES_PHONE", "other": "phone:1", "props": _ev("d1", 0.5)},
            {"dir": "out", "type": "MENTIONED_IN", "other": "d1",
             "props": {"starts": [0], "ends": [3], "texts": ["A"], "confidence": 0.9}},
        ]},
        {"id": "business:a", "rels": [
            {"dir": "out", "type": "USES_PHONE", "other": "phone:1", "props": _ev("d2", 0.8)},
            {"dir": "out", "type": "MENTIONED_IN", "other": "d1",
             "props": {"starts": [10], "ends": [13], "texts": ["A Ltd"], "confidence": 0.6}},
            {"dir": "out", "type": "POSSIBLY_SAME_AS", "other": "business:a@x", "props": {"score": 0.7}},
            {"dir": "in", "type": "OWNS", "other": "person:p", "props": _ev("d2", 0.4)},
        ]},
    ]  # fmt: skip
    rows = {(r["src"], r["type"], r["dst"]): r["props"] for r in merged_relationships("business:a@x", snaps)}
    assert set(rows) == {
        ("business:a@x", "USES_PHONE", "phone:1"), ("business:a@x", "MENTIONED_IN", "d1"),
        ("person:p", "OWNS", "business:a@x"),
    }  # fmt: skip
    phone = rows[("business:a@x", "USES_PHONE", "phone:1")]
    assert phone["ev_doc_ids"] == ["d1", "d2"] and phone["evidence_count"] == 2 and phone["doc_count"] == 2
    assert phone["confidence"] == 0.8
    mention = rows[("business:a@x", "MENTIONED_IN", "d1")]
    assert (
        mention["starts"] == [0, 10] and mention["texts"] == ["A", "A Ltd"] and mention["confidence"] == 0.9
    )
