"""Masking on the text: snippets, titles, reasons and ids are scrubbed of what the graph knows and of
identifier shapes; masked roles get no offsets; investigators see the same texts in clear."""

from __future__ import annotations

import re

from tests.integration.test_api_fixtures import Api

WHITCOMBE_EVIDENCE = """{ search(text: "Leeds") { hits { entity { id kind
  evidence { documentId title spans { start end snippet } } } } } }"""
SAME_AS = """{ network(id: 1) { members { id kind name } } }"""


def _spans(api: Api, role: str) -> list[dict]:
    hits = api.gql(role, WHITCOMBE_EVIDENCE)["data"]["search"]["hits"]
    return [s | {"title": m["title"]} for h in hits for m in h["entity"]["evidence"] for s in m["spans"]]


def test_snippets_are_scrubbed_of_unlinked_names_mistyped_people_and_obfuscated_identifiers(
    sec_api: Api,
) -> None:
    clear = [s for s in _spans(sec_api, "investigator") if "charged with" in (s["snippet"] or "")]
    assert clear and "Florin Dinu" in clear[0]["snippet"] and "o77oo nine" in clear[0]["snippet"]
    assert clear[0]["start"] is not None  # investigators keep offsets
    masked = [s for s in _spans(sec_api, "auditor") if "charged with" in (s["snippet"] or "")]
    snippet = masked[0]["snippet"]
    for secret in ("Florin", "Dinu", "Celia", "Whitcombe", "o77oo", "nine zero", "lena", "[at] example"):
        assert secret not in snippet, snippet
    assert "[phone]" in snippet and "[email]" in snippet and "Leeds" in snippet
    assert re.search(r"Person [0-9a-f]{6} in Leeds was charged with Person [0-9a-f]{6}", snippet), snippet
    assert masked[0]["start"] is None and masked[0]["end"] is None  # no length of a hidden name
    assert "Larysa" not in masked[0]["title"] and "Whitcombe" not in masked[0]["title"]
    analyst = next(s for s in _spans(sec_api, "analyst") if "charged with" in (s["snippet"] or ""))
    assert "Florin Dinu" in analyst["snippet"] and "[phone]" in analyst["snippet"]  # persons clear


def test_mask_tokens_do_not_depend_on_the_length_of_the_name(sec_api: Api) -> None:
    snippet = next(s for s in _spans(sec_api, "auditor") if "charged with" in (s["snippet"] or ""))["snippet"]
    tokens = re.findall(r"Person [0-9a-f]+", snippet)
    assert len(tokens) == 2 and {len(t) for t in tokens} == {13}  # "Celia Whitcombe" vs "Florin Dinu"


def test_possibly_same_as_reasons_are_masked(sec_api: Api) -> None:
    q = """{ search(text: "Bucharest") { hits { entity { id } } } }"""
    city = sec_api.gql("investigator", q)["data"]["search"]["hits"][0]["entity"]["id"]
    graph = """query Q($id: String!) { neighbourhood(id: $id, depth: 3,
      relationTypes: [RECRUITED_IN, WORKS_FOR, POSSIBLY_SAME_AS]) { edges { type reason } } }"""
    reasons = {
        role: [
            e["reason"]
            for e in sec_api.gql(role, graph, {"id": city})["data"]["neighbourhood"]["edges"]
            if e["type"] == "POSSIBLY_SAME_AS"
        ]
        for role in ("investigator", "auditor")
    }
    assert reasons["investigator"] and any("larysa bondar" in r.lower() for r in reasons["investigator"])
    assert reasons["auditor"] and not any(
        "larysa" in r.lower() or "bondar" in r.lower() for r in reasons["auditor"]
    )
    assert any("Person " in r for r in reasons["auditor"])
