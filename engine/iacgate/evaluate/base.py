"""What every evaluator (embedded regopy, OPA server) takes and returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from iacgate.graph.model import AttributePath, Graph
from iacgate.packs.model import RuleSet

Outcome = Literal["pass", "fail", "undetermined"]


# A scan's evaluation ends within this many seconds (--timeout), and may grow the evaluating process by
# this many MB (--memory-limit; 0: no ceiling). Past either: exit 3 naming the rule and unit.
DEFAULT_DEADLINE_SECONDS = 600.0
DEFAULT_MEMORY_LIMIT_MB = 4096
# Evaluating processes of the embedded engine when --jobs is 0 (automatic): one per CPU, at most this.
MAX_JOBS = 4


@dataclass(frozen=True)
class EngineOptions:
    """How to run an evaluation engine, and the limits of one scan's evaluation.

    ``timeout_seconds`` bounds one request to an OPA server; ``deadline_seconds`` the whole scan's
    evaluation (the embedded engine's queries, or all of a scan's OPA traffic); ``memory_limit_mb`` what
    the embedded engine may allocate. ``debug`` sends policies' ``print`` output to stderr (never into a
    report). A bearer token goes over plain http only to a loopback host, unless ``opa_insecure_http``.
    ``jobs`` is how many processes the embedded engine evaluates a big unit in, side by side: 0 is one per
    CPU this process may use, at most ``MAX_JOBS``. ``reuse_answers``: the embedded engine reuses the
    answers of earlier scans to the same queries on the same input (``answer_cache``).
    """

    opa_url: str | None = None
    opa_token: str | None = None
    opa_ca_bundle: str | None = None
    opa_upload: bool = True
    timeout_seconds: float = 30.0
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS
    memory_limit_mb: int = DEFAULT_MEMORY_LIMIT_MB
    debug: bool = False
    opa_insecure_http: bool = False
    jobs: int = 0
    reuse_answers: bool = True


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
    """``reused_answers``: how many of the engine's answers were reused from earlier scans rather than
    evaluated by this one (``answer_cache``), recorded in the reports."""

    violations: tuple[Violation, ...]
    checks: tuple[Check, ...]
    engine: str
    reused_answers: int = 0

    @staticmethod
    def combine(parts: Sequence[Evaluation], engine: str) -> Evaluation:
        return Evaluation(
            violations=tuple(violation for part in parts for violation in part.violations),
            checks=tuple(check for part in parts for check in part.checks),
            engine=engine,
            reused_answers=sum(part.reused_answers for part in parts),
        )


class Evaluator(Protocol):
    """Used as a context manager around a scan, so set-up such as uploading policies happens once."""

    name: str

    def __enter__(self) -> Evaluator: ...

    def __exit__(self, *exc_info: object) -> None: ...

    def evaluate(self, graph: Graph, rules: RuleSet, settings: Mapping[str, Any]) -> Evaluation:
        """Run every applicable rule; raise ``EvaluationError`` when a policy cannot be evaluated."""
        ...

    def evaluate_all(
        self, graphs: Sequence[Graph], rules: RuleSet, settings: Mapping[str, Any]
    ) -> list[Evaluation]:
        """``evaluate`` of every unit, in order (the embedded engine works on several side by side)."""
        ...
