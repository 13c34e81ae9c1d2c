"""No rule passes a resource because a value it reads is unknown (issue 16 §2: unknown is never a pass).

For every rule of the packs that judge resources (change-safety judges changes, not values: not here),
each resource its fixtures name ``pass_*`` is judged again, with the settings of its fixture directory,
with one attribute at a time replaced by a value unknown until apply (``var.x``, an undeclared variable,
a plan's "known after apply"). The attribute matters to the rule when some *set* value it could take
fails the rule: a value the rule's ``fail_*`` fixtures hold at the same path, or the other boolean.
Where the attribute matters, the unknown must make the check undetermined or failed, never passed and
never "not judged". Values the fixture already holds as unknown (references to resources created in the
same plan) are left as they are: the fixture says what they must give.

An unknown counts as set (``lib.is_set``): only set values are tried, so a rule that accepts "any KMS key"
may pass an unknown one, but a rule that accepts "any key but the AWS-managed alias" may not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from iacgate.api import ScanResult, scan
from iacgate.evaluate.embedded import EmbeddedEvaluator
from iacgate.graph.model import AttributePath, Graph, Resource, Unknown
from iacgate.packs import load_packs
from iacgate.packs.check import expected_outcome, fixture_settings
from iacgate.packs.model import Rule

ROOT = Path(__file__).resolve().parents[2]
PACKS = ("encryption", "audit-logging", "secrets-and-state", "residency")
RULES = load_packs(PACKS).rules
UNKNOWN = Unknown("variable 'x' has no value")
# How many leaves of one resource are tried, at most (the largest fixtures hold nested policy documents).
MAX_PATHS = 60

# Rules this test catches that are not fixed yet: each a defect to fix, not an accepted behaviour, with the
# attribute paths (as path_text writes them) where an unknown passes. Empty since #15/#16 fixed the last
# ones (unknown keys counted as customer-managed, unknown blocks read as absent); an entry is strict, so a
# fixed rule left listed fails the run.
KNOWN_DEFECTS: dict[str, str] = {}

# Rules the test does not apply to: the attributes they read cannot be unknown in any source, or an unknown
# value is what the rule asks for. rule id -> why.
NOT_APPLICABLE: dict[str, str] = {
    # An unknown credential (a variable, a parameter, a dynamic reference) is not a hard-coded one: it is
    # the compliant case of these rules, whatever literal their fail fixtures hold.
    "SEC-CRED-001": "an unknown credential is not hard-coded (the rule's compliant case)",
    "SEC-CRED-002": "an unknown credential is not hard-coded (the rule's compliant case)",
    # Terraform refuses variables and references in backend and cloud blocks: their values are literal.
    "SEC-STATE-002": "backend arguments are literal (Terraform refuses variables in backend blocks)",
    "SEC-STATE-006": "backend arguments are literal (Terraform refuses variables in backend blocks)",
    "SEC-STATE-007": "backend arguments are literal (Terraform refuses variables in backend blocks)",
    "SEC-STATE-008": "backend arguments are literal (Terraform refuses variables in backend blocks)",
    # Variable, output and parameter declarations are read into literal facts (sensitive, nonsensitive,
    # NoEcho, has_default, kind): no source can make them unknown.
    "SEC-SENSITIVE-001": "declaration facts of a terraform variable are literal",
    "SEC-SENSITIVE-002": "declaration facts of a terraform output are literal",
    "SEC-SENSITIVE-003": "declaration facts of a CloudFormation parameter are literal",
    "SEC-SENSITIVE-004": "declaration facts of plan variables and outputs are literal",
}

# Attributes a plan shows unknown whenever the configuration leaves them out, because the provider computes
# them: there an unknown is the provider's default, which the rule accepts, not a value someone chose.
# (rule id, top-level attribute) -> why.
COMPUTED_IN_PLANS: dict[tuple[str, str], str] = {
    ("LOG-GCPGKE-001", "logging_service"): "google provider computes logging_service",
    ("LOG-GCPGKE-001", "logging_config"): "google provider computes logging_config",
    ("ENC-SQS-001", "sqs_managed_sse_enabled"): "aws provider computes sqs_managed_sse_enabled",
}


def _set(value: Any) -> bool:
    return value not in (None, "", [], {}) and not isinstance(value, Unknown)


def _leaves(value: Any, path: AttributePath = ()) -> Iterator[tuple[AttributePath, Any]]:
    """Every attribute path of a resource down to scalars, blocks included (a whole block may be unknown)."""
    if isinstance(value, Mapping):
        if path:
            yield path, value
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list | tuple):
        if path:
            yield path, value
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    elif path:
        yield path, value


def _at(value: Any, path: AttributePath) -> Any:
    for part in path:
        if isinstance(value, Mapping) and isinstance(part, str):
            value = value.get(part)
        elif isinstance(value, list | tuple) and isinstance(part, int) and 0 <= part < len(value):
            value = value[part]
        else:
            return None
    return value


def _replaced(value: Any, path: AttributePath, new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, Mapping):
        return {key: (_replaced(item, rest, new) if key == head else item) for key, item in value.items()}
    items = list(value)
    items[int(head)] = _replaced(items[int(head)], rest, new)
    return items


def _same_shape(path: AttributePath, index_free: bool) -> AttributePath:
    return tuple(0 if isinstance(part, int) and index_free else part for part in path)


def _candidates(original: Any, path: AttributePath, failing: Sequence[Resource]) -> list[Any]:
    """Set values the attribute could take that might fail the rule."""
    values: list[Any] = []
    if isinstance(original, bool):
        values.append(not original)
    if isinstance(original, str) and original.lower() in ("true", "false"):
        values.append("false" if original.lower() == "true" else "true")
    for resource in failing:
        for probe in (path, _same_shape(path, True)):
            found = _at(resource.attributes, probe)
            if _set(found) and found != original and found not in values:
                values.append(found)
    return values


@dataclasses.dataclass(frozen=True)
class Variant:
    source: Resource
    path: AttributePath
    kind: str  # "unknown" or "value"
    resource: Resource


def _could_be_unknown(path: AttributePath, value: Any) -> bool:
    """Whether a source can leave this value unknown: any attribute or nested value, but not one block of a
    list of blocks (a plan makes a dynamic block's whole list unknown, not one element) nor the name of
    a name/value pair (a flag, a tag, a load balancer attribute is named in the source)."""
    if isinstance(value, Unknown):
        return False
    if isinstance(path[-1], int) and isinstance(value, Mapping):
        return False
    return not (len(path) >= 2 and isinstance(path[-2], int) and path[-1] in ("key", "name"))


def _variants(resource: Resource, failing: Sequence[Resource]) -> list[Variant]:
    variants: list[Variant] = []
    paths = [(path, value) for path, value in _leaves(resource.attributes) if _could_be_unknown(path, value)]
    for number, (path, original) in enumerate(paths[:MAX_PATHS]):
        candidates = _candidates(original, path, failing)
        if not candidates:
            continue
        for kind, value in [("unknown", UNKNOWN), *(("value", candidate) for candidate in candidates)]:
            copy_id = f"{resource.id}~{number}~{len(variants)}"
            copy = dataclasses.replace(
                resource, id=copy_id, attributes=_replaced(resource.attributes, path, value)
            )
            variants.append(Variant(resource, path, kind, copy))
    return variants


def _with_variants(graph: Graph, variants: Sequence[Variant]) -> Graph:
    """The unit's graph plus every variant, each with the edges of the resource it copies. An unknown
    variant stands for a variable without a value: the replaced top-level attribute refers to nothing, so
    its own references (to a key created in the same plan, say) are not copied."""
    edges = list(graph.edges)
    for variant in variants:
        for edge in graph.edges:
            if (
                edge.source == variant.source.id
                and variant.kind == "unknown"
                and edge.attribute == str(variant.path[0])
            ):
                continue
            if edge.source == variant.source.id:
                edges.append(dataclasses.replace(edge, source=variant.resource.id))
            elif edge.target == variant.source.id:
                edges.append(dataclasses.replace(edge, target=variant.resource.id))
    return Graph(
        resources=(*graph.resources, *(variant.resource for variant in variants)),
        edges=tuple(edges),
        name=graph.name,
    )


@cache
def _scanned(rule_id: str, pack: str) -> ScanResult:
    directory = ROOT / "fixtures" / pack / rule_id
    # A fixture directory's iacgate.yaml carries the settings it is judged with (residency needs its own).
    settings = dataclasses.replace(fixture_settings(directory), packs=(pack,), only_rules=(rule_id,))
    return scan(settings)


def unknown_passes(rule: Rule) -> list[str]:
    """Attribute paths of the rule's pass fixtures where an unknown value passes (or is not judged) though
    a set value there fails."""
    result = _scanned(rule.id, rule.pack)
    failing = [
        resource
        for graph in result.graphs
        for resource in graph.resources
        if resource.type in rule.resource_types and expected_outcome(resource.id) == "fail"
    ]
    found: set[str] = set()
    for graph in result.graphs:
        passing = [
            resource
            for resource in graph.resources
            if resource.type in rule.resource_types and expected_outcome(resource.id) == "pass"
        ]
        variants = [variant for resource in passing for variant in _variants(resource, failing)]
        if not variants:
            continue
        extended = _with_variants(graph, variants)
        with EmbeddedEvaluator(result.rules) as evaluator:
            evaluation = evaluator.evaluate(extended, result.rules, {})
        checks = [check for check in evaluation.checks if check.rule_id == rule.id]
        outcomes = {check.resource_id: check.outcome for check in checks}
        by_path: dict[tuple[str, AttributePath], dict[str, set[str | None]]] = {}
        for variant in variants:
            entry = by_path.setdefault((variant.source.id, variant.path), {"unknown": set(), "value": set()})
            entry[variant.kind].add(outcomes.get(variant.resource.id))
        formats = {resource.id: resource.format for resource in passing}
        for (resource_id, path), entry in by_path.items():
            if formats[resource_id] == "terraform-plan" and (rule.id, str(path[0])) in COMPUTED_IN_PLANS:
                continue
            if "fail" in entry["value"] and entry["unknown"] & {"pass", None}:
                found.add(f"{graph.name}: {resource_id} {'.'.join(str(part) for part in path)}")
    return sorted(found)


def _marks(rule: Rule) -> list[Any]:
    if rule.id in KNOWN_DEFECTS:
        return [pytest.mark.xfail(reason=KNOWN_DEFECTS[rule.id], strict=True)]
    if rule.id in NOT_APPLICABLE:
        return [pytest.mark.skip(reason=NOT_APPLICABLE[rule.id])]
    return []


def _cases() -> list[Any]:
    return [pytest.param(rule, id=rule.id, marks=_marks(rule)) for rule in RULES]


@pytest.mark.parametrize("rule", _cases())
def test_an_unknown_value_never_passes(rule: Rule) -> None:
    found = unknown_passes(rule)
    assert not found, f"{rule.id} passes an unknown where a set value fails:\n" + "\n".join(found)


def test_known_defects_name_rules_that_exist() -> None:
    assert set(KNOWN_DEFECTS) <= {rule.id for rule in RULES}
    assert set(NOT_APPLICABLE) <= {rule.id for rule in RULES}
