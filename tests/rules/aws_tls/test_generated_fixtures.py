"""The checked-in fixtures of the aws_tls encryption-in-transit rules are what their specifications write."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from iacgate.api import scan
from iacgate.packs.check import fixture_settings
from rules.aws_tls import generate_fixtures as spec

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_checked_in_files_match_the_specifications(rule_id: str, tmp_path: Path) -> None:
    written = spec.write(spec.PACK, rule_id, spec.FIXTURES[rule_id], project=spec.PROJECT, root=tmp_path)
    directory = ROOT / "fixtures" / spec.PACK / rule_id
    # Every checked-in file is generated (none left over from an old case) and every generated one is in.
    assert sorted(path.name for path in written) == sorted(path.name for path in directory.iterdir())
    for path in written:
        checked_in = directory / path.name
        assert checked_in.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{checked_in.relative_to(ROOT)} is stale: run tests/rules/aws_tls/generate_fixtures.py"
        )


def test_passthrough_listeners_are_not_judged_by_enc_elb_001_in_any_format() -> None:
    # An NLB's TCP listener may carry TLS end to end (passthrough); UDP has no TLS. Neither is failed,
    # nor passed: the rule does not judge them, in HCL, plan, template and stack alike.
    directory = ROOT / "fixtures" / spec.PACK / "ENC-ELB-001"
    result = scan(replace(fixture_settings(directory), packs=(spec.PACK,)))
    names = {"other_tcp_passthrough", "other_udp", "OtherTcpPassthrough", "OtherUdp"}
    found = {
        (graph.name, resource.id, resource.format)
        for graph in result.graphs
        for resource in graph.resources
        if resource.id.rsplit(".", 1)[-1].rsplit(":", 1)[-1] in names
    }
    assert {fmt for _, _, fmt in found} == {"terraform", "terraform-plan", "cloudformation", "pulumi"}
    assert len(found) == 8
    judged = {
        (check.unit, check.resource_id): check.outcome
        for check in result.evaluation.checks
        if check.rule_id == "ENC-ELB-001"
    }
    assert {judged.get((unit, resource_id)) for unit, resource_id, _ in found} <= {None, "not_applicable"}
    # The HTTP listeners of the same files are still failed.
    assert "fail" in judged.values()
