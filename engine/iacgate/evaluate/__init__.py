"""Evaluators run rule packs over the graph, behind one interface, chosen through an explicit table."""

from __future__ import annotations

from collections.abc import Callable

from iacgate.evaluate.base import Check, EngineOptions, Evaluation, Evaluator, Violation
from iacgate.evaluate.embedded import EmbeddedEvaluator
from iacgate.packs.model import RuleSet


def _opa(rules: RuleSet, options: EngineOptions) -> Evaluator:
    # Imported on use: its HTTP client stack (aiohttp, requests) costs a quarter of a second at start-up,
    # which a pre-commit hook on the embedded engine should not pay.
    from iacgate.evaluate.opa import OpaEvaluator

    return OpaEvaluator(rules, options)


EVALUATORS: dict[str, Callable[[RuleSet, EngineOptions], Evaluator]] = {
    # A scan parses its inputs between building the evaluator and evaluating: the policies' compile
    # check runs meanwhile.
    "embedded": lambda rules, options: EmbeddedEvaluator(rules, check_in_background=True, options=options),
    "opa": _opa,
}

__all__ = [
    "EVALUATORS",
    "Check",
    "EmbeddedEvaluator",
    "EngineOptions",
    "Evaluation",
    "Evaluator",
    "Violation",
]
