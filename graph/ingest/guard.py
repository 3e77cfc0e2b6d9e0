"""The graph's door: mentions that are not entities are dropped before ingest, each with a counted reason.

Shape rules, not a list of examples (word lists are data: `graph/ingest/lexicons/*.txt`):
* page furniture — the whole name (or one of its lines) is a navigation/button label ("PDF Version");
* crosses a line break — a name over two lines is a headline or layout fragment, unless it is a person's
  name wrapped inside a long paragraph line;
* headline or sentence fragment — the name holds a headline verb or a clause word ("… Charged",
  "Charged with Engaging");
* description, not a name — every word describes a person or is a common noun/adjective ("Pacific
  Islander", "Bank Officer", "Severe Beating"); authorities are exempt (their names are made of such words:
  "Superior Court"), as are geocoded places;
* truncated name — an "X of Y" organisation cut at a possessive inside Y ("Office of Cook County State" +
  "’s Attorney") or one ending/starting with a joining word ("Office of");
* not a proper name — no letter, or a person's name without a capital letter.
Identifiers (phones, e-mails, ...) are not judged here. The mentions' relations and `ref`s go with them.
A person's name the tagger cut at a quote mark (`“Pastor Jon” Vale`) arrives here already joined: extraction
joins it (`extraction.components.quote_names`), so `lantern extract`, its scores and every other consumer see
one name; the guard keeps no second copy of that rule.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from extraction.models import EntityMention, ExtractionResult
from graph.ingest.ontology_view import OntologyView
from ontology.names import C

LEXICONS = Path(__file__).parent / "lexicons"
GUARDED_ROOTS = (C.Person, C.Organization, C.Location)
WRAPPED_LINE_MIN = 80
"""A line at least this long that ends inside a person's name is a wrapped paragraph, not a headline."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_JOINERS = {
    "of",
    "the",
    "and",
    "&",
    "for",
    "at",
    "in",
    "on",
    "to",
    "a",
    "an",
    "de",
    "del",
    "la",
    "as",
    "by",
    "with",
    "from",
}
_PARTICLES = {"de", "del", "la", "van", "von", "der", "da", "di", "le", "du", "bin", "al", "el"}
"""Lower-case words a person's or company's name may end with ("Oscar de la Hoya" ends on a name, but a
name may legitimately hold them)."""
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s\s+\w")
_POSSESSIVE_CONTINUES = re.compile(r"^['’]s?\s+[A-Z]")


@cache
def lexicon(name: str) -> frozenset[str]:
    """Lower-case entries of `lexicons/<name>.txt` (phrases per line for furniture, words otherwise)."""
    out: set[str] = set()
    for line in (LEXICONS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        out.update([line] if name == "furniture" else line.split())
    return frozenset(out)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w&'’ -]+", " ", text.lower())).strip()


def _line_before(text: str, start: int) -> str:
    return text[text.rfind("\n", 0, start) + 1 : start]


def rejection(m: EntityMention, text: str, root: str) -> str | None:
    """Why mention `m` (whose ontology root class is `root`) is not an entity, or None to keep it."""
    name = m.text.strip()
    words = [w.lower() for w in _WORD.findall(name) if len(w) > 1]  # "N-12", "W-2": codes, not words
    if not words:
        return "not a proper name"
    furniture = lexicon("furniture")
    if _norm(name) in furniture or any(_norm(part) in furniture for part in name.split("\n") if part.strip()):
        return "page furniture"
    if "\n" in name:
        first_line = _line_before(text, m.start) + name.split("\n", 1)[0]
        if root != C.Person or len(first_line) < WRAPPED_LINE_MIN:
            return "crosses a line break (headline or layout fragment)"
    if any(w in lexicon("headline_words") for w in words):
        return "headline or sentence fragment"
    if (root == C.Person or m.type == C.Authority) and not any(c.isupper() for c in name):
        return "not a proper name"
    geocoded = any(m.attributes.get(k) not in (None, "") for k in ("geonameid", "lat"))
    numbered_business = m.type != C.Organization and root == C.Organization and any(c.isdigit() for c in name)
    if m.type != C.Authority and not geocoded and not numbered_business:  # "Motel 6" is a name
        generic = lexicon("descriptors") | lexicon("common_words") | _JOINERS
        if all(w in generic for w in words):
            return "description or common words, not a name"
    last = _WORD.findall(name)[-1]
    opens_with_joiner = root == C.Organization and words[0] in _JOINERS - {"the"}
    if (last.islower() and last in _JOINERS - _PARTICLES) or opens_with_joiner:
        return "truncated name"  # "Brand as", "Office of"
    if root == C.Person and _POSSESSIVE_INSIDE.search(name):
        return "headline or sentence fragment"  # "Burke’s Proposal"
    if root == C.Organization:
        cut_of = "of" in words[1:-1] and _POSSESSIVE_CONTINUES.match(text[m.end : m.end + 12])
        if cut_of:  # "Office of Cook County State" + "’s Attorney": the noun after "of" was cut
            return "truncated name"
    return None


def guarded_roots(doc: ExtractionResult, onto: OntologyView) -> dict[str, str]:
    """Mention type → its guarded root class (Person, Organization, Location; addresses are not guarded)."""
    out = {}
    for t in {m.type for m in doc.entities}:
        if onto.is_entity_class(t) and not onto.is_a(t, C.Address):
            root = next((r for r in GUARDED_ROOTS if onto.is_a(t, r)), None)
            if root:
                out[t] = root
    return out


def guard_document(doc: ExtractionResult, root_of: dict[str, str]) -> tuple[ExtractionResult, Counter[str]]:
    """The document without its non-entities (and their refs and relations), and the reasons counted.
    `root_of` maps a mention type to its guarded root class (Person, Organization, Location) if any."""
    rejected: dict[str, str] = {}
    for m in doc.entities:
        root = root_of.get(m.type)
        if root and not m.ref:
            reason = rejection(m, doc.text, root)
            if reason:
                rejected[m.id] = reason
    if not rejected:
        return doc, Counter()
    counts = Counter(rejected.values())
    changed = True
    while changed:  # a ref to a dropped mention goes too (it names the same non-entity)
        changed = False
        for m in doc.entities:
            if m.ref and m.ref in rejected and m.id not in rejected:
                rejected[m.id] = rejected[m.ref]
                changed = True
    entities = [m for m in doc.entities if m.id not in rejected]
    relations = [r for r in doc.relations if r.source not in rejected and r.target not in rejected]
    return doc.model_copy(update={"entities": entities, "relations": relations}), counts
