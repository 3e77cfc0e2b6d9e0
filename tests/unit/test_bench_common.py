"""Bench plumbing: the peak memory of an isolated stage is that stage's, not its parent's."""

from __future__ import annotations

from bench.common import percentile, run_isolated


def allocate(mib: int) -> int:
    block = bytearray(mib * 1024 * 1024)  # zero-filled: every page is touched
    return len(block)


def test_peak_rss_is_the_stage_s_own() -> None:
    ballast = bytearray(400 * 1024 * 1024)  # a large parent, like the bench process with spaCy loaded
    _, _, small = run_isolated(percentile, [1.0, 2.0], 50)
    _, _, large = run_isolated(allocate, 200)
    del ballast
    assert small < 200, f"a trivial stage reported {small:.0f} MiB: the parent's size leaked in"
    assert large >= 200 > small
