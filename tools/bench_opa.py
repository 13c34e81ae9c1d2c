"""Time the embedded engine against a real OPA server on synthetic plans (evaluation only; parsing once).

    .venv/bin/python tools/bench_opa.py --resources 1000 10000 --batch-sizes 50 200 1000

Starts ``opa run --server`` on 127.0.0.1 (binary from IACGATE_OPA_BIN, .tools/opa-<version>/opa or PATH).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "benchmarks"), str(REPO / "tests")]

from generate import generate_plan  # noqa: E402
from iacgate.api import parse_inputs  # noqa: E402
from iacgate.discover import discover  # noqa: E402
from iacgate.evaluate import EmbeddedEvaluator, EngineOptions  # noqa: E402
from iacgate.evaluate.opa import OpaEvaluator  # noqa: E402
from iacgate.graph import UNKNOWN, Graph, Resource, SourceLocation  # noqa: E402
from iacgate.packs import load_packs  # noqa: E402
from iacgate.parsers import SUFFIXES, ParseOptions  # noqa: E402
from opa_server import opa_binary, running_opa  # noqa: E402


def direct_graph(plan: dict[str, Any]) -> Graph:
    """The plan's resource changes as Resources, for when the plan parser cannot read them (yet)."""
    resources = []
    for change in plan["resource_changes"]:
        after = dict(change["change"].get("after") or {})
        for key, unknown in (change["change"].get("after_unknown") or {}).items():
            if unknown is True:
                after[key] = UNKNOWN
        resources.append(
            Resource(
                id=change["address"],
                format="terraform-plan",
                native_type=change["type"],
                type=change["type"],
                provider="aws",
                region="eu-west-1",
                region_source="provider aws",
                attributes=after,
                tags=after.get("tags") if isinstance(after.get("tags"), dict) else {},
                location=SourceLocation("plan.json", 1, 1),
            )
        )
    return Graph(tuple(resources))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[200])
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    if opa_binary() is None:
        print("OPA binary not installed: run make opa (needs Go)", file=sys.stderr)
        return 2
    rules = load_packs()
    with tempfile.TemporaryDirectory() as scratch, running_opa() as server:
        for count in arguments.resources:
            plan = Path(scratch) / f"plan-{count}.tfplan.json"
            document = generate_plan(count, arguments.seed)
            plan.write_text(json.dumps(document), encoding="utf-8")
            candidates = list(discover((plan,), Path(scratch), SUFFIXES))
            graph = parse_inputs(candidates, ParseOptions(scan_root=Path(scratch))).graph
            if not graph.resources:
                print("(the plan parser read no resources: using the plan's resource changes directly)")
                graph = direct_graph(document)
            started = time.perf_counter()
            embedded = EmbeddedEvaluator(rules).evaluate(graph, rules, {})
            line = [
                f"{count} resources, {len(rules.rules)} rules: embedded {time.perf_counter() - started:.2f}s"
            ]
            for batch in arguments.batch_sizes:
                started = time.perf_counter()
                options = EngineOptions(opa_url=server.url)
                opa = OpaEvaluator(rules, options, batch_size=batch).evaluate(graph, rules, {})
                line.append(f"opa(batch {batch}) {time.perf_counter() - started:.2f}s")
                assert opa.checks == embedded.checks and opa.violations == embedded.violations
            print(", ".join(line), f"[{len(embedded.checks)} checks]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
