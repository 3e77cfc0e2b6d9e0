"""Which name forms of an office's officials are one person (pure; tests/unit/test_resolve_officials.py).

A release names its prosecutor "District Attorney Miriam Ada Okafor", the next one "Okafor", a third
"M. Okafor". Inside one office the shorter forms are the same official when exactly one official of the office
has a compatible fuller name:

* `is_form_of(short, full)`: same surname (the last word, name suffixes such as "Jr." aside); every other word
  of the short form matches a word of the full name in the same order, equal or as its initial ("M." for
  "Miriam"); and the short form says less (fewer words, or an initial where the full name spells the word).
* `canonical_names(names)`: each name → the one fullest name it is a form of, or itself when there is none or
  more than one ("Okafor" stays "Okafor" when the office has a Miriam Okafor and a Daniel Okafor).

The mapping depends only on the set of names, never on the order they arrive in: the writer applies it to the
office's officials already in the graph plus the batch's (graph.ingest.writer).
"""

from __future__ import annotations

from collections.abc import Iterable

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
PERSON_PREFIX = "person:"


def name_words(name: str) -> list[str]:
    """The words that identify a person: lower case, without dots and name suffixes ("Jr.")."""
    words = [w.strip(".,").lower() for w in name.removeprefix(PERSON_PREFIX).split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words


def _word_matches(short: str, full: str) -> bool:
    return short == full or (len(short) == 1 and full.startswith(short))


def is_form_of(short: str, full: str) -> bool:
    """True when `short` is a shorter or initialled form of `full` (see the module docstring)."""
    s, f = name_words(short), name_words(full)
    if not s or not f or s[-1] != f[-1] or len(s) > len(f):
        return False
    firsts = iter(f[:-1])
    expanded = False
    for word in s[:-1]:
        for candidate in firsts:
            if _word_matches(word, candidate):
                expanded = expanded or word != candidate
                break
        else:
            return False
    return len(s) < len(f) or expanded


def _surname(name: str) -> str:
    words = name_words(name)
    return words[-1] if words else ""


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Every name → the single fullest name of the set it is a form of, else itself."""
    by_surname: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_surname.setdefault(_surname(name), []).append(name)
    out: dict[str, str] = {}
    for pool in by_surname.values():
        for name in pool:
            fuller = [m for m in pool if m != name and is_form_of(name, m)]
            fullest = [m for m in fuller if not any(is_form_of(m, o) for o in fuller if o != m)]
            out[name] = fullest[0] if len(fullest) == 1 else name
    return out


def official_for(name: str, officials: Iterable[str]) -> str | None:
    """The office official a mention named `name` (with no role in a case) refers to, or None: the same name,
    or the one official whose fuller name `name` is a form of."""
    surname = _surname(name)
    pool = {o for o in officials if _surname(o) == surname}
    target = canonical_names(pool | {name})[name]
    return target if target in pool else None
