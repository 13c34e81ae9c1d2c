"""The engine holds exactly the document it was given: what a query reads back is the Python value,
for every JSON shape and the strings that broke regopy's own conversion (quotes, backslashes, controls)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import regopy

from iacgate.evaluate.rego_input import InputError, rego_input

TRICKY = {
    "address": 'module.a["x"].aws_s3_bucket.b["ledger"]',
    "windows": "C:\\temp\\new",
    "controls": "tab\tnew\nline\x01",
    "unicode": "café ☃ 😀",
    'key with "quote"': [1, -2, 2.5, -0.125, None, True, False, {"nested": []}],
    "empty": {},
    "beyond int64": 12345678901234567890,
    "": "empty key",
}


def read_back(document: Any) -> Any:
    interpreter = regopy.Interpreter()
    interpreter.set_input(rego_input(document))
    return json.loads(str(interpreter.query("x := input")))["bindings"]["x"]


def test_every_shape_and_escape_comes_back_unchanged() -> None:
    back = read_back(TRICKY)
    big = back.pop("beyond int64")
    assert {**back, "beyond int64": TRICKY["beyond int64"]} == TRICKY
    # The C API takes int64 only: larger integers arrive as floats of the same magnitude.
    assert big == pytest.approx(float(TRICKY["beyond int64"]), rel=1e-12)


def test_policies_compare_escaped_strings_with_literals() -> None:
    interpreter = regopy.Interpreter()
    interpreter.add_module("p", 'package p\n\nhit if input.id == "a[\\"x\\"]"\n')
    interpreter.set_input(rego_input({"id": 'a["x"]'}))
    assert json.loads(str(interpreter.query("x := data.p.hit")))["bindings"]["x"] is True


def test_a_value_json_cannot_hold_is_refused() -> None:
    with pytest.raises(InputError, match="set"):
        rego_input({"bad": {1, 2}})
