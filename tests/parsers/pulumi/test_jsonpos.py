"""The JSON position tree against the text itself: every key's offset holds that key, written as JSON, and
every node's span decodes to the value ``json.loads`` gives at its path, whatever the layout (minified,
indented, spaces around colons), the escapes, and the mix of scalars and containers in arrays."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from iacgate.parsers.pulumi.jsonpos import Node, locate

_AWKWARD = ['"', "\\", "{", "}", "[", "]", ":", ",", " ", "\n", "é", "\u2028", "\t", "a", "0", "-"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_AWKWARD) for _ in range(rng.randint(0, 6)))


def _value(rng: random.Random, depth: int) -> Any:
    roll = rng.random()
    if depth > 4 or roll < 0.4:
        return rng.choice([None, True, False, 0, -1.5e10, 7, "", 12345678901234567890, _text(rng)])
    if roll < 0.7:
        return {_text(rng): _value(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]


def _checked(text: str, node: Node | None, value: Any) -> int:
    """How many keys and nodes were checked below ``node``, whose value is ``value``."""
    if node is None:
        assert not isinstance(value, dict | list)
        return 0
    assert json.loads(text[node.start : node.end]) == value
    checked = 1
    if isinstance(value, dict):
        assert list(node.keys) == list(value)
        for key, (offset, child) in node.keys.items():
            written = json.JSONDecoder().raw_decode(text, offset)[0]
            assert written == key
            if isinstance(value[key], dict | list):
                assert child is not None
            checked += 1 + _checked(text, child, value[key])
    else:
        assert isinstance(value, list) and len(node.items) == len(value)
        for child, item in zip(node.items, value, strict=True):
            assert (child is not None) == isinstance(item, dict | list)
            checked += _checked(text, child, item)
    return checked


@pytest.mark.parametrize("seed", range(8))
def test_positions_hold_what_they_point_at(seed: int) -> None:
    rng = random.Random(seed)
    checked = 0
    for _ in range(400):
        value: Any = {_text(rng): _value(rng, 1) for _ in range(3)} if rng.random() < 0.6 else _value(rng, 0)
        if not isinstance(value, dict | list):
            value = [value, _value(rng, 1)]
        indent = rng.choice([None, 0, 2, "\t"])
        separators = rng.choice([None, (",", ":"), (" , ", " : "), (",\n", ":\n")])
        text = json.dumps(value, indent=indent, separators=separators, ensure_ascii=rng.random() < 0.5)
        text = rng.choice(["", " \n\t"]) + text + rng.choice(["", " \r\n"])
        checked += _checked(text, locate(text), value)
    assert checked > 2000


def test_a_repeated_key_points_at_the_last_one_as_the_decoder_keeps() -> None:
    text = '{"a": {"x": 1}, "b": [1, {"c": 2}], "a": [3, {"d": 4}]}'
    root = locate(text)
    assert root is not None
    offset, child = root.keys["a"]
    assert offset == text.rindex('"a"')
    assert child is not None and text[child.start : child.end] == '[3, {"d": 4}]'
    assert list(root.keys) == ["a", "b"]
    nested = root.keys["b"][1]
    assert nested is not None and nested.items[0] is None and nested.item(1) is not None


@pytest.mark.parametrize("text", ["5", '"text"', "null", "true"])
def test_a_scalar_document_has_no_tree(text: str) -> None:
    assert locate(text) is None
