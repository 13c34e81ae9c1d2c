"""The checked-in audit-logging fixtures are what their specifications write."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.audit_logging import generate_fixtures as spec
from rules.not_judged import outcomes_of_unjudged

ROOT = Path(__file__).resolve().parents[3]
ALL_FORMATS = ("terraform", "terraform-plan", "cloudformation", "pulumi")
RULES = [(rule_id, ALL_FORMATS) for rule_id in spec.FIXTURES] + [
    (rule_id, spec.WITHOUT_PLAN) for rule_id in spec.ORIGINAL_FIXTURES
]


@pytest.mark.parametrize(("rule_id", "formats"), RULES, ids=[rule_id for rule_id, _ in RULES])
def test_checked_in_files_match_the_specifications(
    rule_id: str, formats: tuple[str, ...], tmp_path: Path
) -> None:
    cases = {**spec.FIXTURES, **spec.ORIGINAL_FIXTURES}[rule_id]
    written = spec.write(spec.PACK, rule_id, cases, formats=formats, project=spec.PROJECT, root=tmp_path)
    assert len(written) == len(formats)
    for path in written:
        checked_in = ROOT / "fixtures" / spec.PACK / rule_id / path.name
        assert checked_in.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{checked_in.relative_to(ROOT)} is stale: run tests/rules/audit_logging/generate_fixtures.py"
        )


def test_a_delivery_class_log_group_is_not_judged_by_its_retention_in_any_format() -> None:
    # AWS fixes a Delivery-class group's retention at a day or two: it only passes events on.
    formats, outcomes, every = outcomes_of_unjudged(spec.PACK, "LOG-CLOUDWATCH-001", {"other_delivery_class"})
    assert formats == set(ALL_FORMATS)
    assert outcomes <= {None, "not_applicable"}
    assert "fail" in every
