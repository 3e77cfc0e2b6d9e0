"""The guard at the graph's door (graph.ingest.guard) and office context (graph.ingest.office); no DB."""

from __future__ import annotations

from extraction.models import EntityMention, ExtractionResult, RelationMention
from graph.ingest.guard import guard_document, rejection
from graph.ingest.office import drop_contact_links, office_of, official_key
from graph.ingest.prepare import prepare
from graph.ingest.run import default_view

TEXT = (
    "Westbrook Trafficker & Local Resident Charged\n"
    "PDF Version\n"
    "HARBOR CITY - Dorian Vale of Westbrook was charged. A Pacific Islander woman and a Bank Officer spoke.\n"
    "The Office of Harbor County State's Attorney said the Severe Beating happened at Golden Reed Spa.\n"
    "Call (202) 555-0147."
)


def _m(i: int, type_: str, text: str, **kw: object) -> EntityMention:
    start = TEXT.index(text)
    return EntityMention(
        id=f"e{i}",
        type=type_,
        text=text,
        start=start,
        end=start + len(text),
        value=text,
        confidence=0.9,
        **kw,
    )


def test_rejections_name_the_shape_rule() -> None:
    cases = {
        ("Organization", "Trafficker & Local Resident Charged"): "headline or sentence fragment",
        ("Organization", "PDF Version"): "page furniture",
        ("Organization", "Pacific Islander"): "description or common words, not a name",
        ("Person", "Bank Officer"): "description or common words, not a name",
        ("City", "Severe Beating"): "description or common words, not a name",
        ("Authority", "Office of Harbor County State"): "truncated name",
        ("Business", "Charged\nPDF"): "page furniture",
    }
    roots = {"Organization": "Organization", "Person": "Person", "City": "Location",
             "Authority": "Organization",
             "Business": "Organization"}  # fmt: skip
    for (type_, text), reason in cases.items():
        start = TEXT.index(text)
        m = EntityMention(
            id="x", type=type_, text=text, start=start, end=start + len(text), value=text, confidence=0.9
        )
        assert rejection(m, TEXT, roots[type_]) == reason, text
    for type_, text in (("Person", "Dorian Vale"), ("Business", "Golden Reed Spa"), ("City", "Westbrook")):
        start = TEXT.index(text)
        m = EntityMention(
            id="x", type=type_, text=text, start=start, end=start + len(text), value=text, confidence=0.9
        )
        assert rejection(m, TEXT, roots[type_]) is None, text


def test_guard_drops_refs_and_relations_and_counts_reasons() -> None:
    doc = ExtractionResult(
        id="d",
        text=TEXT,
        source="/data/press/harbor_city_da/release.txt",
        entities=[
            _m(1, "Person", "Dorian Vale"),
            _m(2, "Business", "Golden Reed Spa"),
            _m(3, "Organization", "PDF Version"),
            _m(4, "Person", "Bank Officer"),
            _m(5, "Phone", "(202) 555-0147", attributes={"identifier_role": "contact"}),
        ],
        relations=[
            RelationMention(
                id="r1", type="WORKS_FOR", source="e4", target="e2", start=0, end=10, confidence=0.9
            ),
            RelationMention(id="r2", type="OWNS", source="e1", target="e2", start=0, end=10, confidence=0.9),
            RelationMention(
                id="r3", type="USES_PHONE", source="e1", target="e5", start=0, end=10, confidence=0.9
            ),
        ],
    )
    roots = {"Person": "Person", "Business": "Organization", "Organization": "Organization"}
    kept, counts = guard_document(doc, roots)
    assert [m.id for m in kept.entities] == ["e1", "e2", "e5"]
    assert [r.id for r in kept.relations] == ["r2", "r3"]
    assert counts == {"page furniture": 1, "description or common words, not a name": 1}
    no_contacts, dropped = drop_contact_links(kept)
    assert dropped == 1 and [r.id for r in no_contacts.relations] == ["r2"]
    assert [m.id for m in no_contacts.entities] == ["e1", "e2", "e5"]  # the number stays searchable
    prep = prepare(doc, default_view())
    assert prep.rejected == counts and prep.contact_links == 1 and prep.office == "harbor_city_da"


