"""Real Pulumi files from the shared corpus, and a Pulumi volume judged by the built-in rule end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi_helpers import FIXTURES, REPO

from iacgate.api import ScanSettings, scan
from iacgate.errors import ParseError
from iacgate.graph.model import Resource
from iacgate.parsers.base import ParseOptions, merged
from iacgate.parsers.pulumi import PulumiParser
from iacgate.textio import read_source

CORPUS = REPO.parent / "shared" / "corpus"
PULUMI_CORPUS = CORPUS / "pulumi"

# Resources per corpus file (evaluated states only: deletions dropped, one per URN).
EXPECTED = {
    "pulumi__checkpoint-secrets.json": 30,
    "pulumi__checkpoint-v0.json": 30,
    "pulumi__checkpoint-v1.json": 30,
    "pulumi__checkpoint-v3.json": 30,
    "pulumi__checkpoint-v4.json": 30,
    "pulumi__engine-events_preview_aws-webserver.json": 3,
    "pulumi__engine-events_preview_awsx-eks-components.json": 58,
    "pulumi__engine-events_up_eks-update.json": 6,
    "stratify__sample-preview-creates.json": 16,
    # 13 delete steps: kept as deleted resources, for the rules that judge changes (change-safety).
    "stratify__sample-preview-deletes.json": 15,
    "stratify__sample-preview-update.json": 16,
    "stratify__sample-stack-export.json": 17,
}


def _corpus_files() -> list[Path]:
    return sorted(PULUMI_CORPUS.glob("*.json")) if PULUMI_CORPUS.is_dir() else []


@pytest.mark.skipif(not PULUMI_CORPUS.is_dir(), reason=f"shared corpus not present at {PULUMI_CORPUS}")
@pytest.mark.parametrize("path", _corpus_files(), ids=lambda path: path.name)
def test_corpus_file_parses_cleanly(path: Path) -> None:
    source = read_source(path, path.name)
    parser = PulumiParser()
    assert parser.claims(source)
    result = merged(parser.parse([source], ParseOptions(scan_root=PULUMI_CORPUS)))
    assert result.notifications == ()
    assert len(result.resources) == EXPECTED[path.name]
    assert len({resource.id for resource in result.resources}) == len(result.resources)
    for resource in result.resources:
        assert resource.format == "pulumi"
        assert 1 <= resource.location.start_line <= resource.location.end_line
        if resource.native_type.startswith("aws:") and resource.mode == "managed":
            assert resource.type.startswith("aws_")


@pytest.mark.skipif(not PULUMI_CORPUS.is_dir(), reason=f"shared corpus not present at {PULUMI_CORPUS}")
def test_corpus_specifics() -> None:
    def parsed(name: str) -> dict[str, Resource]:
        source = read_source(PULUMI_CORPUS / name, name)
        result = merged(PulumiParser().parse([source], ParseOptions(scan_root=PULUMI_CORPUS)))
        return {resource.id: resource for resource in result.resources}

    eks = parsed("pulumi__engine-events_preview_awsx-eks-components.json")
    vpc = eks["urn:pulumi:dev::aws-ts-eks::awsx:x:ec2:Vpc::vpc"]
    assert (vpc.mode, vpc.type) == ("component", "awsx_x_ec2_vpc")
    cluster = next(r for r in eks.values() if r.native_type == "aws:eks/cluster:Cluster")
    assert (cluster.type, cluster.mode, cluster.region) == ("aws_eks_cluster", "managed", "us-west-2")
    export = parsed("stratify__sample-stack-export.json")
    bucket = export["urn:pulumi:dev::sample::aws:s3/bucket:Bucket::docs"]
    assert bucket.type == "aws_s3_bucket"
    assert "__meta" not in bucket.attributes


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not present at {CORPUS}")
def test_other_formats_in_the_corpus_are_not_claimed() -> None:
    parser = PulumiParser()
    others = [
        path
        for path in sorted(CORPUS.rglob("*"))
        if path.is_file() and path.parent != PULUMI_CORPUS and path.suffix in (".json", ".template", ".tf")
    ]
    assert others
    claimed = []
    for path in others:
        try:
            source = read_source(path, path.name)
        except ParseError:
            continue  # empty or undecodable: no parser claims those
        if parser.claims(source):
            claimed.append(path.name)
    assert claimed == []


@pytest.mark.parametrize(("outcome", "failing"), [("fail", True), ("pass", False)])
def test_builtin_ebs_rule_judges_a_pulumi_volume(outcome: str, failing: bool) -> None:
    fixture = FIXTURES / "rules" / f"enc-ebs-001-{outcome}.json"
    result = scan(ScanSettings(paths=(fixture,), packs=("encryption",), root=FIXTURES))
    urn = f"urn:pulumi:prod::ledger::aws:ebs/volume:Volume::{outcome}-volume"
    assert [file.format for file in result.files] == ["pulumi"]
    findings = [finding for finding in result.findings if finding.rule_id == "ENC-EBS-001"]
    checks = {
        check.resource_id: check.outcome
        for check in result.evaluation.checks
        if check.rule_id == "ENC-EBS-001"
    }
    assert set(checks) == {urn}
    if failing:
        [finding] = findings
        assert (finding.resource_id, finding.status, finding.file, finding.line, finding.path) == (
            urn,
            "fail",
            "rules/enc-ebs-001-fail.json",
            31,
            ("encrypted",),
        )
        assert checks[urn] == "fail"
    else:
        assert findings == []
        assert checks[urn] == "pass"
