"""Terraform's JSON syntax (``.tf.json``) into the same blocks as native HCL.

Without provider schemas a JSON object cannot be told apart from a nested block, so an object or a
list of objects under a name that is not map-like (tags, labels, ...) is read as nested blocks, the
way most providers declare them. Strings are templates. Lines are those of the first occurrence of
the block's name, close enough to point a finding at the right resource.

Objects are read as their list of properties, as HCL's JSON parser keeps them: a name given twice
gives the blocks of both (two top-level ``"resource"`` keys hold two sets of resources, where a dict
kept the last), and an argument or object attribute given twice is an error, as in Terraform.
``"dynamic": {"name": {"for_each": ..., "content": {...}}}`` is a dynamic block labelled ``name``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from iacgate.parsers.jsontext import JsonFault, decode
from iacgate.parsers.jsontext import kind as value_kind
from iacgate.parsers.terraform.syntax import Attribute, Block, Expr
from iacgate.parsers.terraform.template import parse_expression, parse_template

_LABELS = {"resource": 2, "data": 2, "module": 1, "variable": 1, "output": 1, "provider": 1}
_MAP_NAMES = re.compile(r"(tags|labels|variables|parameters|triggers|metadata|annotations|environment)$")


class _Object(list[tuple[str, Any]]):
    """A JSON object as its properties in order, repeated names included (``object_pairs_hook``)."""


class _Duplicate(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class _Lines:
    """Positions of keys, searched forward from the enclosing object's key so equal names in other
    blocks are not confused."""

    def __init__(self, text: str) -> None:
        self.text = text

    def find(self, name: str, start: int) -> int:
        offset = self.text.find(json.dumps(name) + ":", start)
        if offset < 0:
            offset = self.text.find(json.dumps(name), start)
        return max(offset, start)

    def line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def end_line(self, offset: int) -> int:
        """The line of the bracket closing the value that follows the key at ``offset``."""
        text = self.text
        index = text.find(":", offset)
        while index < len(text) and text[index] not in "{[":
            index += 1
        depth, quote = 0, False
        while index < len(text):
            char = text[index]
            if quote:
                if char == "\\":
                    index += 1
                elif char == '"':
                    quote = False
            elif char == '"':
                quote = True
            elif char in "{[":
                depth += 1
            elif char in "}]":
                depth -= 1
                if depth == 0:
                    return self.line(index)
            index += 1
        return self.line(offset)


def _value(value: Any, raw: bool = False) -> Expr:
    if isinstance(value, str):
        return parse_expression(value) if raw else parse_template(value)
    if isinstance(value, _Object):
        seen: set[str] = set()
        for key, _item in value:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
        return ("O", tuple((("L", key), _value(item)) for key, item in value))
    if isinstance(value, list):
        return ("TU", tuple(_value(item) for item in value))
    return ("L", value)


def _objects(value: Any) -> list[_Object] | None:
    """The bodies of the blocks ``value`` writes (an object, or a list of objects), or None."""
    if isinstance(value, _Object):
        return [value]
    if isinstance(value, list) and value and all(isinstance(item, _Object) for item in value):
        return list(value)
    return None


def _body(
    content: Any, lines: _Lines, kind: str, start: int
) -> tuple[dict[str, Attribute], tuple[Block, ...]]:
    attributes: dict[str, Attribute] = {}
    blocks: list[Block] = []
    if not isinstance(content, _Object):
        return attributes, ()
    seen: dict[str, int] = {}
    for name, value in content:
        if name == "//":
            continue
        # A name given again is searched after its previous occurrence.
        offset = seen[name] = lines.find(name, seen[name] + 1 if name in seen else start)
        line = lines.line(offset)
        objects = _objects(value)
        if kind in ("locals", "variable", "output") or _MAP_NAMES.search(name) or objects is None:
            if name in attributes:
                raise json.JSONDecodeError(f"duplicate argument {name!r}", lines.text, offset)
            attributes[name] = Attribute(name, _argument(name, value, kind, lines, offset), line)
            continue
        for item in objects:
            if name == "dynamic" and kind not in ("dynamic", "content"):
                blocks.extend(_dynamic(item, lines, offset))
                continue
            inner_attributes, inner_blocks = _body(item, lines, name, offset)
            blocks.append(Block(name, (), inner_attributes, inner_blocks, line, lines.end_line(offset)))
    return attributes, tuple(blocks)


def _argument(name: str, value: Any, kind: str, lines: _Lines, offset: int) -> Expr:
    if name in ("depends_on",) and isinstance(value, list):
        return ("TU", tuple(parse_expression(v) for v in value if isinstance(v, str)))
    bare = name == "provider" or (kind == "dynamic" and name == "iterator")
    if bare and isinstance(value, str) and "${" not in value:
        return parse_expression(value)
    try:
        return _value(value)
    except _Duplicate as duplicate:
        where = lines.find(duplicate.name, lines.find(duplicate.name, offset) + 1)  # its second occurrence
        raise json.JSONDecodeError(
            f"duplicate object attribute {duplicate.name!r}", lines.text, where
        ) from None


def _dynamic(item: _Object, lines: _Lines, start: int) -> list[Block]:
    """``{"label": {...} or [{...}], ...}``: one dynamic block per label and body."""
    found: list[Block] = []
    for label, value in item:
        offset = lines.find(label, start)
        for body in _objects(value) or ():
            attributes, nested = _body(body, lines, "dynamic", offset)
            found.append(
                Block("dynamic", (label,), attributes, nested, lines.line(offset), lines.end_line(offset))
            )
    return found


def json_blocks(text: str) -> tuple[Block, ...]:
    try:
        decode(text)  # what iacgate refuses in any JSON (NaN, lone surrogates...)
    except JsonFault as fault:  # reported like a syntax error: file, line and column
        raise json.JSONDecodeError(fault.message, text, fault.offset or 0) from None
    document = json.loads(text, object_pairs_hook=_Object)
    if not isinstance(document, _Object):
        raise json.JSONDecodeError("a .tf.json file must hold a JSON object", text, 0)
    lines = _Lines(text)
    blocks: list[Block] = []
    seen: dict[str, int] = {}
    for kind, content in document:
        if kind == "//":
            continue
        depth = _LABELS.get(kind, 0)
        kind_offset = seen[kind] = lines.find(kind, seen[kind] + 1 if kind in seen else 0)
        for labels, body in _walk(content, depth, kind, text, kind_offset):
            offset = kind_offset
            for label in labels:
                offset = lines.find(label, offset + 1)
            attributes, nested = _body(body, lines, kind, offset)
            blocks.append(Block(kind, labels, attributes, nested, lines.line(offset), lines.end_line(offset)))
    return tuple(blocks)


def _walk(content: Any, depth: int, path: str, text: str, offset: int) -> list[tuple[tuple[str, ...], Any]]:
    """(labels, body) of every block under ``path``; each level is an object, or a list of objects.

    Anything else is not Terraform's JSON syntax (Terraform refuses it), so it is an error rather than a
    block read as empty: ``"resource": 1.5`` must not scan as a file without resources.
    """
    found: list[tuple[tuple[str, ...], Any]] = []
    for item in content if isinstance(content, list) and not isinstance(content, _Object) else [content]:
        if not isinstance(item, _Object):
            what = "a list holding " + value_kind(item) if isinstance(content, list) else value_kind(item)
            raise json.JSONDecodeError(
                f"not Terraform JSON syntax: {path} is {what}, expected an object", text, offset
            )
        if depth == 0:
            found.append(((), item))
            continue
        for label, inner in item:
            found.extend(
                ((label, *rest), body)
                for rest, body in _walk(inner, depth - 1, f"{path}.{label}", text, offset)
            )
    return found