def test_officials_are_keyed_per_office() -> None:
    assert office_of("/data/press/harbor_city_da/x.txt") == "harbor_city_da"
    assert office_of("Press office") == "press office"
    assert office_of(None) is None and office_of("  ") is None
    assert official_key("person:miriam okafor", "harbor_city_da") == "person:miriam okafor#@harbor_city_da"
    text = "District Attorney Miriam Okafor said Dorian Vale was charged."
    doc = ExtractionResult(
        id="d",
        text=text,
        source="/x/harbor_city_da/a.txt",
        entities=[
            EntityMention(id="e1", type="Person", text="Miriam Okafor", start=18, end=31,
                          value="Miriam Okafor",
                          confidence=0.9,
                          attributes={"roles": ["Official"]}),
            EntityMention(id="e2", type="Person", text="Dorian Vale", start=37, end=48, value="Dorian Vale",
                          confidence=0.9,
                          attributes={"roles": ["Accused"]}),
        ],
    )  # fmt: skip
    prep = prepare(doc, default_view())
    assert prep.keys["e1"] == "person:miriam okafor#@harbor_city_da"
    assert prep.person_bases == {"e2": "person:dorian vale"}


def test_a_surname_only_official_is_the_office_official_of_that_surname() -> None:
    from graph.ingest.writer import _resolve_officials

    def doc(i: int, name: str, office: str) -> ExtractionResult:
        text = f"District Attorney {name} said so."
        return ExtractionResult(
            id=f"d{i}",
            text=text,
            source=f"/x/{office}/d{i}.txt",
            entities=[
                EntityMention(id="e1", type="Person", text=name, start=18, end=18 + len(name), value=name,
                              confidence=0.9, attributes={"roles": ["Official"]})
            ],
        )  # fmt: skip

    docs = [prepare(doc(i, n, o), default_view()) for i, (n, o) in
            enumerate([("Mia Okafor", "harbor"), ("Okafor", "harbor"), ("Okafor", "bayview")])]  # fmt: skip
    _resolve_officials(docs, {})
    assert [d.keys["e1"] for d in docs] == [
        "person:mia okafor#@harbor",
        "person:mia okafor#@harbor",
        "person:okafor#@bayview",
    ]


def test_the_guard_leaves_quote_cut_names_to_extraction() -> None:
    """Extraction joins a name cut at a quote mark (`extraction.components.quote_names`, tested in
    test_quote_names.py; one Person in the graph: tests/integration/test_quote_cut_names.py). The door keeps
    no second copy of that rule: what reaches it is judged as it is, and nothing is counted for it."""
    text = "“Pastor Jon” Vale, community centre director, spoke."

    def m(i: int, name: str) -> EntityMention:
        start = text.index(name)
        return EntityMention(id=f"e{i}", type="Person", text=name, start=start, end=start + len(name),
                             value=name, confidence=0.9)  # fmt: skip

    doc = ExtractionResult(id="d", text=text, entities=[m(1, "Pastor Jon"), m(2, "Vale")])
    kept, counts = guard_document(doc, {"Person": "Person"})
    assert [(e.id, e.text) for e in kept.entities] == [("e1", "Pastor Jon"), ("e2", "Vale")]
    assert counts == {}


def test_untitled_forms_in_a_release_join_its_official() -> None:
    from graph.ingest.writer import _resolve_all
    from graph.resolve_people import PersonResolver

    text = (
        "District Attorney Miriam Okafor thanked Chief Tomas Heller. “Miriam and I agree,” said El Jefe "
        "Heller. Westbrook Miriam Okafor spoke; General Okafor too. Lia Vale, 19, was charged; Lia wept."
    )

    def m(i: int, name: str, roles: list[str] | None = None, after: str = "") -> EntityMention:
        start = text.index(name, text.index(after) if after else 0)
        attrs = {"roles": roles} if roles else {}
        return EntityMention(id=f"e{i}", type="Person", text=name, start=start, end=start + len(name),
                             value=name, confidence=0.9, attributes=attrs)  # fmt: skip

    doc = ExtractionResult(
        id="d",
        text=text,
        source="/x/harbor/d.txt",
        entities=[
            m(1, "Miriam Okafor", ["Official"]),
            m(2, "Tomas Heller", ["Official"]),
            m(3, "Miriam", after="“"),
            m(4, "El Jefe Heller"),
            m(5, "Westbrook Miriam Okafor"),
            m(6, "General Okafor"),
            m(7, "Lia Vale", ["Accused"]),
            m(8, "Lia", after="charged"),
        ],
    )
    prep = prepare(doc, default_view())
    _resolve_all([prep], PersonResolver(), None)
    okafor, heller = "person:miriam okafor#@harbor", "person:tomas heller#@harbor"
    assert [prep.keys[f"e{i}"] for i in (1, 3, 5, 6)] == [okafor] * 4
    assert [prep.keys[f"e{i}"] for i in (2, 4)] == [heller] * 2
    assert prep.keys["e8"] == "person:lia"  # a first name alone that no official has stays apart
