"""Every policy is valid for the real OPA (strict, Rego v1) and its Rego unit tests pass there too."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from iacgate.evaluate.closure import PACKAGE
from iacgate.evaluate.namespace import namespaced, package_root
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


def _passed(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr
    return sorted(
        f"{test['package']}.{test['name']}" for test in json.loads(result.stdout) if not test.get("fail")
    )


def test_the_rego_unit_tests_pass_below_an_upload_namespace(tmp_path: Path) -> None:
    """The OPA engine uploads every module below its pack version's namespace (``namespace.py``): the same
    unit tests, rewritten the same way, pass there too, so the rewrite changes no answer."""
    files = sorted(POLICIES.rglob("*.rego"))
    sources = {path: path.read_text(encoding="utf-8") for path in files}
    roots = frozenset(package_root(m.group(1)) for m in map(PACKAGE.search, sources.values()) if m)
    for path, source in sources.items():
        target = tmp_path / path.relative_to(POLICIES)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(namespaced(source, "iacgate_pack_test", roots), encoding="utf-8")
    plain = _passed(run_opa("test", "--format", "json", str(POLICIES)))
    moved = _passed(run_opa("test", "--format", "json", str(tmp_path)))
    assert plain and [name.removeprefix("data.iacgate_pack_test.") for name in moved] == [
        name.removeprefix("data.") for name in plain
    ]
