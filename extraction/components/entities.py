"""spaCy component `lantern_entities`: people, organisations (typed by the ontology), places and
street addresses, from the sm NER plus business-name patterns, with fixes for the sm model's
known confusions (people tagged ORG, identifiers tagged as names, possessives, all-caps headlines)."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extraction.components.acronyms import read_definitions
from extraction.components.base import (
    SpanSet,
    add_mention,
    collapse,
    doc_text,
    guarded,
    load_patterns,
    mentions,
    overlaps,
)
from extraction.components.gazetteer import gazetteer
from extraction.components.name_rules import (
    NOT_A_PERSON,
    PLACE_NOISE,
    RANK_WORDS,
    STREET,
    VICTIM_PSEUDONYM,
    extend_person,
    extend_place,
    proper_name_spans,
    trim_leading_ranks,
)
from extraction.components.name_shape import (
    ORG_HEADS,
    is_common_word,
    is_first_name,
    is_offence,
    looks_like_name,
    lower_case_words,
    organisation_shape,
    person_shaped,
    repair_person_span,
    unsupported_name_plausible,
    warm_up,
)
from extraction.components.org_bounds import repair_organisation_tokens
from extraction.components.spanish import is_spanish, spanish_common_phrase, spanish_stop_word
from extraction.components.spanish import names as spanish_names
from extraction.components.spanish import person_span as spanish_person_span
from ontology import load_ontology
from ontology.names import C

ADDRESS = re.compile(
    r"\b\d{1,6}\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}"
    r"(?:Street|St\.|Avenue|Ave\.?|Boulevard|Blvd\.?|Road|Rd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|"
    r"Court|Ct\.?|Place|Pl\.?|Highway|Hwy\.?|Parkway|Pkwy\.?|Circle|Terrace)"
    r"(?:,?\s+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|#)\s*[\w-]+)?"
)
_NAME = r"[A-ZÀ-ÖØ-Þ\u0100-\u017F][^\W\d_]+"
EUROPEAN_ADDRESS = re.compile(
    rf"(?:(?:Unit|Flat|Apt\.?)\s+\d+[A-Z]?,\s*)?"
    rf"(?:\d{{1,4}}\s+(?:{_NAME}\s+){{1,3}}(?:Mews|Street|Road|Lane|Court|Close|Way|Avenue|Place|Square|Gardens|Row|Terrace)"
    rf"(?:\s+Industrial Estate)?"
    rf"|(?:ul\.|Strada|Str\.|Calle|Rue|Via)\s+(?:{_NAME}\s+){{0,3}}{_NAME}\s+\d{{1,4}}[a-z]?"
    rf"|(?:{_NAME}\s+){{0,2}}{_NAME}(?:stra(?:ß|ss)e|weg|platz|gasse|Caddesi|Sokak|utca)\s+\d{{1,4}}[a-z]?"
    rf"|{_NAME}\s+Caddesi\s+\d{{1,4}}"
    rf"|(?:{_NAME}\s+){{1,3}}(?:Court|Estate|House|Mews)(?=,))"
    rf",\s*(?:\d{{2}}-\d{{3}}\s+|\d{{4,5}}\s+)?{_NAME}(?:\s+[A-Z]{{1,2}}\d[A-Z\d]?\s*\d[A-Z]{{2}}|\s+\d{{1,2}}\b)?"
    rf"(?:,\s*(?!where\b|which\b){_NAME}(?=[\s,.;:]))?"
)
LEGAL_FORM_NAME = re.compile(
    r"(?<![\w&'’.-])(?:[A-ZÀ-ÖØ-Þ\u0100-\u017F][\w&'’.-]*[ \t]+){1,4}"
    r"(?:Sp\.\s?z\s?o\.\s?o\.|S\.R\.L\.|S\.r\.l\.|SRL|s\.r\.o\.|GmbH|Ltd|Limited|LLC|L\.L\.C\.|Inc|PLC|plc|"
    r"AG|S\.A\.|SARL|B\.V\.|N\.V\.|S\.p\.A\.|a\.s\.|LLP|d\.o\.o\.|Kft|OÜ)(?![\w&'’-])"
)
"""A company name ending in a legal form, matched on characters: the tokenizer splits "Sp. z o.o." and
the token patterns' ASCII capital test misses "Dunărea"; without this the NER makes "BudMax Sp" a person
and the patterns keep only "Transport SRL"."""
SENTENCE_STOP = re.compile(r"(\b[^\W\d_]*[^\W\d_A-Z]{3,})[.!?]\s+(?=[A-ZÀ-ÖØ-Þ])")
"""A sentence break inside a legal-form match: a word of three or more letters in lower case
before the stop ("München. "; "Sp. z o.o." and "Bros." are abbreviations)."""
LEADING_FUNCTION_WORD = re.compile(
    r"^(?:(?:The|A|An|At|In|On|By|For|From|With|And|Of|To|Police|Officers)\s+)+"
)
UNIT_FIRST = re.compile(r"(?:Unit|Flat|Apt\.?)\s+\d")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
UNFINISHED_PLACE = re.compile(
    r"(?:^|\s)(?:of|de|del|the|and)$|^(?:City|County|State|Town|District|Criminal District)$"
)
"""A place span the NER ended on a connector or cut down to a kind of place: "the City of" | "Dallas"
(the gold and the reader take "Dallas"), "Criminal District" of "Criminal District Attorney"."""
STREET_END = re.compile(
    r"\s(?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Highway|Hwy|Freeway|Fwy|Parkway|Pkwy)\.?$"
)
LEGAL_REFERENCE = re.compile(r"\b(?:Bill|Act|Code|Section|Article|Chapter|Proposition|Prop|Rule)\s+\d")
"""A numbered law or section ("House Bill 1030", "Section 46.02") the NER took for a person."""
PROCEEDING = re.compile(
    r"(?:^|\s+)(?:(?:To|TO|Will|WILL)\s+(?:Be|BE)\s+)?"
    r"(?:Pleads?|Pleaded|Pled|Sentenced|Convicted|Charged|Indicted|Arraigned|Arrested|Acquitted|Guilty|Admits)"
    r"(?![\w-]).*$",
    re.IGNORECASE | re.DOTALL,
)
"""A court event the NER glued behind a name: "Nestor Hernandez Convicted", "Hawthorne Pleaded" (a
results table's "…, 50, Hawthorne Pleaded guilty"), "Car Broker To Be Arraigned". The name ends before
it; a span that opens with one ("Pleads Guilty") is no name. Only a capitalised word counts (checked
where it is used): in lower case the verb is already outside the entity."""
ABBREVIATION_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros)$")
LOCATIVE = frozenset("in at from near to outside across throughout around between within into".split())
TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "mx", "mx."}
AGE_AFTER = re.compile(r"^,\s*(\d{1,3})\s*,")
AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+$")
AGE_APPOSITION = re.compile(r"^,\s*\d{1,3}\s*[,.;)]")  # "Name, 21." closing a list as well as "Name, 21,"
NAME_PARTICLES = frozenset(
    "de del la las los da das do dos van von der den di du le bin binti al el y".split()
)
LOCATION_LABELS = {"GPE", "LOC"}
TITLE_ACRONYM = re.compile(r"(?:ADA|AUSA|DDA|ADDA|SAUSA)\s+(?=[A-Z][a-z])")
"""Prosecutors' titles written in capitals before a name (assistant / deputy district attorney,
assistant US attorney). Not in `RANK_WORDS`, which compares lower case: "ada" is also a first name."""
HYPHENATED_PLACE = re.compile(r"^(.+?)-(?:area|based|born|bound)$")
COUNTY_AND_MORE = re.compile(r"^(.+?\b(?:County|Parish))\s+[A-Z]")
NUMBERED_PARTS = frozenset({"section", "unit", "division"})
"""Unit heads that, followed by a number, name a part of a text or a building, not a unit."""
# organisation classes a keyword or a legal form can give; a front business is decided by front_cues, later
HYPHEN_BREAK = re.compile(r"[A-Za-z]-[ \t\n]$")

ORG_LIKE = load_ontology().classes_under(C.Organization) - {C.FrontBusiness}


DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&.]{1,9})\s*\)")
ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
TRAILING_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)$")


def _split_acronym(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Anaheim Police Department (APD)" names one organisation twice: the name and its acronym are
    two mentions (as annotators and readers treat them); an acronym inside a name stays inside."""
    match = TRAILING_ACRONYM.search(text, start, end)
    if match is None or match.start() == start:
        return [(start, end)]
    return [(start, match.start()), (match.start(1), match.end(1))]


