"""The benchmark behind ``make bench``: issue #19's cases, each against its floor and beside its peers.

    .venv/bin/python benchmarks/run.py [--resources 1000,10000,50000] [--repeat 3] [--via auto|cli|library]
                                       [--cases plan,cold,terraform,cloudformation,pulumi,hook,opa]
                                       [--formats terraform-warm,corpus,heredoc,gcp-landing,azure-landing]
                                       [--no-peer] [--no-opa]

Each measurement is a fresh process (so imports, rule compilation and peak memory belong to that run
alone); the median wall time of ``--repeat`` runs is reported, and the highest peak memory. One extra,
untimed library scan per input checks that every generated resource was really evaluated. Peers
(checkov default and tuned, trivy, conftest) run on the same input in the same way where they are
installed (see README.md); their ratio is their time over iacgate's. Exit status: 0 every floor met, 1 a
floor missed, 2 a run failed or the check found resources missing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generate_cloudformation import generate as generate_template
from generate_cloudformation import to_yaml
from generate_pulumi import generate_export
from generate_terraform import write_module
from heredoc_bench import heredoc_rows
from hook_bench import bench_cache, hook_rows
from landing_bench import LANDINGS, landing_row

HERE = Path(__file__).resolve().parent
GENERATED = HERE / ".generated"
# Issue #19's floors, for a 2-core machine: median wall seconds of a warm plan scan by size, and peak memory.
TIME_FLOORS = {1_000: 0.6, 10_000: 4.0}
MEMORY_FLOORS_MB = {10_000: 200.0}
MEMORY_FLOOR_MB = 200.0  # any size up to 10,000 without a floor of its own
# Past 10,000 resources the floor is linear growth: time and memory x(size ratio), 10% slack.
LINEAR_SLACK = 1.1
# The other cases, each at 1,000 resources: floor in seconds.
CASE_SIZE = 1_000
COLD_FLOOR = 1.0
FORMAT_FLOORS = {"terraform": 1.5, "cloudformation": 0.7, "pulumi": 0.7}
# Extra rows kept from earlier issues: (floor in seconds), and their memory floor.
EXTRA_FLOORS = {"terraform-warm": 2.0}
EXTRA_MEMORY_FLOOR_MB = 300.0
OPA_RATIO_FLOOR = 1.5
# The real-module corpus (../shared/corpus/terraform), scanned whole with a cold parse cache.
CORPUS = HERE.parent.parent / "shared" / "corpus" / "terraform"
CORPUS_FLOOR = 10.0
OPA_BIN = HERE.parent / ".tools" / "opa-v1.22.3" / "opa"
CONFTEST_POLICY = HERE / "peers" / "conftest"
# A peer that has not finished by then is reported as such (trivy on 10,000 resources took over 300 s).
PEER_TIMEOUT = 300.0
# iacgate exits 1 when the gate fails, which it does on these plans (half the resources are non-compliant);
# checkov, trivy and conftest exit 1 when a check fails. Anything else means the run itself went wrong.
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


def iacgate_rescan(plan: Path) -> list[str]:
    """A scan that reuses the answers an earlier scan of the same input kept (the answer cache)."""
    return [_bin("iacgate") or "iacgate", "scan", str(plan), "--format", "sarif", "--output", os.devnull]


def iacgate_cli(plan: Path) -> list[str]:
    """A warm scan that evaluates every query (bundles, manifests and parses cached; no answers reused):
    what a new plan costs, the figure #19's warm floors are read against."""
    return [*iacgate_rescan(plan), "--no-answer-cache"]


def rescan_of(command: Command) -> Command:
    """``command`` with the answers of earlier scans reused."""
    return lambda path: [part for part in command(path) if part != "--no-answer-cache"]


def cli_at(executable: str) -> Command:
    return lambda plan: [executable, "scan", str(plan), "--format", "sarif", "--output", os.devnull]


