"""Enforcement levels per pack or rule (``enforcement:`` in iacgate.yaml): a rule's own entry beats its
pack's, and anything not named is hard-mandatory. The gate reads the level; reports show it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from iacgate.errors import ConfigError
from iacgate.findings import Enforcement, Finding
from iacgate.packs.model import RuleSet

LEVELS: tuple[Enforcement, ...] = ("advisory", "soft-mandatory", "hard-mandatory")
DEFAULT: Enforcement = "hard-mandatory"


def level_for(finding: Finding, levels: Mapping[str, str]) -> Enforcement:
    chosen = levels.get(finding.rule_id, levels.get(finding.pack, DEFAULT))
    for level in LEVELS:
        if chosen == level:
            return level
    raise ConfigError(f"enforcement: {chosen!r} is not one of {', '.join(LEVELS)}")


def assign_enforcement(findings: Sequence[Finding], levels: Mapping[str, str]) -> tuple[Finding, ...]:
    if not levels:
        return tuple(findings)
    return tuple(dataclasses.replace(finding, enforcement=level_for(finding, levels)) for finding in findings)


def unknown_names(levels: Mapping[str, str], rules: RuleSet) -> tuple[str, ...]:
    """Entries naming no pack or rule of this run: a typo would otherwise silently keep a rule blocking."""
    known = {pack.id for pack in rules.packs} | {rule.id for rule in rules.rules}
    return tuple(name for name in levels if name not in known)
