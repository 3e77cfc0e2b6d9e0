"""Where an organisation name matched by a token pattern starts and ends.

The authority and NGO patterns find a name by its head ("… Court", "… Office", "Department of …");
the edges they produce follow the pattern, not the language. These repairs are general rules of how
English organisation names are written, not lists of names:

* a word for a rank or office in front of a name is a person's title ("Detective Anaheim Police
  Department" → the department), but the same word followed by a possessive or an organisation head
  noun is part of the name ("District Attorney's Office", "District Court");
* a name never ends on a function word: "Texas Court of" runs on over the capitalised words that
  follow ("… of Criminal Appeals"), or the dangling word goes;
* an agency's acronym written in front belongs to the name ("FBI Dallas Violent Crimes Task Force");
* a legal form after a comma belongs to a company's name ("Brightwater Holdings, Inc.");
* a numbered court keeps its number, before ("203rd Judicial District Court") or after ("Criminal
  District Court No. 4");
* a name without its head noun runs on over capitalised words to one ("Dallas Police" +
  "Association"); a name that already ends in a head noun is complete, and no name runs over a
  headline's verb or adverb ("… Court of Criminal Appeals Officially Sets Aside");
* "Department of …", "Bureau of …" and "Office of …" take the place or state written in front of
  them ("Texas Department of Criminal Justice");
* a trailing possessive is not part of an agency's name ("… District Clerk's"; a business keeps
  it: "McDonald's"), nor is an unclosed parenthesis;
* a name never starts inside a hyphenated word ("Open Road Anti-Slavery Trust", not "Slavery
  Trust");
* a name starts after a sentence break, a finite verb, or (on a title-case headline) any verb or
  adverb inside the match, and not on a number word ("Three Dallas Police"); a name whose head comes
  first ("Department of …", "Office of …") ends before such a verb instead ("Department of Justice
  Announces Charges").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extraction.components.name_rules import RANK_WORDS
from extraction.components.name_shape import (
    ACRONYM,
    FINITE_VERB_TAGS,
    ORG_HEADS,
    is_first_name,
    title_case_line,
)

ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
INNER_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "&"})
TRAILING_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "&", "on", "in", "to"})
ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
OF_HEADS = frozenset({"department", "bureau", "office", "division", "ministry"})
MAX_CONTINUATION = 4
HYPHENS = frozenset({"-", "‐", "–"})
LEGAL_FORMS = frozenset({"Inc", "LLC", "LLP", "Ltd", "Corp", "Co", "L.L.C", "PLLC", "PC", "P.C"})


def _name_word(token: object) -> bool:
    return bool(token.is_title and token.is_alpha)  # type: ignore[attr-defined]


def _ordinal(token: object) -> bool:
    return bool(re.search(r"(?:first|second|third|th)$", token.lower_))  # type: ignore[attr-defined]


def _verb_like(token: object) -> bool:
    """A headline's verb or adverb ("Sets", "Officially"), which no organisation name contains."""
    return token.pos_ in {"VERB", "AUX", "ADV"} or token.tag_ in {"VBD", "VBZ", "VBP", "MD"}  # type: ignore[attr-defined]


def trim_leading(doc: Doc, start: int, end: int) -> int:
    """Drop leading function words and rank words that are a person's title; keep a rank word that
    is the head of the name (followed by a possessive or an organisation head noun)."""
    while start < end - 1:
        token = doc[start]
        if token.lower_ in ARTICLES or (token.is_stop and token.lower_ not in RANK_WORDS):
            start += 1
            continue
        if token.lower_ not in RANK_WORDS:
            break
        run = start
        while run < end - 1 and doc[run].lower_ in RANK_WORDS and doc[run].lower_ not in ARTICLES:
            run += 1
        after = doc[run]
        if after.text in POSSESSIVES or after.lower_ in ORG_HEADS:
            break  # "District Attorney's Office", "District Court": the rank word is the name
        if run + 2 == end and doc[end - 1].lower_ in ORG_HEADS:
            break  # "Special Victims Unit": one word between the rank word and the head
        start = run
    return start


def _whole_compound(doc: Doc, start: int) -> int:
    """A name never starts inside a hyphenated word: "Anti-Slavery Trust" is not "Slavery Trust",
    and the capitalised words in front of the compound are the name's too ("Open Road Anti-Slavery
    Trust"), as the pattern would have taken them had the hyphen not stopped it."""
    hyphen = doc[start - 1] if start > 0 else None
    if hyphen is None or hyphen.text not in HYPHENS or hyphen.whitespace_ or start < 2:
        return start
    word = doc[start - 2]
    if word.whitespace_ or not (word.is_title or word.is_upper) or not word.is_alpha:
        return start
    lead = start - 2
    while (
        lead > 0
        and start - lead < MAX_CONTINUATION + 2
        and _name_word(doc[lead - 1])
        and not doc[lead].is_sent_start
        and not doc[lead - 1].is_stop
        and doc[lead - 1].lower_ not in RANK_WORDS
        and "\n" not in doc[lead - 1].whitespace_
    ):
        lead -= 1
    return lead


