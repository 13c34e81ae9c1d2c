"""Input documents handed to rego-cpp node by node through its C API, in one pass.

regopy's own ``Input(value)`` walks the value through a Python wrapper per node, after which iacgate had
to walk it a second time to JSON-escape strings (see ``escaped``). Converting a resource document is
most of what an embedded scan costs (every resource, and each of its neighbours once more), so this does
both in one walk and calls the C functions directly, checking their return codes itself.
"""

from __future__ import annotations

import ctypes
import json
import re
from typing import Any

import regopy
from regopy.rego_shared import rego

_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')
_INT64 = (-(2**63), 2**63 - 1)

_new = rego.regoNewInput
_free = rego.regoFreeInput
_int = rego.regoInputInt
_float = rego.regoInputFloat
_string = rego.regoInputString
_bool = rego.regoInputBoolean
_null = rego.regoInputNull
_object_item = rego.regoInputObjectItem
_object = rego.regoInputObject
_array = rego.regoInputArray


class InputError(ValueError):
    """A value the engine cannot hold, or an engine refusal while building the input."""


def escaped_text(text: str) -> str:
    """A string as rego-cpp holds it internally: JSON-escaped.

    regopy copies strings into the engine verbatim, so a quote inside a value (every ``for_each``
    address, ``module.a["x"]``) broke the engine's JSON answer. Escaping gives the same values the
    engine holds for JSON input and for string literals in policies.
    """
    return json.dumps(text, ensure_ascii=False)[1:-1] if _NEEDS_ESCAPE.search(text) else text


def _check(code: int) -> None:
    if code:
        raise InputError(f"the rego engine refused the input (code {code})")


def _add(handle: int, value: Any) -> None:
    kind = type(value)
    if kind is str:
        _check(_string(handle, escaped_text(value).encode("utf-8")))
    elif kind is dict:
        for key, item in value.items():
            _check(_string(handle, escaped_text(str(key)).encode("utf-8")))
            _add(handle, item)
            _check(_object_item(handle))
        _check(_object(handle, len(value)))
    elif kind is list or kind is tuple:
        for item in value:
            _add(handle, item)
        _check(_array(handle, len(value)))
    elif kind is bool:
        _check(_bool(handle, value))
    elif kind is int:
        # Beyond int64 the C API cannot take it; a float keeps magnitude (comparisons still work).
        _check(_int(handle, value) if _INT64[0] <= value <= _INT64[1] else _float(handle, float(value)))
    elif kind is float:
        _check(_float(handle, value))
    elif value is None:
        _check(_null(handle))
    else:
        raise InputError(f"cannot pass a {kind.__name__} to the rego engine")


def rego_input(document: Any) -> regopy.Input:
    """A ``regopy.Input`` holding ``document``, freed with it as regopy's own inputs are."""
    handle = _new()
    try:
        _add(handle, document)
    except BaseException:
        _free(handle)
        raise
    made = regopy.Input.__new__(regopy.Input)
    made._impl = ctypes.c_void_p(handle)
    return made
