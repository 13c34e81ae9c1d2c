"""The checked-in fixtures of the aws_rest encryption rules are what their specifications write."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.packs import load_packs
from iacgate.packs.check import expected_outcome
from rules.aws_rest import generate_fixtures as spec

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_checked_in_files_match_the_specifications(rule_id: str, tmp_path: Path) -> None:
    written = spec.write(spec.PACK, rule_id, spec.FIXTURES[rule_id], project=spec.PROJECT, root=tmp_path)
    assert written
    for path in written:
        checked_in = ROOT / "fixtures" / spec.PACK / rule_id / path.name
        assert checked_in.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{checked_in.relative_to(ROOT)} is stale: run tests/rules/aws_rest/generate_fixtures.py"
        )


RULES = {rule.id: rule for rule in load_packs((spec.PACK,)).rules}


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_every_case_named_by_an_outcome_is_of_a_type_the_rule_judges(rule_id: str) -> None:
    """The fixture test skips resources of types outside the rule's resource_types: a fail_* case of such a
    type (an aws_spot_instance_request before ENC-EC2-004 listed it) would prove nothing."""
    judged = RULES[rule_id].resource_types
    for case in spec.FIXTURES[rule_id]:
        if not case.data and expected_outcome(case.address) is not None:
            assert case.tf_type in judged, f"{rule_id}: {case.address} is named by an outcome but not judged"
