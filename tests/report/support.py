"""Real ScanResults for report tests: hand-built graphs run through the real evaluator, findings and gate."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from iacgate.api import ScannedFile, ScanResult
from iacgate.errors import ParseError, Position
from iacgate.evaluate import EmbeddedEvaluator, Evaluation
from iacgate.findings import build_findings
from iacgate.gate import GatePolicy, decide
from iacgate.graph import UNKNOWN, Graph, Resource, SourceLocation
from iacgate.notifications import Notification
from iacgate.packs import RuleSet, load_packs
from iacgate.packs.select import select_rules
from iacgate.schemas import load_schema
from iacgate.severity import Severity

REPO = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
STARTED = datetime(2026, 3, 2, 9, 30, 0, 123000, tzinfo=UTC)


def volume(
    name: str, encrypted: Any, line: int, file: str = "stacks/prod/plan.json", module: str = ""
) -> Resource:
    """An aws_ebs_volume whose ``encrypted`` attribute sits two lines below the resource's first line."""
    return Resource(
        id=f"{module}aws_ebs_volume.{name}",
        format="terraform-plan",
        native_type="aws_ebs_volume",
        type="aws_ebs_volume",
        provider="aws",
        region="eu-west-1",
        region_source="provider aws",
        attributes={"availability_zone": "eu-west-1a", "size": 10, "encrypted": encrypted},
        tags={},
        location=SourceLocation(file, line, line + 6, {"encrypted": line + 2}),
    )


@cache
def _rules() -> RuleSet:
    # The volumes differ only in ``encrypted``: the reports are about ENC-EBS-001's answers, and other
    # volume rules (a customer-managed key, ENC-EBS-004) would change every count as the pack grows.
    return select_rules(load_packs(("encryption",)), only=("ENC-EBS-001",)).rules


@cache
def _evaluator() -> EmbeddedEvaluator:
    return EmbeddedEvaluator(_rules())


def scan_result(
    graphs: Sequence[Graph],
    root: Path,
    notifications: Sequence[Notification] = (),
    fail_on: Severity = Severity.HIGH,
) -> ScanResult:
    """What ``api.scan`` returns for these graphs, minus the parsing: every later stage is the real one."""
    rules = _rules()
    evaluation = Evaluation.combine([_evaluator().evaluate(graph, rules, {}) for graph in graphs], "embedded")
    findings = build_findings(graphs, rules, evaluation)
    counts: dict[str, int] = {}
    for graph in graphs:
        for resource in graph.resources:
            counts[resource.location.file] = counts.get(resource.location.file, 0) + 1
    return ScanResult(
        root=root,
        files=tuple(ScannedFile(name, "terraform-plan", count) for name, count in sorted(counts.items())),
        graphs=tuple(graphs),
        rules=rules,
        evaluation=evaluation,
        findings=findings,
        notifications=tuple(notifications),
        decision=decide(findings, notifications, GatePolicy(fail_on=fail_on)),
        started=STARTED,
        duration_seconds=1.5,
    )


def mixed_graph(file: str = "stacks/prod/plan.json", offset: int = 0) -> Graph:
    """One failing, one passing and one undetermined volume."""
    return Graph(
        (
            volume("ledger", False, 10 + offset, file),
            volume("scratch", True, 30 + offset, file),
            volume("pending", UNKNOWN, 50 + offset, file),
        ),
        name=file,
    )


def parse_error() -> Notification:
    """What the pipeline records for a file that does not parse, through the real conversion."""
    return Notification.from_parse_error(
        ParseError(Position("stacks/dev/plan.json", 2, 5), "expected a value")
    )


def module_warning() -> Notification:
    return Notification("warning", "module source not found", "stacks/prod/main.tf", 7)


def sarif_validator() -> jsonschema.Draft4Validator:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not at {SARIF_SCHEMA} (../shared is absent)")
    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def assert_valid_sarif(log: dict[str, Any]) -> None:
    errors = sorted(sarif_validator().iter_errors(log), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in errors[:10])


def assert_valid_report(data: dict[str, Any]) -> None:
    schema = load_schema("report.schema.json")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = list(validator.iter_errors(data))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in errors[:10])
