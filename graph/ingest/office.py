"""Office context for resolution and contact identifiers.

* A document's office is where it comes from: the folder of its file (`source` is the path), else the
  `source` label itself ("Press office"). An official (Role `Official`: prosecutor, judge, spokesperson ...)
  is one node per name and office: key `person:<name>#@<office>` (the `#` keeps it in the name's family, so
  `ingest/person_context` reads it with its namesakes). A later mention of the same name in the same office
  without an official role joins that node unless the document gives it a suspect or victim role
  (`graph.ingest.writer.resolve_people`). Namesakes in cases keep the evidence-based resolution.
* A phone or e-mail whose mention has `attributes["identifier_role"] == "contact"` (a press line, a
  hotline) keeps its node and mentions (searchable) but none of its typed relations: it never links a
  person or a network.
"""

from __future__ import annotations

from pathlib import PurePath

from extraction.models import ExtractionResult

OFFICIAL, ACCUSED = "Official", "Accused"
SUSPECT_ROLES = frozenset({"Accused", "Recruiter", "Transporter", "Exploiter", "Harbourer", "Financier",
                           "Facilitator"})  # fmt: skip
"""Roles that make a person part of the case a document reports (documents sharing one are related)."""
CASE_ROLES = frozenset({"Accused", "Victim", "Witness", "Recruiter", "Transporter", "Exploiter", "Harbourer",
                        "Financier", "Facilitator", "Buyer"})  # fmt: skip
"""Roles that tie a mention to a case: such a mention never joins an official's node by name."""
CONTACT_ROLE = "contact"


def office_of(source: str | None) -> str | None:
    """The office a document comes from: its file's folder, else its source label; None when unknown."""
    if not source or not source.strip():
        return None
    src = source.strip()
    if "/" in src or "\\" in src:
        parent = PurePath(src.replace("\\", "/")).parent.name
        return parent.lower() or None
    return src.lower()


def official_key(base: str, office: str) -> str:
    return f"{base}#@{office}"


def drop_contact_links(doc: ExtractionResult) -> tuple[ExtractionResult, int]:
    """The document without relations that touch a contact identifier, and how many were dropped."""
    contacts = {m.id for m in doc.entities if m.attributes.get("identifier_role") == CONTACT_ROLE}
    if not contacts:
        return doc, 0
    kept = [r for r in doc.relations if r.source not in contacts and r.target not in contacts]
    dropped = len(doc.relations) - len(kept)
    return (doc.model_copy(update={"relations": kept}) if dropped else doc), dropped
