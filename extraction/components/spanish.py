"""Press releases written in Spanish (US offices publish many: "Fiscalía del Condado de …").

The English model reads Spanish badly in two ways, and both are general to the language, not to an
office:

* its capitalised function words ("Casi", "Nuestra", "Fue", "Sin" at a sentence start) come out as
  people and organisations: in a Spanish document a one-word name that is a Spanish stop word
  (spaCy's Spanish list) is no name;
* Spanish writes an organisation as a head noun followed by "de"/"del"/"contra la" phrases
  ("Departamento de Policía de Dallas", "Oficina del Fiscal del Distrito del Condado de …",
  "División de Delitos Contra Menores"), which the model cuts or misses. Such a name ends on a
  capitalised word and stops before a "de la" that opens another organisation ("Unidad de Trata de
  Personas | de la Fiscalía del Condado …"), as the guidelines annotate an English unit and its office.
"""

from __future__ import annotations

import itertools
import re

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.tokens import Doc

from extraction.components.base import doc_text
from extraction.components.name_shape import is_first_name, title_case_line
from ontology.names import C

SPANISH_ONLY = frozenset(SPANISH_STOP_WORDS - ENGLISH_STOP_WORDS)
SPANISH_SHARE = 0.05
"""Share of a document's words that are Spanish-only stop words in prose ("que", "por", "con"), from
which it is read as Spanish. Measured on the 165 dev gold releases: 159 English ones 0.000–0.010 (names
such as "Casa de la Luz" are not prose), Spanish ones 0.30–0.36."""

_AUTHORITY_HEADS = (
    "Departamento|Oficina|Fiscalía|Fiscal|Unidad|División|Equipo|Policía|Tribunal|Corte|Juzgado|"
    "Procuraduría|Ministerio|Secretaría|Agencia|Comisión|Consejo"
)
_OTHER_HEADS = "Grupo de Trabajo|Grupo|Centro|Asociación|Proyecto|Coalición|Fundación|Instituto"
AUTHORITY_HEAD = re.compile(rf"^(?:{_AUTHORITY_HEADS})\b")
_CAP = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü’'-]*"
_GAP = r"[ \t]*\n?[ \t]*"
_CONNECTOR = r"(?:de(?:[ \t]+(?:la|las|los|el))?|del|[Cc]ontra(?:[ \t]+(?:la|las|los|el))?|para[ \t]+la)"
_NEW_BODY = r"(?:Fiscalía|Oficina|Departamento|Unidad|División|Equipo|Centro)\b|Fiscal[ \t]+[A-ZÁÉÍÓÚÑ]"
"""Words after a "de" that start another body, or a prosecutor's title before a name ("… del Fiscal
Creuzot"), where the name ends."""


def _organisation(headline: bool) -> re.Pattern[str]:
    """Head noun, capitalised words, then one or more "de"/"contra" phrases of capitalised words; on a
    title-case headline every word is capitalised, so there a name takes one word after each "de"
    ("… del Condado de Kestrel | Lanza una Nueva Unidad")."""
    more = "" if headline else f"(?:{_GAP}{_CAP})*"
    return re.compile(
        rf"\b(?:{_AUTHORITY_HEADS}|{_OTHER_HEADS})\b"
        rf"(?:{_GAP}(?!{_NEW_BODY}){_CAP})*"
        rf"(?:{_GAP}{_CONNECTOR}{_GAP}(?!(?:la|las|los|el)\b)(?!{_NEW_BODY}){_CAP}{more})+"
    )


ORGANISATION = _organisation(headline=False)
HEADLINE_ORGANISATION = _organisation(headline=True)
_CONNECTORS_IN = re.compile(rf"\s{_CONNECTOR}\s")


COUNTY = re.compile(rf"\bCondado{_GAP}de{_GAP}[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+(?:[ \t]+[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+)?")
"""A county written the Spanish way ("Condado de Kestrel"); inside an organisation's name it is that
name's (the organisation is found first)."""


