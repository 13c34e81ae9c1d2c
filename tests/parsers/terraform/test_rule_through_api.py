"""Points 3 and 9 through the library API: ENC-EBS-001 on resolved HCL, pointing at the attribute."""

from __future__ import annotations

from iacgate.api import ScanSettings, scan
from parsers.terraform.support import FIXTURES

EBS = FIXTURES / "ebs"


def test_enc_ebs_001_fires_on_false_not_on_a_true_default_and_is_undetermined_when_unknown() -> None:
    result = scan(ScanSettings(paths=(EBS,), root=EBS))
    found = {
        (finding.resource_id, finding.status, finding.file, finding.line)
        for finding in result.findings
        if finding.rule_id == "ENC-EBS-001"
    }
    assert found == {
        ("aws_ebs_volume.fail", "fail", "main.tf", 10),
        ("aws_ebs_volume.unknown", "undetermined", "main.tf", 22),
    }
    assert {resource.id for graph in result.graphs for resource in graph.resources} >= {
        "aws_ebs_volume.pass_by_default"
    }
