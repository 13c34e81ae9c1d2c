"""Evaluators run rule packs over the graph, behind one interface, chosen through an explicit table."""

from __future__ import annotations

from collections.abc import Callable

from iacgate.evaluate.base import Check, EngineOptions, Evaluation, Evaluator, Violation
from iacgate.evaluate.embedded import EmbeddedEvaluator
from iacgate.evaluate.opa import OpaEvaluator
from iacgate.packs.model import RuleSet

EVALUATORS: dict[str, Callable[[RuleSet, EngineOptions], Evaluator]] = {
    "embedded": lambda rules, _options: EmbeddedEvaluator(rules),
    "opa": lambda rules, options: OpaEvaluator(rules, options),
}

__all__ = [
    "EVALUATORS",
    "Check",
    "EmbeddedEvaluator",
    "EngineOptions",
    "Evaluation",
    "Evaluator",
    "OpaEvaluator",
    "Violation",
]
