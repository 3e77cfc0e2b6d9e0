"""Roles in the trafficking process (Role individuals) for people, from relations and sentence context.

Each role a person gets keeps its evidence: `attributes["role_evidence"]` holds `{"role", "start", "end"}`
with the span of the sentence that justifies it (ingest stores that sentence on the HAS_ROLE edge, and the
risk score quotes it). Cues are data (`patterns/roles.jsonl`, see its header for the three positions):
officials by their title or apposition ("District Attorney Jane Roe", "Jane Roe, Public Information
Officer"), the accused by what the sentence says happened to them ("Jane Roe, 29, was charged with"),
victims and witnesses likewise. A person with both Accused and Official evidence keeps Accused (a charged
officer is a suspect); otherwise Official drops the roles read off relations (a quoted prosecutor "brought"
no victim anywhere). The Official role never carries suspect risk (`graph.analytics.risk`).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from extraction.components.base import doc_text, load_patterns, root_mention
from ontology.names import C, R

FROM_RELATION = {
    R.RECRUITED: ("Recruiter", "Victim"),
    R.TRANSPORTED: ("Transporter", "Victim"),
    R.CONTROLLED: ("Exploiter", "Victim"),
    R.EXPLOITED_AT: ("Victim", None),
    R.RECRUITED_IN: ("Victim", None),
}
VICTIM_NAMES = re.compile(r"^(?:jane|john) doe\b", re.IGNORECASE)
BEFORE_WINDOW = 60
AFTER_WINDOW = 240
MAX_LIST_ITEMS = 6
WRAPPED_LINE_MIN = 60
MAX_CONTINUED_LINES = 4
"""Short lines of web text cut at inline elements (links) that one sentence may run over."""
MAX_LIST_LINES = 12
_TERMINAL = (".", "!", "?", ":", ";", '"', "”")
_INITIALS_TAIL = re.compile(r"(?<=\s)(?:[A-Z]{1,3}|(?:[A-Z]\.\s?){1,3})\s+$")
"""Initials the tagger left out of the name between a title and a surname ("Gov. JB " + "Pritzker")."""
_LIST_ITEM_END = re.compile(r"(?:;|;\s*and|,|,\s*and)$")
_SKIP_APPOSITION = re.compile(r"^(?:\s*\([^)]{0,40}\))?(?:\s*,[^.;:\n\"“”]{0,90}?,)?\s*")
"""Between a name and its predicate: a bracket ("(pictured)"), one comma aside (", 29, of Irvine,")."""
_NAME_LIST = re.compile(r"^(?:,?\s*(?:and|&)?\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*")
"""Further names of a list before a shared predicate ("Roe, Doe and Poe were charged")."""
_GROUP_ASIDE = re.compile(r"^(?:(?:both|all|each|also|of|from|formerly of)\b[^,.;:\n]{0,60},\s*)?")
"""An aside about the list or the last name ("both of Westbrook,", "of Irvine,") before the predicate."""
_LIST_JOIN = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s+)$")
_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*$")
_SINGULAR = re.compile(r"(?:is|was|has|pleads|faces|admits|remains|says|said)\b")
"""A singular verb after further names: they are the subject of their own clause, not a list."""
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|Jr|Sr|St|Lt|No))(?<!\b(?:Mrs|Sgt|Det|Gov|Sen|Rep|Cpl|Ofc|Dep|Inc|U\.S))"
    r"(?<!\b(?:Capt|Insp|Corp))[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n(?![a-z])"
)
"""Sentences end at . ! ? before a capital (not after an initial or a title: "Jason C. Pang", "Sgt. Roe"), or
at a line break unless the next line is lower case."""
_CUES: dict[str, list[tuple[str, re.Pattern[str]]]] | None = None


def role_cues(position: str = "before") -> list[tuple[str, re.Pattern[str]]]:
    """(role, cue) pairs for one position: before, apposition or predicate."""
    global _CUES
    if _CUES is None:
        cues: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for row in load_patterns("roles"):
            compiled = re.compile(row["regex"], re.IGNORECASE)
            cues.setdefault(row.get("position", "before"), []).append((row["label"], compiled))
        _CUES = cues
    return _CUES.get(position, [])


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around [start, end): from the previous sentence end to the next one."""
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), min(len(text), start + 2)):
        if m.end() <= start and not _wrapped(text, m):
            left = m.end()
    nxt = next((m for m in _SENTENCE_END.finditer(text, end) if not _wrapped(text, m)), None)
    right = nxt.start() + 1 if nxt and text[nxt.start()] != "\n" else (nxt.start() if nxt else len(text))
    return left, min(max(right, end), len(text))


