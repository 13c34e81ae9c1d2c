"""Fixture resources a rule must not judge (named ``other_*``: neither fail, pass nor undetermined), looked
up in every format of the rule's fixture directory."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from iacgate.api import scan
from iacgate.packs.check import fixture_settings

ROOT = Path(__file__).resolve().parents[2]


def outcomes_of_unjudged(
    pack: str, rule_id: str, names: set[str]
) -> tuple[set[str], set[str | None], set[str]]:
    """For the resources whose local name is in ``names`` (snake_case, and its CamelCase as templates
    write it): the formats they were found in, the rule's outcomes on them (``None`` for no check), and
    the rule's outcomes on every resource of the directory."""
    directory = ROOT / "fixtures" / pack / rule_id
    result = scan(replace(fixture_settings(directory), packs=(pack,)))
    wanted = names | {"".join(part.title() for part in name.split("_")) for name in names}
    found = {
        (graph.name, resource.id, resource.format)
        for graph in result.graphs
        for resource in graph.resources
        if resource.id.rsplit(".", 1)[-1].rsplit(":", 1)[-1] in wanted
    }
    judged = {
        (check.unit, check.resource_id): check.outcome
        for check in result.evaluation.checks
        if check.rule_id == rule_id
    }
    return (
        {fmt for _, _, fmt in found},
        {judged.get((unit, resource_id)) for unit, resource_id, _ in found},
        set(judged.values()),
    )
