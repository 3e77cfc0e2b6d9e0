"""Is this span a person's name, and where exactly does the name start and end?

The sm NER (and the parse rule) make three kinds of mistakes on press releases and news that no
office-specific list fixes, so these rules use general knowledge from maintained libraries:

* titles, ranks and agency names glued in front ("ADA Travis Wiles", "Detectives Jane Roe",
  "General Ken Paxton" from "Attorney General", "Homeland Security Investigations Jane Roe"):
  leading words that are titles (nameparser's list of ~600 titles, plural forms too), all-capital
  acronyms before a capitalised word, or an organisation name (the ontology-typed keyword rows)
  are cut off;
* headline words glued behind ("Charles Phifer Guilty", "… Secures Life", "Walker/ Cause",
  "Bobby Moore v"): the name ends at a case caption's "v.", a slash, or the first word that is a
  common English word (wordfreq) and not a known first name (gender-guesser) on a title-case line;
* title-case phrases that are not names at all ("Bodily Injury", "Grand Jury", "Case Background",
  "Katy Man Sentenced"): a span is not a name when every word is a common English word and none is a
  first name, or when it holds a word for a kind of person ("Man", "Visitor", "Officer").

A span also never runs over a line break unless the text is hard-wrapped prose (PDF-to-text), where
a name broken across two lines is still one name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from extraction.components.base import doc_text
from extraction.unwrap import is_hard_wrapped

COMMON_ZIPF = 3.5
"""A word at least this frequent in English (wordfreq's Zipf scale: 3.5 ≈ 3 per million words) is a
common word; names like "Price" or "Black" pass through the first-name test or a full name."""
PERSON_NOUNS = frozenset(
    "man woman men women boy girl boys girls teen teenager child children mother father son daughter "
    "brother sister wife husband couple family resident residents visitor visitors officer officers "
    "worker workers driver owner victim victims suspect suspects defendant defendants inmate inmates "
    "student students tourist tourists citizen citizens national nationals islander islanders "
    "gunman gunmen shooter killer offender offenders trafficker traffickers pimp pimps "
    "rapist rapists felon felons murderer murderers robber robbers burglar burglars thief thieves "
    "predator predators molester molesters abuser abusers".split()
)
"""Words for a kind of person: a span holding one describes people, it does not name one."""
CAPTION_BREAK = re.compile(r"(?:\s+(?:v\.?|vs\.?)(?=\s|$)|\s*/|(?:'s|’s)\s).*$", re.DOTALL)
"""Where a name ends inside a span: a case caption's "v.", a slash, a possessive followed by more words."""
TRAILING_ZIPF = 2.5
"""On a title-case line a trailing word this frequent that is not a first name is a headline word."""
ACRONYM = re.compile(r"^[A-Z]{2,5}$")
UNSUPPORTED_LAST_ZIPF = 3.0
"""A name found only by the parse rule (no NER support) whose last word is at least this frequent
and whose first word is no first name is a title-case noun phrase ("Gas Station", "Jury")."""
EVERYDAY_ZIPF = 5.0
EVERYDAY_LAST_ZIPF = 4.5
"""A parse-only run whose first word is a first name this frequent as a word ("Red", "Will") and
whose last word is this frequent ("Notice") is a noun phrase."""
SUFFIX = re.compile(r"\b(?:Jr|Sr)$")
NAME_SUFFIX = re.compile(r"\s(?:Jr|Sr|II|III|IV)\.?$")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    from extraction.components.name_rules import RANK_WORDS

    titles = {t.lower().rstrip(".") for t in CONSTANTS.titles}
    titles |= {w.rstrip(".") for w in RANK_WORDS if w.isalpha() or w.endswith(".")}
    titles -= {"the", "a", "an"}
    return frozenset(titles | {t + "s" for t in titles})


@lru_cache(maxsize=1)
def _first_names() -> object:
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def is_first_name(word: str) -> bool:
    return _first_names().get_gender(word) != "unknown"  # type: ignore[attr-defined]


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "en"))


def is_common_word(word: str) -> bool:
    return zipf(word) >= COMMON_ZIPF


def lower_case_words(doc: Doc) -> frozenset[str]:
    """Words this document also writes in lower case: common words here, whatever their frequency."""
    cached = doc.user_data.get("lantern_lower_words")
    if cached is None:
        cached = doc.user_data["lantern_lower_words"] = frozenset(t.lower_ for t in doc if t.is_lower)
    return frozenset(cached)


def warm_up() -> None:
    """Load the title list, the first-name list and the word frequencies once, when the component is
    built (before extraction workers fork), not inside the first document."""
    _titles()
    is_first_name("Ada")
    zipf("ada")


def is_title(word: str) -> bool:
    return word.lower().rstrip(".") in _titles()


def hard_wrapped(doc: Doc) -> bool:
    cached = doc.user_data.get("lantern_hard_wrapped")
    if cached is None:
        cached = doc.user_data["lantern_hard_wrapped"] = is_hard_wrapped(doc_text(doc))
    return bool(cached)


