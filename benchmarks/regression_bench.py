"""What evaluating the before-state costs (#18 §3): a generated 1,000-resource plan turned into updates,
scanned with the change-safety pack and the packs' regressions on and off, against the same plan of creates
only: median of N alternating runs in one process (bundles compiled once), CPU and wall seconds.

Each create of the generated plan becomes an update of a resource applied before, so what the provider
computed at its creation is known on both sides, as in a real plan. Variants: ``tags`` (each update changes
tags only: the usual plan) and ``worst`` (each update flips every
boolean and unsets nothing that was set: every failure is at an attribute the update changed, so every
failing resource is evaluated twice). Run: ``python benchmarks/regression_bench.py --resources 1000``.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from iacgate.api import ScanSettings, scan
from iacgate.packs import RuleSet, load_packs

HERE = Path(__file__).resolve().parent


def _flip(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if value is None:
        return "arn:aws:kms:eu-west-1:123456789012:key/before"
    return value


def _known(value: Any, unknown: Any, name: str) -> Any:
    """``value`` with what ``after_unknown`` marks unknown filled in: a resource being updated has been
    applied, so what the provider computed at its creation (ids, ARNs, defaults) is known in its plan."""
    if unknown is True:
        return f"known-{name}"
    if isinstance(unknown, dict):
        base = value if isinstance(value, dict) else {}
        return {**base, **{key: _known(base.get(key), inner, key) for key, inner in unknown.items()}}
    if isinstance(unknown, list) and isinstance(value, list):
        return [
            _known(item, unknown[index] if index < len(unknown) else None, name)
            for index, item in enumerate(value)
        ]
    return value


def as_updates(document: dict[str, Any], variant: str) -> dict[str, Any]:
    updated = copy.deepcopy(document)
    for entry in updated["resource_changes"]:
        change = entry["change"]
        if change["actions"] != ["create"] or not isinstance(change.get("after"), dict):
            continue
        after = _known(change["after"], change.get("after_unknown") or {}, entry.get("type", ""))
        change["after"], change["after_unknown"] = after, {}
        if variant == "tags":
            before = {**after, "tags": {"release": "previous"}}
        else:
            before = {key: _flip(value) for key, value in after.items()}
        change["actions"] = ["update"]
        change["before"] = before
    afters = {entry["address"]: entry["change"].get("after") for entry in updated["resource_changes"]}
    modules = [updated.get("planned_values", {}).get("root_module", {})]
    while modules:  # planned_values says the same as each change's after
        module = modules.pop()
        modules.extend(module.get("child_modules", []))
        for value in module.get("resources", []):
            if isinstance(afters.get(value.get("address")), dict):
                value["values"] = afters[value["address"]]
    return updated


def without_regressions(rules: RuleSet) -> RuleSet:
    packs = tuple(
        dataclasses.replace(
            pack, rules=tuple(dataclasses.replace(rule, regression=False) for rule in pack.rules)
        )
        for pack in rules.packs
    )
    return RuleSet(packs=packs, policy_files=rules.policy_files)


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(path: Path, rules: RuleSet) -> tuple[float, float, int, int]:
    """CPU seconds (this process and the evaluating child, which ends with the scan: on a shared machine
    wall time measures the neighbours as much as the scan), wall seconds, resources and regressions."""
    start, wall = _cpu(), time.perf_counter()
    result = scan(ScanSettings(paths=(path,)), rules=rules)
    cpu, wall = _cpu() - start, time.perf_counter() - wall
    regressions = sum("(regression:" in violation.message for violation in result.evaluation.violations)
    return cpu, wall, result.resource_count, regressions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "creates.tfplan.json"
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--resources", str(args.resources), "--seed", "7",
             "-o", str(source)],
            check=True,
        )  # fmt: skip
        document = json.loads(source.read_text(encoding="utf-8"))
        plans = {"creates": source}
        for variant in ("tags", "worst"):
            plans[variant] = Path(scratch) / f"{variant}.tfplan.json"
            plans[variant].write_text(json.dumps(as_updates(document, variant)), encoding="utf-8")
        rules = load_packs()
        # Off: neither the change-safety pack nor any rule's regression; on: the packs as shipped.
        others = [pack.id for pack in rules.packs if pack.id != "change-safety"]
        configs = {"off": without_regressions(load_packs(others)), "on": rules}
        runs = [(plan, config) for plan in plans for config in configs]
        for plan, config in runs:
            measure(plans[plan], configs[config])  # compile and cache the bundles once
        cpu: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
        wall: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
        found: dict[tuple[str, str], tuple[int, int]] = {}
        for _ in range(args.repeat):  # alternating: each round measures every run once, in turn
            for run in runs:
                seconds, elapsed, count, regressions = measure(plans[run[0]], configs[run[1]])
                cpu[run].append(seconds)
                wall[run].append(elapsed)
                found[run] = (count, regressions)
        base = statistics.median(cpu[("creates", "off")])
        print(f"load average before/after: {LOAD_BEFORE} / {os.getloadavg()}; median of {args.repeat}")
        print(f"{'plan':8} {'packs':5} {'resources':>9} {'cpu s':>6} {'wall s':>6} {'vs creates off':>14}"
              f" {'regressions':>11}")  # fmt: skip
        for run in runs:
            median = statistics.median(cpu[run])
            print(
                f"{run[0]:8} {run[1]:5} {found[run][0]:9d} {median:6.2f} {statistics.median(wall[run]):6.2f}"
                f" {100 * (median / base - 1):13.1f}% {found[run][1]:11d}"
            )
    return 0


LOAD_BEFORE = os.getloadavg()

if __name__ == "__main__":
    raise SystemExit(main())
