"""Which name forms of an office's officials are one person (pure; tests/unit/test_resolve_officials.py).

A release names its prosecutor "District Attorney Miriam Ada Okafor", the next one "Okafor", a third
"M. Okafor". Inside one office the shorter forms are the same official when exactly one official of the office
has a compatible fuller name:

* `is_form_of(short, full)`: same surname (the last word, name suffixes such as "Jr." aside); every other word
  of the short form matches a word of the full name in the same order, equal, as its initial ("M." for
  "Miriam") or as a short given name ("Mike" for "Michael", `graph/ingest/lexicons/nicknames.txt`); and the
  short form says less (fewer words, or an initial or short name where the full name spells the word).
* `canonical_names(names)`: each name → the one fullest name it is a form of, or itself when there is none or
  more than one ("Okafor" stays "Okafor" when the office has a Miriam Okafor and a Daniel Okafor). Between
  officials a truncated name (the full name's leading words, "Miriam Ada") is a form too.
* `official_for(name, officials)`: the official an untitled mention names (same name or a surname form), also
  when the tagger glued a place or an agency onto the front of the full name ("Texas Miriam Ada Okafor").
* `doc_official_for_given_name(name, doc_people, officials)`: a first name alone ("Miriam and I ...") is the
  official of that first name named in the same release, when no one else there has it.

Every comparison reads a name without the titles a tagger glues onto its front ("General Okafor" cut from
"Attorney General Okafor", "El Jefe Okafor"; `graph/ingest/lexicons/titles.txt`).

The mapping depends only on the set of names, never on the order they arrive in: the writer applies it to the
office's officials already in the graph plus the batch's (graph.ingest.writer).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from functools import cache

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
PERSON_PREFIX = "person:"


@cache
def _titles() -> frozenset[str]:
    from graph.ingest.guard import lexicon  # (graph.ingest imports this module)

    return lexicon("titles")


def name_words(name: str) -> list[str]:
    """The words that identify a person: lower case, without dots, name suffixes ("Jr.") and the titles glued
    onto its front ("General", "El Jefe"; at least the last word stays)."""
    words = [w.strip(".,").lower() for w in name.removeprefix(PERSON_PREFIX).split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    titles = _titles()
    while len(words) > 1 and words[0] in titles:
        words.pop(0)
    return words


@cache
def _short_forms() -> dict[str, frozenset[str]]:
    """Formal given name → its short forms (`graph/ingest/lexicons/nicknames.txt`)."""
    from graph.ingest.guard import LEXICONS  # (graph.ingest imports this module)

    out: dict[str, frozenset[str]] = {}
    for line in (LEXICONS / "nicknames.txt").read_text("utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) > 1:
            out[words[0]] = frozenset(words[1:])
    return out


def _word_matches(short: str, full: str) -> bool:
    """The same word, its initial, or a short form of the given name ("mike" of "michael")."""
    return (
        short == full or (len(short) == 1 and full.startswith(short)) or short in _short_forms().get(full, ())
    )


def is_form_of(short: str, full: str, truncated: bool = False) -> bool:
    """True when `short` is a shorter or initialled form of `full` (see the module docstring); with
    `truncated`, also when it is the full name's leading words ("Miriam Ada" of "Miriam Ada Okafor")."""
    s, f = name_words(short), name_words(full)
    if not s or not f or len(s) > len(f):
        return False
    if truncated and len(s) < len(f) and s == f[: len(s)]:
        return True
    if s[-1] != f[-1]:
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


def _fullest(name: str, pool: Iterable[str], truncated: bool) -> str | None:
    fuller = [m for m in pool if m != name and is_form_of(name, m, truncated)]
    fullest = [m for m in fuller if not any(is_form_of(m, o, truncated) for o in fuller if o != m)]
    return fullest[0] if len(fullest) == 1 else None


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Every official name of an office → the single fullest name of the set it is a form of (truncated
    forms included: the extractor cut "Miriam Ada" off a line break), else itself."""
    pool = sorted(set(names))
    return {name: _fullest(name, pool, truncated=True) or name for name in pool}


def official_for(name: str, officials: Iterable[str]) -> str | None:
    """The office official an untitled mention named `name` (with no role in a case) refers to, or None: the
    same name, or the one official whose fuller name `name` is a form of. `officials` are canonical names
    (`canonical_names` values). A first name alone is not enough here (a victim is often named so)."""
    words = name_words(name)
    pool = [o for o in officials if name_words(o)[-1:] == words[-1:]]
    if name in pool:
        return name
    same = [o for o in pool if name_words(o) == words]  # "El Jefe Okafor" for the official "Okafor"
    if len(same) == 1:
        return same[0]
    found = _fullest(name, pool, truncated=False)
    if found is not None:
        return found
    glued = [
        o
        for o in pool
        if 2 <= len(name_words(o)) < len(words) and words[-len(name_words(o)) :] == name_words(o)
    ]
    return glued[0] if len(glued) == 1 else None  # "Texas Miriam Okafor": a place glued onto the full name


def doc_official_for_given_name(name: str, doc_people: Iterable[str], officials: Iterable[str]) -> str | None:
    """The official a first name alone refers to in one release ("Miriam and I worked together"), or None.

    `doc_people`: every person name of the release (officials and the rest); `officials`: the release's
    officials (canonical names). The one official whose first word is `name` (or whose given name it is a
    short form of: "Mike" for "Michael"), when every other person of the release with that first name is
    that official too (a form of the name or the name itself). A first name shared with anyone else, or a
    release without such an official, gives None (victims are often named so)."""
    words = name_words(name)
    pool = sorted(set(officials))
    if len(words) != 1 or len(words[0]) < 2 or not pool:
        return None
    matches = [o for o in pool if len(name_words(o)) > 1 and _word_matches(words[0], name_words(o)[0])]
    if len(matches) != 1:
        return None
    others = [
        p for p in set(doc_people) if p != name and name_words(p)[:1] == words and len(name_words(p)) > 1
    ]
    if any(official_for(p, pool) != matches[0] for p in others):
        return None
    return matches[0]


MAX_FORM_WORDS = 6
"""Given names and middle names considered when listing a name's untitled forms (3^n forms)."""


def untitled_forms(name: str) -> list[str]:
    """Every name an untitled mention of this official could carry (`official_for` decides which do): the
    surname with any ordered choice of the other words, each spelt out or as its initial."""
    words = name_words(name)
    if not words:
        return []
    options = [(None, w, w[0]) for w in words[:-1][:MAX_FORM_WORDS]]
    forms = {" ".join([w for w in choice if w] + words[-1:]) for choice in itertools.product(*options)}
    return sorted(forms | {name.removeprefix(PERSON_PREFIX)})
