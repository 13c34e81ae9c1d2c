"""The benchmark behind ``make bench``: wall time, peak memory and resources per second of a full scan.

    .venv/bin/python benchmarks/run.py [--resources 1000,10000] [--repeat 3] [--via auto|cli|library]
                                       [--formats plan,terraform,cloudformation,pulumi] [--no-opa]

Terraform plans are measured at every ``--resources`` size, side by side with checkov when it is
installed and with the OPA-server engine when the pinned OPA binary is there (``make opa``); Terraform HCL
(cold parse cache), CloudFormation and Pulumi inputs at 1,000 resources, each against its floor.

Each measurement is a fresh process (so imports, rule compilation and peak memory belong to that run
alone); the best wall time of ``--repeat`` runs is reported. One extra, untimed library scan per plan
checks that every generated resource was really evaluated. Exit status: 0 every floor met, 1 a floor
missed, 2 a run failed or the check found resources missing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generate import generate_plan
from generate_cloudformation import generate as generate_template
from generate_cloudformation import to_yaml
from generate_pulumi import generate_export
from generate_terraform import write_module
from heredoc_bench import heredoc_rows
from hook_bench import bench_cache, hook_rows

HERE = Path(__file__).resolve().parent
GENERATED = HERE / ".generated"
# Floors from the issues, for a 2-core machine: wall seconds by plan size, and peak memory for any size.
TIME_FLOORS = {1_000: 1.5, 10_000: 12.0}
# Other formats are measured at 1,000 resources: (floor in seconds, writer of the input).
FORMAT_SIZE = 1_000
FORMAT_FLOORS = {"terraform": 2.0, "terraform-warm": 2.0, "cloudformation": 1.5, "pulumi": 1.5}
# The real-module corpus (../shared/corpus/terraform), scanned whole with a cold parse cache.
CORPUS = HERE.parent.parent / "shared" / "corpus" / "terraform"
CORPUS_FLOOR = 10.0
OPA_BIN = HERE.parent / ".tools" / "opa-v1.22.3" / "opa"
MEMORY_FLOOR_MB = 300.0
# iacgate exits 1 when the gate fails, which it does on these plans (half the resources are non-compliant);
# checkov exits 1 when a check fails. Anything else means the run itself went wrong.
ACCEPTED_EXIT = frozenset({0, 1})

# The library path, for when the CLI cannot run yet: the same pipeline plus SARIF rendering if it exists.
LIBRARY_SCAN = """
import json, sys
from pathlib import Path
from iacgate.api import ScanSettings, scan
result = scan(ScanSettings(paths=(Path(sys.argv[1]),)))
try:
    from iacgate.report import render_sarif
except ImportError:
    sarif = False
else:
    render_sarif(result)
    sarif = True
print(json.dumps({"resources": result.resource_count, "findings": len(result.findings),
                  "rules": len(result.rules.rules), "sarif": sarif}))
