"""spaCy component `lantern_linking`: within-document person linking and person facts.

* A later surname-only mention, "Mr./Ms./Dr. Surname", or a first-name-only mention refers (`ref`)
  to the full-name mention; surname occurrences the NER missed or mislabeled (ORG/GPE) are added.
* Aliases ("a.k.a. Royalty", "also known as", "who goes by") become mentions with `ref` to the
  person and are listed in the person's `attributes["aliases"]`.
* Ages: "Jane Roe, 25," / "Jane Roe (25)" / "25-year-old Jane Roe" → `attributes["age"]`.
* A speaker's self-identification ("My name is Khrystyna", "I am called Oleh Kravets") is a person, whatever
  type the NER guessed (the sm model tags lone foreign first names as places or organisations).
* A two/three-word name the NER typed as a plain organisation is a person when the document also uses
  its last word alone ("Celia Whitcombe ... Whitcombe owns ...") or describes it with a person's role
  ("Oleh Kravets, a driver"); names with an organisation keyword or legal form never are.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extraction.components.base import SpanSet, add_mention, doc_text, guarded, mentions, overlaps
from extraction.components.name_rules import sentence_initial
from ontology import load_ontology
from ontology.names import C

PLACES = load_ontology().classes_under(C.Location)

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
ALIAS = re.compile(
    r"(?:\ba\.k\.a\.?|\baka\b|\balso known as\b|\bwho goes by\b|\bknown on the street as\b|"
    r"\bnicknamed\b|\bgoes by\b)\s*(?:the name\s+)?[,:]?\s*[\"“‘']?"
    r"(?P<alias>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})[\"”’']?"
)
AGE_AFTER = re.compile(
    r"^(?:,\s*|\s*\(\s*)(?:age\s+|aged\s+)?(\d{1,3})(?:\s*\)|\s*,|\s*;|\s*\.|\s+of\b|\s+from\b|\s+and\b)"
)
AGE_BEFORE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\s+(?:[a-z]+\s+){0,2}$")
LINKABLE = {C.Person, C.Organization, C.Location, C.City, C.Region, C.Country}
_WORD = r"[A-ZÀ-ÖØ-Þ\u0100-\u017F\u0400-\u042F][^\W\d_]+"
SELF_NAMED = re.compile(
    rf"\b(?:[Mm]y name is|[Mm]y name's|I am called|I'm called)\s+"
    rf"(?P<name>{_WORD}(?:[ -]{_WORD}){{0,2}})"
)
INTRODUCED_NAME = re.compile(
    rf"\b(?:[Ss]omeone|[Ss]omebody|[Aa] (?:man|woman|person|guy|lady|recruiter|driver|friend))\s+"
    rf"(?:called|named|calling (?:himself|herself))\s+(?P<name>{_WORD}(?: {_WORD}){{0,2}})"
)
"""A person introduced by name ("Someone called Artem Lysenko posted ...")."""
PERSON_APPOSITIVE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:driver|recruiter|director|manager|owner|mother|father|"
    r"woman|man|wife|husband|brother|sister|son|daughter|cousin|friend|resident|national|citizen|"
    r"worker|employee|broker|accountant|lawyer|doctor|nurse|teacher|student|suspect|defendant|victim)\b"
)


PLACE_BEFORE = re.compile(r"\b(?:in|of|from|near|at|to|into|across|outside)\s+(?:the\s+)?$", re.IGNORECASE)
PLACE_AFTER = re.compile(
    r"^(?:,\s*[A-Z][a-z]|\s+(?:[Cc]ounty|[Cc]ity|[Pp]olice|[Pp]olice [Dd]epartment|PD)\b)"
)


def _place_context(doc: Doc, start: int, end: int) -> bool:
    """The words around a name say it is a place ("in Allen", "Allen, Texas", "Allen police")."""
    text = doc_text(doc)
    return bool(
        PLACE_BEFORE.search(text[max(0, start - 20) : start]) or PLACE_AFTER.match(text[end : end + 20])
    )


def _home_country(doc: Doc) -> str | None:
    """The country most of the document's places are in (None when it names none)."""
    codes = Counter(
        m["attributes"]["country_code"]
        for m in mentions(doc)
        if m["type"] in PLACES and m["attributes"].get("country_code")
    )
    return codes.most_common(1)[0][0] if codes else None


