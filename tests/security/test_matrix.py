"""Masked roles: no personal value of the seed in any response byte, whatever field and string
argument they call with seed values, raw ids, opaque ids and hostile strings. Clear roles: every
response that shows personal data has an audit row."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.integration.test_api_fixtures import Api
from tests.security.conftest import audit_rows, post
from tests.security.schema_matrix import INTROSPECTION, calls, client_schema
from tests.security.seed import MASKED, PERSON, RAW_IDS, SECRETS, UNKNOWN_IDS, leaks

HOSTILE = [
    "' OR 1=1 --", '"}) MATCH (n) DETACH DELETE n //', "${jndi:x}", "<script>alert(1)</script>",
    "\u0000", "\ud7ff\u202e", "*", "\\", "%", "a" * 200, "   ", "person:", "anon:", "anon:0000000000000000",
]  # fmt: skip
SEED_VALUES = [*PERSON[:8:2], "Celia Whitcombe", "Larysa", "Florin Dinu", *SECRETS["phone"][:3],
               "o77oo nine zero zero 3 0 1", *SECRETS["email"][:1], "lena [at] example [dot] org",
               SECRETS["payment"][0]]  # fmt: skip


def opaque_ids(api: Api, role: str) -> list[str]:
    """Ids the role was given by earlier responses (anon: for personal entities)."""
    ids: list[str] = []
    for q in (
        "{ network(id: 1) { members { id } linkingIdentifiers { identifier { id } users { id } } } }",
        '{ search(text: "Leeds") { hits { entity { id } } } }',
        '{ search(text: "Green Valley Farm") { hits { entity { id } } } }',
    ):
        res = api.gql(role, q)
        ids += [v for v in _strings(res.get("data")) if v.startswith(("anon:", "city:", "business:"))]
    for start in list(dict.fromkeys(ids))[:4]:
        res = api.gql(role, f'{{ neighbourhood(id: "{start}", depth: 2) {{ nodes {{ id }} }} }}')
        ids += [n["id"] for n in (res.get("data") or {}).get("neighbourhood", {}).get("nodes", [])]
    return list(dict.fromkeys(ids))


def _strings(obj: object) -> list[str]:
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return [obj] if isinstance(obj, str) else []


@pytest.fixture(scope="module")
def schema(sec_api: Api):
    return client_schema(sec_api.gql("admin", INTROSPECTION)["data"])


@pytest.mark.parametrize("role", sorted(MASKED))
def test_masked_roles_never_see_a_personal_value(sec_api: Api, schema, role: str) -> None:
    anon = opaque_ids(sec_api, role)
    assert any(i.startswith("anon:") for i in anon), anon  # the matrix also walks real personal data
    values = SEED_VALUES + list(RAW_IDS) + anon[:8] + HOSTILE
    found, statuses, fields, args = [], Counter(), set(), set()
    for call in calls(schema, values, anon or list(UNKNOWN_IDS)):
        status, text = post(sec_api, role, call.query, call.variables)
        statuses[status] += 1
        fields.add(call.field)
        args.add((call.field, call.argument))
        assert status < 500, (call, text[:300])
        hit = leaks(text, role)
        if hit:
            found.append((call.field, call.argument, call.variables, hit))
    print(f"\n{role}: {len(fields)} fields, {len(args)} string arguments, {sum(statuses.values())} calls")
    assert len(fields) >= 16 and len(args) >= 20  # the matrix really is generated from the schema
    assert not found, f"{len(found)} leaking calls, e.g. " + json.dumps(found[:5], default=str)


@pytest.mark.parametrize("role", ["investigator", "admin"])
def test_every_clear_disclosure_has_an_audit_row(sec_api: Api, schema, role: str) -> None:
    """The same matrix for the roles that see everything: each response showing personal data is
    followed by a new audit row for that call (and the investigator does see personal data)."""
    values = SEED_VALUES[:6] + list(RAW_IDS)
    shown = 0
    for call in calls(schema, values, list(RAW_IDS)):
        if call.field == "auditLog":
            continue  # the log itself lists entity ids; reading it is an admin's job, not a disclosure
        before = audit_rows(sec_api)
        status, text = post(sec_api, role, call.query, call.variables)
        assert status < 500, (call, text[:300])
        for v in _strings(call.variables):  # the caller's own input echoed back is no disclosure
            text = text.replace(json.dumps(v)[1:-1], "")
        if leaks(text, "auditor"):
            shown += 1
            assert audit_rows(sec_api) > before, (call.field, call.argument, call.variables, text[:300])
    assert shown >= 20
