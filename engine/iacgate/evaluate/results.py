"""Engine-independent halves of evaluation: the generated router modules and reading rule answers.

Both evaluators send the same documents and read answers through ``collect_results``, so the embedded
engine and an OPA server cannot drift apart in how results become violations.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from iacgate.errors import EvaluationError
from iacgate.evaluate.base import Check, Evaluation, Outcome, Violation
from iacgate.evaluate.regression import passed_before, regression_note
from iacgate.graph.document import plain
from iacgate.graph.model import (
    DRIFT,
    AttributePath,
    Change,
    Graph,
    Resource,
    Unknown,
    judged,
    path_text,
    unknown_attributes,
)
from iacgate.packs.model import Quiet, Rule, RuleSet, route

ROUTER_ROOT = "iacgate_router"

# A canonical type named anywhere in a policy, as a string literal: "aws_s3_bucket_logging".
_TYPE_LITERAL = re.compile(r'"((?:aws|azurerm|azuread|azapi|google|google_beta|terraform)_[a-z0-9_]+)"')


def related_types(sources: Sequence[str]) -> frozenset[str]:
    """Every type the policies can ask for among a resource's neighbours; others are not sent.

    Rules find neighbours by their type (``lib.referrers("aws_s3_bucket_logging")``), so a type that no
    policy names can never change an outcome, and leaving it out keeps the per-resource input small.
    """
    return frozenset(match for source in sources for match in _TYPE_LITERAL.findall(source))


def router_package(type_name: str) -> str:
    return f"{ROUTER_ROOT}.{type_name}"


def router_module(type_name: str, rules: Sequence[Rule]) -> str:
    lines = [f"package {router_package(type_name)}", "", "import rego.v1", ""]
    lines += [f'results["{rule.id}"] := {rule.rego_path}' for rule in rules]
    return "\n".join(lines) + "\n"


def route_of(resource: Resource, rules: RuleSet) -> str:
    """Which rules a resource is asked about (``RuleSet.routes``): the rules that judge changes only where
    there is a change to judge (an update, a replacement, a destroy, a removal that keeps the resource); a
    create or a no-op of a plan is judged as source code is, and costs no more. An in-place update that
    changes nothing the rules comparing before and after read (``RuleSet.quiet``) is not asked them."""
    change = resource.change
    if change is None:
        return route(resource.type, resource.mode, False)
    if quiet_skipped(resource, rules):
        return rules.quiet[resource.type].key
    in_place = _in_place(change)
    key = route(resource.type, resource.mode, in_place or _more(change), in_place)
    return rules.same_routes.get(key, key)


def graph_rules_for(graph: Graph, rules: RuleSet) -> tuple[Rule, ...]:
    """The whole-graph rules that can report anything on ``graph``: a rule whose types the graph does not
    have judges nothing there, so it is not asked (nor, on an OPA server, uploaded)."""
    return tuple(
        rule for rule in rules.graph_rules if any(graph.by_type.get(name) for name in rule.resource_types)
    )


def changes_asked(rules: Sequence[Rule]) -> bool:
    """Whether a rule judging changes is among ``rules``: only they read a change's before-state."""
    return any(rule.changes for rule in rules)


def _more(change: Change) -> bool:
    """The change destroys, forgets or may replace the resource."""
    return change.destroys or "forget" in change.actions or change.replacement_conditional


def _in_place(change: Change) -> bool:
    # An update in place is asked only the change rules that can fail an update (``Rule.change_actions``).
    return "update" in change.actions and not _more(change)


def quiet_skipped(resource: Resource, rules: RuleSet) -> tuple[Rule, ...]:
    """The rules an in-place update passes without being asked, as it changes nothing they compare."""
    quiet = rules.quiet.get(resource.type)
    change = resource.change
    if quiet is None or change is None or resource.mode != "managed" or not _in_place(change):
        return ()
    return quiet.skipped if _unchanged(resource, quiet) else ()


def _unchanged(resource: Resource, quiet: Quiet) -> bool:
    """Every attribute the quiet rules compare has the same value (as the engine reads it) before and after;
    a value unknown before (a change set without values) is never the same."""
    before = resource.change.before if resource.change is not None else None
    if not isinstance(before, Mapping):
        return False
    after = resource.attributes
    for name in quiet.attributes:
        was, now = before.get(name), after.get(name)
        if isinstance(was, Unknown):
            return False
        if was is now:
            continue
        if json.dumps(plain(was, True), sort_keys=True) != json.dumps(plain(now, True), sort_keys=True):
            return False
    return True


