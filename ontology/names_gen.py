"""Write `ontology/names.py`: every class and relationship-type name of the ontology as a typed constant.

Code outside ontology/ writes `C.Phone` and `R.USES_PHONE` (from `ontology.names`) instead of the strings
"Phone" and "USES_PHONE". The constants are plain `str` values (`C.Phone == "Phone"`), so nothing changes
at run time; what changes is that renaming or removing a class in `lantern.ttl` and regenerating makes
every use fail at import and in mypy instead of silently matching nothing. A set of names that the
ontology can answer (`classes_under`, `symmetric_types`, ...) is asked of the loader, not spelled out
with these constants (tests/unit/test_vocabulary_literals.py checks both).

Regenerate after editing the Turtle (tests/unit/test_ontology_names.py fails until you do):

    python -m ontology.names_gen
"""

from __future__ import annotations

import keyword
from pathlib import Path

from ontology.loader import Ontology, load_ontology

NAMES_PATH = Path(__file__).resolve().parent / "names.py"

_HEADER = '''"""Ontology names as typed constants. GENERATED from ontology/lantern.ttl by
`python -m ontology.names_gen`; do not edit (tests/unit/test_ontology_names.py checks it is current).

    from ontology.names import C, R
    if kind == C.Phone: ...          # a class (Neo4j label)
    emit(R.USES_PHONE, a, b)         # a relationship type

Each constant is the plain string itself (`C.Phone == "Phone"`). Sets of names are asked of the
ontology (`load_ontology().classes_under(C.Business)`), not written out with these constants.
"""

from typing import Final, final
'''


def _doc(text: str, notes: list[str]) -> str:
    """First sentence of the Turtle's comment on one line (at most 80 characters), as a docstring."""
    line = " ".join(text.split()).replace("\\", "/").replace('"', "'")
    line = line.split(". ", 1)[0].rstrip(".")
    if len(line) > 80:
        line = line[:77].rsplit(" ", 1)[0].rstrip(",;:") + " ..."
    suffix = f" ({', '.join(notes)})" if notes else ""
    stop = "" if line.endswith("...") and not suffix else "."
    return f'    """{line}{suffix}{stop}"""'


def _check(name: str) -> str:
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(f"ontology name {name!r} is not a Python identifier; rename it in lantern.ttl")
    return name


def names_text(ont: Ontology | None = None) -> str:
    """The source of `ontology/names.py` for this ontology."""
    ont = ont or load_ontology()
    out = [_HEADER, "", "@final", "class C:", '    """Classes of lantern.ttl (`lt:Phone` -> `C.Phone`)."""']
    for name in sorted(ont.classes):
        info = ont.classes[name]
        notes = [n for n, on in (("abstract", info.abstract), ("RDF only", info.rdf_only)) if on]
        out += ["", f'    {_check(name)}: Final = "{name}"', _doc(info.comment or info.label, notes)]
    out += [
        "",
        "",
        "@final",
        "class R:",
        '    """Relationship types (`lt:usesPhone` -> `R.USES_PHONE`); RDF-only ones are export-only."""',
    ]
    rels = {**ont.relations, **ont.rdf_properties}
    for rel_type in sorted(rels):
        rel = rels[rel_type]
        notes = ["RDF only"] if rel_type in ont.rdf_properties else []
        out += ["", f'    {_check(rel_type)}: Final = "{rel_type}"', _doc(rel.comment or rel.label, notes)]
    return "\n".join(out) + "\n"


def write_names(path: Path = NAMES_PATH, ont: Ontology | None = None) -> Path:
    path.write_text(names_text(ont), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write_names()}")
