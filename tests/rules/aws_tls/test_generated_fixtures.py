"""The checked-in fixtures of the aws_tls encryption-in-transit rules are what their specifications write."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.aws_tls import generate_fixtures as spec
from rules.not_judged import outcomes_of_unjudged

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
    names = {"other_tcp_passthrough", "other_udp"}
    formats, outcomes, every = outcomes_of_unjudged(spec.PACK, "ENC-ELB-001", names)
    assert formats == {"terraform", "terraform-plan", "cloudformation", "pulumi"}
    assert outcomes <= {None, "not_applicable"}
    # The HTTP listeners of the same files are still failed.
    assert "fail" in every
