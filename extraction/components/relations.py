"""spaCy component `lantern_relations`: typed relations with the evidence sentence, and roles.

Relations come from dependency patterns around trigger verbs/nouns (patterns/relations.jsonl) and
a few layout rules ("Name, 25, City" → LOCATED_IN). Identifiers are linked to a person or
organisation only when the sentence says how they are used (a cue such as "phone", "called",
"posted", "account"). Co-occurrence alone never makes a typed relation. Roles (Role individuals)
go into the person's `attributes["roles"]`."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import combinations
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extraction.components.base import (
    IDENTIFIER_RELATION,
    doc_text,
    entity_key,
    guarded,
    load_patterns,
    mentions,
    relations,
)
from extraction.components.relation_cues import cue_relations
from extraction.components.role_rules import assign_roles
from ontology import load_ontology
from ontology.names import C, R

_ONT = load_ontology()
ORGS = set(_ONT.classes_under(C.Organization))
AGENTS = {C.Person} | ORGS
PLACES = set(_ONT.classes_under(C.Location))
VENUES = PLACES | ORGS
USE_CUE = re.compile(
    r"\b(?:phone|number|cell|call(?:ed|ing)?|text(?:ed|ing)?|contact(?:ed)?|reach|e-?mail(?:ed)?|account|"
    r"handle|profile|user ?name|listed|advertis\w*|post(?:ed|ing)?|website|site|page|wallet|paid|pay|"
    r"payment|sent|send|transfer\w*|venmo|cash ?app|zelle|paypal|drove|driving|vehicle|car|plate|"
    r"registered|owns?|used|using|uses)\b",
    re.IGNORECASE,
)
EXPLOITATION_CUE = re.compile(
    r"\b(?:forc\w+|made|compel\w*|unpaid|without pay|prostitut\w*|commercial sex|brothel|"
    r"victims?|traffick\w*|exploit\w*)\b",
    re.IGNORECASE,
)
RESIDENCE = re.compile(r"^,\s*(?:age\s+)?\d{1,3},\s*(?:of\s+)?$|^,\s*(?:of\s+)?$|^\s+(?:of|from)\s+$")
BASED_IN = re.compile(
    r"^\s*(?:,|in|at|on|located in|based in|located at|,\s*located in|,?\s*registered (?:at|in)|"
    r",?\s*which gave)\s*$"
)
FROM_PREPS = {"from"}
TO_PREPS = {"to", "into", "toward", "towards"}
VIA_PREPS = {"via", "through"}
AT_PREPS = {"at", "in", "inside", "out"}
PRONOUNS = {"he", "she", "him", "her", "they", "them"}
FIRST_PERSON = {"i", "me"}
"""In a testimony with a speaker ("My name is X"), "I"/"me" is X."""
SYMMETRIC = _ONT.symmetric_types()
# the symmetric ties a noun can state between people (ASSOCIATE_OF, CO_ACCUSED); weak links are not stated
STATED_TIES = SYMMETRIC - _ONT.weak_link_types()
PLATFORMS = {
    "telegram", "whatsapp", "viber", "signal", "facebook", "instagram", "tiktok", "snapchat",
    "messenger", "skype", "vk", "vkontakte", "twitter", "x", "onlyfans", "wechat", "line",
}  # fmt: skip
CALLED_PARTY = re.compile(
    r"\b(?:calls?|messages?|texts?|transfers?)\s+(?:made\s+)?to\s+(?:the\s+)?(?:number\s+)?$", re.I
)
CONTACT_LINE = re.compile(
    r"^\W*(?:call|text|ring|phone|write|contact|message|whatsapp|viber|e-?mail|apply)\b"
    r"|\b(?:I|we)\s+(?:called|rang|phoned|texted|messaged|wrote to|contacted)\b"
    r"|\b(?:write|call|text|contact|message)\s+(?:to\s+)?(?:me|us)\b"
    r"|\b(?:recruited|contacted|called)\s+by\s+phone\b",
    re.IGNORECASE,
)
CALLER = re.compile(r"\b(?:I|we)\s+(?:called|rang|phoned|texted|messaged|wrote to|contacted)\b", re.I)
FIRST_PERSON_OBJECT = re.compile(r"\b(?:write|call|text|contact|message)\s+(?:to\s+)?(?:me|us)\b", re.I)
PRONOUN_USER = re.compile(
    r"^\W*(?:he|she)\s+(?:has\s+|had\s+|also\s+)?(?:uses|used|using|gave|posted|listed|advertised)\b", re.I
)
SPEAKER = re.compile(r"\bmy name is\s+", re.IGNORECASE)
CHAIN_DEPS = {"xcomp", "pcomp", "prep", "advcl", "conj", "acl", "relcl", "pobj", "ccomp"}


def _load_triggers() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    verbs: dict[str, set[str]] = {}
    nouns: dict[str, set[str]] = {}
    for row in load_patterns("relations"):
        for lemma in row.get("lemmas", []):
            verbs.setdefault(lemma, set()).add(row["label"])
        for noun in row.get("nouns", []):
            nouns.setdefault(noun, set()).add(row["label"])
    return verbs, nouns


def _same(mention: dict[str, Any], other: dict[str, Any] | None) -> bool:
    """The same mention or the same person via `ref`."""
    if other is None:
        return False
    return entity_key(mention) == entity_key(other)


PLACE_RANK = {C.City: 0, C.Region: 1, C.Country: 2}


def without_qualifiers(
    found: list[tuple[str, dict[str, Any]]], text: str
) -> list[tuple[str, dict[str, Any]]]:
    """A state or country right after a smaller place and a comma says where that place is ("from Las
    Vegas, Nevada, to …", "flew to Mexicali, Mexico"); it is no stop of its own on the journey. A list
    of places of one kind ("to Texas, Oklahoma and Kansas") is left as it is."""
    places = [m for _, m in found if m["type"] in PLACE_RANK]

    def qualifies(m: dict[str, Any]) -> bool:
        return m["type"] in (C.Region, C.Country) and any(
            PLACE_RANK[o["type"]] < PLACE_RANK[m["type"]] and text[o["end"] : m["start"]].strip() == ","
            for o in places
            if o["end"] <= m["start"]
        )

    return [(prep, m) for prep, m in found if not qualifies(m)]


class RelationFinder:
    def __init__(self) -> None:
        self.verbs, self.nouns = _load_triggers()
        self._people: list[dict[str, Any]] = []
        self._agents: list[dict[str, Any]] = []
        self._prev_sent: dict[int, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        return guarded("relations")(self._find)(doc)

    # ------------------------------------------------------------------ helpers
    def _index(self, doc: Doc) -> dict[int, dict[str, Any]]:
        """token index → mention covering it."""
        by_token: dict[int, dict[str, Any]] = {}
        starts = [sent.start for sent in doc.sents]
        for mention in mentions(doc):
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if span is None:
                continue
            mention["_sent"] = starts[bisect_right(starts, span.start) - 1]
            mention["_subject"] = any(t.dep_ in {"nsubj", "nsubjpass"} for t in span)
            for token in span:
                by_token.setdefault(token.i, mention)
        return by_token

    @staticmethod
    def _mentions_at(token: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        heads = [token, *token.conjuncts]
        found: list[dict[str, Any]] = []
        for head in heads:
            candidates = [head, *[c for c in head.children if c.dep_ in {"appos", "compound"}]]
            for appos in [c for c in head.children if c.dep_ == "appos"]:
                candidates.extend(appos.conjuncts)
            for candidate in candidates:
                mention = index.get(candidate.i)
                if mention is not None and mention not in found:
                    found.append(mention)
        return found

    def _subjects(self, verb: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        """Actor mentions, walking up xcomp/pcomp/prep chains ("X is accused of pimping Y")."""
        node = verb
        for _ in range(6):
            children = list(node.children)
            if any(c.dep_ == "nsubjpass" for c in children):
                if node is verb:  # "Y was recruited by X": the actor is the agent
                    return [
                        m
                        for c in children
                        if c.dep_ == "agent"
                        for pobj in c.children
                        if pobj.dep_ == "pobj"
                        for m in self._mentions_at(pobj, index)
                    ]
                return [m for c in children if c.dep_ == "nsubjpass" for m in self._mentions_at(c, index)]
            subj = [m for c in children if c.dep_ == "nsubj" for m in self._mentions_at(c, index)]
            if subj:
                return subj
            if node.dep_ in CHAIN_DEPS and node.head is not node:
                node = node.head
            else:
                break
        return []

    def _pronoun(self, verb: Token, deps: set[str], exclude: dict[str, Any] | None) -> list[dict[str, Any]]:
        """ "He transported her": the nearest earlier person (not the other argument), weakly."""
        pronoun = next(
            (
                c
                for c in verb.children
                if c.dep_ in deps and (c.lower_ in PRONOUNS or c.lower_ in FIRST_PERSON)
            ),
            None,
        )
        if pronoun is None:
            return []
        if pronoun.lower_ in FIRST_PERSON:  # "his colleague X would drive me": the speaker
            speaker = self._speaker
            return [speaker] if speaker is not None and not _same(speaker, exclude) else []
        earlier = [m for m in self._people if m["end"] <= pronoun.idx and not _same(m, exclude)]
        if pronoun.dep_ == "nsubj":  # a subject pronoun continues the last subject
            subjects = [m for m in earlier if m.get("_subject")]
            earlier = subjects or earlier
        return [earlier[-1]] if earlier else []

    def _find_speaker(self, doc: Doc) -> dict[str, Any] | None:
        """The person a first-person text names as its speaker ("My name is X"), if any."""
        speaker = SPEAKER.search(doc_text(doc))
        if speaker is None:
            return None
        named = [p for p in self._people if 0 <= p["start"] - speaker.end() < 3]
        return named[0] if named else None

    def _objects(self, verb: Token, index: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        objs = [m for c in verb.children if c.dep_ in {"dobj", "obj"} for m in self._mentions_at(c, index)]
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            objs += [m for c in verb.children if c.dep_ == "nsubjpass" for m in self._mentions_at(c, index)]
        return objs

    def _prep_targets(
        self, verb: Token, index: dict[int, dict[str, Any]]
    ) -> list[tuple[str, dict[str, Any]]]:
        found = []
        for child in verb.children:
            if child.dep_ != "prep":
                continue
            prep = child.lower_
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += [(prep, m) for m in self._mentions_at(pobj, index)]
                elif pobj.dep_ == "prep":  # "out of X"
                    found += [
                        (prep, m)
                        for g in pobj.children
                        if g.dep_ == "pobj"
                        for m in self._mentions_at(g, index)
                    ]
        return without_qualifiers(found, doc_text(verb.doc))

    # ------------------------------------------------------------------ rules
    def _find(self, doc: Doc) -> None:
        items = mentions(doc)
        if not items:
            return
        index = self._index(doc)
        self._people = sorted((m for m in items if m["type"] == C.Person), key=lambda m: m["start"])
        self._speaker = self._find_speaker(doc)
        self._agents = sorted(
            (m for m in items if m["type"] in AGENTS - {C.Authority}), key=lambda m: m["start"]
        )
        sent_starts = [sent.start for sent in doc.sents]
        self._prev_sent = dict(zip(sent_starts[1:], sent_starts, strict=False))
        out: dict[tuple[str, int, int, int], dict[str, Any]] = {}

        def emit(
            type_: str, source: dict[str, Any], target: dict[str, Any], sent: Span, confidence: float
        ) -> None:
            if source is target or source["key"] == target.get("ref") or target["key"] == source.get("ref"):
                return
            if source.get("ref") is not None and source.get("ref") == target.get("ref"):
                return
            if type_ in SYMMETRIC and source["key"] > target["key"]:
                source, target = target, source
            key = (type_, source["key"], target["key"], sent.start_char)
            if key not in out:
                out[key] = {
                    "type": type_,
                    "source": source["key"],
                    "target": target["key"],
                    "start": sent.start_char,
                    "end": sent.end_char,
                    "confidence": confidence,
                    "snippet": sent.text,
                }

        by_sentence: dict[int, list[dict[str, Any]]] = {}
        for m in items:  # grouped once: a scan of every mention per sentence was quadratic
            by_sentence.setdefault(m.get("_sent", -1), []).append(m)
        for sent in doc.sents:
            self._verb_rules(sent, index, emit)
            self._noun_rules(sent, index, emit)
            sent_mentions = by_sentence.get(sent.start, [])
            self._layout_rules(doc, sent, sent_mentions, emit)
            self._identifier_rules(doc, sent, sent_mentions, emit)
        cue_relations(doc, doc_text(doc), items, emit)
        relations(doc).extend(out.values())
        assign_roles(doc, items, list(out.values()))
        for mention in items:
            mention.pop("_sent", None)
            mention.pop("_subject", None)

    def _verb_rules(self, sent: Span, index: dict[int, dict[str, Any]], emit: Any) -> None:
        exploitation = bool(EXPLOITATION_CUE.search(sent.text))
        for verb in sent:
            labels = self.verbs.get(verb.lemma_.lower())
            if not labels or verb.pos_ not in {"VERB", "AUX", "NOUN"}:
                continue
            subjects = self._subjects(verb, index) or self._pronoun(verb, {"nsubj"}, None)
            objects = self._objects(verb, index) or self._pronoun(
                verb, {"dobj"}, subjects[0] if subjects else None
            )
            if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "a spa owned by X", "a girl recruited by X"
                objects = objects or self._mentions_at(verb.head, index)
            passive_subjects = [
                m for c in verb.children if c.dep_ == "nsubjpass" for m in self._mentions_at(c, index)
            ]
            preps = self._prep_targets(verb, index)
            agents = [s for s in subjects if s["type"] in AGENTS]
            people = [o for o in objects if o["type"] == C.Person]
            for label in labels:
                if label in {R.RECRUITED, R.TRANSPORTED, R.CONTROLLED}:
                    for s in agents:
                        for o in people:
                            emit(label, s, o, sent, 0.75)
                    moving = people or [s for s in subjects if s["type"] == C.Person]
                    for prep, target in preps:
                        if target["type"] not in PLACES:
                            continue
                        for person in moving:
                            if label == R.RECRUITED and prep in {"in", "from", "at"}:
                                emit(R.RECRUITED_IN, person, target, sent, 0.7)
                            elif label in {R.TRANSPORTED, R.CONTROLLED}:
                                if prep in FROM_PREPS:
                                    emit(R.TRANSPORTED_FROM, person, target, sent, 0.7)
                                elif prep in TO_PREPS:
                                    emit(R.TRANSPORTED_TO, person, target, sent, 0.7)
                                elif prep in VIA_PREPS:
                                    emit(R.TRANSPORTED_VIA, person, target, sent, 0.7)
                elif label == R.OWNS:
                    for s in agents:
                        for o in objects:
                            if o["type"] in ORGS - {C.Authority}:
                                emit(R.OWNS, s, o, sent, 0.7)
                elif label == R.WORKS_FOR and not exploitation:
                    for s in subjects:
                        for prep, target in preps:
                            if (
                                s["type"] == C.Person
                                and target["type"] in ORGS
                                and prep in {"for", "at", "by"}
                            ):
                                emit(R.WORKS_FOR, s, target, sent, 0.7)
                    if verb.lemma_ == "employ":
                        for o in people:
                            for s in agents:
                                if s["type"] in ORGS:
                                    emit(R.WORKS_FOR, o, s, sent, 0.7)
                elif label == R.EXPLOITED_AT and exploitation:
                    victims = people or [s for s in subjects if s["type"] == C.Person]
                    for prep, target in preps:
                        if prep in AT_PREPS and target["type"] in VENUES - {C.Authority, C.Country, C.Region}:
                            for person in victims:
                                emit(R.EXPLOITED_AT, person, target, sent, 0.65)
                elif label == R.CO_ACCUSED:
                    accused = [s for s in (passive_subjects or subjects) if s["type"] == C.Person]
                    if len(accused) < 2:  # "The court remanded X and Y"
                        accused = people
                    for a, b in combinations(accused, 2):
                        emit(R.CO_ACCUSED, a, b, sent, 0.7)

    def _noun_rules(self, sent: Span, index: dict[int, dict[str, Any]], emit: Any) -> None:
        for noun in sent:
            labels = self.nouns.get(noun.lower_)
            if not labels:
                continue
            # Who holds the noun: "X, the owner of Y" (appos), "X is the owner of Y" (attr),
            # "X and his associate Y" (conj).
            holders: list[dict[str, Any]] = []
            if noun.dep_ == "appos":
                holders = self._mentions_at(noun.head, index)
            elif noun.dep_ in {"attr", "acomp"}:
                holders = [
                    m for c in noun.head.children if c.dep_ == "nsubj" for m in self._mentions_at(c, index)
                ]
            elif noun.dep_ == "conj":
                holders = self._mentions_at(noun.head, index)
            named = self._mentions_at(noun, index)  # "associate Jane Roe" (compound/appos)
            of_targets = [
                m
                for prep in noun.children
                if prep.dep_ == "prep" and prep.lower_ in {"of", "at", "for"}
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for m in self._mentions_at(pobj, index)
            ]
            for label in labels:
                if label in STATED_TIES:
                    others = [m for m in named + of_targets if m["type"] == C.Person]
                    for h in holders:
                        for o in others:
                            if h["type"] == C.Person:
                                emit(label, h, o, sent, 0.7)
                elif label in {R.OWNS, R.WORKS_FOR}:
                    for h in holders:
                        for t in of_targets:
                            if h["type"] in AGENTS and t["type"] in ORGS - {C.Authority} | (
                                {C.Authority} if label == R.WORKS_FOR else set()
                            ):
                                emit(label, h, t, sent, 0.7)

    @staticmethod
    def _layout_rules(doc: Doc, sent: Span, sent_mentions: list[dict[str, Any]], emit: Any) -> None:
        ordered = sorted(sent_mentions, key=lambda m: m["start"])
        for i, left in enumerate(ordered):
            for right in ordered[i + 1 : i + 3]:
                between = doc_text(doc)[left["end"] : right["start"]]
                if right["type"] not in PLACES or len(between) > 20:
                    continue
                if left["type"] == C.Person and RESIDENCE.match(between):
                    emit(R.LOCATED_IN, left, right, sent, 0.7)
                elif left["type"] in ORGS - {C.Authority} | {C.Address} and BASED_IN.match(between):
                    emit(R.LOCATED_IN, left, right, sent, 0.7)
                elif (
                    left["type"] == C.City
                    and right["type"] in {C.Region, C.Country}
                    and between.strip() == ","
                ):
                    emit(R.LOCATED_IN, left, right, sent, 0.8)

    def _identifier_rules(self, doc: Doc, sent: Span, sent_mentions: list[dict[str, Any]], emit: Any) -> None:
        """Identifier → its user. In the sentence: the subject that uses it, else the nearest agent
        (platforms such as Telegram are never users). Called numbers ("calls to the number X") are
        not the caller's. A contact line without an agent ("Call or WhatsApp X", "I called X",
        "write to me: X") belongs to the advertiser / speaker / person named just before."""
        text = doc_text(doc)
        base = sent.start_char  # "write to me today:" may be its own sentence before the number
        prev_start = self._prev_sent.get(sent.start)
        if prev_start is not None and text[: sent.start_char].rstrip().endswith(":"):
            base = doc[prev_start].sent.start_char
        window = text[base : sent.end_char]
        if not USE_CUE.search(window) and not CONTACT_LINE.search(window):
            return
        agents = [
            m
            for m in sent_mentions
            if m["type"] in AGENTS - {C.Authority} and m["value"].lower() not in PLATFORMS
        ]
        for ident in sent_mentions:
            rel = IDENTIFIER_RELATION.get(ident["type"])
            if rel is None:
                continue
            if CALLED_PARTY.search(text[max(sent.start_char, ident["start"] - 40) : ident["start"]]):
                continue
            if agents:
                before = [a for a in agents if a["end"] <= ident["start"]]
                subjects = [a for a in before if a.get("_subject")]
                if subjects:
                    owner = subjects[-1]
                else:
                    owner = before[-1] if before else min(agents, key=lambda a: a["start"] - ident["end"])
                emit(rel, owner, ident, sent, 0.7 if before else 0.6)
                continue
            lead = text[base : ident["start"]]
            if PRONOUN_USER.search(lead):  # "He has used the email address X": the person before
                earlier = [p for p in self._people if p["end"] <= sent.start_char]
                if earlier:
                    emit(rel, earlier[-1], ident, sent, 0.6)
                continue
            if not CONTACT_LINE.search(lead):
                continue
            owner_m = self._contact_owner(text, sent, lead)
            if owner_m is not None:
                emit(rel, owner_m, ident, sent, 0.6)

    def _contact_owner(self, text: str, sent: Span, lead: str) -> dict[str, Any] | None:
        """The speaker ("My name is X") for "write to me"; else the agent named in the sentence
        just before (the advertiser of "X is recruiting. Call ..."; the person "I called")."""
        if FIRST_PERSON_OBJECT.search(lead):
            speaker = SPEAKER.search(text[: sent.start_char])
            if speaker:
                named = [
                    p for p in self._people if p["start"] >= speaker.end() and p["start"] - speaker.end() < 3
                ]
                if named:
                    return named[0]
        paragraph = text.rfind("\n\n", 0, sent.start_char)
        earlier = [
            m
            for m in self._agents
            if (paragraph < m["start"] or sent.start_char - m["end"] < 300)
            and m["end"] <= sent.start_char
            and m["value"].lower() not in PLATFORMS
        ]
        if not earlier:
            return None
        if CALLER.search(lead) and earlier[-1].get("_sent") != self._prev_sent.get(sent.start):
            return None  # "I called X": only the person named in the sentence just before
        prev = [m for m in earlier if m.get("_sent") == earlier[-1].get("_sent")]  # the nearest sentence
        subjects = [m for m in prev if m.get("_subject")]
        return (subjects or prev)[-1] if (subjects or prev) else None


@Language.factory(
    "lantern_relations",
    requires=["doc._.lantern_mentions", "token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.lantern_relations", "doc._.lantern_mentions"],
)
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder()
