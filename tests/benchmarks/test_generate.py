"""The benchmark plan generator: deterministic, exact in size, shaped like a real Terraform plan."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
# benchmarks/ is a directory of scripts, not a package: the scripts import each other by file name.
sys.path.insert(0, str(BENCHMARKS))

import generate  # noqa: E402

TOP_LEVEL = {
    "format_version",
    "terraform_version",
    "variables",
    "planned_values",
    "resource_changes",
    "configuration",
    "timestamp",
    "applyable",
    "complete",
    "errored",
}


def planned(module: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from module.get("resources", [])
    for child in module.get("child_modules", []):
        yield from planned(child)


def configured(module: dict[str, Any], path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    for resource in module.get("resources", []):
        yield path, resource
    for name, call in module.get("module_calls", {}).items():
        yield from configured(call["module"], (*path, name))


def references(expression: Any) -> Iterator[str]:
    if isinstance(expression, dict):
        yield from expression.get("references", [])
        for value in expression.values():
            if isinstance(value, (dict, list)):
                yield from references(value)
    elif isinstance(expression, list):
        for item in expression:
            yield from references(item)


@pytest.fixture(scope="module")
def plan() -> dict[str, Any]:
    return generate.generate_plan(2000, seed=11)


def test_same_seed_gives_identical_plan_and_another_seed_does_not() -> None:
    first = json.dumps(generate.generate_plan(300, seed=7))
    assert json.dumps(generate.generate_plan(300, seed=7)) == first
    assert json.dumps(generate.generate_plan(300, seed=8)) != first


@pytest.mark.parametrize("size", [0, 1, 2, 3, 17, 250, 1000])
def test_resource_count_is_exact(size: int) -> None:
    plan = generate.generate_plan(size, seed=3)
    assert len(plan["resource_changes"]) == size
    assert len(list(planned(plan["planned_values"]["root_module"]))) == size
    assert len({change["address"] for change in plan["resource_changes"]}) == size


def test_top_level_shape_is_a_terraform_1_9_plan(plan: dict[str, Any]) -> None:
    assert set(plan) == TOP_LEVEL
    # The plan parser recognises a plan by format_version near the start of the file.
    assert next(iter(plan)) == "format_version"
    assert (plan["format_version"], plan["terraform_version"]) == ("1.2", "1.9.5")
    assert set(plan["configuration"]) == {"provider_config", "root_module"}
    regions = {
        key: cfg["expressions"]["region"]["constant_value"]
        for key, cfg in plan["configuration"]["provider_config"].items()
    }
    assert regions == {"aws": "eu-west-1", "aws.dr": "eu-central-1"}
    for change in plan["resource_changes"]:
        assert change["change"]["actions"] == ["create"]
        assert set(change["change"]) == {
            "actions",
            "before",
            "after",
            "after_unknown",
            "before_sensitive",
            "after_sensitive",
        }


def test_planned_values_and_changes_describe_the_same_resources(plan: dict[str, Any]) -> None:
    values = {r["address"]: r["values"] for r in planned(plan["planned_values"]["root_module"])}
    assert values == {c["address"]: c["change"]["after"] for c in plan["resource_changes"]}


def test_computed_attributes_are_unknown_and_absent_from_after(plan: dict[str, Any]) -> None:
    for change in plan["resource_changes"]:
        after, unknown = change["change"]["after"], change["change"]["after_unknown"]
        marked = {key for key, value in unknown.items() if value is True}
        assert "id" in marked or "tags_all" in marked, change["address"]
        assert not marked & set(after), change["address"]


def test_mix_covers_the_rule_targets_and_includes_modules(plan: dict[str, Any]) -> None:
    types = Counter(change["type"] for change in plan["resource_changes"])
    for wanted in (
        "aws_s3_bucket",
        "aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_logging",
        "aws_s3_bucket_versioning",
        "aws_db_instance",
        "aws_rds_cluster",
        "aws_ebs_volume",
        "aws_kms_key",
        "aws_dynamodb_table",
        "aws_sqs_queue",
        "aws_sns_topic",
        "aws_cloudtrail",
        "aws_vpc",
        "aws_flow_log",
        "aws_instance",
        "aws_iam_role",
        "aws_security_group",
    ):
        assert types[wanted] > 0, wanted
    modules = {c.get("module_address") for c in plan["resource_changes"]} - {None}
    assert {"module.dr", "module.ledger.module.storage"} <= modules
    dr = [r for path, r in configured(plan["configuration"]["root_module"]) if path == ("dr",)]
    assert dr and {r["provider_config_key"] for r in dr} == {"aws.dr"}


def test_about_half_of_the_flagged_resources_are_non_compliant(plan: dict[str, Any]) -> None:
    flags = {
        "aws_ebs_volume": "encrypted",
        "aws_db_instance": "storage_encrypted",
        "aws_rds_cluster": "storage_encrypted",
        "aws_kms_key": "enable_key_rotation",
        "aws_cloudtrail": "enable_log_file_validation",
    }
    settings = [
        c["change"]["after"][flags[c["type"]]] for c in plan["resource_changes"] if c["type"] in flags
    ]
    share = settings.count(False) / len(settings)
    assert 0.35 < share < 0.65, share
    buckets = {c["address"] for c in plan["resource_changes"] if c["type"] == "aws_s3_bucket"}
    logged = {
        c["address"].replace("aws_s3_bucket_logging.", "aws_s3_bucket.")
        for c in plan["resource_changes"]
        if c["type"] == "aws_s3_bucket_logging"
    }
    assert 0.35 < len(buckets - logged) / len(buckets) < 0.65


def test_configuration_references_make_edges_to_resources_in_the_same_module(plan: dict[str, Any]) -> None:
    addresses: dict[tuple[str, ...], set[str]] = {}
    for path, resource in configured(plan["configuration"]["root_module"]):
        addresses.setdefault(path, set()).add(resource["address"])
    edges = 0
    for path, resource in configured(plan["configuration"]["root_module"]):
        for name in references(resource["expressions"]):
            if name.startswith(("var.", "each.", "local.")) or name.count(".") != 1:
                continue
            assert name in addresses[path], (path, resource["address"], name)
            edges += 1
    assert edges > len(plan["resource_changes"]) // 4


def test_cli_writes_the_same_plan(tmp_path: Path) -> None:
    target = tmp_path / "nested" / "plan.json"
    assert generate.main(["--resources", "25", "--seed", "5", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == generate.generate_plan(25, 5)


def test_negative_size_is_refused() -> None:
    with pytest.raises(ValueError, match="resources"):
        generate.generate_plan(-1, 0)
