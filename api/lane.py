"""The heavy lane: expensive GraphQL operations run on their own thread and event loop.

A request the cost estimate (api/cost.py) puts at or above `api_heavy_cost` is executed — the whole
ASGI call: parsing its results, masking, serialising a megabyte of JSON — on this loop, so the main
loop keeps answering /healthz and cheap queries. The GIL still makes the two threads share one core
for Python code, but the interpreter switches threads every 5 ms (`sys.getswitchinterval`), so a cheap
request waits milliseconds instead of the heavy request's whole run. At most `api_heavy_concurrency`
heavy requests execute at once; further ones wait for a free slot (each key's own in-flight cap
bounds how many can wait).

A thread is not enough: the heavy request's Cypher runs in Neo4j, on the same cores. The guard's
`on_start` gives the lane's loop a Neo4j budget (`GraphAccess.limit_loop`, `api_heavy_connections`),
so the lane's reads run one (by default) at a time instead of the 200 `evidence` reads at once.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Coroutine, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]


class HeavyLane:
    def __init__(
        self, concurrency: int, on_start: Callable[[asyncio.AbstractEventLoop], None] | None = None
    ) -> None:
        self.concurrency = max(1, concurrency)
        self.on_start = on_start
        """Called with the lane's loop when it is created (the guard gives it its Neo4j budget)."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._slots: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}
        self._lock = threading.Lock()

    def loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None or self._loop.is_closed():
                loop = asyncio.new_event_loop()
                if self.on_start is not None:
                    self.on_start(loop)
                ready = threading.Event()

                def serve() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(ready.set)
                    loop.run_forever()

                self._thread = threading.Thread(target=serve, name="lantern-heavy-lane", daemon=True)
                self._thread.start()
                ready.wait()
                self._loop = loop
            return self._loop

    def _slot(self) -> asyncio.Semaphore:
        caller = asyncio.get_running_loop()
        slot = self._slots.get(caller)
        if slot is None:
            slot = self._slots[caller] = asyncio.Semaphore(self.concurrency)
        return slot

    async def run(
        self,
        call: Callable[
            [Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
            Awaitable[None],
        ],
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        """Run `call(receive, send)` on the lane's loop; `receive`/`send` stay on the caller's loop."""
        caller = asyncio.get_running_loop()

        async def on_caller_receive() -> Message:
            return await receive()

        async def on_caller_send(message: Message) -> None:
            await send(message)

        async def lane_receive() -> Message:
            return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(on_caller_receive(), caller))

        async def lane_send(message: Message) -> None:
            await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(on_caller_send(message), caller))

        async def on_lane() -> None:
            await call(lane_receive, lane_send)

        async with self._slot():
            future = asyncio.run_coroutine_threadsafe(on_lane(), self.loop())
            try:
                await asyncio.wrap_future(future)
            except asyncio.CancelledError:
                future.cancel()
                raise

    def run_sync(self, make: Callable[[], Coroutine[Any, Any, Any]], timeout: float) -> Any:
        """Run `make()` on the lane's loop from another thread, if the lane ever started (shutdown:
        close its driver)."""
        if self._loop is None or self._loop.is_closed():
            return None
        return asyncio.run_coroutine_threadsafe(make(), self._loop).result(timeout)

    def stop(self) -> None:
        with self._lock:
            loop, self._loop = self._loop, None
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=5)
