"""The Pulumi stack exports of the first Azure and GCP encryption rules are what existing_pulumi.py writes
from their Terraform case lists (undetermined_* cases included, as a preview's unknown outputs)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _load_generator() -> ModuleType:
    # The generator is a script (it puts its sibling directories on sys.path); load it by path.
    spec = importlib.util.spec_from_file_location(
        "azgcp_existing_pulumi", Path(__file__).with_name("existing_pulumi.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


existing_pulumi = _load_generator()
RULES = {rule.id: rule for rule in existing_pulumi.rules()}


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_checked_in_stack_export_matches_the_cases(rule_id: str) -> None:
    export = existing_pulumi.stack_export(RULES[rule_id])
    path = ROOT / "fixtures" / "encryption" / rule_id / f"{rule_id}.pulumi.json"
    if export is None:
        assert not path.exists()
        return
    assert path.read_text(encoding="utf-8") == json.dumps(export, indent=1) + "\n", (
        f"{path.relative_to(ROOT)} is stale: run tests/rules/azgcp/existing_pulumi.py {rule_id}"
    )


def _load_native() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "azgcp_native_pulumi", Path(__file__).with_name("native_pulumi.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


native_pulumi = _load_native()


@pytest.mark.parametrize("rule_id", sorted(native_pulumi.CASES))
def test_checked_in_azure_native_stack_matches_the_cases(rule_id: str) -> None:
    path = native_pulumi.path_of(rule_id)
    assert path.read_text(encoding="utf-8") == native_pulumi.text_of(rule_id), (
        f"{path.relative_to(ROOT)} is stale: run tests/rules/azgcp/native_pulumi.py {rule_id}"
    )
