"""Issue 24: one phone normaliser for the API and the CLI, and NOT_FOUND messages with "did you mean"."""

from __future__ import annotations

from typing import Any

from api.graphql.not_found import not_found_message, suggestion_text
from graph.library import normalise_phone_params
from graph.resolve_keys import phone_from_matches


class Recorder:
    """A fake Runner: records each read and answers with the stored Phone values it was given."""

    def __init__(self, stored: list[str]) -> None:
        self.stored = stored
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        self.calls.append((name, params))
        return [
            {"entity": {"value": v, "labels": ["Phone"]}} for v in self.stored if v.endswith(params["digits"])
        ]


def test_a_uk_number_under_a_us_region_is_read_through_the_stored_number() -> None:
    assert phone_from_matches("07700 900101", "GB", []) == "+447700900101"
    assert phone_from_matches("07700 900101", "US", []) is None  # not a US number, nothing stored
    assert phone_from_matches("07700 900101", "US", ["+447700900101"]) == "+447700900101"
    assert phone_from_matches("07700 900101", "US", ["+447700900101", "+337700900101"]) is None  # ambiguous
    assert phone_from_matches("+44 7700 900101", "US", []) == "+447700900101"
    assert phone_from_matches("Viktor@Example.com", "US", []) == "viktor@example.com"
    assert phone_from_matches("Viktor Petrov", "US", ["+447700900101"]) is None


def test_cli_phone_parameters_use_the_same_normaliser() -> None:
    db = Recorder(["+447700900101"])
    out = normalise_phone_params(db, {"phone": "07700 900101", "limit": 5}, "US")
    assert out == {"phone": "+447700900101", "limit": 5}
    assert db.calls[0][0] == "api/search_exact" and db.calls[0][1]["digits"] == "7700900101"
    assert db.calls[0][1]["values"] == []  # by national digits only, which match phones only
    # ids, E.164 values and other parameters pass through unchanged
    assert normalise_phone_params(db, {"phone": "phone:+447700900101"}, "US") == {
        "phone": "phone:+447700900101"
    }
    assert (
        normalise_phone_params(Recorder([]), {"phone": "+44 7700 900101"}, "US")["phone"] == "+447700900101"
    )
    assert normalise_phone_params(Recorder([]), {"name": "07700 900101"}, "US") == {"name": "07700 900101"}


def test_not_found_messages_name_the_candidates() -> None:
    assert suggestion_text("person:oleh kravets#2") == "oleh kravets"
    assert suggestion_text("Oleh Kravets") == "Oleh Kravets"
    hints = [{"id": "person:oleh kravets", "caption": "Oleh Kravets", "kind": "Person"}]
    message = not_found_message("Oleh Kravets", hints)
    assert message == (
        "No entity with id 'Oleh Kravets'. Did you mean: person:oleh kravets (Person Oleh Kravets)? "
        "Pass one of these ids (ids come from `search`)."
    )
    assert "search found nothing like it" in not_found_message("x", [])