def _abroad_bare(doc: Doc, mention: dict[str, Any], home: str | None) -> bool:
    """A town abroad named with no state or country after it ("the arrest of Young" in a Californian
    release: Young, Uruguay): when the document names a person of that surname, it is that person."""
    code = mention["attributes"].get("country_code")
    after = doc_text(doc)[mention["end"] : mention["end"] + 20]
    town = mention["type"] == C.City  # a country ("travelled to Jordan") is named as itself
    return town and home is not None and code is not None and code != home and not PLACE_AFTER.match(after)


def name_parts(value: str) -> list[str]:
    parts = [p.strip(",") for p in value.split()]
    return [p for p in parts if p and p.lower() not in SUFFIXES]


class PersonLinker:
    def __call__(self, doc: Doc) -> Doc:
        return guarded("linking")(self._link)(doc)

    def _link(self, doc: Doc) -> None:
        self._self_named(doc)
        self._people_typed_as_organisations(doc)
        self._aliases(doc)
        full = [
            m
            for m in mentions(doc)
            if m["type"] == C.Person and m["ref"] is None and len(name_parts(m["value"])) >= 2
        ]
        full.sort(key=lambda m: m["start"])
        surnames: dict[str, dict[str, Any]] = {}
        firsts: dict[str, list[dict[str, Any]]] = {}
        for person in full:
            parts = name_parts(person["value"])
            surnames.setdefault(parts[-1], person)
            firsts.setdefault(parts[0], []).append(person)
        self._link_short_mentions(doc, surnames, firsts)
        self._add_missed_surnames(doc, surnames)
        self._add_capitalised_names(doc, full)
        self._ages(doc)

    def _link_short_mentions(
        self, doc: Doc, surnames: dict[str, dict[str, Any]], firsts: dict[str, list[dict[str, Any]]]
    ) -> None:
        home = _home_country(doc)
        for mention in list(mentions(doc)):
            if mention["ref"] is not None or mention["type"] not in LINKABLE:
                continue
            parts = name_parts(mention["value"])
            if len(parts) != 1:
                continue
            word = parts[0]
            target = surnames.get(word)
            if target is None and len({p["value"] for p in firsts.get(word, [])}) == 1:
                target = firsts[word][0]  # "Nicolae Rotari ... Nicolae says" (the NER: ORG); one person
                # however often the document names them in full ("Jordan Edwards" four times)
            if target is None or target is mention:
                continue
            if mention["type"] != C.Person and mention["attributes"].get("geonameid"):
                if _place_context(doc, mention["start"], mention["end"]) and not _abroad_bare(
                    doc, mention, home
                ):
                    continue  # "in Allen", "Allen, Texas": a real place that shares a surname
                # otherwise "Allen" is the person the document already named in full
            mention["type"] = C.Person
            mention["ref"] = target["key"]
            mention["value"] = target["value"]

    def _add_missed_surnames(self, doc: Doc, surnames: dict[str, dict[str, Any]]) -> None:
        if not surnames:
            return
        taken = SpanSet((m["start"], m["end"]) for m in mentions(doc))
        for token in doc:
            target = surnames.get(token.text)
            if target is None or not token.is_title:
                continue
            start, end = token.idx, token.idx + len(token.text)
            if taken.overlaps(start, end):
                continue
            if (
                token.i + 1 < len(doc)
                and doc[token.i + 1].is_title
                and not sentence_initial(doc[token.i + 1])
            ):
                continue  # part of a longer capitalised name
            added = add_mention(doc, C.Person, start, end, target["value"], 0.7, "coref")
            added["ref"] = target["key"]
            taken.append((start, end))

    @staticmethod
    def _add_capitalised_names(doc: Doc, full: list[dict[str, Any]]) -> None:
        """Known names written in capitals in a headline ("REMARKS BY TONY RACKAUCKAS")."""
        taken = SpanSet((m["start"], m["end"]) for m in mentions(doc))
        for person in full:
            upper = person["value"].upper()
            if upper == person["value"]:
                continue
            for match in re.finditer(re.escape(upper), doc_text(doc)):
                if taken.free(match.start(), match.end()):
                    added = add_mention(
                        doc, C.Person, match.start(), match.end(), person["value"], 0.75, "coref"
                    )
                    added["ref"] = person["key"]
                    taken.append(match.span())

    @staticmethod
    def _self_named(doc: Doc) -> None:
        """ "My name is Khrystyna.", "someone called Artem Lysenko": a person (replaces a place/org guess
        on that span)."""
        text = doc_text(doc)
        for match in [*SELF_NAMED.finditer(text), *INTRODUCED_NAME.finditer(text)]:
            start, end = match.span("name")
            clash = [m for m in mentions(doc) if overlaps(start, end, m["start"], m["end"])]
            if any(m["type"] == C.Person for m in clash):
                continue
            if any(m["type"] not in LINKABLE for m in clash):
                continue  # an identifier or a typed organisation pattern: leave it
            for other in clash:
                mentions(doc).remove(other)
            add_mention(doc, C.Person, start, end, match.group("name"), 0.85, "rule")

    @staticmethod
    def _people_typed_as_organisations(doc: Doc) -> None:
        text = doc_text(doc)
        for mention in mentions(doc):
            if mention["type"] != C.Organization or mention["attributes"].get("method") != "ner":
                continue
            words = mention["value"].split()
            if "\n" in mention["text"] or not 2 <= len(words) <= 3:
                continue  # a heading run into a name ("Case\nMorehead") is no evidence
            if not all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in words):
                continue  # headline capitals ("NORTHERN CALIFORNIA") are not names
            surname = words[-1]
            alone = [
                m.start()
                for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)
                if not mention["start"] <= m.start() < mention["end"]
                and not re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2])  # not part of a longer name
                and re.search(
                    r"(?:\b[a-z][\w'’-]*|[,;(])\s+$", text[max(0, m.start() - 20) : m.start()]
                )  # mid-sentence
            ]
            role = PERSON_APPOSITIVE.match(text[mention["end"] : mention["end"] + 40])
            if alone or role:
                mention["type"] = C.Person
                mention["attributes"]["retyped"] = "surname used alone" if alone else "person role"

    def _aliases(self, doc: Doc) -> None:
        people = sorted((m for m in mentions(doc) if m["type"] == C.Person), key=lambda m: m["start"])
        for match in ALIAS.finditer(doc_text(doc)):
            before = [p for p in people if p["end"] <= match.start() and match.start() - p["end"] < 40]
            if not before:
                continue
            person = before[-1]
            start, end = match.span("alias")
            alias = match.group("alias").rstrip(".,")
            end = start + len(alias)
            for other in list(mentions(doc)):
                if other is not person and overlaps(start, end, other["start"], other["end"]):
                    mentions(doc).remove(other)
            added = add_mention(doc, C.Person, start, end, person["value"], 0.85, "alias", alias=alias)
            added["ref"] = person["key"]
            aliases = person["attributes"].setdefault("aliases", [])
            if alias not in aliases:
                aliases.append(alias)

    @staticmethod
    def _ages(doc: Doc) -> None:
        for person in mentions(doc):
            if person["type"] != C.Person or person["ref"] is not None:
                continue
            after = AGE_AFTER.match(doc_text(doc)[person["end"] : person["end"] + 16])
            before = AGE_BEFORE.search(doc_text(doc)[max(0, person["start"] - 40) : person["start"]])
            found = after or before
            if found and 0 < int(found.group(1)) < 110:
                person["attributes"]["age"] = int(found.group(1))


@Language.factory(
    "lantern_linking",
    requires=["doc._.lantern_mentions", "token.is_sent_start"],
    assigns=["doc._.lantern_mentions"],
)
def make_person_linker(nlp: Language, name: str) -> PersonLinker:
    return PersonLinker()
