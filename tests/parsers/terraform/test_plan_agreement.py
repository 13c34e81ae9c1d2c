"""Point 8: the same configuration scanned as HCL and as its plan gives the same findings.

``fixtures/parsers/terraform/agree/agree.tfplan.json`` is ``terraform show -json`` of a plan Terraform
1.11.4 (AWS provider 5.100.0) made of the ``.tf`` files beside it.
"""

from __future__ import annotations

from iacgate.api import ScanResult, ScanSettings, scan
from parsers.terraform.support import FIXTURES

AGREE = FIXTURES / "agree"


def _findings(result: ScanResult) -> set[tuple[str, str, str]]:
    return {(finding.rule_id, finding.resource_id, finding.status) for finding in result.findings}


def test_source_and_plan_give_the_same_findings() -> None:
    source = scan(ScanSettings(paths=(AGREE,), root=AGREE, exclude=("*.json",)))
    plan = scan(ScanSettings(paths=(AGREE / "agree.tfplan.json",), root=AGREE))
    assert {resource.id for graph in source.graphs for resource in graph.resources} == {
        resource.id for graph in plan.graphs for resource in graph.resources
    }
    assert _findings(source) == _findings(plan)
    assert ("ENC-EBS-001", "aws_ebs_volume.counted[1]", "fail") in _findings(source)
    assert ("ENC-EBS-001", "aws_ebs_volume.by_default", "fail") not in _findings(source)
    lines = {(f.resource_id, f.file, f.line) for f in source.findings if f.rule_id == "ENC-EBS-001"}
    assert lines == {("aws_ebs_volume.fail", "main.tf", 40), ("aws_ebs_volume.counted[1]", "main.tf", 53)}