# A policy's malformed result is quoted in the error up to this many characters: the error stays one
# readable line whatever the policy returned.
_QUOTED = 200


def _quoted(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _QUOTED else f"{text[:_QUOTED]}... ({len(text):,} characters)"


def _path(raw: Any, where: str) -> AttributePath:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(part, str | int) for part in raw):
        raise EvaluationError(f"{where}: 'path' must be a list of names and indexes, got {_quoted(raw)}")
    return tuple(raw)


def _unknown_along(resource: Resource, path: AttributePath) -> Unknown | None:
    whole = unknown_attributes(resource)
    if whole is not None:
        return whole
    value: Any = resource.attributes
    for part in path:
        if isinstance(value, Unknown):
            return value
        if isinstance(value, Mapping) and isinstance(part, str):
            value = value.get(part)
        elif isinstance(value, Mapping) and part == 0:
            # A block that occurs once is an object in CloudFormation and Pulumi and a one-element list in
            # Terraform; rules read both with lib.blocks and name its first block [block, 0, ...].
            continue
        elif isinstance(value, list | tuple) and isinstance(part, int) and 0 <= part < len(value):
            value = value[part]
        else:
            return None
    return value if isinstance(value, Unknown) else None


def undecided(path: AttributePath, unknown: Unknown) -> str:
    """Why a result is undetermined, as a sentence: the reason comes from the source's reader as a phrase
    ("variable 'x' has no value", "known after apply", "Fn::GetAtt Key.Arn: known after deploy")."""
    subject = path_text(path) or "the resource"
    return f"cannot decide, {subject} is unknown: {unknown.reason}"


def _violation(rule: Rule, resource: Resource, item: Any, unit: str) -> Violation:
    where = f"rule {rule.id} on {resource.id}"
    if not isinstance(item, Mapping) or not isinstance(item.get("message"), str):
        raise EvaluationError(
            f"{where}: malformed result {_quoted(item)} (expected an object with a message)"
        )
    path = _path(item.get("path"), where)
    status = item.get("status", "fail")
    if status not in ("fail", "undetermined"):
        raise EvaluationError(f"{where}: unknown status {_quoted(status)}")
    message = item["message"]
    unknown = _unknown_along(resource, path)
    decided = item.get("decided") is True and unknown_attributes(resource) is None
    if unknown is not None and status == "fail" and not decided:
        # The rule judged a value Terraform (or the source) cannot know yet: say so instead of failing it.
        # A result marked decided was judged on a neighbour that is known (a KMS data source looking up an
        # AWS-managed alias), so the value's being unknown does not make it undecided; unless the resource's
        # attributes are all unknown, when what the rule read of the resource itself is not there.
        status = "undetermined"
        message = f"{message} ({undecided(path, unknown)})"
    return Violation(rule.id, resource.id, path, message, status, unit)


# A rule's answer for a resource it does not judge (``deny contains {"not_applicable": true} if ...``):
# no check at all, so a resource outside the rule's concern never counts as passed.
NOT_APPLICABLE = "not_applicable"


def _applies(items: Sequence[Any]) -> bool:
    return not any(isinstance(item, Mapping) and item.get(NOT_APPLICABLE) is True for item in items)


def _merged(violations: Sequence[Violation]) -> list[Violation]:
    """One violation per attribute path: a finding is rule x resource x path, so two results of one rule
    at one path (two settings of one missing block) are one finding with both messages."""
    by_path: dict[str, list[Violation]] = {}
    for violation in violations:
        by_path.setdefault(path_text(violation.path), []).append(violation)
    merged = []
    for _, group in sorted(by_path.items()):
        group.sort(key=lambda violation: (violation.status != "fail", violation.message))
        first = group[0]
        if len(group) > 1:
            message = "; ".join(dict.fromkeys(violation.message for violation in group))
            status = "fail" if any(violation.status == "fail" for violation in group) else first.status
            first = Violation(first.rule_id, first.resource_id, first.path, message, status, first.unit)
        merged.append(first)
    return merged


def _regressed(violation: Violation, resource: Resource) -> Violation:
    if violation.status != "fail":
        return violation
    message = violation.message + regression_note(resource, violation.path)
    return Violation(
        violation.rule_id, violation.resource_id, violation.path, message, "fail", violation.unit
    )


