"""Regressions: a rule of a pack with ``regressions: true`` that fails a resource after an update which
passed it before says so, with the value before; a failure the update did not cause says nothing more."""

from __future__ import annotations

import json
from pathlib import Path

from iacgate.api import ScanSettings, scan
from iacgate.evaluate import EngineOptions
from iacgate.evaluate.regression import needs_before
from iacgate.packs import load_packs
from rules.change_safety.generate_fixtures import PlanChange, Step, plan, preview

TRAIL = {
    "name": "org",
    "s3_bucket_name": "trail-logs",
    "is_multi_region_trail": True,
    "enable_log_file_validation": True,
    "include_global_service_events": True,
    "enable_logging": True,
}
OFF = {**TRAIL, "enable_log_file_validation": False}
TAGGED = ({**OFF, "tags": {"a": "1"}}, {**OFF, "tags": {"a": "2"}})
TRAIL_PULUMI = {
    "name": "org",
    "s3BucketName": "trail-logs",
    "isMultiRegionTrail": True,
    "enableLogFileValidation": True,
    "includeGlobalServiceEvents": True,
    "enableLogging": True,
}


def messages(path: Path, rule: str = "LOG-CLOUDTRAIL-002") -> dict[str, str]:
    result = scan(ScanSettings(paths=(path,), packs=("audit-logging",)))
    assert not [n for n in result.notifications if n.level == "error"], result.notifications
    return {
        v.resource_id.rsplit("::", 1)[-1]: v.message
        for v in result.evaluation.violations
        if v.rule_id == rule
    }


def test_a_plan_update_that_turns_a_control_off_is_a_regression_with_both_values(tmp_path: Path) -> None:
    path = tmp_path / "release.tfplan.json"
    off = {**TRAIL, "enable_log_file_validation": False}
    document = plan([
        PlanChange("aws_cloudtrail", "regressed", ["update"], TRAIL, off),
        PlanChange("aws_cloudtrail", "failed_before", ["update"], *TAGGED),
        PlanChange("aws_cloudtrail", "created", ["create"], None, off),
    ])  # fmt: skip
    path.write_text(json.dumps(document), encoding="utf-8")
    found = messages(path)
    assert found["aws_cloudtrail.regressed"] == (
        "CloudTrail trail does not validate its log files: enable_log_file_validation is false, required "
        "true (regression: this change makes it fail; before it, enable_log_file_validation was true)"
    )
    assert "regression" not in found["aws_cloudtrail.failed_before"]
    assert "regression" not in found["aws_cloudtrail.created"]


def test_a_preview_update_is_judged_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "preview.pulumi.json"
    document = preview([
        Step("update", "aws:cloudtrail/trail:Trail", "regressed", TRAIL_PULUMI,
             {**TRAIL_PULUMI, "enableLogFileValidation": False}),
    ])  # fmt: skip
    path.write_text(json.dumps(document), encoding="utf-8")
    assert "before it, enable_log_file_validation was true" in messages(path)["regressed"]


def test_the_before_state_is_asked_only_where_the_update_touches_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "release.tfplan.json"
    off = {**TRAIL, "enable_log_file_validation": False}
    document = plan([
        PlanChange("aws_cloudtrail", "tags_only", ["update"], *TAGGED),
        PlanChange("aws_cloudtrail", "turned_off", ["update"], TRAIL, off),
    ])  # fmt: skip
    path.write_text(json.dumps(document), encoding="utf-8")
    result = scan(ScanSettings(paths=(path,), packs=("audit-logging",)))
    (graph,) = result.graphs
    rules = load_packs(("audit-logging",)).by_type["aws_cloudtrail"]
    answer = {"LOG-CLOUDTRAIL-002": [{"path": ["enable_log_file_validation"], "message": "x"}]}
    assert not needs_before(graph.by_id["aws_cloudtrail.tags_only"], rules, answer)
    assert needs_before(graph.by_id["aws_cloudtrail.turned_off"], rules, answer)
    assert not needs_before(graph.by_id["aws_cloudtrail.turned_off"], rules, {"LOG-CLOUDTRAIL-002": []})


def test_regressions_of_a_plan_split_across_evaluating_processes_are_the_same(tmp_path: Path) -> None:
    """A unit of 200 queries or more is dealt out to several children: the before-state answers of each
    child's part still reach their own resources."""
    path = tmp_path / "release.tfplan.json"
    changes = [
        PlanChange("aws_cloudtrail", f"t{n}", ["update"], *((TRAIL, OFF) if n % 3 == 0 else TAGGED))
        for n in range(240)
    ]
    path.write_text(json.dumps(plan(changes)), encoding="utf-8")

    def found(jobs: int) -> dict[tuple[str, str], str]:
        options = EngineOptions(jobs=jobs)
        result = scan(ScanSettings(paths=(path,), packs=("audit-logging",), engine_options=options))
        return {(v.rule_id, v.resource_id): v.message for v in result.evaluation.violations}

    alone = found(1)
    assert found(2) == alone
    regressed = sorted(
        int(resource.rsplit(".t", 1)[1])
        for (_, resource), message in alone.items()
        if "regression" in message
    )
    assert regressed == list(range(0, 240, 3))
