"""The row meter (api/meter.py): what a request read, charged to its key's budget by the guard."""

from __future__ import annotations

import asyncio

from api.meter import METER, RowMeter, charge, row_weight, uncharged
from tests.aio import run as aio_run


def test_row_weight_counts_rows_and_the_items_of_their_lists() -> None:
    assert row_weight([]) == 0
    assert row_weight([{"id": "a"}, {"id": "b"}]) == 2
    hub = [{"nodes": [{}] * 200, "edges": [{}] * 199, "mentions": [{}] * 40, "n": 3}]
    small = [{"nodes": [{}] * 3, "edges": [{}] * 2, "mentions": [], "n": 3}]
    assert row_weight(hub) == 1 + 200 + 199 + 40
    assert row_weight(small) == 1 + 3 + 2


def test_charge_reaches_the_meter_of_the_running_request_only() -> None:
    async def request(meter: RowMeter, rows: int) -> None:
        METER.set(meter)
        # resolvers run as tasks created inside the request: they see its meter
        await asyncio.gather(*(asyncio.create_task(_read(rows)) for _ in range(2)))
        with uncharged():  # an app-wide cache fill is nobody's read
            charge([{"rows": [1, 2, 3]}])

    async def _read(rows: int) -> None:
        charge([{"items": list(range(rows))}])

    async def both() -> tuple[RowMeter, RowMeter]:
        a, b = RowMeter(), RowMeter()
        await asyncio.gather(asyncio.create_task(request(a, 2)), asyncio.create_task(request(b, 5)))
        return a, b

    a, b = aio_run(both())
    assert (a.rows, a.reads) == (2 * (1 + 2), 2)
    assert (b.rows, b.reads) == (2 * (1 + 5), 2)
    charge([{"id": "outside"}])  # no request: nothing to charge, no error
    assert METER.get() is None
