"""The checked-in fixtures of the log-store retention rules are what their specifications write."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.retention import generate_fixtures as spec

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_checked_in_files_match_the_specifications(rule_id: str, tmp_path: Path) -> None:
    provider, cases = spec.FIXTURES[rule_id]
    written = spec.write(
        spec.PACK, rule_id, cases, formats=("terraform", "terraform-plan"), provider=provider, root=tmp_path
    )
    directory = ROOT / "fixtures" / spec.PACK / rule_id
    assert sorted(path.name for path in written) == sorted(path.name for path in directory.iterdir())
    for path in written:
        checked_in = directory / path.name
        assert checked_in.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{checked_in.relative_to(ROOT)} is stale: run tests/rules/retention/generate_fixtures.py"
        )
