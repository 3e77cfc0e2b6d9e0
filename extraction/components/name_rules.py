"""Span repairs for names from the sm NER: titles, initials, suffixes, possessives, place spans."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extraction.components.base import doc_text

RANK_WORDS = {
    "sergeant",
    "sgt.",
    "defendant",
    "defendants",
    "deputy",
    "officer",
    "detective",
    "det.",
    "judge",
    "senator",
    "investigator",
    "victim",
    "agent",
    "sheriff",
    "prosecutor",
    "supervisor",
    "attorney",
    "district",
    "senior",
    "assistant",
    "supervising",
    "special",
    "chief",
    "lieutenant",
    "lt.",
    "captain",
    "capt.",
    "corporal",
    "congressman",
    "congresswoman",
    "assemblyman",
    "assemblywoman",
    "mayor",
    "governor",
    "president",
    "director",
    "councilman",
    "councilwoman",
    "inmate",
    "suspect",
    "pimp",
    "co-defendant",
    "codefendant",
    "the",
    "a",
    "an",
    "•",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "miss",
    "spokesperson",
    "commander",
    "coroner",
    "sheriff-coroner",
    "commissioner",
    "councilmember",
    "analyst",
    "counsel",
    "trustee",
    "chairman",
    "chairwoman",
    "representative",
    "rep.",
    "justice",
    "magistrate",
    "constable",
    "trooper",
    "ranger",
    "marshal",
    "warden",
    "superintendent",
    "spokesman",
    "spokeswoman",
    "advocate",
    "advocates",
    "investigators",
    "detectives",
    "officers",
    "agents",
    "fiscal",
}
NOT_A_PERSON = {
    "victim",
    "victims",
    "publicity",
    "juvenile",
    "juveniles",
    "defendant",
    "defendants",
    "minor",
    "prostitute",
    "pimp",
    "jane",
    "john",
    "doe",
    "education",
    "prosecution",
    "resources",
    "heat",
    "circumstances",
    "court",
    "police",
    "sentencing",
    "felony",
    "misdemeanor",
    "prop",
    "proposition",
    "calif",
    "ca",
    "state",
    "county",
    "count",
    "counts",
    "charges",
    "case",
}
SUFFIX_AFTER = re.compile(r"^(?:,?\s+(?:Jr|Sr)\.?|,?\s+(?:II|III|IV)\b)")
VICTIM_PSEUDONYM = re.compile(r"\b(?:Jane|John) Don?e(?:\s*#\s*\d+|\s+\d+\b)?")
STREET = re.compile(
    r"\b(?:(?:North|South|East|West|N\.|S\.|E\.|W\.)\s+)?(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Street|Avenue|Boulevard|Road|Drive|Lane|Highway|Freeway|Parkway|Way)\b"
)
PLACE_NOISE = re.compile(
    r"^(?:Department\s+[A-Z]-?\d+|Operation\b)|\b(?:Ordinance|Act|Bill|Proposition|Prop)\b"
)
DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
ABBREVIATED = {
    "Calif",
    "Ca",
    "Fla",
    "Tex",
    "Ariz",
    "Nev",
    "Ore",
    "Wash",
    "Colo",
    "Ill",
    "Mich",
    "Ga",
    "Okla",
    "Ala",
    "Tenn",
    "Penn",
    "Conn",
    "Mass",
    "Va",
    "Wis",
    "Minn",
    "Ind",
    "Ky",
    "Md",
    "Mo",
    "Neb",
    "Kan",
}


SENTENCE_END = {".", "!", "?", ":", ";", "–", "—", "•"}


def sentence_initial(token: Token) -> bool:
    """Cheap stand-in for `token.is_sent_start` (which scans the whole doc on every call)."""
    if token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return prev.text in SENTENCE_END or prev.is_space or "\n" in prev.whitespace_


def trim_leading_ranks(doc: Doc, start: int, end: int) -> int:
    """New start character after dropping rank/title words ("Sergeant Dave Hill" → "Dave Hill")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start
    tokens = list(span)
    while len(tokens) > 1 and tokens[0].lower_ in RANK_WORDS:
        tokens = tokens[1:]
    return tokens[0].idx if tokens else start


def _could_be_first_name(word: str) -> bool:
    """A word in front of a name that may be its first name: no rank or title ("Attorneys",
    "Actor"), and a known first name or an uncommon word ("Killing" is neither)."""
    from extraction.components.name_shape import is_common_word, is_first_name, is_title

    if word.lower() in RANK_WORDS or is_title(word):
        return False
    return is_first_name(word) or not is_common_word(word)


def extend_person(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Include a trailing initial's period ("Ana R."), a suffix ("Holman, Jr."), and a sentence-
    initial first name the NER left out ("Gilberto [Cruz Silva]")."""
    text = doc_text(doc)
    if end < len(text) and text[end] == "." and re.search(r"(?:^|\s)[A-Z]$", text[start:end]):
        end += 1
    suffix = SUFFIX_AFTER.match(text[end : end + 6])
    if suffix:
        end += len(suffix.group(0))
    span = doc.char_span(start, end, alignment_mode="expand")
    while span is not None and span.start > 0:
        prev = doc[span.start - 1]  # "Marcus [Delano Pryce]": a first name the NER left out
        if not (prev.dep_ == "compound" and prev.pos_ == "PROPN" and prev.is_title and prev.is_alpha):
            break
        if prev.head.i < span.start or prev.head.i >= span.end or not _could_be_first_name(prev.text):
            break
        start = prev.idx
        span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and span.start > 0:
        prev = doc[span.start - 1]
        if (
            sentence_initial(prev)
            and prev.is_title
            and prev.is_alpha
            and not prev.is_stop
            and _could_be_first_name(prev.text)
            and prev.ent_type_ in {"", "PERSON", "ORG"}
        ):
            start = prev.idx
    return start, end


def extend_place(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """ "Los Angeles county" (lower-case county), "Calif." and "U.S." (the abbreviation's period),
    "State of X" → X."""
    text = doc_text(doc)
    name = text[start:end]
    if name.startswith("State of "):
        start += len("State of ")
        name = text[start:end]
    if (name in ABBREVIATED or DOTTED_INITIALS.fullmatch(name)) and text[end : end + 1] == ".":
        end += 1  # "Calif.", "U.S.", "D.C.": the abbreviation's own period
    tail = re.match(r"^\s+[Cc]ounty\b", text[end : end + 8])
    if tail and not name.lower().endswith("county"):
        end += len(tail.group(0))
    return start, end


PERSON_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}


def proper_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """2–3 token capitalised PROPN names in argument position that the NER did not label."""
    found = []
    # A word also written in lower case in this document is a common word, not part of a name.
    common = {t.lower_ for t in doc if t.is_lower}
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ not in PERSON_DEPS or not token.is_title or token.ent_type_:
            continue
        parts = [c for c in token.lefts if c.dep_ == "compound" and c.is_title and c.is_alpha]
        if (
            not 1 <= len(parts) <= 2
            or parts[-1].i != token.i - 1
            or (len(parts) == 2 and parts[0].i != token.i - 2)
        ):
            continue
        if any(t.ent_type_ or t.lower_ in RANK_WORDS or t.is_stop for t in parts):
            continue
        if any(t.lower_ in common for t in [*parts, token]):
            continue
        found.append((parts[0].idx, token.idx + len(token.text)))
    return found
