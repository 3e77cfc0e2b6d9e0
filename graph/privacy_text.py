"""Masking on the TEXT: scrub every personal value out of a free-text string for a masked role.

Typed fields are masked by :mod:`graph.privacy`; this module handles the strings that carry personal
data without saying so — evidence snippets, document titles and ids, risk reasons,
`POSSIBLY_SAME_AS` reasons, error messages. Two mechanisms, both applied to every such string:

1. a **lexicon** of every personal value the graph knows (:class:`Lexicon`): each Person's name,
   aliases and mention texts, every identifier's value and mention texts, and the names of
   organisations that are *person-shaped* (a known first name + an uncommon word, no legal form:
   "Celia Whitcombe" typed as a Business). Whole names and values match case-insensitively; the
   parts of a person's name (first name, surname, ≥ 3 letters, not a title) match when capitalised,
   so a title that shows only "Anna" or a snippet that says "Petrov" is scrubbed too. Matching is a
   scan over word tokens with a dictionary of token sequences (linear in the text, any lexicon size);
2. **patterns** for identifiers nobody extracted: e-mail addresses (also "name [at] example [dot]
   com"), phone numbers (also spelled or obfuscated: "o77oo nine zero zero 3 0 1"), IBAN-shaped
   account numbers.

Every replacement is a fixed-length token that does not depend on the value's length
(`Person 3f2a9c`, `[phone]`, `[email]`, `[account]`), or the typed-field mask of a known identifier
(:func:`graph.privacy.mask_value`, whose length does not follow the local part or the digits hidden),
so a masked string never tells how long the hidden name was. Offsets into the original text are not
given to masked roles at all (the API drops them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from graph.privacy import CATEGORY_CLASS, category_masked, category_of, mask_value, pseudonym

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MAX_PHRASE = 8
_STOP_PARTS = frozenset(
    "mr mrs ms miss dr jr sr von van der den de la le du da di del bin al abu the and".split()
)
_LEGAL_FORMS = re.compile(
    r"\b(?:ltd|limited|llc|inc|plc|gmbh|corp|co|company|group|services?|agency|farms?|foods?|"
    r"restaurant|hotel|bar|salon|spa|club|shop|store|market|bakery|staffing|recruitment|logistics|"
    r"transport|construction|cleaning|supplies|trading|holdings|international|partners)\b",
    re.IGNORECASE,
)
PERSON_TOKEN_CLASS = "person"


@dataclass(frozen=True)
class Term:
    """One personal string the graph knows: entity kind, surface text, entity id."""

    kind: str
    text: str
    key: str


@dataclass
class Lexicon:
    """Token sequences of known personal values → (category, kind, entity id, case-sensitive)."""

    phrases: dict[tuple[str, ...], tuple[str, str, str, bool]] = field(default_factory=dict)
    parent: Lexicon | None = None
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    """Every leading part of a phrase (the phrases included): a scan stops growing at a non-prefix."""

    def has_prefix(self, tokens: tuple[str, ...]) -> bool:
        return tokens in self.prefixes or (self.parent is not None and self.parent.has_prefix(tokens))

    def _put(self, tokens: tuple[str, ...], entry: tuple[str, str, str, bool]) -> None:
        if tokens not in self.phrases:
            self.phrases[tokens] = entry
            self.prefixes.update(tokens[:n] for n in range(1, len(tokens) + 1))

    def matches(self, tokens: list[str], i: int) -> list[tuple[int, tuple[str, str, str, bool]]]:
        """(length, entry) of every phrase starting at token i, longest first."""
        found = []
        n = 1
        while i + n <= len(tokens) and n <= MAX_PHRASE:
            key = tuple(tokens[i : i + n])
            if not self.has_prefix(key):
                break
            entry = self.get(key)
            if entry is not None:
                found.append((n, entry))
            n += 1
        return found[::-1]

    def get(self, tokens: tuple[str, ...]) -> tuple[str, str, str, bool] | None:
        entry = self.phrases.get(tokens)
        if entry is None and self.parent is not None:
            return self.parent.get(tokens)
        return entry

    def add(self, kind: str, text: str, key: str, category: str | None = None) -> None:
        category = category or category_of(kind)
        if not category or not text:
            return
        tokens = tuple(t.lower() for t in _WORD.findall(text))
        if not tokens or len(tokens) > MAX_PHRASE or (len(tokens) == 1 and len(tokens[0]) < 2):
            return
        self._put(tokens, (category, kind, key, False))
        if category == PERSON_TOKEN_CLASS and len(tokens) > 1:
            for part in tokens:
                if len(part) >= 3 and part not in _STOP_PARTS and not part.isdigit():
                    self._put((part,), (category, kind, key, True))

    def extend(self, terms: Iterable[tuple[str, str, str | None]]) -> Lexicon:
        for kind, text, key in terms:
            if text:
                self.add(kind, str(text), key or str(text))
        return self

    def child(self) -> Lexicon:
        """A lexicon that adds terms on top of this one (one response's terms over the graph's)."""
        return Lexicon(parent=self)


def person_shaped(name: str) -> bool:
    """A name of 2-3 capitalised words that reads as a person's: the first is a known first name,
    the last is not a common English word, none is a legal form or trade word."""
    words = name.split()
    if not 2 <= len(words) <= 3 or _LEGAL_FORMS.search(name):
        return False
    if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return False
    from extraction.components.name_shape import is_common_word, is_first_name

    return is_first_name(words[0]) and not is_common_word(words[-1])


def lexicon_from_rows(rows: Iterable[dict[str, object]]) -> Lexicon:
    """Build the lexicon from `api/personal_lexicon` rows (id, kind, labels, name, value, aliases, texts)."""
    lex = Lexicon()
    for row in rows:
        kind, key = str(row.get("kind") or ""), str(row.get("id") or "")
        labels = tuple(str(label) for label in cast("Iterable[object]", row.get("labels") or ()))
        category = category_of(kind, labels)
        texts = [row.get("name"), row.get("value"), *(row.get("aliases") or ()), *(row.get("texts") or ())]  # type: ignore[misc]
        if category is None:  # an organisation: personal only when its name reads as a person's
            if not any(isinstance(t, str) and person_shaped(t) for t in texts):
                continue
            category, kind = PERSON_TOKEN_CLASS, CATEGORY_CLASS[PERSON_TOKEN_CLASS]
        for text in texts:
            if isinstance(text, str):
                lex.add(kind, text, key, category)
    return lex


# ---- patterns --------------------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_AT = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)"
_OBF_EMAIL = re.compile(
    rf"(?<![\w.+-])[A-Za-z0-9._%+-]+{_AT}[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}[A-Za-z]{{2,6}}\b",
    re.IGNORECASE,
)
_DIGIT_WORDS = "zero|oh|one|two|three|four|five|six|seven|eight|nine"
_PHONE_TOKEN = rf"(?:[0-9oO]*[0-9][0-9oO]*|\b(?:{_DIGIT_WORDS})\b)"
_PHONE = re.compile(
    rf"(?<![\w+])\+?\s*{_PHONE_TOKEN}(?:[\s.\-()/]{{0,3}}{_PHONE_TOKEN})+(?![\w])", re.IGNORECASE
)
_DATE = re.compile(r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:T[\d:.]+Z?)?$")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b")
_WORD_DIGIT = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())}


def _phone_digits(match: str) -> int:
    words = re.findall(rf"\b(?:{_DIGIT_WORDS})\b", match, re.IGNORECASE)
    rest = re.sub(rf"\b(?:{_DIGIT_WORDS})\b", " ", match, flags=re.IGNORECASE)
    return len(words) + sum(c.isdigit() or c in "oO" for c in rest)


def _phone_sub(m: re.Match[str]) -> str:
    text = m.group(0)
    if _phone_digits(text) < 7 or _DATE.match(text.strip()):
        return text
    return "[phone]"


def _email_sub(m: re.Match[str]) -> str:
    text = m.group(0)
    if "@" not in text and not re.search(r"[\[({<]\s*at\s*[\])}>]|\bdot\b", text, re.IGNORECASE):
        return text  # "arrived at Leeds.example" without an obfuscation marker is prose, not an address
    return "[email]"


def scrub_patterns(text: str, role: object) -> str:
    """Identifier-shaped strings masked for a role that masks that category (no lexicon needed)."""
    if category_masked("email", role):
        text = _EMAIL.sub("[email]", text)
        text = _OBF_EMAIL.sub(_email_sub, text)
    if category_masked("payment", role):
        text = _IBAN.sub("[account]", text)
    if category_masked("phone", role):
        text = _PHONE.sub(_phone_sub, text)
    return text


# ---- the scrubber ----------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def _replacement(category: str, kind: str, text: str, key: str, role: str) -> str:
    if category == PERSON_TOKEN_CLASS:
        return f"Person {pseudonym(key)}"
    if category in ("email", "phone", "payment", "handle", "vehicle"):
        masked = mask_value(kind, text, role, key) or ""
        return {"email": "[email]", "phone": "[phone]", "payment": "[account]"}.get(category, masked)
    return f"[{category}]"


def scrub(text: str | None, role: object, lexicon: Lexicon, any_case: bool = False) -> str | None:
    """`text` with every lexicon value and identifier pattern the role may not see replaced.
    `any_case`: name parts match in lower case too — for strings lower-cased by construction (a
    normalised search text, a resolution reason), where capitals cannot tell a name."""
    if not text:
        return text
    r = str(getattr(role, "value", role)).lower()
    matches = list(_WORD.finditer(text))
    tokens = [m.group(0).lower() for m in matches]
    out: list[str] = []
    last, i = 0, 0
    while i < len(matches):
        hit = None
        for n, entry in lexicon.matches(tokens, i):
            category, kind, entity, case_sensitive = entry
            if not category_masked(category, r):
                continue
            if case_sensitive and not any_case and not matches[i].group(0)[:1].isupper():
                continue
            hit = (n, category, kind, entity)
            break
        if hit is None:
            i += 1
            continue
        n, category, kind, entity = hit
        start, end = matches[i].start(), matches[i + n - 1].end()
        if category == "phone" and text[last:start].endswith("+"):
            start -= 1
        out += [text[last:start], _replacement(category, kind, text[start:end], entity, r)]
        last, i = end, i + n
    out.append(text[last:])
    return scrub_patterns("".join(out), r)


def reveals(text: str | None, lexicon: Lexicon, role: object) -> list[str]:
    """Entity ids whose personal values appear in clear in `text` for `role` (for the audit log)."""
    if not text:
        return []
    r = str(getattr(role, "value", role)).lower()
    tokens = [m.group(0).lower() for m in _WORD.finditer(text)]
    found: set[str] = set()
    for i in range(len(tokens)):
        for _, entry in lexicon.matches(tokens, i):
            if not entry[3] and not category_masked(entry[0], r):
                found.add(entry[2])
    return sorted(found)
