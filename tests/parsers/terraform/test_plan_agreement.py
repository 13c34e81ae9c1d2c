"""Point 8: the same configuration scanned as HCL and as its plan gives the same findings.

``fixtures/parsers/terraform/agree/agree.tfplan.json`` is ``terraform show -json`` of a plan Terraform
1.11.4 (AWS provider 5.100.0) made of the ``.tf`` files beside it.
"""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanResult, ScanSettings, scan
from parsers.terraform.support import FIXTURES

AGREE = FIXTURES / "agree"


# Rules on the root module's state backend, variables and outputs: a plan records none of them as resources.
SOURCE_ONLY = ("SEC-STATE-*", "SEC-SENSITIVE-*")
# Rules on what only a plan holds: the plan's root variable values and output markings (var.*, output.*).
PLAN_ONLY = ("SEC-SENSITIVE-004",)
# Known disagreements: none. (#15: a KMS key the configuration leaves to the provider, "not set" in HCL, was
# unknown until apply in the plan; the plan parser now reads the plan's configuration and leaves it unset.)
DISAGREE: tuple[str, ...] = ()


def _findings(result: ScanResult) -> set[tuple[str, str, str]]:
    return {(finding.rule_id, finding.resource_id, finding.status) for finding in result.findings}


def test_source_and_plan_give_the_same_findings() -> None:
    source = scan(
        ScanSettings(paths=(AGREE,), root=AGREE, exclude=("*.json",), skip_rules=(*SOURCE_ONLY, *DISAGREE))
    )
    plan = scan(
        ScanSettings(paths=(AGREE / "agree.tfplan.json",), root=AGREE, skip_rules=(*PLAN_ONLY, *DISAGREE))
    )
    assert {resource.id for graph in source.graphs for resource in graph.resources} == {
        resource.id for graph in plan.graphs for resource in graph.resources
    }
    assert _findings(source) == _findings(plan)
    assert ("ENC-EBS-001", "aws_ebs_volume.counted[1]", "fail") in _findings(source)
    assert ("ENC-EBS-001", "aws_ebs_volume.by_default", "fail") not in _findings(source)
    lines = {(f.resource_id, f.file, f.line) for f in source.findings if f.rule_id == "ENC-EBS-001"}
    assert lines == {("aws_ebs_volume.fail", "main.tf", 40), ("aws_ebs_volume.counted[1]", "main.tf", 53)}


def test_plan_findings_point_at_the_tf_source_beside_the_plan() -> None:
    source = scan(
        ScanSettings(paths=(AGREE,), root=AGREE, exclude=("*.json",), skip_rules=(*SOURCE_ONLY, *DISAGREE))
    )
    plan = scan(
        ScanSettings(paths=(AGREE / "agree.tfplan.json",), root=AGREE, skip_rules=(*PLAN_ONLY, *DISAGREE))
    )

    def located(result: ScanResult) -> set[tuple[str, str, str, int]]:
        return {(f.rule_id, f.resource_id, f.file, f.line) for f in result.findings}

    assert located(plan) == located(source)
    planned = {related.file for finding in plan.findings for related in finding.related}
    # The plan entry, and for a value a module input decided (the finding sits at the caller's argument)
    # the module's own line, as in the source scan.
    assert planned == {"agree.tfplan.json", "modules/store/main.tf"}
    assert {r.file for f in source.findings for r in f.related} == {"modules/store/main.tf"}


SOURCE_FIXTURE = FIXTURES.parent / "tfplan-source"


def _ebs(result: ScanResult) -> set[tuple[str, str, int]]:
    return {(f.resource_id, f.file, f.line) for f in result.findings if f.rule_id == "ENC-EBS-001"}


def test_source_option_locates_plan_findings_in_the_named_module() -> None:
    plan = SOURCE_FIXTURE / "plans" / "prod.tfplan.json"
    alone = scan(ScanSettings(paths=(plan,), root=SOURCE_FIXTURE))
    assert {file for _, file, _ in _ebs(alone)} == {"plans/prod.tfplan.json"}

    located = scan(ScanSettings(paths=(plan,), root=SOURCE_FIXTURE, source_dirs=(SOURCE_FIXTURE / "infra",)))
    assert _ebs(located) == {
        ("aws_ebs_volume.data[0]", "infra/main.tf", 10),  # encrypted = false
        ("aws_ebs_volume.data[1]", "infra/main.tf", 10),
        ("module.store.aws_ebs_volume.cache", "infra/store/main.tf", 1),  # attribute missing: the header
        # In the plan but not in the source (imported by hand): it keeps its place in the plan.
        ("aws_ebs_volume.imported", "plans/prod.tfplan.json", 47),
    }
    data = next(f for f in located.findings if f.resource_id == "aws_ebs_volume.data[0]")
    assert [(r.file, r.label) for r in data.related] == [
        ("plans/prod.tfplan.json", "planned in the Terraform plan")
    ]


def test_source_outside_the_scanned_tree_is_refused_with_a_warning(tmp_path: Path) -> None:
    plan = SOURCE_FIXTURE / "plans" / "prod.tfplan.json"
    result = scan(ScanSettings(paths=(plan,), root=SOURCE_FIXTURE / "plans", source_dirs=(tmp_path,)))
    assert any("outside the scanned tree" in note.message for note in result.notifications)
    assert {file for _, file, _ in _ebs(result)} == {"prod.tfplan.json"}
