"""List parameters go to the driver as `Rows`: packed exactly like lists, rendered as `<N rows>`."""

from __future__ import annotations

import io
from datetime import date

import pytest
from neo4j._codec.hydration.bolt.v2.hydration_handler import HydrationHandler
from neo4j._codec.packstream.v1 import Packer

from graph.db import Rows, quiet_params

ROWS = [
    {"id": "person:lena morava", "name": "Lena Morava", "starts": [0, 12], "confidence": 0.9, "props": {}},
    {"id": "phone:+447700900123", "name": None, "starts": [3], "first": date(2024, 3, 2), "texts": ["x"]},
]


def _packed(value: object, python: bool) -> bytes:
    buf = io.BytesIO()
    packer = Packer(buf)
    hooks = HydrationHandler().dehydration_hooks
    if python:
        packer._py_pack(value, packer._inject_hooks(hooks))
    else:
        packer.pack(value, hooks)
    return buf.getvalue()


@pytest.mark.parametrize("python", [False, True], ids=["rust packer", "python packer"])
def test_rows_pack_exactly_like_lists(python: bool) -> None:
    params = {"rows": ROWS, "ids": ["a", "b"], "limit": 5}
    assert _packed(quiet_params(params), python) == _packed(params, python)


def test_only_lists_are_wrapped_and_nothing_of_a_row_is_rendered() -> None:
    params = quiet_params({"rows": ROWS, "id": "person:lena morava", "limit": 5, "none": None})
    assert type(params["rows"]) is Rows and params["rows"] == ROWS and params["rows"] is not ROWS
    assert params["id"] == "person:lena morava" and params["limit"] == 5 and params["none"] is None
    assert repr(params["rows"]) == "<2 rows>" and "Lena" not in repr(params)