def title_case_line(doc: Doc, char: int) -> bool:
    """The line holding `char` is a title-case headline: three or more content words, 3/4 of them
    capitalised (short function words — "to", "for", "in", "the" — stay lower case in headlines)."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    content = [w for w in words if w.lower() not in HEADLINE_SMALL_WORDS]
    if len(content) < 3:
        return False
    return sum(w[0].isupper() for w in content) >= 0.75 * len(content)


def repair_person_span(
    doc: Doc, start: int, end: int, is_organisation: object = None
) -> tuple[int, int] | None:
    """The name inside a predicted person span (character offsets), or None when nothing in it is a
    name. `is_organisation(text) -> bool` recognises agency/business prefixes."""
    text = doc_text(doc)
    # never across a line break, unless the document is hard-wrapped prose
    if "\n" in text[start:end] and not hard_wrapped(doc):
        pieces = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\n]+", text[start:end])]
        pieces = [p for p in pieces if text[p[0] : p[1]].strip()]
        start, end = max(pieces, key=lambda p: p[1] - p[0]) if pieces else (start, end)
        while end > start and text[end - 1].isspace():
            end -= 1
    caption = CAPTION_BREAK.search(text[start:end])
    if caption and caption.start() > 0:
        end = start + caption.start()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tokens = [t for t in span if not t.is_space]
    # leading titles, acronyms and organisation names
    while len(tokens) > 1:
        first = tokens[0]
        title = is_title(first.text) and (len(tokens) > 2 or not is_first_name(first.text))
        if title or (ACRONYM.match(first.text) and tokens[1].is_title):
            tokens = tokens[1:]  # "Dean" is a title and a first name: cut only with two words left
            continue
        break
    if is_organisation is not None and len(tokens) > 2:
        for cut in range(len(tokens) - 1, 0, -1):
            prefix = doc_text(doc)[tokens[0].idx : tokens[cut - 1].idx + len(tokens[cut - 1].text)]
            if is_organisation(prefix):  # type: ignore[operator]
                tokens = tokens[cut:]
                while len(tokens) > 1 and is_title(tokens[0].text):
                    tokens = tokens[1:]
                break
    # trailing headline words on a title-case line ("Charles Phifer Guilty", "John Creuzot Secures")
    if len(tokens) > 2 and title_case_line(doc, tokens[0].idx):
        lower = lower_case_words(doc)
        while len(tokens) > 2:
            last = tokens[-1]
            headline_word = last.lower_ in lower or (
                last.pos_ in {"VERB", "AUX", "ADJ", "ADV"} and zipf(last.text) >= TRAILING_ZIPF
            )
            if last.is_alpha and headline_word and not is_first_name(last.text):
                tokens = tokens[:-1]
                continue
            break
    if not tokens:
        return None
    new_start = max(tokens[0].idx, start)
    new_end = min(tokens[-1].idx + len(tokens[-1].text), end)
    while new_end > new_start and not text[new_end - 1].isalnum() and text[new_end - 1] != ".":
        new_end -= 1
    if SUFFIX.search(text[new_start:new_end]) and text[new_end : new_end + 1] == ".":
        new_end += 1  # "Errol Spence Jr." keeps the suffix's period
    return new_start, new_end


def looks_like_name(span: Span) -> bool:
    """False for title-case phrases of common words ("Grand Jury"), descriptions of people
    ("Katy Man Sentenced", "Bank Officer") and lone titles ("Det", "Sgt")."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return False
    if any(t.lower_ in PERSON_NOUNS for t in words):
        return False
    if len(words) == 1 and is_title(words[0].text):
        return False
    lower = lower_case_words(span.doc)

    def common(token: Any) -> bool:
        return (is_common_word(token.text) or token.lower_ in lower) and not is_first_name(token.text)

    if len(words) == 1:
        # a lone common word the document also writes in lower case ("Sentenced", "Arson")
        return not (common(words[0]) and words[0].lower_ in lower)
    return not all(common(t) for t in words)


ORG_HEADS = frozenset(
    "division bureau agency administration project center centre team association authority group "
    "office council commission board department unit squad institute program programme services service "
    "clinic coalition network alliance fund committee court courts society partnership initiative "
    "foundation league corporation company bank church school college university hospital academy "
    "firm club ministry trust union federation organization organisation agencies department's".split()
)
"""Head nouns that end organisation names ("Domestic Violence Division", "Innocence Project"): a
span ending in one names an organisation even when every other word is a common word."""
FORCE_NOUNS = frozenset("police army navy guard gendarmerie constabulary militia".split())
"""Words for a force that end an agency's name ("Border Police", "Coast Guard"). nameparser lists
"police", "army" and "navy" among titles (for "Police Constable", "Army Major"); at the end of a name
they name the body, not a person. Only the organisation shape check reads them: they are not
`ORG_HEADS`, so a span edge still runs on over "Dallas Police" + "Association"."""
HEADLINE_SMALL_WORDS = frozenset(
    "a an the and or but nor for of to in on at by with from into over as vs v via per".split()
)
OFFENCE_NOUNS = frozenset(
    "assault homicide murder manslaughter robbery burglary theft weapon weapons possession kidnapping "
    "prostitution pandering pimping solicitation indecency fraud arson battery stalking tampering "
    "bribery perjury smuggling forgery extortion embezzlement slaying slayings killing killings "
    "shooting shootings charge charges".split()
)
"""Words an offence's name ends in: "Aggravated Sexual Assault", "Unlawfully Carrying a Weapon", "DWI
Charge" in title case are charges, not organisations (a name with an organisation's head word in it,
"Sexual Assault Kit Initiative", stays one)."""


