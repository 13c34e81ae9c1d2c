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
from typing import Any, NoReturn

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


def _refused(code: int) -> NoReturn:
    raise InputError(f"the rego engine refused the input (code {code})")


def _key(key: Any) -> bytes:
    """An object key as the engine holds it: the name JSON gives it (a YAML ``true:`` key is ``"true"``,
    as in the document's JSON text, which the answer cache keys on, and on an OPA server). Only string keys
    are kept in ``texts``: ``True``, ``1`` and ``1.0`` are one dictionary key there."""
    name = json.dumps(key) if key is None or isinstance(key, int | float) else str(key)
    return escaped_text(name).encode("utf-8")


def _add(handle: int, value: Any, texts: dict[str, bytes]) -> None:
    kind = type(value)
    # Return codes are tested inline and strings encoded once per scan (``texts``): attribute names,
    # types and unknown-value reasons repeat in every document, and this loop is most of an evaluation.
    if kind is str:
        encoded = texts.get(value)
        if encoded is None:
            encoded = texts[value] = escaped_text(value).encode("utf-8")
        code = _string(handle, encoded)
    elif kind is dict:
        for key, item in value.items():
            encoded = texts.get(key)
            if encoded is None:
                encoded = _key(key)
                if type(key) is str:
                    texts[key] = encoded
            code = _string(handle, encoded)
            if code:
                _refused(code)
            _add(handle, item, texts)
            code = _object_item(handle)
            if code:
                _refused(code)
        code = _object(handle, len(value))
    elif kind is list or kind is tuple:
        for item in value:
            _add(handle, item, texts)
        code = _array(handle, len(value))
    elif kind is bool:
        code = _bool(handle, value)
    elif kind is int:
        # Beyond int64 the C API cannot take it; a float keeps magnitude (comparisons still work).
        code = _int(handle, value) if _INT64[0] <= value <= _INT64[1] else _float(handle, float(value))
    elif kind is float:
        code = _float(handle, value)
    elif value is None:
        code = _null(handle)
    else:
        raise InputError(f"cannot pass a {kind.__name__} to the rego engine")
    if code:
        _refused(code)


def rego_input(document: Any, texts: dict[str, bytes] | None = None) -> regopy.Input:
    """A ``regopy.Input`` holding ``document``, freed with it as regopy's own inputs are. ``texts`` keeps
    encoded strings between calls (one dict per evaluator: a scan's strings, nothing more)."""
    handle = _new()
    try:
        _add(handle, document, {} if texts is None else texts)
    except BaseException:
        _free(handle)
        raise
    made = regopy.Input.__new__(regopy.Input)
    made._impl = ctypes.c_void_p(handle)
    return made
