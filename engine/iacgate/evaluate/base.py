"""What every evaluator (embedded regopy, OPA server) takes and returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    unit: str = ""


@dataclass(frozen=True)
class Check:
    """A rule was applied to a resource, with its outcome: passes are recorded, not inferred."""

    rule_id: str
    resource_id: str
    outcome: Outcome
    unit: str = ""


@dataclass(frozen=True)
class Evaluation:
    violations: tuple[Violation, ...]
    checks: tuple[Check, ...]
    engine: str

    @staticmethod
    def combine(parts: Sequence[Evaluation], engine: str) -> Evaluation:
        return Evaluation(
            violations=tuple(violation for part in parts for violation in part.violations),
            checks=tuple(check for part in parts for check in part.checks),
            engine=engine,
        )


class Evaluator(Protocol):
    """Used as a context manager around a scan, so set-up such as uploading policies happens once."""

    name: str

    def __enter__(self) -> Evaluator: ...

    def __exit__(self, *exc_info: object) -> None: ...

    def evaluate(self, graph: Graph, rules: RuleSet, settings: Mapping[str, Any]) -> Evaluation:
        """Run every applicable rule; raise ``EvaluationError`` when a policy cannot be evaluated."""
        ...
