"""The benchmark runner measures each run on its own and judges it against the issue's floors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

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

    assert verdict(1_000, 0.55, 120)
    assert not verdict(1_000, 0.65, 120)
    assert verdict(10_000, 3.9, 190)
    assert not verdict(10_000, 4.1, 190)
    assert not verdict(10_000, 3.0, 210)
    assert verdict(5_000, 30.0, 100), "sizes without a time floor are held to the memory floor only"


def test_warm_floor_rows_evaluate_and_rescan_rows_reuse_answers() -> None:
    """The warm floors measure a plan the engine evaluates; a first CI run keeps its answers; the re-scan
    rows reuse them (shown beside the floors, never judged against them)."""
    plan = Path("plan.json")
    assert "--no-answer-cache" in bench.iacgate_cli(plan)
    assert "--no-answer-cache" in bench.iacgate_cli_region(plan)
    assert "--no-answer-cache" not in bench.cli_at("iacgate")(plan)
    rescan = bench.rescan_of(bench.iacgate_cli_region)(plan)
    assert "--no-answer-cache" not in rescan and "--region" in rescan


def test_past_ten_thousand_resources_the_floor_is_linear_growth() -> None:
    base = bench.Measurement("iacgate", 10_000, 4.0, 200)
    assert bench.linear_verdict([base, bench.Measurement("iacgate", 50_000, 21.0, 900)]) is not None
    assert bench.linear_verdict([base, bench.Measurement("iacgate", 50_000, 21.0, 900)])[1]
    assert not bench.linear_verdict([base, bench.Measurement("iacgate", 50_000, 23.0, 900)])[1]
    assert not bench.linear_verdict([base, bench.Measurement("iacgate", 50_000, 20.0, 1200)])[1]
    assert bench.linear_verdict([base]) is None


def test_the_median_run_counts_and_the_highest_peak(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = iter([bench.Run(seconds, mb, 0, "", "") for seconds, mb in ((1.0, 50), (9.0, 70), (2.0, 60))])
    monkeypatch.setattr(bench, "run_once", lambda *_args: next(runs))
    m = bench.measure("iacgate", lambda _: ["x"], Path("x"), 10, 3, 60)
    assert (m.seconds, m.peak_mb) == (2.0, 70)


def test_growth_ratio_compares_largest_with_smallest() -> None:
    small = bench.Measurement("iacgate", 1_000, 1.0, 100)
    large = bench.Measurement("iacgate", 10_000, 9.5, 200)
    (line,) = bench.growth_lines([large, small])
    assert "time x9.5" in line and "memory x2.0" in line and "linear ≈ x10" in line


def test_a_peer_that_is_not_installed_is_named_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "_bin", lambda _name: None)
    missing: set[str] = set()
    assert bench.run_peers("plan", Path("plan.json"), 1_000, 1, 60, False, missing) == []
    assert missing == {"checkov", "trivy", "conftest"}


def test_a_row_shows_each_peer_as_its_time_over_iacgates() -> None:
    mine = bench.Measurement("iacgate", 1_000, 2.0, 60)
    row = bench.CaseResult(
        "1k plan, warm",
        mine,
        "< 0.6 s",
        False,
        [
            ("checkov", bench.Measurement("checkov", 1_000, 20.0, 500)),
            ("trivy", bench.Measurement("t", 1, 1, 1, "exit 2")),
        ],
    ).line()
    assert "FAIL" in row and "checkov x10.0" in row and "trivy ERROR" in row


def test_past_the_timeout_the_workers_a_run_forked_are_killed_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A peer's worker processes must not keep running on the CPUs the next runs measure."""
    marker = tmp_path / "worker.pid"
    script = (
        "import os, subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
        f"open({str(marker)!r}, 'w').write(str(child.pid))\n"
        "time.sleep(60)\n"
    )

    class TimeoutOnceReady:
        """The run's timeout, firing once the worker has said its pid (however loaded the machine is)
        instead of after a number of seconds: the loop below only bounds a hang."""

        def __init__(self, _seconds: float, kill: Any, args: tuple[int]) -> None:
            self._cancelled = threading.Event()
            self._thread = threading.Thread(target=self._fire, args=(kill, args), daemon=True)

        def _fire(self, kill: Any, args: tuple[int]) -> None:
            deadline = time.monotonic() + 120
            while not marker.exists() and time.monotonic() < deadline and not self._cancelled.is_set():
                time.sleep(0.05)
            if not self._cancelled.is_set():
                kill(*args)

        def start(self) -> None:
            self._thread.start()

        def cancel(self) -> None:
            self._cancelled.set()

    monkeypatch.setattr(bench.threading, "Timer", TimeoutOnceReady)
    result = bench.run_once([sys.executable, "-c", script], timeout=1)
    assert result.exit_code != 0
    worker = int(marker.read_text())
    # Bounds a hang only: the kill has been sent, and the worker would otherwise sleep ten minutes.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _alive(worker):
        time.sleep(0.1)
    survived = _alive(worker)
    if survived:
        os.kill(worker, 9)
    assert not survived


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (killed, not yet reaped by init) counts as gone.
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split(")")[-1].split()[0] != "Z"


def test_plans_are_written_by_another_process(tmp_path: Path) -> None:
    """The runner stays small, so the runs it forks do not inherit its memory as their peak."""
    path = tmp_path / "plan.json"
    bench.write_plan(path, 20, 7)
    assert len(json.loads(path.read_text(encoding="utf-8"))["resource_changes"]) == 20
