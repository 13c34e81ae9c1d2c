"""The common resource graph every parser produces and every evaluator reads."""

from iacgate.graph.model import (
    UNKNOWN,
    Edge,
    Graph,
    Resource,
    SourceLocation,
    Unknown,
    is_unknown,
)

__all__ = ["UNKNOWN", "Edge", "Graph", "Resource", "SourceLocation", "Unknown", "is_unknown"]