def _wrapped(text: str, boundary: re.Match[str]) -> bool:
    """A line break inside a sentence: a hard-wrapped paragraph (PDF text: a long line before it ends
    mid-sentence), or web text cut at inline elements (`_continued_below`)."""
    if text[boundary.start()] != "\n":
        return False
    line = text[text.rfind("\n", 0, boundary.start()) + 1 : boundary.start()].rstrip()
    if line.endswith(_TERMINAL):
        return False
    return len(line) >= WRAPPED_LINE_MIN or _continued_below(text, boundary.start())


def _continued_below(text: str, newline: int) -> bool:
    """True when the sentence goes on over the short lines after `newline`: before any line ends a sentence,
    one starts in lower case ("Assistant State's Attorneys\nJane Roe\nand\nAl Poe\nwill handle the case.",
    each name a link of the web page). A heading stays a heading: the lines below it start with capitals."""
    pos = newline
    for _ in range(MAX_CONTINUED_LINES):
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1 : nxt if nxt >= 0 else len(text)].strip()
        if not line:
            return False
        if line[0].islower():
            return True
        if line.endswith(_TERMINAL) or nxt < 0:
            return False
        pos = nxt
    return False


def _add(person: dict[str, Any], role: str, span: tuple[int, int] | None = None) -> None:
    roles = person["attributes"].setdefault("roles", [])
    if role not in roles:
        roles.append(role)
    if span is not None:
        evidence = person["attributes"].setdefault("role_evidence", [])
        item = {"role": role, "start": span[0], "end": span[1]}
        if item not in evidence:
            evidence.append(item)


