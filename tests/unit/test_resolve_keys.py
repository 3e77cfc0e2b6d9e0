"""Deterministic resolution keys (no database)."""

from __future__ import annotations

import pytest

from graph.resolve_keys import (
    KeyError_,
    business_fingerprint,
    identifier_key,
    location_key,
    normalise_person_name,
    organization_key,
    person_base,
)


@pytest.mark.parametrize("raw", ["+44 7700 900123", "+447700900123", "+44 (0)7700 900123"])
def test_uk_phone_formats_share_one_e164_key(raw: str) -> None:
    assert identifier_key("Phone", raw).key == "phone:+447700900123"


def test_national_phone_uses_region_and_lists_search_variants() -> None:
    res = identifier_key("Phone", "07700 900123", region="GB")
    assert res.key == "phone:+447700900123"
    assert {"07700 900123", "07700900123", "447700900123", "+44 7700 900123"} <= set(res.variants)
    assert identifier_key("Phone", "(555) 010-0199", region="US").key == "phone:+15550100199"


def test_unparsable_phone_is_an_error_not_a_key() -> None:
    with pytest.raises(KeyError_):
        identifier_key("Phone", "call me")


def test_email_website_account_vehicle_normalisation() -> None:
    assert identifier_key("Email", " Jane.Doe@Example.COM ").key == "email:jane.doe@example.com"
    assert identifier_key("Website", "https://www.Example.com/jobs/?ref=1").key == "website:example.com/jobs"
    assert identifier_key("Website", "example.com/jobs").key == "website:example.com/jobs"
    assert (
        identifier_key("BankAccount", "gb29 nwbk 6016 1331 9268 19").key == "account:GB29NWBK60161331926819"
    )
    assert (
        identifier_key("PaymentAccount", "GB29-NWBK-6016-1331-9268-19").key
        == "account:GB29NWBK60161331926819"
    )
    assert identifier_key("PaymentAppAccount", "$JaneDoe").key == "account:$janedoe"
    assert identifier_key("SocialHandle", "@Sunrise_Jobs").key == "handle:sunrise_jobs"
    assert identifier_key("Vehicle", "ab12 cde").key == "vehicle:AB12CDE"


def test_business_fingerprint_folds_legal_suffix_and_case() -> None:
    assert business_fingerprint("Sunrise Cleaning Ltd.") == business_fingerprint("SUNRISE CLEANING LIMITED")
    assert business_fingerprint("Sunrise Cleaning Ltd.") == "sunrise cleaning"
    assert (
        organization_key("Business", "Sunrise Cleaning Ltd", "Manchester").key
        == "business:sunrise cleaning@manchester"
    )
    assert organization_key("FrontBusiness", "Sunrise Cleaning").key == "business:sunrise cleaning"
    assert organization_key("Authority", "Leeds Police").key == "authority:leeds police"


def test_locations_prefer_geonameid_else_kind_name_country() -> None:
    assert location_key("City", "Leeds", {"geonameid": 2644688}).key == "location:geonames:2644688"
    assert location_key("City", "Leeds", {"country_code": "GB"}).key == "city:leeds|gb"
    assert location_key("Country", "Poland", {}).key == "country:poland"


def test_person_names_fold_case_accents_and_honorifics() -> None:
    assert normalise_person_name("Mr. José  MÜLLER") == "jose muller"
    assert person_base("Dr Anna Kowalska") == "person:anna kowalska"
    with pytest.raises(KeyError_):
        person_base("Mr.")