class OrganizationTyper:
    """Ontology class of an organisation name from keyword rows (patterns/organizations.jsonl)."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rules = [
            (row["label"], re.compile(r"\b(?:" + "|".join(map(re.escape, row["keywords"])) + r")\b"))
            for row in rows
        ]

    def __call__(self, name: str) -> str | None:
        low = name.lower()
        for label, regex in self.rules:
            if regex.search(low):
                return label
        return None


ENTITY_RULES: tuple[str, ...] = (
    "pseudonyms",
    "patterns",
    "legal_forms",
    "addresses",
    "ner",
    "name_shape",
    "proper_names",
)
"""The recognizer's rule groups in the order they run; `rules` in the component config turns groups off
(the evaluation's ablation measures each group's effect per source)."""


class EntityRecognizer:
    def __init__(self, nlp: Language, region: str = "US", rules: tuple[str, ...] = ENTITY_RULES) -> None:
        unknown = set(rules) - set(ENTITY_RULES)
        if unknown:
            raise ValueError(f"unknown entity rules {sorted(unknown)}; known: {', '.join(ENTITY_RULES)}")
        self.rules = frozenset(rules)
        if "name_shape" in self.rules:
            warm_up()
        self.places = gazetteer(region)
        self.matcher = Matcher(nlp.vocab)
        gangs = load_patterns("gangs")
        self.pattern_labels: dict[str, str] = {}
        for row in load_patterns("authorities") + load_patterns("business") + load_patterns("ngos") + gangs:
            key = f"{row['label']}:{row['id']}"
            self.pattern_labels[key] = row["label"]
            self.matcher.add(key, [row["pattern"]], greedy="LONGEST")
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        for row in load_patterns("business_names"):
            key = f"{row['label']}:names"
            self.pattern_labels[key] = row["label"]
            self.names.add(key, [nlp.make_doc(name) for name in row["names"]])
        self.org_type = OrganizationTyper(load_patterns("organizations"))

    def __call__(self, doc: Doc) -> Doc:
        return guarded("entities")(self._recognize)(doc)

    def _pattern_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in [*self.matcher(doc), *self.names(doc)]:
            label = self.pattern_labels[doc.vocab.strings[match_id]]
            if "name_shape" in self.rules:
                start, end = repair_organisation_tokens(doc, start, end, label == C.Business)
            else:  # leading function words and ranks ("The", "An", "Deputy") are not part of a name
                while start < end - 1 and (doc[start].is_stop or doc[start].lower_ in RANK_WORDS):
                    start += 1
            if end - start == 1 and label != C.Authority and doc[start].is_stop:
                continue
            lone = end - start == 1 and "name_shape" in self.rules
            if lone and (doc[start].lower_ in lower_case_words(doc) or doc[start].lower_ in ORG_HEADS):
                continue  # a lone "Court" ("The Court entered an order") is a head noun, not a name
            if (
                start >= 2
                and doc[start - 1].text == "-"
                and not doc[start - 1].whitespace_
                and doc[start - 2].like_num
            ):
                continue  # "25-Year Prison Sentences": a number's compound, not a name
            if doc[end - 1].lower_ in NUMBERED_PARTS and end < len(doc) and doc[end].like_num:
                continue  # "Penal Code Section 236.1", "Unit 4": a numbered part, not a body
            if doc[end - 1].text == "AS" and all(t.is_upper or not t.is_alpha for t in doc[start : end - 1]):
                continue  # "… UNDERCOVER OFFICER POSING AS": a headline's "as", not a Norwegian "AS"
            spans.append(Span(doc, start, end, label=label))
        return filter_spans(spans)

    def _recognize(self, doc: Doc) -> None:
        taken = SpanSet((m["start"], m["end"]) for m in mentions(doc))

        def free(start: int, end: int) -> bool:
            return taken.free(start, end)

        on = self.rules
        for match in VICTIM_PSEUDONYM.finditer(doc_text(doc)) if "pseudonyms" in on else ():
            if free(*match.span()):
                add_mention(doc, C.Person, match.start(), match.end(), match.group(0), 0.9, "rule")
                taken.append(match.span())
        # "Unit 9, Harbour Court, Dublin 1" is a unit in a building, not a court: such an address
        # (a unit/flat number first) wins over the organisation patterns inside it.
        units = [m.span() for m in EUROPEAN_ADDRESS.finditer(doc_text(doc)) if UNIT_FIRST.match(m.group(0))]
        for span in self._pattern_spans(doc) if "patterns" in on else ():
            if not free(span.start_char, span.end_char):
                continue
            if any(a <= span.start_char and span.end_char <= b for a, b in units):
                continue
            if span.label_ != C.Authority and self._only_a_place(doc, span):
                continue  # "Anaheim Motel" is an unnamed motel in Anaheim, not a business name
            for start, end in _split_acronym(doc_text(doc), span.start_char, span.end_char):
                value = collapse(doc_text(doc)[start:end])
                add_mention(doc, span.label_, start, end, value, 0.85, "pattern")
                taken.append((start, end))
        for start, end, type_ in spanish_names(doc) if "patterns" in on and is_spanish(doc) else ():
            if free(start, end):
                add_mention(doc, type_, start, end, collapse(doc_text(doc)[start:end]), 0.85, "pattern")
                taken.append((start, end))
        if "legal_forms" in on:
            self._legal_form_names(doc, taken)
        address_rules = ((EUROPEAN_ADDRESS, C.Address), (ADDRESS, C.Address), (STREET, C.Address))
        for regex, type_ in address_rules if "addresses" in on else ():
            for match in regex.finditer(doc_text(doc)):
                if free(*match.span()):
                    value = collapse(match.group(0))
                    add_mention(doc, type_, match.start(), match.end(), value, 0.8, "rule")
                    taken.append(match.span())
        for ent in doc.ents if "ner" in on else ():
            self._add_ent(doc, ent, taken)
        if "name_shape" in on:
            read_definitions(doc, taken, self.org_type, ORG_LIKE)
            self._defined_acronyms(doc, taken)
        for start, end in proper_name_spans(doc) if "proper_names" in on else ():
            if "name_shape" in on:
                repaired = self._person_shape(doc, start, end)
                run = doc.char_span(*repaired, alignment_mode="expand") if repaired else None
                if repaired is None or run is None or not unsupported_name_plausible(run):
                    continue
                if is_offence(run[-1].text):
                    continue  # "Assaults", "Intoxication Manslaughter": an offence, no name
                start, end = repaired
            name = doc_text(doc)[start:end]
            if free(start, end) and self.org_type(name) is None and not self._is_place(name):
                add_mention(doc, C.Person, start, end, collapse(name), 0.6, "parse")
                taken.append((start, end))

    def _legal_form_names(self, doc: Doc, taken: SpanSet) -> None:
        """Company names with a legal form; one replaces a shorter pattern match it contains."""
        text = doc_text(doc)
        for match in LEGAL_FORM_NAME.finditer(text):
            start, end = match.start(), match.end()
            for stop in SENTENCE_STOP.finditer(text, start, end):
                if not ABBREVIATION_END.search(stop.group(1)):
                    start = stop.end()  # "… in München. Nordlicht Logistik GmbH": the name starts after
            lead = LEADING_FUNCTION_WORD.match(text[start:end])
            start += lead.end() if lead else 0
            if end - start <= 4 or " " not in text[start:end]:
                continue
            inside = [m for m in mentions(doc) if overlaps(start, end, m["start"], m["end"])]
            if any(
                not (start <= m["start"] and m["end"] <= end) or m["type"] not in ORG_LIKE for m in inside
            ):
                continue  # overlaps something else (an address, a person): leave it
            for m in inside:
                mentions(doc).remove(m)
            name = collapse(text[start:end])
            type_ = self.org_type(name)
            type_ = type_ if type_ in ORG_LIKE - {C.Authority, C.NGO, C.Organization} else C.Business
            add_mention(doc, type_, start, end, name, 0.85, "pattern")
            taken.append((start, end))

    @staticmethod
    def _defined_acronyms(doc: Doc, taken: SpanSet) -> None:
        """ "Dallas Children's Advocacy Center (DCAC)": every later "DCAC" is that organisation too, also
        where the NER typed it as something else (a place, a person)."""
        text = doc_text(doc)
        by_span = {(m["start"], m["end"]): m for m in mentions(doc)}
        defined: dict[str, str] = {}
        for mention in mentions(doc):
            if mention["type"] not in ORG_LIKE:
                continue
            after = DEFINITION.match(text, mention["end"])
            if after:
                defined.setdefault(after.group(1), mention["type"])
            elif ACRONYM_WORD.fullmatch(mention["text"]):
                defined.setdefault(mention["text"], mention["type"])
        for acronym, type_ in defined.items():
            for match in re.finditer(rf"(?<![\w.]){re.escape(acronym)}(?![\w])", text):
                if taken.free(match.start(), match.end()):
                    add_mention(doc, type_, match.start(), match.end(), acronym, 0.8, "acronym")
                    taken.append(match.span())
                    continue
                other = by_span.get(match.span())
                if (
                    other is not None
                    and other["type"] not in ORG_LIKE
                    and other["attributes"]["method"] == "ner"
                ):
                    other.update(type=type_, value=acronym)
                    other["attributes"] = {**other["attributes"], "method": "acronym"}

    def _person_shape(self, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
        """The name inside a person span, or None when it is not a name (see `name_shape`)."""
        if is_spanish(doc):
            spanish = spanish_person_span(doc, start, end)
            if spanish is None:
                return None
            start, end = spanish
        repaired = repair_person_span(doc, start, end, lambda name: self.org_type(name) is not None)
        if repaired is None:
            return None
        span = doc.char_span(*repaired, alignment_mode="expand")
        if span is None or not looks_like_name(span):
            return None
        return repaired

    def _locative(self, doc: Doc, span: Span | None) -> bool:
        """The words around a span place it: "in Katy", "from Lancaster", "Katy, Texas"."""
        if span is None:
            return False
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end : span.end + 2]
        region = len(after) == 2 and after[0].text == "," and self.places.lookup(after[1].text)
        return before in LOCATIVE or bool(region and region.type in {C.Region, C.Country})

    def _is_place(self, name: str) -> bool:
        return self.places.lookup(name) is not None

    def _only_a_place(self, doc: Doc, span: Span) -> bool:
        """No business name: a town and a kind of business ("Anaheim Motel"), or a town whose name ends
        in a business word ("Diamond Bar", "Ladera Ranch")."""
        name = " ".join(t.text for t in span[:-1])
        return bool(name) and (self._is_place(name) or self._is_place(span.text))

    def _add_ent(self, doc: Doc, ent: Span, taken: SpanSet) -> None:
        if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "FAC"}:
            return
        start, end = ent.start_char, ent.end_char
        text = doc_text(doc)[start:end]
        # Trim possessives and surrounding punctuation the sm model includes.
        trimmed = POSSESSIVE.sub("", text).rstrip(" .,;:-–")
        if (
            ABBREVIATION_END.search(trimmed)
            and doc_text(doc)[start + len(trimmed) : start + len(trimmed) + 1] == "."
        ):
            trimmed += "."  # "Centurion Ministries, Inc." keeps its abbreviation's period
        event = PROCEEDING.search(trimmed)
        proceeding = bool(event and event.group().strip()[:1].isupper())
        if event and proceeding:
            trimmed = trimmed[: event.start()].rstrip(" ,;:-–")
            if not trimmed:
                return
        trimmed = trimmed.rstrip()  # "Santa Ana\n": the line break is not part of the name
        lines = trimmed.split("\n")
        second = lines[1].strip() if len(lines) == 2 else ""
        block = bool(second) and (second[0].isdigit() or self._is_place(second))
        # "Santa Ana\nCo-defendant …", "Lake Forest\nFound guilty …": a town at a line's end and the
        # next line's first word; the town alone is a place the gazetteer knows, the whole is not
        town_first = (
            bool(second)
            and ent.label_ in {"GPE", "LOC"}  # an organisation may run over two lines ("Parkland\nHospital")
            and self._is_place(lines[0].strip())
            and not self._is_place(" ".join(lines))
        )
        if ent.label_ != "PERSON" and (len(lines) > 2 or block or town_first):
            # "Anaheim Motel\nFOR IMMEDIATE RELEASE\nDate: …": a name runs over two lines at most
            # ("Dallas Bar\nAssociation" in a narrow column), and not into an address or a town on the
            # next line of a header block ("… Securities Board\n8700 N Stemmons", "… Motel\nLong Beach");
            # people: `repair_person_span`
            trimmed = lines[0].rstrip(" ,;:-–")
            if not trimmed:
                return
        end = start + len(trimmed)
        if ent.label_ in {"GPE", "LOC"} and HYPHEN_BREAK.search(doc_text(doc)[max(0, start - 4) : start]):
            return  # "Oscar Gutierrez- Delgado": the rest of a hyphenated surname a line break split
        start = trim_leading_ranks(doc, start, end)
        title = TITLE_ACRONYM.match(doc_text(doc), start, end)
        if title and "name_shape" in self.rules:
            start = title.end()  # "ADA Klarissa Diaz": a prosecutor's title in capitals, then the name
            if " " not in doc_text(doc)[start:end].strip():
                return  # "ADA Summer": the NER cut the name; no guess at where it ends
        trimmed = doc_text(doc)[start:end]
        if not trimmed or not any(ch.isalpha() for ch in trimmed) or not trimmed[0].isupper():
            return
        if sum(ch.isdigit() for ch in trimmed) >= 5:
            return  # an identifier or number the NER mislabeled
        type_ = C.Person if title and "name_shape" in self.rules else self._type_of(doc, ent, trimmed, end)
        if type_ is None:
            return
        if proceeding and type_ in (C.Person, C.Location) and self._is_place(trimmed):
            type_ = C.Location  # "Hawthorne Pleaded": the verb made it a person; the town remains
        elif proceeding and type_ == C.Location:
            return  # "Career Criminal Pleads": a headline's subject, no place the gazetteer knows
        if type_ in ORG_LIKE and "name_shape" in self.rules and trimmed.lower() in ORG_HEADS:
            return  # "The Court entered an order": a lone head noun, not a name
        if "name_shape" in self.rules and ent.label_ == "ORG" and type_ in ORG_LIKE:
            span = doc.char_span(start, end, alignment_mode="expand")
            shape = organisation_shape(span, self.org_type(trimmed) is not None) if span else "reject"
            if shape == "reject":
                place = self.places.lookup(trimmed) if " " not in trimmed else None
                town = place is not None and place.type == C.City
                if place is None or (town and (len(trimmed) <= 3 or not self._locative(doc, span))):
                    return  # a town's name alone ("Moore", "Toyota") is a place only where placed
                type_ = C.Location  # "TX", "Katy" typed as organisations
            elif shape == "person":
                type_ = C.Person
        if (
            " " not in trimmed
            and "name_shape" in self.rules
            and is_spanish(doc)
            and spanish_stop_word(trimmed)
        ):
            return  # "Casi", "Nuestra", "Fue": a Spanish sentence's first word, not a name
        if type_ == C.Person:
            if trimmed.lower() in NOT_A_PERSON or len(trimmed) <= 2 or LEGAL_REFERENCE.search(trimmed):
                return
            if STREET_END.search(trimmed):
                return  # "Martin Luther King Jr. Blvd": a street named after a person
            start, end = extend_person(doc, start, end)
            if ent.label_ != "PERSON" and " " not in trimmed and "name_shape" in self.rules:
                end = self._surname_after(doc, ent, end)  # "32-year-old [Amalia] Alexander"
            if "name_shape" in self.rules:
                repaired = self._person_shape(doc, start, end)
                if repaired is None:
                    return
                start, end = repaired
        elif type_ == C.Location:
            if PLACE_NOISE.search(trimmed) or UNFINISHED_PLACE.search(trimmed):
                return
            spanish_word = "name_shape" in self.rules and is_spanish(doc) and spanish_common_phrase(trimmed)
            if spanish_word and not self._is_place(trimmed):
                return  # "Formado", "Las investigaciones": Spanish prose the English model calls a place
            common = " " not in trimmed and trimmed.lower() in lower_case_words(doc)
            if common and "name_shape" in self.rules and not self._is_place(trimmed):
                return  # "20 Years in Prison": a word this document also writes in lower case, no place
            area = HYPHENATED_PLACE.match(trimmed) or COUNTY_AND_MORE.match(trimmed)
            if (
                area
            ):  # "Houston-area" is the town; "Dallas County Grand Jury", "… District Judges": the county
                end = start + len(area.group(1))
            start, end = extend_place(doc, start, end)
        trimmed = doc_text(doc)[start:end]
        if taken.overlaps(start, end):
            return
        shouting = trimmed.isupper() and len(trimmed) > 3
        if shouting and (type_ == C.Person or (type_ != C.Location and " " not in trimmed)):
            return  # headline capitals: linking adds them back when the name is known
        value = collapse(trimmed.title() if shouting else trimmed)
        add_mention(doc, type_, start, end, value, 0.75 if shouting else 0.8, "ner", ner_label=ent.label_)
        taken.append((start, end))

    def _type_of(self, doc: Doc, ent: Span, text: str, end: int) -> str | None:
        label = ent.label_
        keyword_type = self.org_type(text)
        town = " " in text.strip() and "name_shape" in self.rules and self._is_place(text)
        if keyword_type not in (None, C.Authority) and town:
            return C.Location  # "Diamond Bar", "Ladera Ranch": a town whose name ends in a business word
        if (
            label != "PERSON"
            and keyword_type is None
            and "name_shape" in self.rules
            and self._aged(doc, ent, text, end)
        ):
            return C.Person  # "Erica Olivia Hernandez, 23," tagged FAC; "18-year-old Amina" tagged GPE
        if label == "PERSON":
            return keyword_type or C.Person  # "Southern Methodist University", "Dallas Police"
        if label in LOCATION_LABELS:
            if keyword_type is None and "name_shape" in self.rules and not self._is_place(text):
                span = doc.char_span(ent.start_char, end, alignment_mode="expand")
                if span is not None and person_shaped(span):
                    return C.Person  # "Mackenzie Kile" tagged GPE
            return C.Location if keyword_type not in {C.Authority} else keyword_type
        if label == "FAC":
            return keyword_type if keyword_type in ORG_LIKE else C.Location
        # ORG: the sm model often tags people ("Jermey Erin Frierson, 26,") as ORG.
        if keyword_type is None and self._looks_like_person(doc, ent, text, end):
            return C.Person
        return keyword_type or C.Organization

    def _aged(self, doc: Doc, ent: Span, text: str, end: int) -> bool:
        """A name with an age beside it ("Name, 23," or "17-year-old Name") whose first word is a
        known first name, the others capitalised or name particles ("Maria de Lourdes Perales"), and
        that is no place: a person, whatever the NER's label."""
        words = text.split()
        if not 1 <= len(words) <= 5 or not is_first_name(words[0]) or self._is_place(text):
            return False
        if not all(w[:1].isupper() or w in NAME_PARTICLES for w in words):
            return False
        return bool(
            AGE_APPOSITION.match(doc_text(doc)[end : end + 8])
            or AGE_BEFORE.search(doc_text(doc)[max(ent.start_char - 16, 0) : ent.start_char])
        )

    @staticmethod
    def _surname_after(doc: Doc, ent: Span, end: int) -> int:
        """A first name the NER typed as a place or an organisation and cut short: the surname is the
        next capitalised word on the line when no entity holds it and it is not a common word (or is
        also a name: "Alexander")."""
        after = doc[ent.end] if ent.end < len(doc) else None
        if (
            after is None
            or after.idx != end + 1
            or not (after.is_alpha and after.is_title)
            or after.ent_type_
            or (is_common_word(after.text) and not is_first_name(after.text))
        ):
            return end
        return after.idx + len(after.text)

    @staticmethod
    def _looks_like_person(doc: Doc, ent: Span, text: str, end: int) -> bool:
        words = text.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.isalpha() for w in words):
            return False
        if AGE_AFTER.match(doc_text(doc)[end : end + 8]):
            return True
        return ent.start > 0 and doc[ent.start - 1].lower_ in TITLES


@Language.factory(
    "lantern_entities",
    default_config={"region": "US", "rules": list(ENTITY_RULES)},
    requires=["doc.ents", "token.is_title"],
    assigns=["doc._.lantern_mentions"],
)
def make_entity_recognizer(nlp: Language, name: str, region: str, rules: list[str]) -> EntityRecognizer:
    return EntityRecognizer(nlp, region, tuple(rules))