def _step_failed(argv: Sequence[str], timeout: float) -> str | None:
    """Why running ``argv`` failed, or None when it succeeded."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{' '.join(argv[:4])}: {exc}"
    if done.returncode != 0:
        return f"{' '.join(argv[:4])} failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}"
    return None


def install_wheel(timeout: float) -> tuple[str | None, str]:
    """iacgate installed from a wheel of this checkout into a new venv, as a CI runner installs it (the
    cold rows' case: what the wheel ships, nothing from the checkout); (its executable, how), or (None,
    why not) when the wheel or its dependencies cannot be had (offline)."""
    target = GENERATED / "wheel"
    shutil.rmtree(target, ignore_errors=True)
    dist, venv = target / "dist", target / "venv"
    for argv in (
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(HERE.parent)],
        [sys.executable, "-m", "venv", str(venv)],
    ):
        failed = _step_failed(argv, timeout)
        if failed:
            return None, failed
    wheels = sorted(dist.glob("iacgate-*.whl"))
    if len(wheels) != 1:
        return None, f"the build wrote {len(wheels)} wheels"
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    failed = _step_failed([*pip, str(wheels[0])], timeout)
    if failed:
        return None, failed
    return str(venv / "bin" / "iacgate"), f"{wheels[0].name} in a fresh venv"


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


# --- peers: (name, the command on one input) for plans, HCL directories and CloudFormation templates -----


def _checkov(path: Path, *tuned: str) -> list[str]:
    target = ["-d", str(path)] if path.is_dir() else ["-f", str(path)]
    return [_bin("checkov") or "checkov", *target, "-o", "sarif", *tuned]


def checkov(plan: Path) -> list[str]:
    """checkov as it runs by default: every framework it recognises, its policies downloaded if it can."""
    return _checkov(plan)


def checkov_tuned(framework: str) -> Command:
    """checkov told the input's framework, without downloads, quiet and compact: its fastest useful run."""
    return lambda path: _checkov(path, "--framework", framework, "--skip-download", "--quiet", "--compact")


def trivy(path: Path) -> list[str]:
    # Its built-in checks: this machine cannot reach the registry that serves newer ones.
    return [_bin("trivy") or "trivy", "config", "--quiet", "--skip-check-update", "--format", "sarif",
            "--output", os.devnull, str(path)]  # fmt: skip


def conftest(path: Path) -> list[str]:
    return [_bin("conftest") or "conftest", "test", "--no-color", "--output", "json", "--policy",
            str(CONFTEST_POLICY), str(path)]  # fmt: skip


PEERS: dict[str, list[tuple[str, str, Command]]] = {
    # input kind: (label, executable, command)
    "plan": [
        ("checkov", "checkov", checkov),
        ("checkov tuned", "checkov", checkov_tuned("terraform_plan")),
        ("trivy", "trivy", trivy),
        ("conftest", "conftest", conftest),
    ],
    "terraform": [
        ("checkov", "checkov", checkov),
        ("checkov tuned", "checkov", checkov_tuned("terraform")),
        ("trivy", "trivy", trivy),
    ],
    "cloudformation": [
        ("checkov", "checkov", checkov),
        ("checkov tuned", "checkov", checkov_tuned("cloudformation")),
        ("trivy", "trivy", trivy),
    ],
    "pulumi": [],
}


def _max_rss_mb(kilobytes_or_bytes: int) -> float:
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    return kilobytes_or_bytes / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


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
        # A session of its own: past the timeout the whole tree is killed, the workers a tool forked too
        # (checkov's kept running for minutes after their parent, on the CPUs the next runs measure).
        process = subprocess.Popen(argv, stdout=out, stderr=err, cwd=workdir, env=env, start_new_session=True)
        killer = threading.Timer(timeout, _kill_group, (process.pid,))
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
    fresh: bool = False,
) -> Measurement:
    """The median wall time of ``repeat`` fresh processes and their highest peak memory; ``fresh`` gives
    each run a new, empty iacgate cache (a CI runner's first scan)."""
    runs: list[Run] = []
    for _ in range(repeat):
        run = run_once(command(plan), timeout, fresh_cache(env) if fresh else env)
        if run.exit_code not in ACCEPTED_EXIT:
            last = (run.stderr.strip().splitlines() or [f"exit {run.exit_code}"])[-1]
            return Measurement(
                tool, resources, run.seconds, run.peak_mb, f"exit {run.exit_code}: {last[:160]}"
            )
        runs.append(run)
    return Measurement(
        tool, resources, statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs)
    )


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


