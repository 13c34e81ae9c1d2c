"""What both template readers produce: plain values plus the line of every node, keyed by path."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]


def mapping(value: Any) -> dict[str, Any]:
    """``value`` when it is a mapping, else an empty one: templates are user input of any shape."""
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class CustomTag:
    """A YAML ``!Tag`` that is not a CloudFormation intrinsic (Rain's ``!Rain::Embed``, ...).

    It is kept as a value so evaluation can say which pre-processor must run first, instead of guessing.
    """

    tag: str
    value: Any
    line: int = 0


@dataclass
class Loaded:
    """``value`` is the document; ``lines`` maps a node's path to its first line (for a mapping entry, the
    line of its key), ``ends`` maps a mapping or sequence path to its last line. Lines are 1-based."""

    value: Any
    lines: dict[Path, int] = field(default_factory=dict)
    ends: dict[Path, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    """One resource to evaluate. ``origin`` is the document path of the body it came from (for lines);
    ``sources`` maps a generated top-level property (SAM) to the document path of the value it came from."""

    logical_id: str
    body: Any
    origin: Path
    sources: dict[str, Path] | None = None
    generated_by: str | None = None
