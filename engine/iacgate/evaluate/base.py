"""What every evaluator (embedded regopy, OPA server) takes and returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from iacgate.graph.model import AttributePath, Graph
from iacgate.packs.model import RuleSet

Outcome = Literal["pass", "fail", "undetermined"]


@dataclass(frozen=True)
class EngineOptions:
    """How to reach an evaluation engine; only the OPA-server engine reads these today."""

    opa_url: str | None = None
    opa_token: str | None = None
    opa_ca_bundle: str | None = None
    opa_upload: bool = True
    timeout_seconds: float = 30.0


@dataclass(frozen=True)
class Violation:
    """One result a rule produced: the resource, the attribute path at fault and a message.

    ``status`` is ``undetermined`` when the rule could not decide because a value it needs is unknown.
    """

    rule_id: str
    resource_id: str
    path: AttributePath
    message: str
    status: Literal["fail", "undetermined"] = "fail"


@dataclass(frozen=True)
class Check:
    """A rule was applied to a resource, with its outcome: passes are recorded, not inferred."""

    rule_id: str
    resource_id: str
    outcome: Outcome


@dataclass(frozen=True)
class Evaluation:
    violations: tuple[Violation, ...]
    checks: tuple[Check, ...]
    engine: str


class Evaluator(Protocol):
    name: str

    def evaluate(self, graph: Graph, rules: RuleSet, settings: Mapping[str, Any]) -> Evaluation:
        """Run every applicable rule; raise ``EvaluationError`` when a policy cannot be evaluated."""
        ...