def repair_organisation_tokens(
    doc: Doc, start: int, end: int, keep_possessive: bool = False
) -> tuple[int, int]:
    """Token bounds [start, end) of the organisation name around a pattern match. Business names
    keep a trailing possessive ("McDonald's"); agency names do not ("… District Attorney's")."""
    # a name starts after a sentence break or a verb inside the match ("Jr. The Conviction
    # Integrity Unit", "… Dismissed Against Three Dallas Police")
    headline = title_case_line(doc, doc[start].idx)
    for i in range(end - 2, start - 1, -1):
        token = doc[i]
        sentence_break = i > start and token.is_sent_start
        verb = token.tag_ in FINITE_VERB_TAGS or (headline and token.pos_ in {"VERB", "AUX", "ADV"})
        if (
            verb
            and not sentence_break
            and i > start
            and any(doc[k].lower_ in OF_HEADS for k in range(start, i))
        ):
            end = i  # "Department of Justice | Announces Charges": a head written first ends before the verb
            continue
        if sentence_break or verb:
            start = i if sentence_break else i + 1
            break
    if doc[start].lower_ in OF_HEADS:  # "Office of the Governor | Greg Abbott": a head-first name ends
        for i in range(start + 2, end - 1):  # before a person's first name and surname
            if _name_word(doc[i]) and _name_word(doc[i + 1]) and is_first_name(doc[i].text):
                end = i
                break
    start = trim_leading(doc, start, end)
    while end - start > 1 and doc[start].like_num and doc[start].is_alpha and not _ordinal(doc[start]):
        start += 1  # "Three Dallas Police" (but "Fourth District Court of Appeal")
    opened = [i for i in range(start, end) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[-1], end)) and opened[-1] > start:
        end = opened[-1]  # "Department of Justice (SAKI": an unclosed parenthesis is not the name's
    # a name never ends on a function word: run on over the capitalised words, or drop it
    if doc[end - 1].lower_ in TRAILING_FUNCTION_WORDS:
        stop = end
        while stop < len(doc) and stop - end < MAX_CONTINUATION + 2:
            token = doc[stop]
            if token.text in {"No", "No."}:
                break  # "Court of Criminal Appeals No. 2": the number is taken below
            if (_name_word(token) and not _verb_like(token)) or (
                token.lower_ in INNER_FUNCTION_WORDS and stop > end
            ):
                stop += 1
                continue
            break
        while stop > end and not _name_word(doc[stop - 1]):
            stop -= 1
        if stop > end:
            end = stop
        else:
            while end - start > 1 and doc[end - 1].lower_ in TRAILING_FUNCTION_WORDS:
                end -= 1
    # a name without its head noun runs on to a capitalised head ("Police" + "Association"); a
    # name that already ends in one is complete (what follows is another name)
    complete = doc[end - 1].lower_ in ORG_HEADS or doc[end - 1].text in POSSESSIVES | {")"}
    stop = len(doc) if complete else end  # "… Attorney's Fugitive Unit", "… (ICE) Office": two names
    while stop < len(doc) and stop - end < MAX_CONTINUATION and _name_word(doc[stop]):
        if _verb_like(doc[stop]):
            break
        stop += 1
        if doc[stop - 1].lower_ in ORG_HEADS:
            end = stop
    # a legal form after a comma ("…, Inc.", "…, LLP") and its abbreviation's period
    tail = doc[end : end + 3]
    if len(tail) >= 2 and tail[0].text == "," and tail[1].text.rstrip(".") in LEGAL_FORMS:
        end += 2
        if tail[1].text in LEGAL_FORMS and len(tail) == 3 and tail[2].text == ".":
            end += 1
    # numbered courts
    number = doc[end : end + 3]
    if len(number) == 3 and number[0].text == "No" and number[1].text == "." and number[2].like_num:
        end += 3
    elif len(number) >= 2 and number[0].text == "No." and number[1].like_num:
        end += 2
    if start > 0 and ORDINAL.match(doc[start - 1].text):
        start -= 1
    start = _whole_compound(doc, start)
    while start > 0 and ACRONYM.match(doc[start - 1].text) and doc[start].is_title:
        start -= 1  # "FBI Dallas Violent Crimes Task Force", "DPD Crimes Against Persons Unit"
    # "Texas Department of …": the place or state in front
    if end - start > 2 and doc[start].lower_ in OF_HEADS and doc[start + 1].lower_ == "of":
        lead = start
        while lead > 0 and start - lead < 3 and _name_word(doc[lead - 1]):
            if doc[lead - 1].lower_ in RANK_WORDS or doc[lead - 1].is_stop:
                break
            lead -= 1
            if doc[lead].is_sent_start:
                break
        start = lead
    while keep_possessive is False and end - start > 1 and doc[end - 1].text in POSSESSIVES:
        end -= 1
    return start, end
