"""Personal data in audit reports follows the role's masking policy (`graph.privacy`, default role "auditor").

`graph.privacy` decides what is masked and how (person names → stable pseudonyms, identifiers partly
hidden). This adapter remembers every entity it masked on the report's paths so that evidence snippets
are masked consistently (full names and surnames/first names of those people), and replaces node ids
that embed personal data (`person:...`, `phone:...`) with opaque `anon:` ids.
"""

from __future__ import annotations

from graph.privacy import (
    CATEGORY_CLASS,
    anon_id,
    category_masked,
    category_of,
    is_masked,
    mask_snippet,
    mask_value,
)

PERSON = "person"  # the personal-data category of people (lt:personalData)


class Masker:
    """Masks node captions, node ids and evidence snippets for one role."""

    def __init__(self, role: str = "auditor") -> None:
        self.role = role
        self._mentions: set[tuple[str, str, str | None]] = set()
        self._ids: dict[str, str] = {}

    def node(self, entity_id: str, kind: str, name: str) -> tuple[str, str]:
        """(id, caption) as the role may see them."""
        if not is_masked(kind, self.role):
            return entity_id, name
        self._mentions.add((kind, name, entity_id))
        if category_of(kind) == PERSON:
            for part in name.split():
                if len(part) > 3:
                    self._mentions.add((kind, part, entity_id))
        masked_id = self._ids.setdefault(entity_id, anon_id(entity_id))
        return masked_id, mask_value(kind, name, self.role, entity_id) or ""

    def value(self, kind: str, value: str) -> str:
        """A bare value (e.g. the supplier's own phone in an explanation) as the role may see it."""
        return mask_value(kind, value, self.role) or "" if value else value

    def known_person(self, entity_id: str, name: str, texts: list[str]) -> None:
        """A person named in an evidence document: mask its name and mention texts in snippets."""
        if not category_masked(PERSON, self.role):
            return
        kind = CATEGORY_CLASS[PERSON]
        for surface in {name, *texts, *(p for p in (name or "").split() if len(p) > 3)}:
            if surface:
                self._mentions.add((kind, surface, entity_id))

    def node_id(self, entity_id: str) -> str:
        """An id as the role may see it (ids of masked nodes seen before become `anon:` ids)."""
        return self._ids.get(entity_id, entity_id)

    def snippet(self, text: str) -> str:
        return mask_snippet(text, self.role, self._mentions) or ""
