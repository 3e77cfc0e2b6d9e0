"""A person's name the tagger cut at a quote mark is one mention in extraction's output
(`extraction.components.quote_names`, step `lantern_quote_names`). Fictional names."""

from __future__ import annotations

from typing import Any

import pytest

from extraction.components.quote_names import join_quote_cut_names
from extraction.models import SourceDocument
from extraction.pipeline import LANTERN_COMPONENTS, Extractor

TEXT = (
    "“Pastor Jon” Vale, community centre director, spoke. Later Vale thanked Ines “Boss” Marlow.\n"
    "“Mara” “Lia” came; Dee’Ann too. Tomas “Tiny” Brenner left. Walt “Slim” Crane, O’Dell Roe."
)


def _mention(key: int, name: str, at: int = 0, type_: str = "Person", **attributes: Any) -> dict[str, Any]:
    start = TEXT.index(name, at)
    return {
        "key": key,
        "type": type_,
        "start": start,
        "end": start + len(name),
        "text": name,
        "value": name,
        "confidence": 0.8,
        "ref": None,
        "attributes": {"method": "ner", **attributes},
    }


def test_the_parts_are_joined_with_their_refs_relations_and_roles() -> None:
    official = {"role": "Official", "start": 0, "end": 5}
    witness = {"role": "Witness", "start": 20, "end": 30}
    items = [
        _mention(1, "Pastor Jon", roles=["Official"], role_evidence=[official]),
        _mention(2, "Vale", roles=["Witness", "Official"], role_evidence=[witness, official], age=51),
        {**_mention(3, "Vale", TEXT.index("Later")), "ref": 2},
        _mention(4, "Ines"),
        _mention(5, "Marlow"),
        _mention(6, "Mara"),
        _mention(7, "Lia"),
        _mention(8, "Dee"),
        _mention(9, "Ann"),
        _mention(10, "Tomas"),
        _mention(11, "Tiny", type_="Organization"),
        _mention(12, "Brenner"),
        _mention(13, "Walt “Slim"),  # the tagger's first part holds the opening quote
        _mention(14, "Crane"),
        _mention(15, "O’Dell Roe"),
    ]
    found = [
        {"type": "KNOWS", "source": 2, "target": 4},
        {"type": "KNOWS", "source": 1, "target": 2},
        {"type": "KNOWS", "source": 11, "target": 6},
    ]
    assert join_quote_cut_names(TEXT, items, found) == 5
    by_key = {m["key"]: m for m in items}
    assert sorted(by_key) == [1, 3, 4, 6, 7, 8, 9, 10, 13, 15]
    vale = by_key[1]
    assert (vale["text"], vale["value"]) == ("Pastor Jon” Vale", "Pastor Jon Vale")
    assert (vale["start"], vale["end"]) == (1, TEXT.index(","))
    assert vale["attributes"] == {
        "method": "ner",
        "roles": ["Official", "Witness"],
        "role_evidence": [official, witness],
        "age": 51,
    }
    assert by_key[3]["ref"] == 1  # the later "Vale" refers to the joined name
    assert (by_key[4]["text"], by_key[4]["value"]) == ("Ines “Boss” Marlow", "Ines Marlow")
    # a nickname tagged on its own inside the joined name goes with it, with its relations
    assert (by_key[10]["text"], by_key[10]["value"]) == ("Tomas “Tiny” Brenner", "Tomas Brenner")
    # the nickname and quote marks stay out of the value, not out of the span
    assert (by_key[13]["text"], by_key[13]["value"]) == ("Walt “Slim” Crane", "Walt Crane")
    assert found == [
        {"type": "KNOWS", "source": 1, "target": 4},
        {"type": "KNOWS", "source": 10, "target": 6},
    ]  # the relation between the two parts of one name went with the cut
    # two quoted names apart, and an apostrophe inside a word, are not cuts
    assert [by_key[k]["value"] for k in (6, 7, 8, 9, 15)] == ["Mara", "Lia", "Dee", "Ann", "O’Dell Roe"]


def test_nothing_to_join_leaves_the_mentions_alone() -> None:
    items = [_mention(1, "Ines"), _mention(2, "Marlow", type_="Organization"), _mention(3, "Mara")]
    before = [dict(m) for m in items]
    assert join_quote_cut_names(TEXT, items, []) == 0
    assert items == before


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        (  # the title is trimmed by the entities step; the quote mark stays inside the name's span
            "Prosecutors said “Pastor Corla” Vale recruited two women in Fresno. Vale was arrested.",
            "Corla” Vale",
            "Corla Vale",
        ),
        (  # a quoted nickname inside the name, as the gold annotates it
            "Prosecutors said Dario “Coach” Brenner recruited two women in Fresno. Brenner was arrested.",
            "Dario “Coach” Brenner",
            "Dario Brenner",
        ),
        (  # the tagger left the surname after the nickname out
            "On Friday, March 8, 2019, Willem Nils “Doc” Garrity was arrested. Garrity ran the scheme.",
            "Willem Nils “Doc” Garrity",
            "Willem Nils Garrity",
        ),
        (
            "Prosecutors said Tomas “Tiny” Brenner recruited two women. Brenner was arrested.",
            "Tomas “Tiny” Brenner",
            "Tomas Brenner",
        ),
    ],
)
def test_extraction_outputs_one_person_for_a_name_cut_at_a_quote_mark(
    extractor: Extractor, text: str, name: str, value: str
) -> None:
    result = extractor.extract(SourceDocument(id="q", text=text))
    people = [e for e in result.entities if e.type == "Person"]
    full = [e for e in people if e.ref is None]
    assert [(e.text, e.value) for e in full] == [(name, value)], people
    assert full[0].start == text.index(name) and full[0].end == text.index(name) + len(name)
    later = [e for e in people if e.ref is not None]  # the surname alone refers to the whole name
    assert [(e.text, e.ref) for e in later] == [(value.split()[-1], full[0].id)]
    assert {r.source for r in result.relations if r.type == "RECRUITED_IN"} <= {full[0].id, later[0].id}


def test_a_quotation_after_a_name_is_no_nickname(extractor: Extractor) -> None:
    text = "Asked about the raid, Detective Lena Marsh “It is over.” Then she left."
    result = extractor.extract(SourceDocument(id="q", text=text))
    assert [e.text for e in result.entities if e.type == "Person" and e.ref is None] == ["Lena Marsh"]


def test_the_join_is_a_step_of_the_pipeline_and_of_the_ablation() -> None:
    from extraction.evaluate import ABLATION_STEPS

    order = list(LANTERN_COMPONENTS)
    assert order.index("lantern_entities") + 1 == order.index("lantern_quote_names")
    assert order.index("lantern_quote_names") < order.index("lantern_locations")
    steps = list(ABLATION_STEPS.items())
    names = [name for name, _ in steps]
    at = names.index("+quote names")
    assert names[at + 1] == "+locations"
    assert steps[at][1][0][-1] == "lantern_quote_names"
    assert all("lantern_quote_names" not in comps for _, (comps, _) in steps[:at])
    assert all("lantern_quote_names" in comps for _, (comps, _) in steps[at:])
    for _, (comps, _) in steps:  # each step is a prefix of the pipeline, in its order
        assert [c for c in order if c in comps] == list(comps)
