"""spaCy component `lantern_quote_names`: a person's name the tagger cut at a quote mark, joined back.

The sm model often ends a person's name at a quote mark: `“Pastor Jon” Vale` comes out as "Jon" and
"Vale" (the entities component trims the title), `Jon “Coach” Vale` as "Jon" and "Vale". The gold annotates
such a name as one span with its quoted nickname inside (`extraction/gold/GUIDELINES.md`: full span, titles
left out), so two person mentions that only a quote mark (with a space) or a short quoted word lie between
become one mention over both spans: `Jon” Vale`, `Jon “Coach” Vale`. Its value leaves out the quoted
nickname and the quote marks ("Jon Vale", also when the tagger's first part held the opening quote:
`Jon “Coach` + `Vale`), so the person is the same as the release's plain "Jon Vale". An apostrophe inside a
word (`Dee’Ann`, `O’Neill`) and two quoted names apart (`“Mara” “Lia”`) are not cuts.

When the tagger left the surname out altogether (`Jon “Coach”` and an untagged `Vale`, or `Jon “Coach` then
`” Vale`), the name grows over the nickname and the surname, if the surname is one proper-noun token no
mention holds (`extend_over_left_out_surnames`; so a quotation after a name, followed by an everyday word, is
not taken for a nickname).

The first part keeps its key, type and scalar attributes; list attributes (`roles`, `role_evidence`,
`aliases`) are united in order. Refs and relations to the second part, or to a mention lying inside the
joined name (a quoted nickname tagged on its own), go to the first; a relation between two parts of the name
goes with the cut. Mentions that are later forms (`ref` set) are not joined.

It runs right after `lantern_entities`, where names are made, so locations, linking and relations see one
name: a later "Vale" refers to "Jon Vale", and the surname alone is never taken for a town. (At that place
nothing has a ref, a relation or a role yet; the join keeps them right wherever it runs.)
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extraction.components.base import SpanSet, doc_text, guarded, mentions
from ontology import load_ontology
from ontology.names import C

PEOPLE = load_ontology().classes_under(C.Person)
QUOTE_GAP = re.compile(
    r"^(?:[ \t\u00a0]*[“\"‘][^“”\"‘’\n]{1,30}[”\"’]|[ \t\u00a0]*[“”\"‘’]|[ \t\u00a0]+[“”\"‘’])[ \t\u00a0]*$"
)
"""Between two parts of one name cut at a quote mark: `“Pastor Jon” Vale`, `Jon “Vale`, or a quoted
nickname: `Jon “Boss” Vale` (a space is required as well: not an apostrophe inside a word, `O’Neill`)."""
_SPACE = re.compile(r"[ \t\u00a0]")
_NICKNAME = re.compile(r"[ \t\u00a0]+[“\"‘][^“”\"‘’\n]{1,30}[”\"’](?=[ \t\u00a0])")
_EDGE_QUOTE = re.compile(r"(?<!\w)[“”\"‘’]|[“”\"‘’](?!\w)")
"""A quote mark at a word's edge (not the apostrophe inside `O’Neill`)."""


def joined_value(span: str) -> str:
    """The value of a joined name: its words without a quoted nickname and without quote marks
    (`Jon “Coach” Vale` and `Jon “Coach” + Vale` → "Jon Vale", `Pastor Jon” Vale` → "Pastor Jon Vale")."""
    return " ".join(_EDGE_QUOTE.sub("", _NICKNAME.sub("", span)).split())


def _merge_into(head: dict[str, Any], part: dict[str, Any], text: str) -> None:
    """`head` grows over `part`: its span, value and attributes (list attributes united, in order)."""
    attrs = {**part["attributes"], **head["attributes"]}
    for name, values in part["attributes"].items():
        if isinstance(values, list):
            both = [*head["attributes"].get(name, []), *values]
            attrs[name] = [v for i, v in enumerate(both) if v not in both[:i]]  # dicts are not hashable
    span = text[head["start"] : part["end"]]
    head.update(end=part["end"], text=span, value=joined_value(span), attributes=attrs)


