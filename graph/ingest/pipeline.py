"""Write-behind: one batch's transaction in flight while the reading thread prepares the next batch.

Optimisation record (docs/design/ingest.md, "Write-behind"):
- rule it keeps — writes stay strictly sequential, so resolution sees exactly the graph of the previous
  batches: a batch is handed to the writer only after the previous batch's result is counted; the only
  work done early is pure Python (reading hashes, validation, row building) and, for a batch of new
  documents, resolution against the context the previous transaction read at its very end (`Lookahead`,
  used only if that transaction committed);
- test that guards it — tests/unit/test_ingest_run.py (`test_write_behind_switch_writes_the_same_rows`:
  the same statements and rows with the switch on and off) and the integration ingest tests, which run
  with it on;
- figure it buys — `python -m bench.run --only ingest`, "Lantern sequential / write-behind seconds"
  (paired, same run; docs/design/ingest.md);
- switch — `LANTERN_INGEST_WRITE_BEHIND=0` (`GraphSettings.ingest_write_behind`): every batch is written
  in the calling thread before the next one is read, with no lookahead.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType

from graph.db import Database, FakeRunner
from graph.ingest.prepare import PreparedDoc
from graph.ingest.summary import IngestSummary
from graph.ingest.writer import Context, Lookahead, LookaheadSlot, Plan, plan_batch

Progress = Callable[[int], None]
"""Called with the number of documents just finished (written, skipped or failed)."""

WriteFn = Callable[..., IngestSummary]
"""`(db, docs, existing_ids, onto, summary, redirects, plan, slot) -> summary` (graph/ingest/run.py)."""


@dataclass
class _InFlight:
    future: Future[IngestSummary]
    ids: set[str]
    count: int
    slot: LookaheadSlot


class WriteBehind:
    """Hands prepared batches to one writer thread (or writes them in place when switched off) and adds
    each finished batch's counts to `summary`, in order."""

    def __init__(
        self,
        db: Database | FakeRunner,
        write: WriteFn,
        summary: IngestSummary,
        *,
        enabled: bool,
        symmetric: set[str],
        redirects: dict[str, str],
        progress: Progress | None = None,
    ) -> None:
        self.db, self.write, self.summary = db, write, summary
        self.enabled, self.symmetric, self.redirects, self.progress = enabled, symmetric, redirects, progress
        self.uncounted: set[Future[IngestSummary]] = set()
        """Writes submitted and not yet added to `summary` (a lost connection counts those that committed)."""
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-write") if enabled else None
        self._flight: _InFlight | None = None

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(
        self, *exc: tuple[type[BaseException] | None, BaseException | None, TracebackType | None]
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)  # a write in flight ends (commits or fails) before we report

    @property
    def busy(self) -> bool:
        """A batch is being written now (the next one's hashes can be computed beside it)."""
        return self._flight is not None

    def overlaps(self, ids: set[str]) -> bool:
        return self._flight is not None and bool(ids & self._flight.ids)

    def settle(self) -> None:
        """Wait for the batch in flight and count it."""
        flight, self._flight = self._flight, None
        if flight is None:
            return
        self.summary.add(flight.future.result())
        self.uncounted.discard(flight.future)
        if self.progress:
            self.progress(flight.count)

    def submit(
        self, todo: list[PreparedDoc], existing: set[str], local: IngestSummary, ids: set[str], count: int
    ) -> None:
        """Write `todo` (after the batch in flight), counting `count` input documents when it is done."""
        plan = self._plan_ahead(todo, existing)
        self.settle()
        slot = LookaheadSlot()
        args = (self.db, todo, existing, local, self.redirects, plan, slot)
        if self._pool is None:
            future: Future[IngestSummary] = Future()
            future.set_result(self.write(*args))
        else:
            future = self._pool.submit(self.write, *args)
        self._flight = _InFlight(future, ids, count, slot)
        self.uncounted.add(future)
        if self._pool is None:
            self.settle()

    def _plan_ahead(self, todo: list[PreparedDoc], existing: set[str]) -> Plan | None:
        """For a batch of new documents: resolve it against the context the batch in flight reads at the end
        of its transaction, while that transaction commits. None when there is nothing to plan ahead or the
        reading attempt did not commit (the writer then reads its own context)."""
        flight = self._flight
        if flight is None or not todo or any(d.id in existing for d in todo):  # replaced docs: strip first
            return None
        lookahead = Lookahead(todo, self.redirects)
        if not flight.slot.offer(lookahead):
            return None
        flight.future.add_done_callback(lambda _: lookahead.ready.set())  # the write failed before its read
        lookahead.ready.wait()
        plan = (
            None
            if lookahead.latest is None
            else _plan(todo, lookahead.latest, self.symmetric, self.redirects)
        )
        flight.future.exception()  # wait for the commit (or failure) that decides whether the plan holds
        return plan if plan is not None and plan.context is lookahead.committed else None


def _plan(
    todo: list[PreparedDoc], context: Context, symmetric: set[str], redirects: dict[str, str]
) -> Plan | None:
    try:
        return plan_batch(todo, context, symmetric, redirects)
    except Exception:  # e.g. a ref cycle: the writer meets it again and isolates the document
        return None
