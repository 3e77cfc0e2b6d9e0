"""Supply-chain cues for `relation_cues`: labour supply between two organisations, and the office
address of a business when the sentence splitter broke "X Sp. z o.o., which gave ul. Y" in two.

SUPPLIED_LABOUR_TO (provider → client) needs the words that state the supply between the two mentions:
"A found that workers at its sites had been supplied by the labour provider B" (B → A), "B supplied
agency workers to A" (B → A). A contract, a co-mention or goods ("supplied vans to") are not labour supply.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Span

from ontology.names import C, R

Emit = Callable[[str, dict[str, Any], dict[str, Any], Span, float], None]

# "A found that workers at its sites had been supplied by the labour provider B": B supplied labour to A
WORKERS = r"(?:workers|labou?r|staff|employees|pickers|packers|labourers|cleaners|people)"
SUPPLIED_BY = re.compile(
    r"^\s+(?:\w+\s+){0,4}?"
    + WORKERS
    + r"\b(?:\s+\w+){0,4}?\s+(?:were|was|had been|have been|has been|are)\s+"
    r"(?:(?:supplied|provided|sourced|placed)\s+(?:to\s+(?:it|them)\s+)?(?:by|through|via)|"
    r"(?:hired|employed|engaged)\s+(?:through|via))\s+"
    r"(?:(?:the|a|an)\s+)?(?:(?:labou?r|staffing|recruitment|employment|temp)\s+"
    r"(?:provider|agency|supplier|firm|company)\s+"
    r"|gangmaster\s+|agency\s+)?$",
    re.IGNORECASE,
)
# "B supplied workers to A", "B, a labour provider that supplied pickers to A", "B provides staff for A"
SUPPLIED_TO = re.compile(
    r"^,?\s+(?:(?:a|the)\s+(?:labou?r|staffing|recruitment|employment)\s+(?:provider|agency|supplier)\s*,?\s+)?"
    r"(?:(?:which|that|who)\s+)?(?:had\s+|has\s+|have\s+)?(?:also\s+)?(?:supplied|supplies|supply|provided|provides|provide)\s+"
    r"(?:\w+\s+){0,2}?" + WORKERS + r"\s+(?:to|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "X, which gave ul. Półkole 7 ... as its office": the sentence splitter may break at "Sp." or "ul."
SPLIT_BASED_AT = re.compile(
    r"^,?\s*(?:which gave|registered (?:at|in)|based (?:at|in)|located (?:at|in)|at)\s+$", re.IGNORECASE
)


def labour_supply(
    left: dict[str, Any], right: dict[str, Any], before: str, sent: Span, emit: Emit, right_is_org: bool
) -> None:
    """`left` and `right` are adjacent agent mentions (`left` an organisation), `before` the text between."""
    if right_is_org and SUPPLIED_TO.match(before):
        emit(R.SUPPLIED_LABOUR_TO, left, right, _through(sent, right["end"]), 0.65)
    elif SUPPLIED_BY.match(before):
        emit(R.SUPPLIED_LABOUR_TO, right, left, _through(sent, right["end"]), 0.65)


def _through(sent: Span, end_char: int) -> Span:
    """The evidence sentence, extended to the end of the sentence holding `end_char` when the splitter
    cut a name ("... the labour provider BudMax Sp." | "z o.o., which ...")."""
    if end_char <= sent.end_char:
        return sent
    doc = sent.doc
    tail = doc.char_span(sent.start_char, end_char, alignment_mode="expand")
    return doc[sent.start : tail[-1].sent.end] if tail is not None and len(tail) else sent


def based_at_across_a_split(
    doc: Doc, text: str, ordered: list[dict[str, Any]], emit: Emit, agents: set[str]
) -> None:
    """LOCATED_IN for "X, which gave ADDRESS" when X and the address fell into two spaCy sentences
    (in one sentence the layout rule of `lantern_relations` finds it). Evidence: both sentences."""
    sents = list(doc.sents)

    def sentence_of(char: int) -> Span | None:
        return next((s for s in sents if s.start_char <= char < s.end_char), None)

    for left, right in pairwise(ordered):
        if left["type"] not in agents or right["type"] != C.Address:
            continue
        if not SPLIT_BASED_AT.match(text[left["end"] : right["start"]]):
            continue
        first, last = sentence_of(left["start"]), sentence_of(right["start"])
        if first is None or last is None or first.start == last.start:
            continue
        emit(R.LOCATED_IN, left, right, doc[first.start : last.end], 0.65)
