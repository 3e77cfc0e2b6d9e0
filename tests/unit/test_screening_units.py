"""Screening's pure parts: the shared normaliser, name matching and its explanation, risk bands, quotas,
the PSI round trip and its per-version cache, the REST body parser (no input echoed)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from api.screening.quota import QuotaExceeded, charge, period
from api.screening.routes import parse_inputs
from api.screening.service import ScreeningError
from api.state import StateStore
from graph.screening.identifiers import InputError, guess_kind, identifier_keys, normalise
from graph.screening.index import build_index
from graph.screening.matching import match_all
from graph.screening.psi import HubPsi, client_intersection, client_request, request_size
from graph.screening.risk import risk_band


@pytest.mark.parametrize(
    ("value", "kind", "key"),
    [
        ("07700 900123", "phone", "phone:+447700900123"),
        ("+44 (0)7700-900123", "phone", "phone:+447700900123"),
        (" Viktor.Petrov@Example.COM ", "email", "email:viktor.petrov@example.com"),
        ("GB33 BUKB 2020 1555 5555 55", "account", "account:GB33BUKB20201555555555"),
        ("Mr Víktor  PETROV", "name", "viktor petrov"),
    ],
)
def test_inputs_normalise_to_the_keys_ingest_gives_nodes(value: str, kind: str, key: str) -> None:
    assert guess_kind(value) == kind
    n = normalise(3, value, None, "GB")
    assert (n.index, n.kind, n.key) == (3, kind, key)


@pytest.mark.parametrize(
    ("value", "kind", "reason"),
    [
        ("   ", None, "empty"),
        ("not-an-email@", "email", "not an e-mail"),
        ("12", "phone", "not a"),
        ("Madonna", "name", "given name and a family name"),
        ("x", "passport", "unknown kind"),
    ],
)
def test_bad_inputs_are_refused_by_position_without_their_value(
    value: str, kind: str | None, reason: str
) -> None:
    with pytest.raises(InputError) as err:
        normalise(7, value, kind, "GB")
    assert reason in err.value.reason and err.value.index == 7
    if value.strip():
        assert value.strip() not in str(err.value)


def test_psi_keys_skip_names_and_bad_values_with_reasons() -> None:
    keys, errors = identifier_keys([("07700 900123", None), ("Anna Kowalska", None), ("", None)], "GB")
    assert keys == ["phone:+447700900123", None, None]
    assert [(e.index, "names cannot" in e.reason or "empty" in e.reason) for e in errors] == [
        (1, True),
        (2, True),
    ]


def _index() -> object:
    return build_index(
        ("v1",),
        [{"id": "phone:+447700900123"}, {"id": "email:viktor.petrov@example.com"}],
        [{"id": "person:viktor petrov", "name": "Viktor Petrov", "aliases": ["Petrov"]},
         {"id": "person:anna kowalska", "name": "Anna Kowalska", "aliases": []}],
    )  # fmt: skip


def test_exact_and_name_hits_are_explained_and_misses_absent() -> None:
    inputs = [
        normalise(0, "+44 7700 900123"),
        normalise(1, "+44 7700 900999"),
        normalise(2, "Victor Petrov", dob="1980-01-02"),
        normalise(3, "Petrov Viktor"),
        normalise(4, "Zebedee Quux"),
    ]
    hits = {m.index: m for m in match_all(inputs, _index())}  # type: ignore[arg-type]
    assert set(hits) == {0, 2, 3}
    assert hits[0].method == "exact" and hits[0].entity_id == "phone:+447700900123"
    assert "+447700900123" in hits[0].explanation
    assert (
        hits[2].method == "name" and 88 <= hits[2].score < 100 and hits[2].entity_id == "person:viktor petrov"
    )
    assert (
        "1 of 2 words identical" in hits[2].explanation
        and "date of birth not compared" in hits[2].explanation
    )
    assert hits[3].score == 100 and "another order" in hits[3].explanation
    # the hub's spelling of the name is not part of the explanation
    assert "viktor" not in hits[2].explanation.lower()


def test_single_word_aliases_are_not_screening_targets() -> None:
    assert "petrov" not in _index().names  # type: ignore[attr-defined]


def test_risk_band_reasons_carry_no_evidence() -> None:
    subject = {"risk_score": 12, "roles": ["Recruiter", "Victim"], "indicators": ["FalseJobOffer"]}
    context = {"id": "phone:+447700900123", "doc_count": 2, "subjects": [subject]}
    band = risk_band(context)
    assert band.band == "high"
    assert band.reasons == [
        "linked to 1 person or organisation in the hub's graph",
        "highest risk score from the hub's analytics: 12",
        "trafficking roles recorded: Recruiter",
        "documents with trafficking indicators: FalseJobOffer",
        "named in 2 documents",
    ]
    assert (
        risk_band(
            {"id": "x", "doc_count": 1, "subjects": [{"risk_score": 5, "roles": [], "indicators": []}]}
        ).band
        == "medium"
    )
    assert (
        risk_band(
            {
                "id": "x",
                "doc_count": 1,
                "subjects": [{"risk_score": None, "roles": ["Victim"], "indicators": []}],
            }
        ).band
        == "low"
    )


def test_quota_books_batches_and_refuses_without_booking(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path)
    now = datetime(2026, 12, 7, tzinfo=UTC)
    assert charge(store, "bank", 5, 3, now).used == 3
    with pytest.raises(QuotaExceeded) as err:
        charge(store, "bank", 5, 3, now)
    assert "used 3" in str(err.value) and "at most 2" in str(err.value) and "2027-01-01" in str(err.value)
    assert charge(store, "bank", 5, 2, now).used == 5
    assert charge(store, "bank", 5, 5, datetime(2027, 1, 1, tzinfo=UTC)).used == 5  # a new month
    assert period(now) == ("2026-12", "2027-01-01")


def test_psi_round_trip_and_setup_cached_per_version() -> None:
    hub = HubPsi()
    keys = frozenset(
        {"phone:+447700900123", "email:viktor.petrov@example.com", "account:GB33BUKB20201555555555"}
    )
    partner = ["email:nobody@example.com", "phone:+447700900123", "account:GB33BUKB20201555555555"]
    setup = hub.setup_for(("v1",), keys)
    client, request = client_request(partner)
    assert request_size(request) == 3
    assert client_intersection(client, setup.setup, hub.respond(setup, request)) == [1, 2]
    assert hub.setup_for(("v1",), keys) is setup and hub.builds == 1
    assert hub.setup_for(("v2",), keys) is not setup and hub.builds == 2
    with pytest.raises(ValueError, match="not a PSI request"):
        request_size(b"\xff\xff garbage")


def test_rest_body_errors_do_not_echo_the_input() -> None:
    inputs, region = parse_inputs(b'{"identifiers": ["a", {"value": "b", "kind": "email"}], "region": "GB"}')
    assert [i.value for i in inputs] == ["a", "b"] and region == "GB"
    bodies = (b'{"identifiers": [447700900123]}', b'{"identifiers": [{"value": "x", "ssn": "078-05-1120"}]}')
    for body in (*bodies, b"+447700900123", b'{"identifiers": "+447700900123"}'):
        with pytest.raises(ScreeningError) as err:
            parse_inputs(body)
        assert err.value.status == 400
        assert "447700900123" not in err.value.message and "078-05" not in err.value.message


def test_psi_answers_from_the_previous_setup_while_the_new_one_builds() -> None:
    import time

    old, new = frozenset({"phone:+447700900123"}), frozenset({"phone:+447700900123", "email:a@example.com"})
    hub = HubPsi(max_stale_s=60)
    first = hub.setup_for(("v1",), old)
    assert hub.setup_for(("v2",), new) is first  # stale, bounded; the build runs in the background
    deadline = time.monotonic() + 30
    while hub.builds < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    current = hub.setup_for(("v2",), new)
    assert current.version == ("v2",) and current.size == 2 and hub.builds == 2
    assert hub.encryptions == 2  # the change encrypted only the identifier it added
    client, request = client_request(["email:a@example.com", "phone:+447700900123", "email:b@example.com"])
    assert client_intersection(client, current.setup, hub.respond(current, request)) == [0, 1]
    hub.max_stale_s = 0  # from now on every request waits for the current version
    smaller = hub.setup_for(("v3",), frozenset({"email:a@example.com"}))
    assert smaller.size == 1 and hub.encryptions == 2  # a removal encrypts nothing
    client, request = client_request(["email:a@example.com", "phone:+447700900123"])
    assert client_intersection(client, smaller.setup, hub.respond(smaller, request)) == [0]
    strict = HubPsi(max_stale_s=0)
    strict.setup_for(("v1",), old)
    assert strict.setup_for(("v2",), new).version == ("v2",)  # waits for the current version
