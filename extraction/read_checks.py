"""Checks every document passes on its way in: a broken item is reported with its id and reason, the
batch goes on, and nothing that reaches the graph is malformed (issue 23, items 8 and 10).

- ids: a string of 1–512 characters without control characters (a list, a number, a 100 k-character
  id or one holding a newline, a tab or a NUL is refused with the reason);
- ids are unique within a run: the second document with an id already seen is reported, naming the
  source that used it first (two files with the same stem in different folders, a `.txt` and a JSONL
  record, a repeated CSV/JSONL id) — it is never silently written over the first;
- text: lone surrogates (which no JSON writer can encode) become U+FFFD; a text with fewer than
  `MIN_LETTERS` letters is not a document (random 1–7-byte files); a text longer than the
  extractor's limit is refused at the door instead of being written in full;
- file names with undecodable bytes become readable ids (each bad byte as U+FFFD).
"""

from __future__ import annotations

import re
import unicodedata

MAX_ID_LENGTH = 512
MIN_LETTERS = 3
MAX_CHARS = 1_000_000
"""Same limit as the extractor (spaCy's max length); longer documents must be split by the user."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class BadInput(ValueError):
    """A document that cannot enter Lantern; the message says why and what to do."""


def clean_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def check_id(value: object) -> str:
    if not isinstance(value, str):
        raise BadInput(f"id must be a string, got {type(value).__name__}; give every record a text id")
    value = clean_surrogates(value)
    if not value.strip():
        raise BadInput("empty id")
    if len(value) > MAX_ID_LENGTH:
        raise BadInput(f"id has {len(value)} characters (limit {MAX_ID_LENGTH})")
    if _CONTROL.search(value):
        raise BadInput(f"id {value[:60]!r} contains control characters (newline, tab, NUL, ...)")
    return value


TEXTLIKE_SHARE = 0.85
"""Share of letters, digits, punctuation and spaces in real text of any script; random bytes decoded
as a single-byte code page fall far below it (symbols, control and currency signs)."""


MIN_CHARS = 20
"""Fewer visible characters than this is no document (a random 1–16-byte file decodes to a few)."""


def looks_like_text(text: str) -> bool:
    """Letters of some script, separated into words (Lantern reads space-separated languages)."""
    sample = text[:5000]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS or len("".join(sample.split())) < MIN_CHARS:
        return False
    ok = sum(1 for ch in sample if unicodedata.category(ch)[0] in "LNPZ" or ch in "\n\r\t")
    spaces = sum(1 for ch in sample if ch.isspace())
    return ok >= TEXTLIKE_SHARE * len(sample) and spaces >= 0.04 * len(sample)


def check_text(text: str, *, record: bool = False) -> str:
    """The text, or BadInput. A record's text (JSONL/CSV, given as text by its producer) may be short
    (an advert, a tip); a whole file must look like text, which random or binary bytes do not."""
    text = clean_surrogates(text)
    if len(text) > MAX_CHARS:
        raise BadInput(f"document has {len(text):,} characters (limit {MAX_CHARS:,}); split it into parts")
    if record:
        if sum(1 for ch in text[:2000] if ch.isalpha()) < MIN_LETTERS:
            raise BadInput(f"not a document: fewer than {MIN_LETTERS} letters of text")
        return text
    if not looks_like_text(text):
        raise BadInput("not a document: too few letters or mostly symbols (random or binary bytes?)")
    return text


def file_id(stem: str) -> str:
    """A file's id from its name; bytes the file system could not decode become U+FFFD."""
    return clean_surrogates(stem)


class SeenIds:
    """Ids already used in this run, and where (to report a clash instead of overwriting)."""

    def __init__(self) -> None:
        self._where: dict[str, str] = {}

    def claim(self, doc_id: str, where: str) -> None:
        first = self._where.get(doc_id)
        if first is not None:
            raise BadInput(
                f"duplicate id {doc_id!r}: already used by {first}; give each document its own id "
                "(rename one of the files, or fix the id column)"
            )
        self._where[doc_id] = where
