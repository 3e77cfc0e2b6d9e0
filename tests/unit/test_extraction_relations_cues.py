"""Typed relations stated in real sentences (fictional names, reserved identifiers)."""

from __future__ import annotations

import pytest

from extraction.models import SourceDocument
from extraction.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(region="GB")


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    result = extractor.extract(SourceDocument(id="t", text=text))
    by_id = {e.id: e for e in result.entities}
    canonical = {e.id: by_id[e.ref] if e.ref else e for e in result.entities}

    def name(entity_id: str) -> str:  # business values may drop the legal form ("... GmbH")
        value = canonical[entity_id].value
        return "Nordlicht Wellness GmbH" if value.startswith("Nordlicht Wellness") else value

    return {(r.type, name(r.source), name(r.target)) for r in result.relations}


def test_owns_and_controls(extractor: Extractor) -> None:
    found = triples(
        extractor, "The prosecution case is that Dmytro Koval owns and controls Nordlicht Wellness GmbH."
    )
    assert ("OWNS", "Dmytro Koval", "Nordlicht Wellness GmbH") in found


def test_the_companys_director(extractor: Extractor) -> None:
    text = (
        "Police raided the premises of Nordlicht Wellness GmbH on Tuesday. "
        "The company's director, Dmytro Koval, could not be reached for comment."
    )
    assert ("OWNS", "Dmytro Koval", "Nordlicht Wellness GmbH") in triples(extractor, text)


def test_paid_by_is_an_association(extractor: Extractor) -> None:
    text = "The driver, Tomas Brandt, told officers he was paid by Dmytro Koval to bring people to Hamburg."
    found = triples(extractor, text)
    assert {
        ("ASSOCIATE_OF", "Dmytro Koval", "Tomas Brandt"),
        ("ASSOCIATE_OF", "Tomas Brandt", "Dmytro Koval"),
    } & found


def test_contact_line_belongs_to_the_advertiser(extractor: Extractor) -> None:
    text = (
        "Nordlicht Wellness GmbH is recruiting now for building work. Start immediately.\n"
        "Call or WhatsApp 07700 900555 or write to jobs@example.com."
    )
    found = triples(extractor, text)
    assert ("USES_PHONE", "Nordlicht Wellness GmbH", "+447700900555") in found
    assert ("USES_EMAIL", "Nordlicht Wellness GmbH", "jobs@example.com") in found


def test_platform_is_not_the_user_of_a_handle(extractor: Extractor) -> None:
    text = "Investigators say Koval used the email address pl@example.org and the Telegram account @nordjobs."
    found = triples(extractor, text)
    assert not any(t[1] == "Telegram" for t in found)
    assert any(t[0] == "USES_HANDLE" and t[2] in {"nordjobs", "@nordjobs"} for t in found), found


def test_called_number_is_not_the_callers_but_the_named_user(extractor: Extractor) -> None:
    text = (
        "Analysis of a phone seized from the driver showed 200 calls to the number 07700 900777. "
        "Investigators believe the number is used by Ivo Marek, 51."
    )
    found = triples(extractor, text)
    assert ("USES_PHONE", "Ivo Marek", "+447700900777") in found
    assert [t for t in found if t[0] == "USES_PHONE"] == [("USES_PHONE", "Ivo Marek", "+447700900777")]


def test_co_defendants(extractor: Extractor) -> None:
    text = "IN THE MATTER OF the prosecution of Dmytro Koval and Tomas Brandt (co-defendants)."
    found = triples(extractor, text)
    assert {
        ("CO_ACCUSED", "Dmytro Koval", "Tomas Brandt"),
        ("CO_ACCUSED", "Tomas Brandt", "Dmytro Koval"),
    } & found


def test_co_mention_alone_makes_no_relation(extractor: Extractor) -> None:
    text = "Dmytro Koval spoke at the conference. Tomas Brandt attended a different event in Hamburg."
    assert not [t for t in triples(extractor, text) if t[0] in {"ASSOCIATE_OF", "CO_ACCUSED", "OWNS"}]


def test_write_to_me_is_the_speakers_number(extractor: Extractor) -> None:
    text = (
        "Dear friends! My name is Dmytro Koval, I help people start again in Hamburg. "
        "Places are limited, write to me today: 07700 900556 (Viber, WhatsApp, Telegram)."
    )
    found = triples(extractor, text)
    assert ("USES_PHONE", "Dmytro Koval", "+447700900556") in found
    assert not any(t[1] in {"WhatsApp", "Telegram", "Viber"} for t in found)


def test_i_called_is_the_number_of_the_person_named_just_before(extractor: Extractor) -> None:
    text = (
        '"Someone called Dmytro Koval posted in a group for people leaving, promising a job. '
        'I called 07700 900557 and was told everything was arranged."'
    )
    assert ("USES_PHONE", "Dmytro Koval", "+447700900557") in triples(extractor, text)


def test_pronoun_user_and_attributed_address(extractor: Extractor) -> None:
    text = (
        "Police are appealing for information about Dmytro Koval. He has used the phone number 07700 900558. "
        "Tomas Brandt ordered permits by writing to dk.docs@example.net, an address the prosecution "
        "attributes to Koval."
    )
    found = triples(extractor, text)
    assert ("USES_PHONE", "Dmytro Koval", "+447700900558") in found
    assert ("USES_EMAIL", "Dmytro Koval", "dk.docs@example.net") in found
    assert not any(t[0] == "USES_EMAIL" and t[1] == "Tomas Brandt" for t in found)


def test_remanded_together_are_co_accused(extractor: Extractor) -> None:
    text = "The court remanded Tomas Brandt and Dmytro Koval in custody on suspicion of forging documents."
    found = triples(extractor, text)
    assert {
        ("CO_ACCUSED", "Dmytro Koval", "Tomas Brandt"),
        ("CO_ACCUSED", "Tomas Brandt", "Dmytro Koval"),
    } & found


def test_taken_to_an_address_in_a_case_file_is_exploitation_there(extractor: Extractor) -> None:
    text = (
        "Client: Dmytro Koval, 29, from Kharkiv, Ukraine. On arrival in Prague he was taken to "
        "14 Harbour Street, Leeds LS1 4AB, where others were already living. The people in charge took "
        "their passports."
    )
    found = triples(extractor, text)
    assert any(
        t[0] == "EXPLOITED_AT" and t[1] == "Dmytro Koval" and "Harbour Street" in t[2] for t in found
    ), found


def test_taken_to_without_exploitation_is_no_relation(extractor: Extractor) -> None:
    text = "Dmytro Koval, 29, was taken to 14 Harbour Street, Leeds LS1 4AB, for a birthday party."
    assert not any(t[0] == "EXPLOITED_AT" for t in triples(extractor, text))


def test_kept_his_passport_is_control(extractor: Extractor) -> None:
    text = (
        "Dmytro Koval left Kharkiv in 2023. A man in Hamburg, Tomas Brandt, told him about a job. "
        "Brandt bought his ticket and kept his passport."
    )
    assert ("CONTROLLED", "Tomas Brandt", "Dmytro Koval") in triples(extractor, text)
