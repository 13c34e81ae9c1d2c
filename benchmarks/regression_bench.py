"""What evaluating the before-state costs (#18 §3): a generated 1,000-resource plan turned into updates,
scanned with the packs' regressions on and off, best of N in one process (bundles compiled once).

Variants: ``tags`` (each update changes tags only: the usual plan) and ``worst`` (each update flips every
boolean and unsets nothing that was set: every failure is at an attribute the update changed, so every
failing resource is evaluated twice). Run: ``python benchmarks/regression_bench.py --resources 1000``.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import resource
import subprocess
import sys
import tempfile
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


def as_updates(document: dict[str, Any], variant: str) -> dict[str, Any]:
    updated = copy.deepcopy(document)
    for entry in updated["resource_changes"]:
        change = entry["change"]
        if change["actions"] != ["create"] or not isinstance(change.get("after"), dict):
            continue
        after = change["after"]
        if variant == "tags":
            before = {**after, "tags": {"release": "previous"}}
        else:
            before = {key: _flip(value) for key, value in after.items()}
        change["actions"] = ["update"]
        change["before"] = before
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


def best(path: Path, rules: RuleSet, repeat: int) -> tuple[float, int, int]:
    """Least CPU seconds of ``repeat`` scans (this process and the evaluating child, which ends with the
    scan): on a shared machine wall time measures the neighbours as much as the scan."""
    times = []
    result = None
    for _ in range(repeat):
        start = _cpu()
        result = scan(ScanSettings(paths=(path,)), rules=rules)
        times.append(_cpu() - start)
    assert result is not None
    regressions = sum("(regression:" in violation.message for violation in result.evaluation.violations)
    return min(times), result.resource_count, regressions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "plan.json"
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--resources", str(args.resources), "--seed", "7",
             "-o", str(source)],
            check=True,
        )  # fmt: skip
        document = json.loads(source.read_text(encoding="utf-8"))
        rules = load_packs()
        plain = without_regressions(rules)
        header = f"{'variant':8} {'resources':>9} {'off cpu s':>9} {'on cpu s':>8} {'slower':>7}"
        print(f"{header} {'regressions':>11}")
        for variant in ("tags", "worst"):
            path = Path(scratch) / f"{variant}.tfplan.json"
            path.write_text(json.dumps(as_updates(document, variant)), encoding="utf-8")
            best(path, rules, 1)  # compile and cache the bundles once
            off, count, _ = best(path, plain, args.repeat)
            on, _, regressions = best(path, rules, args.repeat)
            print(
                f"{variant:8} {count:9d} {off:9.2f} {on:8.2f} {100 * (on / off - 1):6.1f}% {regressions:11d}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
