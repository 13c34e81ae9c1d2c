"""JSON with line numbers: values from the C decoder, positions from one regex pass over the text.

``json.loads`` gives no positions and a pure-Python position-tracking decoder is several times slower,
so the two are separate: the decoder checks the syntax and builds the values, then ``locate`` walks the
same (now known valid) text once and records where every object and array starts and ends and where
every key is. A CloudFormation JSON reader needs the same thing; the two could share one module later.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from iacgate.parsers.jsontext import load_json

# A string (with a ':' after it when it is a key), a bracket, or a bare literal (number, true, false, null).
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?|[{}\[\]]|[-0-9a-z][^,\]}\s]*')
_NEWLINE = re.compile("\n")


@dataclass
class Node:
    """Where one object or array is: offsets of its brackets and of its members.

    ``keys`` maps a member name to the offset of the key and the member's node (``None`` for a scalar);
    ``items`` holds the nodes of array elements in order (``None`` for scalars).
    """

    start: int
    end: int = 0
    keys: dict[str, tuple[int, Node | None]] = field(default_factory=dict)
    items: list[Node | None] = field(default_factory=list)

    def member(self, key: str) -> Node | None:
        entry = self.keys.get(key)
        return entry[1] if entry else None

    def item(self, index: int) -> Node | None:
        return self.items[index] if 0 <= index < len(self.items) else None


class Lines:
    """Offset -> 1-based line number, by bisecting the newline offsets of the text."""

    def __init__(self, text: str) -> None:
        self._newlines = [match.start() for match in _NEWLINE.finditer(text)]

    def __call__(self, offset: int) -> int:
        return bisect_left(self._newlines, offset) + 1


def loads(text: str, file: str, line_offset: int = 0, what: str = "invalid JSON") -> Any:
    """``json.loads`` with a ``ParseError`` that names the file, line and column."""
    return load_json(text, file, line_offset, what)


def _key(raw: str) -> str:
    body = raw[1:-1]
    return json.loads(raw) if "\\" in body else body


def locate(text: str) -> Node | None:
    """The position tree of valid JSON text whose top level is an object or array (else ``None``)."""
    stack: list[Node] = []
    pending: list[tuple[str, int] | None] = []
    key: tuple[str, int] | None = None
    root: Node | None = None
    for match in _TOKEN.finditer(text):
        first = text[match.start()]
        if first == '"':
            if match.group(1) is not None:
                name = _key(match.group(0)[: match.group(0).rindex('"') + 1])
                key = (name, match.start())
                stack[-1].keys[name] = (match.start(), None)
            elif key is not None:
                key = None
            elif stack:
                stack[-1].items.append(None)
        elif first in "{[":
            stack.append(Node(match.start()))
            pending.append(key)
            key = None
        elif first in "}]":
            node = stack.pop()
            node.end = match.end()
            owner_key = pending.pop()
            if not stack:
                root = node
                break
            if owner_key is not None:
                stack[-1].keys[owner_key[0]] = (owner_key[1], node)
            else:
                stack[-1].items.append(node)
        elif key is not None:
            key = None
        elif stack:
            stack[-1].items.append(None)
    return root
