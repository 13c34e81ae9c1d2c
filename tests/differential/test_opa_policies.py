"""Every policy is valid for the real OPA (strict, Rego v1) and its Rego unit tests pass there too."""

from __future__ import annotations

import subprocess
from pathlib import Path

from opa_server import require_opa

POLICIES = Path(__file__).resolve().parents[2] / "policies"


def run_opa(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(require_opa()), *arguments], capture_output=True, text=True, timeout=300, check=False
    )


def test_opa_check_strict_accepts_every_policy() -> None:
    # OPA 1.x parses Rego v1 by default; --strict adds unused imports/variables, shadowing, deprecations.
    result = run_opa("check", "--strict", str(POLICIES))
    assert result.returncode == 0, result.stdout + result.stderr


def test_opa_test_runs_the_rego_unit_tests() -> None:
    result = run_opa("test", "--format", "json", str(POLICIES))
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr
    if any(POLICIES.rglob("*_test.rego")):
        assert '"name"' in result.stdout, "opa test found no test rules in the *_test.rego files"
