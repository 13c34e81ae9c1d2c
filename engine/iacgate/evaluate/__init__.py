"""Evaluators run rule packs over the graph, behind one interface, chosen through an explicit table."""

from __future__ import annotations

from collections.abc import Callable

from iacgate.evaluate.base import Check, Evaluation, Evaluator, Violation
from iacgate.evaluate.embedded import EmbeddedEvaluator
from iacgate.packs.model import RuleSet

EVALUATORS: dict[str, Callable[[RuleSet], Evaluator]] = {
    "embedded": EmbeddedEvaluator,
}

__all__ = ["EVALUATORS", "Check", "EmbeddedEvaluator", "Evaluation", "Evaluator", "Violation"]