def list_intro(text: str, start: int) -> str:
    """For a name that opens a line of a list ("Angel Roe, 31, of Reseda;"), the line that introduces the list
    ("... found the following defendants guilty of murder:"); "" when the name is not in such a list."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return ""
    pos = line_start - 1
    for _ in range(MAX_LIST_LINES):
        if pos <= 0:
            return ""
        prev_start = text.rfind("\n", 0, pos) + 1
        line = text[prev_start:pos].strip()
        if line.endswith(":"):
            return line
        if not _LIST_ITEM_END.search(line):
            return ""
        pos = prev_start - 1
    return ""


def _list_windows(before: str) -> list[str]:
    """The text before a name, and the same text with earlier names of a list cut off ("Judge Roe and "):
    a title or verb before the first name of a list applies to every name in it."""
    out, window = [before], before
    for _ in range(MAX_LIST_ITEMS):
        joined = _LIST_JOIN.search(window)
        if not joined:
            break
        window = window[: joined.start()]
        for _ in range(4):  # the previous name: up to four capitalised words
            word = _CAPITALISED.search(window.rstrip())
            if not word:
                break
            window = window.rstrip()[: word.start()]
            out.append(window)
    return out


def predicate_starts(clause: str) -> list[str]:
    """Where the predicate may start after a name: right after it, and after each aside / further name of a
    list ("Roe, 35, of Orange, Doe, 19, of Irvine, and Poe, 30, will face"). The first candidate keeps a
    Title Case headline verb that the name list would swallow ("Harbor City Man Charged With ...")."""
    rest, out = clause, [clause.lstrip(" ,\n")]
    for _ in range(MAX_LIST_ITEMS):
        before = rest
        rest = rest[_SKIP_APPOSITION.match(rest).end() :]  # type: ignore[union-attr]
        out.append(rest.lstrip(" ,\n"))
        listed = _NAME_LIST.match(rest).end()  # type: ignore[union-attr]
        if listed and _SINGULAR.match(rest[listed:].lstrip(" ,\n")):
            break  # "… Glenn, Proctor is accused": a new subject, not a list sharing the predicate
        rest = rest[listed:]
        stripped = rest.lstrip(" ,\n")
        aside = _GROUP_ASIDE.match(stripped).end()  # type: ignore[union-attr]
        rest = stripped[aside:] if aside else rest
        out.append(rest.lstrip(" ,\n"))
        if rest == before:
            break
    return list(dict.fromkeys(out))


def context_roles(text: str, start: int, end: int) -> list[str]:
    """Roles the words around one mention at [start, end) give it (before, apposition, predicate)."""
    found: list[str] = []
    sent_start, sent_end = sentence_span(text, start, end)
    before = re.sub(r"\s", " ", text[max(sent_start, start - BEFORE_WINDOW) : start])  # also no-break spaces
    for window in _list_windows(before):  # "DA Investigators Kelly Paul and " + Lee Thompson: a shared title
        for tail in dict.fromkeys([window, _INITIALS_TAIL.sub("", window)]):  # "Gov. JB " + Pritzker
            for role, cue in role_cues("before"):
                hit = cue.search(tail)
                if hit and len(tail) - hit.end() <= 2:
                    found.append(role)
        if found:  # the nearest cue governs the list ("Victim Advocates Roquel Mahorn and ...")
            break
    after = text[end : end + AFTER_WINDOW]
    if after.startswith((", a ", ", an ", ", the ")):  # "Jane Roe, a driver": a before-cue as apposition
        noun = after[2:].split(" ", 1)[-1]
        found += [role for role, cue in role_cues("before") if cue.match(noun)]
    apposition = re.match(r"^(?:\s*,\s*|\s*\n\s*|\s+[-–—]\s+)", after)
    if apposition:
        for role, cue in role_cues("apposition"):
            if cue.match(after[apposition.end() :]):
                found.append(role)
    intro = list_intro(text, start)
    if intro:
        found += [role for role, cue in role_cues("list_intro") if cue.search(intro)]
    clause = text[end : max(end, sent_end)][:AFTER_WINDOW]
    for rest in predicate_starts(clause):
        found += [role for role, cue in role_cues("predicate") if cue.match(rest)]
    return list(dict.fromkeys(found))


def assign_roles(doc: Doc, items: list[dict[str, Any]], found: list[dict[str, Any]]) -> None:
    by_key = {m["key"]: m for m in items}
    text = doc_text(doc)

    def canonical(key: int) -> dict[str, Any]:
        return root_mention(by_key[key], by_key)

    def evidence(start: int, end: int) -> tuple[int, int]:
        return sentence_span(text, start, end)

    for rel in found:
        roles = FROM_RELATION.get(rel["type"])
        if not roles:
            continue
        source, target = canonical(rel["source"]), canonical(rel["target"])
        span = evidence(rel.get("start", source["start"]), rel.get("end", source["end"]))
        if source["type"] == C.Person and roles[0]:
            _add(source, roles[0], span)
        if target["type"] == C.Person and roles[1]:
            _add(target, roles[1], span)
    for mention in items:
        if mention["type"] != C.Person:
            continue
        person = canonical(mention["key"])
        if VICTIM_NAMES.match(mention["value"]):
            _add(person, "Victim", evidence(mention["start"], mention["end"]))
        for role in context_roles(text, mention["start"], mention["end"]):
            _add(person, role, evidence(mention["start"], mention["end"]))
    for mention in items:
        attrs = mention["attributes"]
        roles = attrs.get("roles", [])
        if "Official" not in roles:
            continue
        # a charged officer is a suspect; an official's relation-made roles are misread quotes
        drop = {"Official"} if "Accused" in roles else set(roles) - {"Official", "Witness"}
        attrs["roles"] = [r for r in roles if r not in drop]
        attrs["role_evidence"] = [e for e in attrs.get("role_evidence", []) if e["role"] not in drop]
