"""Raw personal ids and personal search texts answer a masked role exactly like unknown ones."""

from __future__ import annotations

import pytest

from tests.integration.test_api_fixtures import Api
from tests.security.conftest import post
from tests.security.seed import MASKED, RAW_IDS, UNKNOWN_IDS

ID_FIELDS = [
    "{ entity(id: $v) { id name } }",
    "{ neighbourhood(id: $v) { nodes { id } } }",
    "{ paths(source: $v, target: $v) { hops } }",
    '{ paths(source: $v, target: "city:leeds") { hops } }',
    "{ sharedIdentifiers(ids: [$v, $v]) { identifier { id } } }",
    "{ businessExposure(id: $v) { business { id } } }",
]


def _answer(api: Api, role: str, query: str, value: str) -> tuple[int, str]:
    return post(api, role, "query Q($v: String!) " + query, {"v": value})


@pytest.mark.parametrize("role", sorted(MASKED))
@pytest.mark.parametrize("query", ID_FIELDS)
def test_raw_personal_ids_answer_like_unknown_ids(sec_api: Api, role: str, query: str) -> None:
    unknown = _answer(sec_api, role, query, UNKNOWN_IDS[0])
    for raw in RAW_IDS:
        if role == "analyst" and raw.startswith(("person:", "business:")):
            continue  # analysts see persons in clear
        assert _answer(sec_api, role, query, raw) == unknown, raw
    # the investigator really gets an answer for the same ids (the test can tell the two apart)
    if "entity" in query:
        assert _answer(sec_api, "investigator", query, RAW_IDS[0]) != unknown


def test_unknown_and_forged_opaque_ids_answer_alike(sec_api: Api) -> None:
    for query in ID_FIELDS:
        assert _answer(sec_api, "auditor", query, "anon:0123456789abcdef") == _answer(
            sec_api, "auditor", query, UNKNOWN_IDS[1]
        )


@pytest.mark.parametrize(
    ("role", "personal", "absent"),
    [
        ("auditor", "Larysa", "Zoltanne"),
        ("auditor", "Whitcombe", "Zoltanne"),
        ("auditor", "larysa bondar", "zoltanne quist"),
        ("auditor", "Celia Whitcombe", "Zoltanne Quist"),
        ("analyst", "900123", "900999"),
    ],
)
def test_document_titles_are_no_oracle(sec_api: Api, role: str, personal: str, absent: str) -> None:
    q = "{ documents(text: $v) { documents { id title } pageInfo { hasMore } } }"
    assert _answer(sec_api, role, q, personal) == _answer(sec_api, role, q, absent)
    if role == "auditor":  # the title does hold it: an investigator finds the document
        found = sec_api.gql("investigator", f'{{ documents(text: "{personal}") {{ documents {{ id }} }} }}')
        assert found["data"]["documents"]["documents"]


def test_masked_roles_search_masked_titles(sec_api: Api) -> None:
    res = sec_api.gql("auditor", '{ documents(text: "Leeds raid") { documents { id title } } }')
    titles = [d["title"] for d in res["data"]["documents"]["documents"]]
    assert len(titles) == 1 and titles[0].startswith("Person ") and "Whitcombe" not in titles[0]


def test_business_exposure_by_a_persons_name_is_no_oracle(sec_api: Api) -> None:
    q = "{ businessExposure(name: $v) { business { id name } } }"
    assert _answer(sec_api, "auditor", q, "Celia Whitcombe") == _answer(
        sec_api, "auditor", q, "Zoltanne Quist"
    )
    clear = sec_api.gql("investigator", '{ businessExposure(name: "Celia Whitcombe") { business { name } } }')
    assert clear["data"]["businessExposure"]["business"]["name"] == "Celia Whitcombe"
