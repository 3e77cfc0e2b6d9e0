"""Supplier register reading and explained match scores (no database)."""

from __future__ import annotations

from pathlib import Path

from graph.audit.matching import Candidate, match_supplier, normalise_name, normalise_phone, score_candidate
from graph.audit.suppliers import Supplier, country_code, read_suppliers

NORTHGATE = Candidate.from_row(
    {
        "id": "business:northgate haulage@leeds",
        "name": "Northgate Haulage Ltd",
        "kind": "Business",
        "phones": ["+447700900456"],
        "addresses": ["12 Mill Road, Leeds"],
        "country_codes": ["GB"],
    }
)
BAKERY = Candidate.from_row(
    {
        "id": "business:greenfield bakery@york",
        "name": "Greenfield Bakery",
        "kind": "Business",
        "phones": ["+447700900789"],
        "addresses": [],
        "country_codes": ["GB"],
    }
)


def test_register_rows_and_per_row_errors(tmp_path: Path) -> None:
    f = tmp_path / "s.csv"
    f.write_text(
        "Supplier_ID,Name,Address,Phone,Country\n"
        'S1,Good One Ltd,"1 High St, York",+44 7700 900001,United Kingdom\n'
        'S2,"Broken, Row",too,many,fields,here\n'
        "S3,,No name road,,GB\n"
        "\n"
        "S1,Duplicate Ltd,,,GB\n"
        "S4,Atlantis Trading,,,Atlantis\n",
        encoding="utf-8",
    )
    suppliers, errors = read_suppliers(f)
    assert [s.supplier_id for s in suppliers] == ["S1", "S4"]
    assert suppliers[0].country == "GB" and suppliers[0].address == "1 High St, York"
    assert "not recognised" in suppliers[1].notes[0]
    reasons = {e.supplier_id: (e.row, e.reason) for e in errors}
    assert reasons["S2"][0] == 3 and "6 fields but the header has 5" in reasons["S2"][1]
    assert reasons["S3"] == (4, "the name is empty")
    assert "duplicate" in reasons["S1"][1]


def test_register_without_name_column_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    f.write_text("id,title\n1,x\n", encoding="utf-8")
    try:
        read_suppliers(f)
    except ValueError as exc:
        assert "no 'name' column" in str(exc)
    else:
        raise AssertionError("expected ValueError")


def test_normalisers() -> None:
    assert (
        normalise_name("NORTHGATE HAULAGE LIMITED")
        == normalise_name("Northgate Haulage Ltd.")
        == "haulage northgate"
    )
    assert normalise_phone("07700 900456", "GB") == "+447700900456"
    assert normalise_phone("not a phone", "GB") == ""
    assert country_code("United Kingdom") == "GB" and country_code("de") == "DE"


def test_exact_phone_and_normalised_name_explained() -> None:
    s = Supplier(2, "S-002", "NORTHGATE HAULAGE LIMITED", "12 Mill Road, Leeds", "07700 900456", "GB")
    m = score_candidate(s, NORTHGATE)
    assert m is not None and m.score == 1.0
    methods = [r.method for r in m.reasons]
    assert methods[:2] == ["exact phone", "normalised name"] and "address" in methods
    assert "+447700900456" in m.explanation


def test_fuzzy_name_and_country_penalty() -> None:
    fuzzy = score_candidate(Supplier(2, "x", "Greenfeld Bakery", "", "", "GB"), BAKERY)
    assert fuzzy is not None and fuzzy.reasons[0].method == "fuzzy name" and 0.72 <= fuzzy.score < 0.9
    abroad = score_candidate(Supplier(2, "y", "Greenfield Bakery", "", "", "FR"), BAKERY)
    assert abroad is not None and abroad.score == 0.75
    assert any(r.method == "country" and r.score == -0.15 for r in abroad.reasons)


def test_no_match_and_address_only_near_miss() -> None:
    s = Supplier(2, "z", "Totally Different Things", "12 Mill Road, Leeds", "", "GB")
    matches, near = match_supplier(s, [NORTHGATE, BAKERY])
    assert matches == []
    assert [n.business_name for n in near] == ["Northgate Haulage Ltd"] and near[0].score == 0.5
    none, none_near = match_supplier(Supplier(3, "w", "Zebra Widgets", "", "", "DE"), [NORTHGATE, BAKERY])
    assert none == [] and none_near == []


def test_shared_phone_under_another_name_still_matches_lower() -> None:
    s = Supplier(2, "v", "Quickwash Services", "", "+44 7700 900456", "GB")
    m = score_candidate(s, NORTHGATE, show=lambda kind, v: "masked:" + kind)
    assert m is not None and m.score == 0.65
    assert m.reasons[0].method == "exact phone" and "names differ" in m.reasons[0].detail
    assert "masked:Phone" in m.reasons[0].detail and "900456" not in m.explanation


def test_exact_email_counts_as_an_identifier(tmp_path: Path) -> None:
    cand = Candidate.from_row(
        {
            "id": "business:agriflex@wisbech",
            "name": "AgriFlex Recruitment Ltd",
            "emails": ["Jobs@Example.com"],
        }
    )
    m = score_candidate(
        Supplier(2, "e", "AgriFlex Recruitment Ltd", "", "", "", email="jobs@example.com"), cand
    )
    assert m is not None and m.score == 0.98 and m.reasons[0].method == "exact email"
    f = tmp_path / "s.csv"
    f.write_text("name,email,owner\nAgriFlex,JOBS@example.com,Somebody\n", encoding="utf-8")
    suppliers, errors = read_suppliers(f)
    assert errors == [] and suppliers[0].email == "jobs@example.com" and suppliers[0].supplier_id == "row-2"
