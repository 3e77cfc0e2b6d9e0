"""Shared state for Lantern components: Doc extensions, mention helpers, error capture.

Components communicate through msgpack-friendly Doc extensions (so `n_process > 1` works):
`doc._.lantern_mentions` (list of dicts with character offsets), `doc._.lantern_relations`,
`doc._.lantern_classification` and `doc._.lantern_errors`. Relations and `ref` point at mentions
by their `key` (a per-document integer)."""

from __future__ import annotations

import json
import signal
import threading
import time
import traceback
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ontology import load_ontology
from ontology.names import C

PATTERN_DIR = Path(__file__).parent / "patterns"
_ONT = load_ontology()
IDENTIFIER_RELATION = {
    cls: rel.type
    for rel in _ONT.relations.values()
    if rel.range <= _ONT.classes_under(C.Identifier)
    for target in rel.range
    for cls in _ONT.classes_under(target)
    if len(_ONT.classes_under(cls)) == 1  # the most specific classes a mention has (Phone, BankAccount, ...)
}
"""Identifier class → the relationship type that links its user to it (USES_PHONE, USES_ACCOUNT, ...),
from the ranges in the ontology."""

for _name, _default in (
    ("lantern_mentions", None),
    ("lantern_relations", None),
    ("lantern_classification", None),
    ("lantern_errors", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def mentions(doc: Doc) -> list[dict[str, Any]]:
    if doc._.lantern_mentions is None:
        doc._.lantern_mentions = []
    return doc._.lantern_mentions


def relations(doc: Doc) -> list[dict[str, Any]]:
    if doc._.lantern_relations is None:
        doc._.lantern_relations = []
    return doc._.lantern_relations


def add_mention(
    doc: Doc,
    type_: str,
    start: int,
    end: int,
    value: str,
    confidence: float,
    method: str,
    **attributes: Any,
) -> dict[str, Any]:
    items = mentions(doc)
    # Keys are handed out in increasing order and mentions are only appended here or removed, so
    # the last one holds the largest key: the same key as max() over all, without the n² scan.
    key = items[-1]["key"] + 1 if items else 0
    mention = {
        "key": key,
        "type": type_,
        "start": start,
        "end": end,
        "text": doc_text(doc)[start:end],
        "value": value,
        "confidence": round(confidence, 3),
        "ref": None,
        "attributes": {"method": method, **attributes},
    }
    items.append(mention)
    return mention


def entity_key(mention: dict[str, Any]) -> int:
    """The key of the entity a mention names: its `ref` (an earlier full-name mention) or its own key."""
    ref = mention.get("ref")
    return mention["key"] if ref is None else ref


def root_mention(mention: dict[str, Any], by_key: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """The mention a `ref` points to (the full name), or the mention itself."""
    ref = mention.get("ref")
    return mention if ref is None else by_key.get(ref, mention)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def record_error(doc: Doc, stage: str, exc: BaseException) -> None:
    errors = doc._.lantern_errors or []
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" ({Path(frame.filename).name}:{frame.lineno})" if frame else ""
    errors.append({"stage": stage, "reason": f"{exc.__class__.__name__}: {exc}{where}"})
    doc._.lantern_errors = errors


class DocumentTimeout(BaseException):
    """A document used up its time budget inside Lantern's rules (a BaseException, so a component's
    own `except Exception` cannot swallow it)."""


DOC_BUDGET = [120.0]
"""Seconds of Lantern rules per document (`LANTERN_EXTRACT_DOC_TIMEOUT_S`, set by the Extractor);
0 = no budget."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise DocumentTimeout()


def _with_alarm(seconds: float, body: Callable[[Doc], None], doc: Doc) -> None:
    """Run `body(doc)`; an interval timer interrupts it after `seconds` (main thread only: signals
    cannot reach other threads, where the deadline is checked between components instead)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        body(doc)
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        body(doc)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guarded(stage: str) -> Callable[[Callable[[Doc], None]], Callable[[Doc], Doc]]:
    """Run a component body; an exception is recorded on the doc instead of killing the batch, and a
    document past its time budget ends with a `timeout` error (its later stages are skipped)."""

    def decorate(body: Callable[[Doc], None]) -> Callable[[Doc], Doc]:
        @wraps(body)
        def run(doc: Doc) -> Doc:
            budget = DOC_BUDGET[0]
            if budget <= 0:
                try:
                    body(doc)
                except Exception as exc:  # one bad document must not stop the batch
                    record_error(doc, stage, exc)
                return doc
            deadline = doc.user_data.setdefault("lantern_deadline", time.monotonic() + budget)
            left = deadline - time.monotonic()
            if doc.user_data.get("lantern_timed_out"):
                return doc
            try:
                if left <= 0:
                    raise DocumentTimeout()
                _with_alarm(left, body, doc)
            except DocumentTimeout:
                doc.user_data["lantern_timed_out"] = True
                errors = doc._.lantern_errors or []
                errors.append(
                    {
                        "stage": "timeout",
                        "reason": f"over the {budget:g} s budget in {stage}; later stages skipped "
                        "(split the document or raise LANTERN_EXTRACT_DOC_TIMEOUT_S)",
                    }
                )
                doc._.lantern_errors = errors
            except Exception as exc:  # one bad document must not stop the batch
                record_error(doc, stage, exc)
            return doc

        return run

    return decorate


def load_patterns(name: str) -> list[dict[str, Any]]:
    """Rows of `patterns/<name>.jsonl` (blank lines and // comments skipped)."""
    rows = []
    for line in (PATTERN_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("//"):
            rows.append(json.loads(line))
    return rows


_TEXT_CACHE: list[Any] = [None, ""]


def _source_text(doc: Doc) -> str | None:
    """The text the Doc was made from, when `nlp.pipe(as_tuples=True)` carries it as the context
    (`Extractor` passes the `SourceDocument`): spaCy's tokenizer is lossless, so it equals `doc.text`
    without joining every token again. The length and end tokens are checked; otherwise None."""
    text = getattr(getattr(doc, "_context", None), "text", None)
    if not isinstance(text, str) or not len(doc):
        return None
    first, last = doc[0], doc[-1]
    if len(text) != last.idx + len(last.text_with_ws) or not text.startswith(first.text, first.idx):
        return None
    return text if text.startswith(last.text, last.idx) else None


def collapse(text: str) -> str:
    """A name's value: its words with single spaces (line breaks and runs of spaces inside it go)."""
    return " ".join(text.split())


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document (spaCy rebuilds it from the tokens on every access)."""
    if _TEXT_CACHE[0] is not doc:
        _TEXT_CACHE[0] = doc
        _TEXT_CACHE[1] = _source_text(doc) or doc.text
    return _TEXT_CACHE[1]


class SpanSet:
    """Character spans already taken in a document, for "is this span free?" in O(log n).

    Rule it keeps: a mention never overlaps another one (the components' `taken` lists). A list
    scanned with `any(overlaps(...))` for every candidate made a long document quadratic (issue 23:
    48 KB of "X recruited Y in City" took 43 s); guarded by tests/unit/test_extraction_linear.py.
    Covered regions are kept merged and sorted, so only the neighbours of a candidate are checked.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start)
        if i and self._ends[i - 1] > start:
            return True
        return i < len(self._starts) and self._starts[i] < end

    def free(self, start: int, end: int) -> bool:
        return not self.overlaps(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self._starts, start)
        if i and self._ends[i - 1] >= start:  # merge with the region on the left
            i -= 1
            start = self._starts[i]
            end = max(end, self._ends[i])
        j = i
        while j < len(self._starts) and self._starts[j] <= end:
            end = max(end, self._ends[j])
            j += 1
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def append(self, span: tuple[int, int]) -> None:
        """`list.append` compatibility for code that collects taken spans."""
        self.add(*span)
