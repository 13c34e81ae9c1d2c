"""``--rule`` and ``--skip-rule``: which rules of the loaded packs a run evaluates.

Patterns are rule ids or globs (``ENC-S3-*``), case-sensitive as ids are. A pattern that matches no
rule of the run is a usage error, since a typo would otherwise run everything (``--rule``) or skip
nothing (``--skip-rule``) in silence. What is left out is reported (SARIF invocation properties, JSON),
so an auditor sees what was not run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

from iacgate.errors import UsageError
from iacgate.packs.model import RuleSet


@dataclass(frozen=True)
class Selection:
    rules: RuleSet
    skipped: tuple[str, ...] = ()


def select_rules(rules: RuleSet, only: Sequence[str] = (), skip: Sequence[str] = ()) -> Selection:
    """The rules ``only`` names (all when empty) minus those ``skip`` names, and the ids left out."""
    ids = [rule.id for rule in rules.rules]
    for option, patterns in (("--rule", only), ("--skip-rule", skip)):
        for pattern in patterns:
            if not any(fnmatchcase(rule_id, pattern) for rule_id in ids):
                raise UsageError(f"{option} {pattern}: matches no rule of the packs in this run")

    def kept(rule_id: str) -> bool:
        wanted = not only or any(fnmatchcase(rule_id, pattern) for pattern in only)
        return wanted and not any(fnmatchcase(rule_id, pattern) for pattern in skip)

    if not only and not skip:
        return Selection(rules)
    packs = tuple(
        dataclasses.replace(pack, rules=tuple(rule for rule in pack.rules if kept(rule.id)))
        for pack in rules.packs
    )
    skipped = tuple(rule_id for rule_id in ids if not kept(rule_id))
    chosen = RuleSet(packs=tuple(pack for pack in packs if pack.rules), policy_files=rules.policy_files)
    return Selection(chosen, skipped)