def is_offence(word: str) -> bool:
    """An offence noun, singular or plural ("Assault", "Assaults", "Robberies")."""
    w = word.lower()
    return bool({w, w.removesuffix("s"), w[:-3] + "y" if w.endswith("ies") else w} & OFFENCE_NOUNS)


FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""A finite verb ("Sentenced", "Agrees", "Warn") makes a span a headline or a clause, not a name."""


def defined_acronym(doc: Doc, acronym: str) -> bool:
    """The document introduces the acronym: "(ACRONYM)" right after a name, or as a name's initials."""
    if f"({acronym})" in doc_text(doc):
        return True
    initials = doc.user_data.get("lantern_initials")
    if initials is None:
        initials = doc.user_data["lantern_initials"] = "".join(
            t.text[0] for t in doc if t.is_title and t.is_alpha
        )
    return len(acronym) >= 3 and acronym in initials


def organisation_shape(span: Span, keyword_typed: bool) -> str:
    """What an NER organisation span is: "keep", "person" (a first name + surname the NER typed as
    ORG: "Katherine Bascone"), or "reject" (a headline, a clause, a crime name in title case, a lone
    common word, an acronym the document never introduces). Spans typed by an organisation keyword
    ("… Police Department", "… University") are kept unless they are headlines."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or ":" in span.text or len(words) > 8:
        return "reject"
    last = words[-1]
    if last.is_lower and last.is_alpha and last.lower_ not in ORG_HEADS:
        return "reject"  # "Santa Ana police", "… helpline": a name ends in a capitalised word
    force = last.is_title and last.lower_ in FORCE_NOUNS
    headed = words[-1].lower_ in ORG_HEADS or force
    if not headed and (is_title(words[-1].text) or (len(words) > 1 and is_title(words[0].text))):
        return "reject"  # "Lead Prosecutor", "ADA Summer": a person's title, not an organisation
    if not headed and (
        any(t.lower_ in PERSON_NOUNS for t in words) or any(t.tag_ in FINITE_VERB_TAGS for t in words)
    ):
        return "reject"  # a headline or a clause: "Houston Man Sentenced to Life"
    if is_offence(last.text) and not any(t.lower_ in ORG_HEADS for t in words):
        return "reject"  # an offence in title case: "Aggravated Sexual Assault"
    if keyword_typed or (headed and len(words) > 1):
        return "keep"
    lower = lower_case_words(span.doc)

    def common(token: Any) -> bool:
        return (is_common_word(token.text) or token.lower_ in lower) and not is_first_name(token.text)

    if len(words) == 1:
        word = words[0]
        if ACRONYM.match(word.text):
            return "keep" if defined_acronym(span.doc, word.text) else "reject"
        return "reject" if common(word) or word.lower_ in lower else "keep"
    if all(common(t) for t in words):
        return "reject"
    return "person" if person_shaped(span) else "keep"


def person_shaped(span: Span) -> bool:
    """Two or three capitalised words, a known first name first and an uncommon word last
    ("Katherine Bascone", "Mackenzie Kile"): a person whatever label the NER gave the span."""
    words = [t for t in span if not t.is_space]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words):
        return False
    return is_first_name(words[0].text) and not is_common_word(words[-1].text)


def unsupported_name_plausible(span: Span) -> bool:
    """For a capitalised run no NER model typed (the parse rule): a person's name ends in a surname,
    so a run whose last word is a frequent English word is a noun phrase ("Bissonnet Gas Station",
    "Red Notice") unless it starts with a known first name that is not an everyday word before an
    everyday word ("Tyrone Day", "Jordan Edwards") or carries a name suffix ("Spence Jr.")."""
    words = [t for t in span if t.is_alpha]
    if not words or NAME_SUFFIX.search(span.text):
        return bool(words)
    if is_first_name(words[0].text):
        # a first name that is also an everyday word ("Red") does not vouch for an everyday word
        # after it ("Red Notice"); "Jordan Edwards", "Tyrone Day" stay names
        everyday = zipf(words[0].text) >= EVERYDAY_ZIPF and zipf(words[-1].text) >= EVERYDAY_LAST_ZIPF
        return len(words) == 1 or not everyday
    return zipf(words[-1].text) < UNSUPPORTED_LAST_ZIPF