def write_plan(path: Path, size: int, seed: int) -> None:
    """The plan, written by another process: a 50,000-resource plan built here would leave this process
    holding hundreds of MB, and each run forked from it would report that as its own peak memory."""
    argv = [sys.executable, str(HERE / "generate.py"), "--resources", str(size), "--seed", str(seed)]
    subprocess.run([*argv, "-o", str(path)], check=True, stdout=subprocess.DEVNULL)


def fresh_cache(env: dict[str, str] | None) -> dict[str, str]:
    """An environment whose iacgate cache is a new, empty directory (private, as iacgate requires)."""
    base = bench_cache("cold")
    base.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True, mode=0o700)
    return {**(env if env is not None else os.environ), "IACGATE_CACHE_DIR": str(base)}


def floor_verdict(m: Measurement) -> tuple[str, bool]:
    if m.error:
        return f"ERROR {m.error}", False
    memory_floor = MEMORY_FLOORS_MB.get(m.resources, MEMORY_FLOOR_MB)
    if m.resources > max(TIME_FLOORS):
        return "see growth", True
    ok = m.peak_mb < memory_floor
    parts = [f"{'<' if ok else '>='} {memory_floor:.0f} MB"]
    limit = TIME_FLOORS.get(m.resources)
    if limit is not None:
        fast = m.seconds < limit
        ok = ok and fast
        parts.insert(0, f"{'<' if fast else '>='} {limit:g} s")
    return f"{'PASS' if ok else 'FAIL'} ({', '.join(parts)})", ok


def plan_floor(size: int) -> str:
    """The floor of a warm plan scan of ``size`` resources, as the table shows it."""
    if size > max(TIME_FLOORS):
        return f"linear from {max(TIME_FLOORS):,}"
    memory = f"< {MEMORY_FLOORS_MB.get(size, MEMORY_FLOOR_MB):.0f} MB"
    return f"< {TIME_FLOORS[size]:g} s, {memory}" if size in TIME_FLOORS else memory