def _undecided_pass(rule: Rule, resource: Resource, found: list[Violation], unit: str) -> list[Violation]:
    """A rule that found nothing wrong with a resource whose attributes are unknown as a whole read values
    that are not there: undetermined, never a pass."""
    unknown = unknown_attributes(resource)
    if found or unknown is None:
        return found
    return [Violation(rule.id, resource.id, (), undecided((), unknown), "undetermined", unit)]


def _outcome(violations: Sequence[Violation]) -> Outcome:
    if any(violation.status == "fail" for violation in violations):
        return "fail"
    return "undetermined" if violations else "pass"


def collect_results(
    graph: Graph,
    rules: RuleSet,
    resource_answers: Sequence[tuple[str, Any]],
    graph_answers: Sequence[tuple[str, Any]],
    engine: str,
    before: Mapping[str, Any] | None = None,
) -> Evaluation:
    """Violations and checks from the engine's answers; ``before`` holds answers for the state before an
    update (by resource id), asked only where a regression rule failed: see ``regression.py``."""
    violations: list[Violation] = []
    checks: list[Check] = []
    for resource_id, answer in resource_answers:
        resource = graph.by_id[resource_id]
        if not isinstance(answer, Mapping):
            raise EvaluationError(f"malformed answer for {resource_id}: {_quoted(answer)}")
        drift = bool(resource.metadata.get(DRIFT))
        for rule in rules.routes.get(route_of(resource, rules), ()):
            items = answer.get(rule.id)
            if not isinstance(items, list):
                raise EvaluationError(
                    f"rule {rule.id} gave no deny set for {resource_id}: is package {rule.policy} defined?"
                )
            if not _applies(items):
                continue
            found = _merged([_violation(rule, resource, item, graph.name) for item in items])
            found = _undecided_pass(rule, resource, found, graph.name)
            regressed = (rule.regression or drift) and before and passed_before(rule, before.get(resource_id))
            if regressed:
                found = [_regressed(violation, resource) for violation in found]
            if drift and not (regressed and any(violation.status == "fail" for violation in found)):
                # The real state of a drifted resource is reported only where the drift made it fail: the
                # plan's own unit judges what the change will leave behind.
                continue
            violations.extend(found)
            checks.append(Check(rule.id, resource_id, _outcome(found), graph.name))
    if rules.quiet:
        # Rules an update was not asked, as it changes nothing they compare: they pass.
        for resource in graph.resources:
            if judged(resource) and not resource.metadata.get(DRIFT):
                for rule in quiet_skipped(resource, rules):
                    checks.append(Check(rule.id, resource.id, "pass", graph.name))
    for rule_id, answer in graph_answers:
        rule = rules.by_id[rule_id]
        if not isinstance(answer, list):
            raise EvaluationError(f"rule {rule_id} gave no deny set: is package {rule.policy} defined?")
        per_resource: dict[str, list[Violation]] = {}
        exempt: set[str] = set()
        for item in answer:
            if isinstance(item, Mapping) and item.get(NOT_APPLICABLE) is True:
                # One result may name many resources (``"resources": [...]``): the embedded engine builds
                # a set in time quadratic in its size, and a thousand not-applicable results took seconds.
                targets = item.get("resources")
                named = [item.get("resource"), *(targets if isinstance(targets, list) else ())]
                exempt.update(target for target in named if isinstance(target, str))
                continue
            target = item.get("resource") if isinstance(item, Mapping) else None
            if not isinstance(target, str) or target not in graph.by_id:
                raise EvaluationError(
                    f"rule {rule_id}: result names no resource of the graph: {_quoted(item)}"
                )
            per_resource.setdefault(target, []).append(
                _violation(rule, graph.by_id[target], item, graph.name)
            )
        for type_name in rule.resource_types:
            for resource in graph.by_type.get(type_name, ()):
                # The real state of a drifted resource is judged per resource only (see above).
                if (
                    resource.mode not in ("managed", "data")
                    or not judged(resource)
                    or resource.id in exempt
                    or resource.metadata.get(DRIFT)
                ):
                    continue
                found = _merged(per_resource.get(resource.id, []))
                found = _undecided_pass(rule, resource, found, graph.name)
                violations.extend(found)
                checks.append(Check(rule_id, resource.id, _outcome(found), graph.name))
    return Evaluation(violations=tuple(violations), checks=tuple(checks), engine=engine)
