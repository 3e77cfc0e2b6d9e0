"""Bench plumbing: the peak memory of an isolated stage is that stage's, not its parent's; CPU is counted
for the process that spent it."""

from __future__ import annotations

import subprocess
import sys
import time

from bench.common import CpuMeter, percentile, run_isolated


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


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


BUSY_THEN_IDLE = """
import time
end = time.process_time() + 0.5
while time.process_time() < end:
    pass
print("done", flush=True)
time.sleep(60)
"""


def test_cpu_meter_counts_each_process_s_own_cpu() -> None:
    # the child stands in for the Neo4j process: it works, says so, then idles (timing-independent)
    server = subprocess.Popen([sys.executable, "-c", BUSY_THEN_IDLE], stdout=subprocess.PIPE, text=True)
    try:
        with CpuMeter(server.pid) as client_waits:
            assert server.stdout is not None and server.stdout.readline().strip() == "done"
        with CpuMeter(server.pid) as client_works:
            _spin(0.3)
    finally:
        server.kill()
        server.wait()
    assert client_waits.server >= 0.4 and client_waits.client < 0.1  # 0.5 s, less any before the meter
    assert client_works.client >= 0.3 and client_works.server < 0.1


def test_cpu_meter_without_a_server_reports_nan() -> None:
    with CpuMeter(None) as cpu:
        _spin(0.05)
    assert cpu.client >= 0.05 and cpu.server != cpu.server  # NaN: no server figure, not a zero