def linear_verdict(results: Sequence[Measurement]) -> tuple[str, bool] | None:
    """Past the largest size with a floor, time and memory grow at most in proportion to the size."""
    ok = sorted((m for m in results if not m.error), key=lambda m: m.resources)
    floored = [m for m in ok if m.resources == max(TIME_FLOORS)]
    beyond = [m for m in ok if m.resources > max(TIME_FLOORS)]
    if not floored or not beyond:
        return None
    base, large = floored[0], beyond[-1]
    size = large.resources / base.resources
    time_ratio, memory_ratio = large.seconds / base.seconds, large.peak_mb / base.peak_mb
    passed = time_ratio <= size * LINEAR_SLACK and memory_ratio <= size * LINEAR_SLACK
    return (
        f"{'PASS' if passed else 'FAIL'} linear to {large.resources:,}: time x{time_ratio:.1f}, memory "
        f"x{memory_ratio:.1f} for x{size:g} the resources (floor x{size * LINEAR_SLACK:.1f})",
        passed,
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


@dataclass(frozen=True)
class CaseResult:
    """One row of the #19 table: iacgate's figures, its floor, and the peers' time over iacgate's."""

    name: str
    mine: Measurement
    floor: str
    ok: bool
    peers: list[tuple[str, Measurement]] = field(default_factory=list)

    def line(self) -> str:
        verdict = f"ERROR {self.mine.error}" if self.mine.error else ("PASS" if self.ok else "FAIL")
        ratios = " · ".join(
            f"{label} {'ERROR' if m.error else f'x{m.seconds / self.mine.seconds:.1f}'}"
            for label, m in self.peers
            if self.mine.seconds > 0
        )
        return (
            f"{self.name:<26} {self.mine.seconds:>7.2f} {self.mine.peak_mb:>8.1f}  {self.floor:<20} "
            f"{verdict:<6} {ratios}"
        )


def run_peers(
    kind: str, path: Path, size: int, repeat: int, timeout: float, skip: bool, missing: set[str]
) -> list[tuple[str, Measurement]]:
    """The peers installed for this kind of input, on the same input, measured the same way."""
    if skip:
        return []
    found: list[tuple[str, Measurement]] = []
    for label, executable, command in PEERS[kind]:
        if _bin(executable) is None:
            missing.add(executable)
            continue
        if executable == "conftest" and not CONFTEST_POLICY.is_dir():
            continue
        # Above 1,000 resources one run each: a peer can take minutes there.
        runs = repeat if size <= CASE_SIZE else 1
        found.append((label, measure(label, command, path, size, runs, min(timeout, PEER_TIMEOUT))))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="iacgate benchmark: issue #19's cases against their floors.")
    parser.add_argument(
        "--resources",
        default="1000,10000,50000",
        help="plan sizes, comma-separated (default 1000,10000,50000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median counts")
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument(
        "--via",
        choices=["auto", "cli", "library"],
        default="auto",
        help="measure the CLI, or the library API when the CLI is not available (default auto)",
    )
    parser.add_argument("--no-peer", action="store_true", help="skip checkov, trivy and conftest")
    parser.add_argument("--no-opa", action="store_true", help="skip the OPA-server engine")
    parser.add_argument(
        "--cases",
        default="plan,cold,terraform,cloudformation,pulumi,hook,opa",
        help="#19's cases: plan (warm, every --resources size), cold (1k plan, empty cache), terraform "
        "(1k HCL, empty cache), cloudformation and pulumi (1k, warm), hook (pre-commit, one file of a "
        "50-resource module), opa (--engine opa on the 1k plan, server running)",
    )
    parser.add_argument(
        "--formats",
        default="terraform-warm,corpus,heredoc,gcp-landing,azure-landing",
        help="extra rows: terraform-warm (1k HCL, warm parse cache), corpus (../shared/corpus/terraform, "
        "cold), heredoc (one .tf file with a 1 to 30 MB heredoc, parsed cold), gcp-landing and "
        "azure-landing (a GCP and an Azure estate with their whole-graph audit rules, warm)",
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before one run is killed")
    args = parser.parse_args(argv)
    try:
        sizes = [int(part.replace("_", "")) for part in args.resources.split(",") if part.strip()]
    except ValueError:
        parser.error(f"--resources takes comma-separated integers, got {args.resources!r}")
    if not sizes or min(sizes) <= 0 or args.repeat < 1:
        parser.error("--resources must be positive and --repeat at least 1")
    cases = [name.strip() for name in args.cases.split(",") if name.strip()]

    how, command = choose_iacgate(args.via)
    print(f"iacgate benchmark — {how}")
    print(
        f"median of {args.repeat} runs, each in a fresh process; {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()}"
    )
    plan_sizes = sorted(set(sizes) | ({CASE_SIZE} if {"cold", "opa"} & set(cases) else set()))
    plans: dict[int, Path] = {}
    for size in plan_sizes:
        plans[size] = GENERATED / f"plan-{size}-seed{args.seed}.json"
        plans[size].parent.mkdir(parents=True, exist_ok=True)
        write_plan(plans[size], size, args.seed)
        print(f"plan: {plans[size].relative_to(HERE.parent)} ({plans[size].stat().st_size / 1e6:.1f} MB)")

    results: list[CaseResult] = []
    valid = True
    missing: set[str] = set()
    warm: dict[int, Measurement] = {}
    if "plan" in cases:
        for size in sizes:
            text, checked = check_scan(plans[size], size, args.timeout)  # also fills the cache: warm runs
            print(text)
            valid = valid and checked
            mine = measure("iacgate", command, plans[size], size, args.repeat, args.timeout)
            warm[size] = mine
            _verdict, ok = floor_verdict(mine)
            ok = ok and checked
            label = f"{size // 1000}k plan, warm" if size % 1000 == 0 else f"{size:,} plan, warm"
            # Past the largest floored size the floor is iacgate's own growth: peers would take many minutes.
            skip = args.no_peer or size > max(TIME_FLOORS)
            peers = run_peers("plan", plans[size], size, args.repeat, args.timeout, skip, missing)
            results.append(CaseResult(label, mine, plan_floor(size), ok, peers))
            if size <= max(TIME_FLOORS):
                results.append(rescan_row(label, command, plans[size], size, args.repeat, args.timeout))
    # The cold rows run iacgate as a CI runner has it: installed from the wheel, with an empty cache.
    cold_command: Command = command
    if {"cold", "terraform"} & set(cases):
        installed, how_installed = install_wheel(args.timeout)
        if installed is not None:
            cold_command = cli_at(installed)
        print(f"cold rows: {how_installed if installed else f'the checkout ({how_installed})'}")
    if "cold" in cases:
        mine = measure(
            "cold", cold_command, plans[CASE_SIZE], CASE_SIZE, args.repeat, args.timeout, fresh=True
        )
        ok = not mine.error and mine.seconds < COLD_FLOOR
        results.append(CaseResult("1k plan, cold", mine, f"< {COLD_FLOOR:g} s", ok))
    for fmt in ("terraform", "cloudformation", "pulumi"):
        if fmt not in cases:
            continue
        path = write_input(fmt, CASE_SIZE, args.seed)
        text, checked = check_scan(path, CASE_SIZE, args.timeout)
        print(text)
        valid = valid and checked
        run = iacgate_cli_region if fmt == "cloudformation" else iacgate_cli
        cold = fmt == "terraform"
        run = cold_command if cold else run
        mine = measure(fmt, run, path, CASE_SIZE, args.repeat, args.timeout, fresh=cold)
        limit = FORMAT_FLOORS[fmt]
        ok = checked and not mine.error and mine.seconds < limit
        name = {"terraform": "1k HCL, cold", "cloudformation": "1k CloudFormation, warm"}.get(
            fmt, "1k Pulumi, warm"
        )
        peers = run_peers(fmt, path, CASE_SIZE, args.repeat, args.timeout, args.no_peer, missing)
        results.append(CaseResult(name, mine, f"< {limit:g} s", ok, peers))
        if not cold:
            results.append(rescan_row(name, run, path, CASE_SIZE, args.repeat, args.timeout))
    verdicts: list[tuple[str, bool]] = []
    if "hook" in cases:
        verdicts.extend(
            hook_rows(GENERATED, _bin("iacgate") or "iacgate", args.seed, args.repeat, args.timeout, measure)
        )
    if "opa" in cases and not args.no_opa:
        verdicts.extend(opa_rows(plans[CASE_SIZE], args.repeat, args.timeout, command))

    print()
    print(f"{'case':<26} {'wall s':>7} {'peak MB':>8}  {'floor':<20} {'':<6} peers: their time ÷ iacgate's")
    for result in results:
        print(result.line())
        for label, m in result.peers:
            if m.error:
                print(f"    {label}: {m.error}")
    linear = linear_verdict(list(warm.values()))
    if linear is not None:
        print(linear[0])
        verdicts.append(linear)
    for line in growth_lines(list(warm.values())):
        print(line)
    if args.no_peer:
        print("peers: skipped (--no-peer)")
    elif missing:
        print(f"peers not installed: {', '.join(sorted(missing))} (see benchmarks/README.md to install them)")
    formats = [name for name in args.formats.split(",") if name.strip()]
    verdicts.extend(format_rows(formats, args.seed, args.repeat, args.timeout))
    if any(r.mine.error for r in results) or not valid:
        return 2
    return 0 if all(r.ok for r in results) and all(ok for _, ok in verdicts) else 1


def rescan_row(warm: str, command: Command, path: Path, size: int, repeat: int, timeout: float) -> CaseResult:
    """The same input as the row named ``warm``, scanned again with the answer cache: every answer reused
    (shown, not a floor)."""
    rescan = rescan_of(command)
    run_once(rescan(path), timeout)  # keeps the answers, untimed
    mine = measure("re-scan", rescan, path, size, repeat, timeout)
    return CaseResult(warm.replace(", warm", ", re-scan"), mine, "(answers reused)", not mine.error)


def opa_rows(plan: Path, repeat: int, timeout: float, command: Command) -> list[tuple[str, bool]]:
    """The OPA-server engine on the 1k plan, its server started on 127.0.0.1 for the run, against the
    embedded engine measured in the same stretch."""
    print()
    if not OPA_BIN.exists():
        print(f"opa engine: skipped, {OPA_BIN.relative_to(HERE.parent)} missing (make opa)")
        return []
    sys.path.insert(0, str(HERE.parent / "tests"))
    from opa_server import running_opa

    with running_opa() as server:
        # The first scan of a pack version uploads the modules it needs; later ones find them there.
        upload = run_once(iacgate_opa(server.url)(plan), timeout)
        embedded = measure("embedded", command, plan, CASE_SIZE, repeat, timeout)
        theirs = measure("opa", iacgate_opa(server.url), plan, CASE_SIZE, repeat, timeout)
    print(
        f"--engine opa, 1k plan, server running: {theirs.seconds:.2f} s ({theirs.error or 'ok'}); "
        f"embedded {embedded.seconds:.2f} s; first scan on the fresh server (uploads the modules) "
        f"{upload.seconds:.2f} s"
    )
    if theirs.error or embedded.error:
        return [(f"ERROR {theirs.error or embedded.error}", False)]
    ratio = theirs.seconds / embedded.seconds
    ok = ratio <= OPA_RATIO_FLOOR
    verdict = (
        f"{'PASS' if ok else 'FAIL'} --engine opa x{ratio:.2f} the embedded time (floor x{OPA_RATIO_FLOOR:g})"
    )
    print(verdict)
    return [(verdict, ok)]


def format_rows(formats: Sequence[str], seed: int, repeat: int, timeout: float) -> list[tuple[str, bool]]:
    verdicts: list[tuple[str, bool]] = []
    if formats:
        print()
        print(f"{'extra':<14} {'resources':>9} {'wall s':>8} {'peak MB':>9} {'res/s':>10}  floor")
    for fmt in formats:
        if fmt == "corpus":
            verdicts.append(corpus_row(repeat, timeout))
            continue
        if fmt == "heredoc":
            verdicts.extend(heredoc_rows(GENERATED, repeat, timeout, measure))
            continue
        if fmt in LANDINGS:
            verdicts.append(
                landing_row(fmt, GENERATED, iacgate_cli, bench_cache(fmt), repeat, timeout, measure)
            )
            continue
        if fmt not in EXTRA_FLOORS:
            known = ", ".join([*EXTRA_FLOORS, "corpus", "heredoc", *LANDINGS])
            print(f"{fmt}: unknown row (choose from {known})")
            verdicts.append(("unknown row", False))
            continue
        path = write_input(fmt, CASE_SIZE, seed)
        # A warm parse cache (filled by the first of the runs): what a pre-commit hook sees after the first
        # commit.
        env = {**os.environ, "IACGATE_CACHE_DIR": str(bench_cache("hcl-cache"))}
        m = measure(fmt, iacgate_cli, path, CASE_SIZE, repeat, timeout, env)
        limit = EXTRA_FLOORS[fmt]
        ok = not m.error and m.seconds < limit and m.peak_mb < EXTRA_MEMORY_FLOOR_MB
        verdict = f"ERROR {m.error}" if m.error else f"{'PASS' if ok else 'FAIL'} (< {limit:g} s)"
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
    ok = not m.error and m.seconds < CORPUS_FLOOR and m.peak_mb < EXTRA_MEMORY_FLOOR_MB
    verdict = f"ERROR {m.error}" if m.error else f"{'PASS' if ok else 'FAIL'} (< {CORPUS_FLOOR:g} s)"
    files = sum(1 for _ in CORPUS.rglob("*.tf"))
    print(f"{'corpus':<14} {files:>6} tf {m.seconds:>8.2f} {m.peak_mb:>9.1f} {'':>10}  {verdict}")
    return (verdict, ok)


if __name__ == "__main__":
    raise SystemExit(main())