def join_quote_cut_names(text: str, items: list[dict[str, Any]], found: list[dict[str, Any]]) -> int:
    """Join, in place, each person's name cut at a quote mark in `items` (mention dicts, see
    `extraction.components.base.add_mention`); `found` are the relations between them. Returns how many
    parts were joined into another mention."""
    people = sorted(
        (m for m in items if m["type"] in PEOPLE and m["ref"] is None), key=lambda m: (m["start"], m["end"])
    )
    into: dict[int, dict[str, Any]] = {}
    """Key of a mention that is now part of another name → the head mention of that name."""
    for first, second in itertools.pairwise(people):
        gap = text[first["end"] : second["start"]]
        if first["end"] <= second["start"] and QUOTE_GAP.match(gap) and _SPACE.search(gap):
            head = into.get(first["key"], first)
            _merge_into(head, second, text)
            into[second["key"]] = head
    if not into:
        return 0
    heads = {id(h): h for h in into.values()}.values()
    for m in items:  # a quoted nickname tagged on its own, inside a joined name, is part of it
        inside = next((h for h in heads if h["start"] <= m["start"] and m["end"] <= h["end"]), None)
        if inside is not None and inside is not m and m["key"] not in into:
            into[m["key"]] = inside
    items[:] = [m for m in items if m["key"] not in into]
    for m in items:
        if m["ref"] in into:
            m["ref"] = into[m["ref"]]["key"]
    kept = []
    for rel in found:
        source = into[rel["source"]]["key"] if rel["source"] in into else rel["source"]
        target = into[rel["target"]]["key"] if rel["target"] in into else rel["target"]
        if source != target:  # a relation between two parts of the name goes with the cut
            kept.append({**rel, "source": source, "target": target})
    found[:] = kept
    return len(into)


_LEFT_OUT = re.compile(
    r"(?:[ \t\u00a0]+[“\"][A-Z][^“”\"\n]{0,29}[”\"]|(?P<close>[”\"]))[ \t\u00a0]+"
    r"(?P<surname>[A-Z][^\W\d_]+(?:[-’'][A-Z]?[^\W\d_]+)*)\b"
)
"""After a name: a quoted nickname (or the closing quote of one the name opened) and a capitalised word."""


def extend_over_left_out_surnames(doc: Doc, items: list[dict[str, Any]]) -> int:
    """A person's name the tagger ended at a quoted nickname, leaving the surname out (`Jon “Coach”` +
    untagged `Vale`, or `Jon “Coach` + `” Vale`), grows over the nickname and the surname when the surname is
    a proper noun no mention holds. Returns how many names grew."""
    text, grown = doc_text(doc), 0
    taken = SpanSet((m["start"], m["end"]) for m in items)
    for m in items:
        if m["type"] not in PEOPLE or m["ref"] is not None:
            continue
        after = _LEFT_OUT.match(text, m["end"])
        if after is None or (after["close"] and m["text"].count("“") <= m["text"].count("”")):
            continue  # a closing quote right after the name closes a nickname the name itself opened
        start, end = after.span("surname")
        word = doc.char_span(start, end)
        if word is None or len(word) != 1 or word[0].pos_ != "PROPN" or taken.overlaps(start, end):
            continue
        span = text[m["start"] : end]
        m.update(end=end, text=span, value=joined_value(span))
        taken.add(start, end)
        grown += 1
    return grown


@guarded("quote_names")
def _join(doc: Doc) -> None:
    join_quote_cut_names(doc_text(doc), mentions(doc), doc._.lantern_relations or [])
    extend_over_left_out_surnames(doc, mentions(doc))


@Language.component(
    "lantern_quote_names",
    requires=["doc._.lantern_mentions"],
    assigns=["doc._.lantern_mentions", "doc._.lantern_relations"],
)
def join_cut_names(doc: Doc) -> Doc:
    return _join(doc)