sys.exit(result.decision.exit_code)
"""

Command = Callable[[Path], list[str]]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    exit_code: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Measurement:
    tool: str
    resources: int
    seconds: float  # best of the runs
    peak_mb: float  # highest of the runs: memory is the figure that must never exceed its floor
    error: str | None = None

    @property
    def per_second(self) -> float:
        return self.resources / self.seconds if self.seconds > 0 else 0.0


def _bin(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def iacgate_cli(plan: Path) -> list[str]:
    return [_bin("iacgate") or "iacgate", "scan", str(plan), "--format", "sarif", "--output", os.devnull]


def iacgate_cli_region(path: Path) -> list[str]:
    # CloudFormation does not say its region; without one the residency pack would have nothing to judge.
    return [*iacgate_cli(path), "--region", "eu-west-1"]


def iacgate_opa(url: str) -> Command:
    return lambda plan: [*iacgate_cli(plan), "--engine", "opa", "--opa-url", url]


def write_input(fmt: str, size: int, seed: int) -> Path:
    if fmt in ("terraform", "terraform-warm"):
        directory = GENERATED / f"hcl-{size}-seed{seed}"
        write_module(directory, size, seed)
        return directory
    if fmt == "cloudformation":
        path = GENERATED / f"template-{size}-seed{seed}.yaml"
        path.write_text(to_yaml(generate_template(size, seed)), encoding="utf-8")
        return path
    path = GENERATED / f"stack-{size}-seed{seed}.json"
    path.write_text(json.dumps(generate_export(size, seed)) + "\n", encoding="utf-8")
    return path


def iacgate_library(plan: Path) -> list[str]:
    return [sys.executable, "-c", LIBRARY_SCAN, str(plan)]


def checkov(plan: Path) -> list[str]:
    return [
        _bin("checkov") or "checkov",
        "-f",
        str(plan),
        "--framework",
        "terraform_plan",
        "-o",
        "sarif",
        "--quiet",
    ]


def _max_rss_mb(kilobytes_or_bytes: int) -> float:
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    return kilobytes_or_bytes / (1024 * 1024 if sys.platform == "darwin" else 1024)


def run_once(argv: Sequence[str], timeout: float, env: dict[str, str] | None = None) -> Run:
    """Run argv in a fresh process and return its wall time and its own peak RSS.

    ``os.wait4`` returns the resource usage of exactly this child (and anything it waited for), which is what
    ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` would give in a parent that had no other children.
    """
    with (
        tempfile.TemporaryDirectory(prefix="iacgate-bench-") as workdir,
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
    ):
        started = time.perf_counter()
        # A scratch working directory: checkov writes result files into it, and no iacgate.yaml is found.
        process = subprocess.Popen(argv, stdout=out, stderr=err, cwd=workdir, env=env)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
        out.seek(0)
        err.seek(0)
        return Run(seconds, _max_rss_mb(usage.ru_maxrss), process.returncode, out.read(), err.read())


def measure(
    tool: str,
    command: Command,
    plan: Path,
    resources: int,
    repeat: int,
    timeout: float,
    env: dict[str, str] | None = None,
) -> Measurement:
    runs: list[Run] = []
    for _ in range(repeat):
        run = run_once(command(plan), timeout, env)
        if run.exit_code not in ACCEPTED_EXIT:
            last = (run.stderr.strip().splitlines() or [f"exit {run.exit_code}"])[-1]
            return Measurement(
                tool, resources, run.seconds, run.peak_mb, f"exit {run.exit_code}: {last[:160]}"
            )
        runs.append(run)
    return Measurement(tool, resources, min(r.seconds for r in runs), max(r.peak_mb for r in runs))


def check_scan(plan: Path, resources: int, timeout: float) -> tuple[str, bool]:
    """One untimed library scan to prove the measured work is real: every generated resource evaluated."""
    run = run_once(iacgate_library(plan), timeout)
    lines = run.stdout.strip().splitlines()
    if run.exit_code not in ACCEPTED_EXIT or not lines:
        last = (run.stderr.strip().splitlines() or [f"exit {run.exit_code}"])[-1]
        return f"check {resources:,}: scan failed ({last[:160]})", False
    counts = json.loads(lines[-1])
    text = (
        f"check {resources:,}: {counts['resources']:,} resources evaluated against {counts['rules']} rules, "
        f"{counts['findings']:,} findings, SARIF "
        + ("rendered" if counts["sarif"] else "NOT rendered (no iacgate.report)")
    )
    if counts["resources"] < resources:
        return f"{text} -- INVALID: the plan holds {resources:,} resources", False
    return text, True


def choose_iacgate(via: str) -> tuple[str, Command]:
    if via == "library":
        return "library: iacgate.api.scan + iacgate.report.render_sarif", iacgate_library
    cli_ready = (
        _bin("iacgate") is not None
        and subprocess.run(
            [_bin("iacgate") or "iacgate", "--version"], capture_output=True, check=False
        ).returncode
        == 0
    )
    if via == "cli" or cli_ready:
        return "cli: iacgate scan <plan> --format sarif --output /dev/null", iacgate_cli
    return (
        "library (the iacgate CLI does not start yet): iacgate.api.scan + SARIF if present",
        iacgate_library,
    )


def floor_verdict(m: Measurement) -> tuple[str, bool]:
    if m.error:
        return f"ERROR {m.error}", False
    ok = m.peak_mb < MEMORY_FLOOR_MB
    parts = [f"{'<' if ok else '>='} {MEMORY_FLOOR_MB:.0f} MB"]
    limit = TIME_FLOORS.get(m.resources)
    if limit is not None:
        fast = m.seconds < limit
        ok = ok and fast
        parts.insert(0, f"{'<' if fast else '>='} {limit:g} s")
    return f"{'PASS' if ok else 'FAIL'} ({', '.join(parts)})", ok


def _row(m: Measurement, verdict: str = "") -> str:
    return (
        f"{m.tool:<9} {m.resources:>9,} {m.seconds:>8.2f} {m.peak_mb:>9.1f} {m.per_second:>10,.0f}  {verdict}"
    )


def growth_lines(results: Sequence[Measurement]) -> list[str]:
    ok = sorted((m for m in results if not m.error), key=lambda m: m.resources)
    if len(ok) < 2 or ok[0].seconds <= 0:
        return []
    small, large = ok[0], ok[-1]
    size = large.resources / small.resources
    return [
        f"growth {small.tool}: {large.resources:,} / {small.resources:,} resources -> "
        f"time x{large.seconds / small.seconds:.1f}, memory x{large.peak_mb / small.peak_mb:.1f} "
        f"(linear ≈ x{size:g}; start-up costs pull it under, clearly above means faster than linear)"
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="iacgate benchmark: wall time, peak memory, resources/s.")
    parser.add_argument(
        "--resources", default="1000,10000", help="comma-separated plan sizes (default 1000,10000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per measurement; the best time counts (default 3)"
    )
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument(
        "--via",
        choices=["auto", "cli", "library"],
        default="auto",
        help="measure the CLI, or the library API when the CLI is not available (default auto)",
    )
    parser.add_argument("--no-peer", action="store_true", help="skip the side-by-side run of checkov")
    parser.add_argument("--no-opa", action="store_true", help="skip the OPA-server engine")
    parser.add_argument(
        "--formats",
        default="terraform,terraform-warm,cloudformation,pulumi,corpus,hook,heredoc",
        help="other inputs: formats at 1,000 resources (terraform with a cold parse cache, terraform-warm "
        "with a warm one as a pre-commit hook sees it, cloudformation, pulumi), the Terraform corpus, "
        "hook (iacgate hook on one file of a 50-resource module, warm and cold, against python -c pass), "
        "and heredoc (one .tf file with a 1 to 30 MB heredoc, parsed cold)",
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before one run is killed")
    args = parser.parse_args(argv)
    try:
        sizes = [int(part.replace("_", "")) for part in args.resources.split(",") if part.strip()]
    except ValueError:
        parser.error(f"--resources takes comma-separated integers, got {args.resources!r}")
    if not sizes or min(sizes) <= 0 or args.repeat < 1:
        parser.error("--resources must be positive and --repeat at least 1")

    how, command = choose_iacgate(args.via)
    peer = None if args.no_peer else _bin("checkov")
    print(f"iacgate benchmark — {how}")
    print(
        f"best of {args.repeat} runs, each in a fresh process; {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()}"
    )

    plans: dict[int, Path] = {}
    for size in sizes:
        plans[size] = GENERATED / f"plan-{size}-seed{args.seed}.json"
        plans[size].parent.mkdir(parents=True, exist_ok=True)
        plans[size].write_text(json.dumps(generate_plan(size, args.seed)) + "\n", encoding="utf-8")
        print(f"plan: {plans[size].relative_to(HERE.parent)} ({plans[size].stat().st_size / 1e6:.1f} MB)")

    checks = [check_scan(plans[size], size, args.timeout) for size in sizes]
    for text, _ in checks:
        print(text)
    ours = [measure("iacgate", command, plans[size], size, args.repeat, args.timeout) for size in sizes]
    print()
    print(f"{'tool':<9} {'resources':>9} {'wall s':>8} {'peak MB':>9} {'res/s':>10}  floor")
    verdicts = [
        floor_verdict(m) if valid else ("INVALID (see check above)", False)
        for m, (_, valid) in zip(ours, checks, strict=True)
    ]
    for m, (text, _) in zip(ours, verdicts, strict=True):
        print(_row(m, text))
    theirs: list[Measurement] = []
    if peer is not None:
        theirs = [measure("checkov", checkov, plans[size], size, args.repeat, args.timeout) for size in sizes]
        for m in theirs:
            print(_row(m, f"ERROR {m.error}" if m.error else "peer"))
    print()
    valid = all(ok for _, ok in checks)
    for line in (growth_lines(ours) if valid else []) + growth_lines(theirs):
        print(line)
    if peer is None:
        print(
            "peer: skipped"
            if args.no_peer
            else "peer: checkov not installed (pip install checkov to compare)"
        )
    elif not valid:
        print("iacgate/checkov: not compared, the iacgate check above failed")
    for mine, other in zip(ours, theirs if valid else [], strict=False):
        if mine.error or other.error:
            continue
        print(
            f"iacgate/checkov at {mine.resources:,} resources: time x{mine.seconds / other.seconds:.3f}, "
            f"memory x{mine.peak_mb / other.peak_mb:.2f} (below 1: iacgate is faster / smaller; "
            f"checkov takes x{other.seconds / mine.seconds:.1f} the time)"
        )
    opa = [] if args.no_opa else opa_rows(plans, sizes, args.repeat, args.timeout, ours)
    formats = [name for name in args.formats.split(",") if name.strip()]
    others = format_rows(formats, args.seed, args.repeat, args.timeout)
    if any(m.error for m in ours + opa) or not valid:
        return 2
    return 0 if all(ok for _, ok in verdicts + others) else 1


def opa_rows(
    plans: dict[int, Path], sizes: Sequence[int], repeat: int, timeout: float, ours: Sequence[Measurement]
) -> list[Measurement]:
    """The OPA-server engine on the same plans, its server started on 127.0.0.1 for the run."""
    print()
    if not OPA_BIN.exists():
        print(f"opa engine: skipped, {OPA_BIN.relative_to(HERE.parent)} missing (make opa)")
        return []
    sys.path.insert(0, str(HERE.parent / "tests"))
    from opa_server import running_opa

    with running_opa() as server:
        # The first scan of a pack version uploads the modules it needs; later ones find them there.
        first = [run_once(iacgate_opa(server.url)(plans[size]), timeout) for size in sizes]
        rows = [measure("opa", iacgate_opa(server.url), plans[size], size, repeat, timeout) for size in sizes]
    for mine, theirs, upload in zip(ours, rows, first, strict=True):
        ratio = f"x{theirs.seconds / mine.seconds:.2f} the embedded time" if not theirs.error else ""
        print(_row(theirs, f"ERROR {theirs.error}" if theirs.error else ratio))
        print(f"    first scan on the fresh server (uploads the modules): {upload.seconds:.2f} s")
    return rows


def format_rows(formats: Sequence[str], seed: int, repeat: int, timeout: float) -> list[tuple[str, bool]]:
    verdicts: list[tuple[str, bool]] = []
    if formats:
        print()
        print(f"{'format':<14} {'resources':>9} {'wall s':>8} {'peak MB':>9} {'res/s':>10}  floor")
    for fmt in formats:
        if fmt == "corpus":
            verdicts.append(corpus_row(repeat, timeout))
            continue
        if fmt == "heredoc":
            verdicts.extend(heredoc_rows(GENERATED, repeat, timeout, measure))
            continue
        if fmt == "hook":
            iacgate = _bin("iacgate") or "iacgate"
            verdicts.extend(hook_rows(GENERATED, iacgate, seed, repeat, timeout, measure))
            continue
        if fmt not in FORMAT_FLOORS:
            print(f"{fmt}: unknown format (choose from {', '.join(FORMAT_FLOORS)})")
            verdicts.append(("unknown format", False))
            continue
        path = write_input(fmt, FORMAT_SIZE, seed)
        text, valid = check_scan(path, FORMAT_SIZE, timeout)
        # HCL parse results are cached by content; a cold cache is the honest first-run figure, a warm
        # one (filled by the first of the runs) what a pre-commit hook sees after the first commit.
        env = {**os.environ, "IACGATE_CACHE_DIR": ""} if fmt == "terraform" else None
        if fmt == "terraform-warm":
            env = {**os.environ, "IACGATE_CACHE_DIR": str(bench_cache("hcl-cache"))}
        command = iacgate_cli_region if fmt == "cloudformation" else iacgate_cli
        m = measure(fmt, command, path, FORMAT_SIZE, repeat, timeout, env)
        limit = FORMAT_FLOORS[fmt]
        ok = valid and not m.error and m.seconds < limit and m.peak_mb < MEMORY_FLOOR_MB
        verdict = f"{'PASS' if ok else 'FAIL'} (< {limit:g} s, < {MEMORY_FLOOR_MB:.0f} MB)"
        if not valid:
            verdict = f"INVALID ({text})"
        elif m.error:
            verdict = f"ERROR {m.error}"
        figures = f"{m.resources:>9,} {m.seconds:>8.2f} {m.peak_mb:>9.1f} {m.per_second:>10,.0f}"
        print(f"{fmt:<14} {figures}  {verdict}")
        verdicts.append((verdict, ok))
    return verdicts


def corpus_row(repeat: int, timeout: float) -> tuple[str, bool]:
    """The whole real-module corpus, every rule, cold parse cache, against its floor."""
    if not CORPUS.is_dir():
        print(f"{'corpus':<14} skipped: {CORPUS} is absent")
        return ("skipped", True)
    env = {**os.environ, "IACGATE_CACHE_DIR": ""}
    m = measure("corpus", iacgate_cli, CORPUS, 0, repeat, timeout, env)
    ok = not m.error and m.seconds < CORPUS_FLOOR and m.peak_mb < MEMORY_FLOOR_MB
    verdict = f"ERROR {m.error}" if m.error else f"{'PASS' if ok else 'FAIL'} (< {CORPUS_FLOOR:g} s)"
    files = sum(1 for _ in CORPUS.rglob("*.tf"))
    print(f"{'corpus':<14} {files:>6} tf {m.seconds:>8.2f} {m.peak_mb:>9.1f} {'':>10}  {verdict}")
    return (verdict, ok)


if __name__ == "__main__":
    raise SystemExit(main())
