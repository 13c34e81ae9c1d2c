"""The checked-in fixtures of the aws_rest encryption rules are what their specifications write."""

from __future__ import annotations

from pathlib import Path

import pytest

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
