"""What makes a warm hook run fast must not change what it finds: the compiled Rego bundles (one per
resource type scanned), cached by content, give the same findings as a scan without a cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.evaluate.bundle_cache import bundle_path

from .conftest import SCRATCH_LINE


def _scan(repository: Path) -> ScanResult:
    return scan(ScanSettings(paths=(repository / "main.tf", repository / "variables.tf"), root=repository))


def _seen(result: ScanResult) -> list[tuple[str, str, str, int, str]]:
    return [(f.rule_id, f.resource_id, f.file, f.line, f.status) for f in result.findings]


def test_cached_bundles_give_the_same_findings(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IACGATE_CACHE_DIR", "")
    uncached = _scan(repository)
    cache = tmp_path / "cache"
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(cache))
    filling = _scan(repository)
    bundles = sorted(cache.glob("rego-*/*.rbb"))
    scanned_types = {resource.type for graph in filling.graphs for resource in graph.resources}
    # One bundle per judged type at least (whole-graph rules have a bundle of their own).
    assert len(bundles) >= len(scanned_types & set(filling.rules.by_type)) > 0
    written = [bundle.stat().st_mtime_ns for bundle in bundles]
    warm = _scan(repository)
    assert sorted(cache.glob("rego-*/*.rbb")) == bundles
    assert [bundle.stat().st_mtime_ns for bundle in bundles] == written  # read back, not compiled again
    assert _seen(warm) == _seen(filling) == _seen(uncached)
    assert ("ENC-EBS-001", "aws_ebs_volume.scratch", "main.tf", SCRATCH_LINE, "fail") in _seen(warm)
    assert warm.decision.exit_code == uncached.decision.exit_code == 1
    assert len(warm.evaluation.checks) == len(uncached.evaluation.checks) > 0


def test_a_changed_policy_text_is_compiled_again(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(tmp_path / "cache"))
    modules = [("a.rego", "package a\n\nallow := true\n")]
    first = bundle_path(modules, ["a/allow"])
    assert first is not None and first.is_relative_to(tmp_path / "cache")
    assert bundle_path([("a.rego", "package a\n\nallow := false\n")], ["a/allow"]) != first
    assert bundle_path(modules, ["a/deny"]) != first
    assert bundle_path(modules, ["a/allow"]) == first
    monkeypatch.setenv("IACGATE_CACHE_DIR", "")
    assert bundle_path(modules, ["a/allow"]) is None
