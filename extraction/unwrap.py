"""Hard-wrapped prose (PDF-to-text, plain-text e-mails) read as prose, offsets unchanged.

A PDF converted to text breaks every line at the page width, so a name, an agency or a sentence runs
over a line break ("Dallas Police\\nDepartment", "Karen Goana\\nVillegas"). The NER and the token
patterns treat the line break as a boundary, and the parser sees broken sentences. For a document
whose lines are mostly long, a single line break after a long line is a wrap, not a boundary: it is
replaced by a space before the spaCy pass. The replacement is one character for one character, so
every offset stays valid in the original text, and the extraction result keeps the original text.
Short lines (headers, contact blocks, lists) and blank-line paragraph breaks stay as they are.

Guarded by tests/unit/test_unwrap.py; its effect per source is in docs/design/extraction-evaluation.md.
"""

from __future__ import annotations

import re

MIN_LINES = 8
WRAP_WIDTH = 45
"""A line at least this long that ends without a blank line after it was wrapped by the converter."""
_WRAP = re.compile(r"(?<=[^\n])\n(?=[^\n])")


def is_hard_wrapped(text: str) -> bool:
    """Most non-empty lines are long and many long lines end inside a sentence (no final punctuation)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_LINES:
        return False
    long_lines = [line.rstrip() for line in lines if len(line) >= 60]
    open_ends = [line for line in long_lines if line[-1:].isalnum() or line[-1:] in ",-–"]
    return len(long_lines) >= len(lines) / 2 and len(open_ends) >= len(long_lines) / 3


def unwrap(text: str) -> str:
    """`text` with wrapped line breaks turned into spaces (same length), or `text` itself."""
    if not is_hard_wrapped(text):
        return text

    def join(match: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        return " " if match.start() - line_start >= WRAP_WIDTH else "\n"

    return _WRAP.sub(join, text)
