"""One rule, every format: each format's fixtures behave as named, and every format of the rule has them.

For each built-in rule, ``fixtures/<pack>/<RULE-ID>/`` is scanned once (with the settings of an
``iacgate.yaml`` in it, as ``make check-packs`` does); the rule's named resources are grouped by the
format they came from. Per format, the failing, passing and undetermined sets must equal the names, and
the formats that have named resources must be exactly the rule's ``formats``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from iacgate.api import ScanResult, scan
from iacgate.packs import load_packs
from iacgate.packs.check import expected_outcome, fixture_settings
from iacgate.packs.model import Rule

ROOT = Path(__file__).resolve().parents[2]
RULES = load_packs().rules
OUTCOMES = ("fail", "pass", "undetermined")


@cache
def _scan(rule_id: str) -> ScanResult:
    rule = next(rule for rule in RULES if rule.id == rule_id)
    return scan(fixture_settings(ROOT / "fixtures" / rule.pack / rule.id), rules=load_packs((rule.pack,)))


def _by_format(rule: Rule) -> dict[str, dict[str, dict[str, set[str]]]]:
    """format -> {"named": outcome -> ids, "actual": outcome -> ids}."""
    result = _scan(rule.id)
    actual = {
        check.resource_id: check.outcome for check in result.evaluation.checks if check.rule_id == rule.id
    }
    grouped: dict[str, dict[str, dict[str, set[str]]]] = {}
    for graph in result.graphs:
        for resource in graph.resources:
            expected = expected_outcome(resource.id)
            if resource.type not in rule.resource_types or expected is None:
                continue
            entry = grouped.setdefault(
                resource.format,
                {"named": {o: set() for o in OUTCOMES}, "actual": {o: set() for o in OUTCOMES}},
            )
            entry["named"][expected].add(resource.id)
            got = actual.get(resource.id, "no result")
            if got in OUTCOMES:
                entry["actual"][got].add(resource.id)
    return grouped


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_every_format_of_the_rule_has_fixtures(rule: Rule) -> None:
    directory = ROOT / "fixtures" / rule.pack / rule.id
    assert directory.is_dir(), f"{rule.id} has no fixture directory {directory.relative_to(ROOT)}"
    found = {
        name for name, entry in _by_format(rule).items() if entry["named"]["fail"] and entry["named"]["pass"]
    }
    assert sorted(found) == sorted(rule.formats), (
        f"{rule.id}: formats with failing and passing fixtures differ from the rule's formats"
    )


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_each_format_behaves_as_named(rule: Rule) -> None:
    directory = ROOT / "fixtures" / rule.pack / rule.id
    if not directory.is_dir():
        pytest.skip(f"{rule.id} has no fixtures (reported by test_every_format_of_the_rule_has_fixtures)")
    errors = [n for n in _scan(rule.id).notifications if n.level == "error"]
    assert not errors, errors
    for name, entry in sorted(_by_format(rule).items()):
        assert entry["actual"] == entry["named"], f"{rule.id} in {name}"
