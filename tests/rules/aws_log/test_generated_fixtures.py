"""The checked-in fixtures of the aws_log audit-logging rules are what their specifications write."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.aws_log import generate_fixtures as spec

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_checked_in_files_match_the_specifications(rule_id: str, tmp_path: Path) -> None:
    written = spec.write(spec.PACK, rule_id, spec.FIXTURES[rule_id], project=spec.PROJECT, root=tmp_path)
    directory = ROOT / "fixtures" / spec.PACK / rule_id
    # Every checked-in file is generated (none left over from an old case) and every generated one is in;
    # subdirectories are units written by hand (LOG-CLOUDTRAIL-006/org: trails judged together).
    files = [path.name for path in directory.iterdir() if path.is_file()]
    assert sorted(path.name for path in written) == sorted(files)
    for path in written:
        checked_in = ROOT / "fixtures" / spec.PACK / rule_id / path.name
        assert checked_in.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{checked_in.relative_to(ROOT)} is stale: run tests/rules/aws_log/generate_fixtures.py"
        )
