"""Decoding the JSON of a scanned file: every way ``json.loads`` can refuse it is a ``ParseError`` naming
the file, line and column, and JSON that decodes to values no report can hold is refused the same way.

Beyond syntax errors, ``json.loads`` raises a plain ``ValueError`` for an integer of more than 4,300
digits and ``RecursionError`` for deep nesting; it accepts ``NaN`` and ``Infinity`` (not JSON, and never
written by Terraform, Pulumi or CloudFormation) and ``"\\ud800"`` escapes that decode to lone surrogates.
"""

from __future__ import annotations

import json
import re
from typing import Any

from iacgate.errors import ParseError, Position
from iacgate.textio import line_of_offset, lone_surrogate_escape

_CONSTANT = re.compile(r"(?<![\w\"])(?:-?Infinity|NaN)(?![\w\"])")
_LONG_INTEGER = re.compile(r"\d{4301,}")


class JsonFault(ValueError):
    """Why JSON text is refused, and where (an offset into the text, when known)."""

    def __init__(self, message: str, offset: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


class _NotJson(ValueError):
    pass


def kind(value: Any, mapping: str = "an object") -> str:
    """The name of a decoded value's type, for messages ("is a string, expected an object");
    ``mapping`` in the vocabulary of the format (CloudFormation says "a mapping")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return mapping if isinstance(value, dict) else f"a {type(value).__name__}"


def _constant(name: str) -> Any:
    raise _NotJson(name)


def _found(text: str, pattern: re.Pattern[str]) -> int | None:
    match = pattern.search(text)
    return match.start() if match else None


def decode(text: str) -> Any:
    """``json.loads(text)``, or a ``JsonFault``."""
    try:
        value = json.loads(text, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise JsonFault(error.msg, error.pos) from None
    except _NotJson as error:
        raise JsonFault(f"{error} is not a JSON number", _found(text, _CONSTANT)) from None
    except RecursionError:
        raise JsonFault("nested too deeply", None) from None
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise JsonFault("a number with more than 4300 digits", _found(text, _LONG_INTEGER)) from None
    refuse_lone_surrogates(text)
    return value


def refuse_lone_surrogates(text: str) -> None:
    """A ``JsonFault`` at the first ``\\uXXXX`` escape of JSON ``text`` that decodes to a lone surrogate."""
    offset = lone_surrogate_escape(text)
    if offset is not None:
        escape = text[offset : offset + 6]
        raise JsonFault(f"{escape} is a lone surrogate, not a Unicode character", offset)


def position(text: str, file: str, offset: int | None, line_offset: int = 0) -> Position:
    if offset is None:
        return Position(file, line_offset + 1 if line_offset else 0)
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Position(file, line_of_offset(text, offset) + line_offset, column)


def load_json(text: str, file: str, line_offset: int = 0, what: str = "invalid JSON") -> Any:
    """``json.loads(text)``, or a ``ParseError`` (``what: reason``) naming the file, line and column."""
    try:
        return decode(text)
    except JsonFault as fault:
        raise ParseError(
            position(text, file, fault.offset, line_offset), f"{what}: {fault.message}"
        ) from None
