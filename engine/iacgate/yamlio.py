"""YAML read safely: libyaml when PyYAML has it, and alias expansion bounded by counting.

The pure-Python loader spent a quarter of a second of every scan on the rule-pack manifests, hence
libyaml. An alias is composed as a second reference to its anchored node, so a small document of aliases
to aliases ("billion laughs": nine levels of ten) is a few dozen nodes that expand to a billion once
anything walks them as a tree (a 9-level template took 2.9 GB before it was refused). ``check_expansion``
counts, over the distinct nodes only, how many nodes the tree would have, and refuses a document that
expands beyond what it wrote plus ``ALIAS_BUDGET`` nodes, or whose alias refers to a node containing it.
Every YAML iacgate reads from a scanned tree goes through it: templates (``yaml_loader``), configuration
and waivers (``safe_load``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.nodes import MappingNode, Node, SequenceNode

from iacgate.errors import ParseError, Position

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Nodes an alias may add to a document beyond those written in it. Real templates and configuration use
# anchors for a few repeated blocks (hundreds of nodes); a tree of this size still builds in well under a
# second and a few tens of MB.
ALIAS_BUDGET = 100_000


class AliasExpansionError(ComposerError):
    """A document whose aliases expand it past the budget, or refer to a node that contains them. A
    ``MarkedYAMLError``: callers that report a YAML error with its line report this one the same way."""


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def check_expansion(root: Node | None, budget: int = ALIAS_BUDGET) -> None:
    """Raise ``AliasExpansionError`` (marked at the offending node) if the node graph under ``root``
    expands to more than its distinct nodes plus ``budget``, or has a cycle. Linear in distinct nodes."""
    if root is None:
        return
    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    # First pass counts the distinct nodes (the document as written), iteratively: depth is unbounded.
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        pending.extend(_children(node))
    limit = len(seen) + budget
    # Second pass: expanded sizes in post-order, each node once, capped so the numbers stay small.
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            visiting.discard(key)
            size = 1 + sum(sizes[id(child)] for child in _children(node))
            if size > limit:
                raise AliasExpansionError(
                    None,
                    None,
                    f"aliases expand this document beyond {limit:,} nodes "
                    f"({len(seen):,} written, {budget:,} more allowed); refused",
                    node.start_mark,
                )
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in visiting:
            raise AliasExpansionError(
                None, None, "alias refers to a node that contains it; refused", node.start_mark
            )
        visiting.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


def has_anchors(text: str) -> bool:
    """Whether ``text`` can hold an anchor at all: an alias needs one (``&name``), so a document without
    an ``&`` expands to exactly what it writes and needs no count (most templates; the count costs a
    third of a second on a 1,000-resource template)."""
    return "&" in text


def safe_load(text: str, budget: int = ALIAS_BUDGET) -> Any:
    """``yaml.safe_load`` semantics (same resolver and tags, ``yaml.YAMLError`` on bad input), with alias
    expansion checked before anything is constructed."""
    loader = _SafeLoader(text)  # a safe loader, C or pure Python
    try:
        node = loader.get_single_node()
        if has_anchors(text):
            check_expansion(node, budget)
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def line_of(root: Node | None, path: Sequence[str | int]) -> int:
    """The 1-based line of the node at ``path`` (mapping keys and sequence indexes) below ``root``, or of
    the deepest node on the way that exists; 1 without a document. For errors naming a file's line."""
    node = root
    for part in path:
        if isinstance(node, MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1 if node is not None else 1


def parse_error(error: yaml.YAMLError, relative: str) -> ParseError:
    """A scanned file's YAML error as iacgate reports bad input: "invalid YAML: <problem>" at the line and
    column the loader marked (templates, Pulumi project and stack files)."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        problem = error.problem or error.context or "invalid YAML"
        return ParseError(Position(relative, line, column), f"invalid YAML: {problem}")
    return ParseError(Position(relative), f"invalid YAML: {error}")
