"""The checked-in fixtures of the issue-16 Azure and GCP audit-logging rules are what the case lists write:
editing a case without rewriting the fixtures (or editing a fixture by hand) fails here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def _generator() -> ModuleType:
    # A script that puts its own directory on sys.path: load it by path.
    spec = importlib.util.spec_from_file_location(
        "cloud_log_generate_fixtures", Path(__file__).with_name("generate_fixtures.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_checked_in_fixtures_are_generated(tmp_path: Path) -> None:
    written = _generator().main(tmp_path)
    assert written
    stale = [
        str(path.relative_to(tmp_path))
        for path in written
        if not (ROOT / path.relative_to(tmp_path)).is_file()
        or (ROOT / path.relative_to(tmp_path)).read_text(encoding="utf-8") != path.read_text(encoding="utf-8")
    ]
    assert stale == [], "rewrite with: .venv/bin/python tests/rules/cloud_log/generate_fixtures.py"
