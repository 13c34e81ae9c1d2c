"""Every real template in ../shared/corpus/cloudformation scans; YAML/JSON twins give the same resources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iacgate.graph.model import Unknown
from iacgate.parsers.base import ParseOptions, merged
from iacgate.parsers.cloudformation import CloudFormationParser
from iacgate.textio import read_source

from .conftest import SHARED

CORPUS = SHARED / "corpus" / "cloudformation"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not present at {CORPUS}")


def _files() -> list[Path]:
    return sorted(path for path in CORPUS.rglob("*") if path.is_file()) if CORPUS.is_dir() else []


def test_every_corpus_file_scans_and_unevaluated_files_say_why() -> None:
    parser = CloudFormationParser()
    sources = [read_source(path, path.relative_to(CORPUS).as_posix()) for path in _files()]
    claimed = [source for source in sources if parser.claims(source)]
    assert len(claimed) == len(sources) == 158
    result = merged(parser.parse(claimed, ParseOptions(scan_root=CORPUS, region="us-east-1")))
    # The only errors: templates that need a macro first (the gate fails closed on them).
    errors = [str(n) for n in result.notifications if n.level == "error"]
    assert all("must run first" in error for error in errors), errors
    assert len(result.resources) > 1000
    for name in ("Boto3", "Count", "ExecutionRoleBuilder", "Explode", "PyPlate", "S3Objects", "ShortHand"):
        assert any(f"macro {name} must run first" in n.message for n in result.notifications), name
    assert any("!Rain::Embed" in n.message for n in result.notifications)
    nested = {r.id for r in result.resources if r.location.file.endswith("VPCFlowLogsCloudWatch.cfn.yaml")}
    # Both flow-log stacks are conditioned off by their parents' defaults ("No"): the template is judged
    # as a root of its own, never left out because a parent names it.
    assert nested == {"VPCFlowLogsLogGroup", "VPCFlowLogsRole", "VPCFlowLogsToCloudWatch"}


def _normal(value: Any) -> Any:
    """Scalar types differ between the twins ("128" vs 128): CloudFormation treats them alike."""
    if isinstance(value, dict):
        return {key: _normal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normal(item) for item in value]
    if isinstance(value, Unknown):
        return "<unknown>"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) if value is not None else ""


def _twins() -> list[tuple[Path, Path]]:
    files = _files()
    by_stem = {(path.parent, path.stem): path for path in files if path.suffix == ".json"}
    return [
        (path, by_stem[(path.parent, path.stem)])
        for path in files
        if path.suffix in (".yaml", ".yml") and (path.parent, path.stem) in by_stem
    ]


def test_yaml_json_twins_give_identical_resources() -> None:
    twins = _twins()
    assert len(twins) == 18
    parser = CloudFormationParser()
    options = ParseOptions(scan_root=CORPUS, region="us-east-1")
    for yaml_path, json_path in twins:
        found = []
        for path in (yaml_path, json_path):
            source = read_source(path, path.relative_to(CORPUS).as_posix())
            result = merged(parser.parse([source], options))
            found.append({r.id: (r.type, _normal(r.attributes), _normal(r.tags)) for r in result.resources})
        # The one known difference (SapPrivateLink's Rules lost a Fn::ValueOf) is outside Resources.
        assert found[0] == found[1], yaml_path.relative_to(CORPUS).as_posix()
