"""The benchmark runner measures each run on its own and judges it against the issue's floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import run as bench  # noqa: E402

ALLOCATE_200_MB = (
    "import time; block = bytearray(200 * 1024 * 1024); block[::4096] = b'x' * len(block[::4096])"
)


MEASURE_BOTH = f"""
import json, sys
sys.path.insert(0, {str(BENCHMARKS)!r})
import run
big = run.run_once([sys.executable, "-c", {ALLOCATE_200_MB!r}], timeout=60)
small = run.run_once([sys.executable, "-c", "pass"], timeout=60)
rows = [[r.exit_code, r.peak_mb, r.seconds] for r in (big, small)]
print(json.dumps(rows))
"""


def test_peak_memory_belongs_to_each_run_not_to_the_largest_so_far() -> None:
    # Measured from a fresh, small parent as `make bench` runs: a child forked from a large pytest worker
    # reports the worker's resident pages as its own peak until it execs.
    output = subprocess.run(
        [sys.executable, "-c", MEASURE_BOTH], capture_output=True, text=True, check=True, timeout=120
    )
    (big_exit, big_mb, _), (small_exit, small_mb, _) = json.loads(output.stdout)
    assert big_exit == small_exit == 0
    assert 200 <= big_mb < 400
    assert small_mb < 100, "a small run after a big one must not inherit the big one's peak"


def test_exit_code_and_output_are_captured() -> None:
    result = bench.run_once([sys.executable, "-c", "import sys; print('out'); sys.exit('boom')"], timeout=60)
    assert (result.exit_code, result.stdout.strip(), result.stderr.strip()) == (1, "out", "boom")


def test_a_run_that_fails_is_reported_not_timed() -> None:
    failing = bench.measure(
        "iacgate", lambda _: [sys.executable, "-c", "raise SystemExit(3)"], Path("x"), 10, 3, 60
    )
    assert failing.error is not None and failing.error.startswith("exit 3")
    verdict, ok = bench.floor_verdict(failing)
    assert not ok and verdict.startswith("ERROR")


def test_floors_follow_the_issue() -> None:
    def verdict(resources: int, seconds: float, peak_mb: float) -> bool:
        return bench.floor_verdict(bench.Measurement("iacgate", resources, seconds, peak_mb))[1]

    assert verdict(1_000, 1.4, 120)
    assert not verdict(1_000, 1.6, 120)
    assert verdict(10_000, 11.9, 290)
    assert not verdict(10_000, 12.5, 290)
    assert not verdict(10_000, 5.0, 310)
    assert verdict(5_000, 30.0, 100), "sizes without a time floor are held to the memory floor only"


def test_growth_ratio_compares_largest_with_smallest() -> None:
    small = bench.Measurement("iacgate", 1_000, 1.0, 100)
    large = bench.Measurement("iacgate", 10_000, 9.5, 200)
    (line,) = bench.growth_lines([large, small])
    assert "time x9.5" in line and "memory x2.0" in line and "linear ≈ x10" in line
