"""Every directory of the real-module corpus scans without an exception; unknowns always say why."""

from __future__ import annotations

import re
from pathlib import Path

import hcl2
import pytest

from iacgate.api import ScanSettings
from iacgate.api import scan as api_scan
from iacgate.graph.model import Unknown
from parsers.terraform.support import CORPUS, scan

NO_VALUE = re.compile(r"^variable '(\w+)' has no value$")


def _unknowns(value: object) -> list[Unknown]:
    if isinstance(value, Unknown):
        return [value]
    if isinstance(value, dict):
        return [found for item in value.values() for found in _unknowns(item)]
    if isinstance(value, list):
        return [found for item in value for found in _unknowns(item)]
    return []


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not present at {CORPUS}")
def test_corpus_scans_without_exception_and_every_unknown_has_a_reason() -> None:
    scanned = scan(CORPUS, unique=False)
    assert len(scanned.every) > 1000
    for resource in scanned.every:
        assert resource.format == "terraform"
        assert resource.location.start_line >= 1
        for unknown in _unknowns(resource.attributes):
            assert unknown.reason and unknown.reason != "known after apply"
    errors = [n for n in scanned.notifications if n.level == "error"]
    # The only errors are empty files, which iacgate.textio refuses before any parser sees them.
    assert {n.message for n in errors} <= {"file is empty"}


def _declared_defaults(directory: Path) -> dict[str, bool]:
    """Variable name -> whether it has a default, read with python-hcl2 alone (not iacgate's evaluator)."""
    declared: dict[str, bool] = {}
    for path in sorted(directory.glob("*.tf")):
        document = hcl2.loads(path.read_text(encoding="utf-8"))
        for block in document.get("variable", []):
            for name, body in block.items():
                declared[name.strip('"')] = "default" in body
    return declared


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not present at {CORPUS}")
def test_no_value_is_left_unknown_for_a_variable_that_has_a_default() -> None:
    """An unresolved variable is one its root module declares without a default (and no tfvars set)."""
    result = api_scan(ScanSettings(paths=(CORPUS,), root=CORPUS))
    missing = {
        (graph.name, match[1])
        for graph in result.graphs
        for resource in graph.resources
        for unknown in _unknowns(dict(resource.attributes))
        if (match := NO_VALUE.match(unknown.reason))
    }
    assert missing, "the corpus has root modules with required variables; none was reported"
    for unit, name in sorted(missing):
        defaults = _declared_defaults(CORPUS / unit)
        assert defaults.get(name) is False, f"{unit}: variable {name!r} reported without a value"
    # A finding never rests on such a value: a rule reading it says "undetermined", not "fail".
    for finding in result.findings:
        if finding.status == "fail":
            graph = next(g for g in result.graphs if g.name == finding.unit)
            value: object = graph.by_id[finding.resource_id].attributes
            for part in finding.path:
                if isinstance(value, dict) and isinstance(part, str):
                    value = value.get(part)
                elif isinstance(value, list) and isinstance(part, int) and part < len(value):
                    value = value[part]
                else:
                    value = None
            assert not isinstance(value, Unknown), f"{finding.rule_id} on {finding.resource_id}"
