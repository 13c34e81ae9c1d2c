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
from typing import Any

from iacgate.parsers.jsontext import load_json

_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_LITERAL = r"[-0-9a-z][^,\]}\s]*"
# One match per object member (its key, with the value when that is a scalar, or the bracket opening it),
# per bracket opening an array element or the top level, per closing bracket, and per scalar array
# element. ``lastindex`` tells them apart: 1 a member with a scalar value, 2 a member opening an object or
# array, 3 another opening bracket, 4 a closing bracket, None a scalar element. Scalar members are one
# match with their key, so most values never reach the Python loop.
_TOKEN = re.compile(
    rf"({_STRING})\s*:\s*(?:([{{\[])|{_STRING}|{_LITERAL})|([{{\[])|([}}\]])|{_STRING}|{_LITERAL}"
)
_NEWLINE = re.compile("\n")


class Node:
    """Where one object or array is: offsets of its brackets and of its members.

    ``keys`` maps a member name to the offset of the key and the member's node (``None`` for a scalar);
    ``items`` holds the nodes of array elements in order (``None`` for scalars).
    """

    __slots__ = ("end", "items", "keys", "start")

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = 0
        self.keys: dict[str, tuple[int, Node | None]] = {}
        self.items: list[Node | None] = []

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
    for match in _TOKEN.finditer(text):
        kind = match.lastindex
        if kind == 1:
            stack[-1].keys[_key(match.group(1))] = (match.start(), None)
        elif kind == 2:
            node = Node(match.start(2))
            stack[-1].keys[_key(match.group(1))] = (match.start(), node)
            stack.append(node)
        elif kind == 3:
            node = Node(match.start())
            if stack:
                stack[-1].items.append(node)
            stack.append(node)
        elif kind == 4:
            node = stack.pop()
            node.end = match.end()
            if not stack:
                return node
        elif stack:
            stack[-1].items.append(None)
    return None