def is_spanish(doc: Doc) -> bool:
    """Spanish-only stop words make up `SPANISH_SHARE` of the words, counting only those that stand
    between lower-case words: the "de la" inside a name ("Casa de la Luz") says nothing of the prose."""
    cached = doc.user_data.get("lantern_spanish")
    if cached is None:
        words = [t for t in doc if t.is_alpha]
        prose = sum(
            word.lower_ in SPANISH_ONLY and not (before.text[0].isupper() or after.text[0].isupper())
            for before, word, after in zip(words, words[1:], words[2:], strict=False)
        )
        cached = doc.user_data["lantern_spanish"] = bool(words) and prose / len(words) >= SPANISH_SHARE
    return bool(cached)


def spanish_stop_word(word: str) -> bool:
    return word.lower() in SPANISH_STOP_WORDS


SPANISH_COMMON_ZIPF = 3.0
"""A Spanish word at least this frequent (wordfreq's Zipf scale, Spanish) is an everyday word."""


def spanish_common_phrase(text: str) -> bool:
    """Every word of `text` (articles aside) is an everyday Spanish word and none is a first name:
    "Formado", "Agravada", "Las investigaciones" at a sentence start, which the English model reads as
    places. Names are not everyday words ("Garland", "Mesquite"); a place the gazetteer knows is checked
    by the caller."""
    from wordfreq import zipf_frequency

    words = [w for w in text.split() if w.lower() not in {"el", "la", "los", "las", "un", "una"}]
    return bool(words) and all(
        zipf_frequency(w.lower(), "es") >= SPANISH_COMMON_ZIPF and not is_first_name(w) for w in words
    )


def _before_a_person(doc: Doc, start: int, end: int) -> int:
    """A name ends before a person's first name followed by another capitalised word ("Fiscal de
    Distrito | John Creuzot")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return end
    words = [t for t in span if t.is_alpha]
    for word, after in itertools.pairwise(words[1:]):
        if word.text[0].isupper() and after.text[0].isupper() and is_first_name(word.text):
            return len(doc_text(doc)[: word.idx].rstrip()) if word.idx > start else end
    return end


def organisation_names(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, ontology class) of each Spanish organisation name in the document."""
    text = doc_text(doc)
    found = []
    for match in ORGANISATION.finditer(text):
        start, end = match.span()
        if title_case_line(doc, start):
            short = HEADLINE_ORGANISATION.match(text, start)
            end = short.end() if short else end
        prosecutor = match.group(0).startswith("Fiscal ")
        if prosecutor and len(_CONNECTORS_IN.findall(text, start, end)) < 2:
            continue  # "el Fiscal del Distrito": the prosecutor's title; his office names a place too
        cut = _before_a_person(doc, start, end)
        if cut < end and prosecutor:
            continue  # "el Fiscal de Distrito John Creuzot": a prosecutor's title, not the office
        end = cut
        type_ = C.Authority if AUTHORITY_HEAD.match(match.group(0)) else C.Organization
        found.append((start, end, type_))
    return found


SPANISH_TITLES = frozenset(
    "el la los las sr sra srta señor señora don doña fiscal jefe jefa juez jueza distrito detective "
    "sargento oficial agente investigador investigadora abogado abogada asistente acusado acusada "
    "víctima testigo".split()
)
"""Words before a person's name in Spanish prose ("el Fiscal de Distrito John …", "La Sra. …")."""
NAME_PARTICLES = frozenset("de del la las los y da do dos van von".split())


def person_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The name inside a person span of a Spanish document, or None: titles and articles in front
    go, and a name holds no lower-case word but its particles ("María de Lourdes …"), so a clause
    the model took for a name ("Durante la semana") is none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    words = [t for t in span if t.is_alpha]
    while words and words[0].lower_ in SPANISH_TITLES:
        words = words[1:]
    if not words or any(w.is_lower and w.lower_ not in NAME_PARTICLES for w in words):
        return None
    if len(words) == 1 and spanish_stop_word(words[0].text):
        return None
    return max(start, words[0].idx), end


def names(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, ontology class) of the organisations and counties a Spanish document names."""
    counties = [(*m.span(), C.Location) for m in COUNTY.finditer(doc_text(doc))]
    return organisation_names(doc) + counties
