"""Syntax errors of ``.tf``, ``.tf.json`` and ``.tfvars`` text as (line, column, message), in HCL's terms.

lark names the token it could not use, which on a truncated file is its end marker, an empty string or
a line break ("unexpected ''"). A file that stops where more was required is "unexpected end of file" at
the end of its last written character; a line that stops early is "unexpected end of line" where it stops.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lark.exceptions import UnexpectedInput

SyntaxProblem = tuple[int, int, str]

_SHOWN = 40  # characters of an unexpected token quoted in a message
_HEREDOC = re.compile(r"^<<-?([A-Za-z_][A-Za-z0-9_-]*)$")


def end_of_file(text: str) -> tuple[int, int]:
    """Line and column just after the last character that is not white space (1, 1 for a blank file)."""
    written = text.rstrip()
    line = written.count("\n") + 1
    return line, len(written) - (written.rfind("\n") + 1) + 1


def _rest_is_blank(text: str, offset: int | None) -> bool:
    return offset is not None and not text[offset:].strip()


def hcl_error(error: UnexpectedInput, text: str) -> SyntaxProblem:
    """The (line, column, message) of a lark error on HCL ``text``."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    prefix = "HCL syntax error: "
    if isinstance(error, UnexpectedEOF):
        return (*end_of_file(text), f"{prefix}unexpected end of file")
    if isinstance(error, UnexpectedToken):
        token = error.token
        start = getattr(token, "start_pos", None)
        if token.type == "$END" or _rest_is_blank(text, start):
            return (*end_of_file(text), f"{prefix}unexpected end of file")
        first_line = str(token).split("\n")[0].strip()
        if not first_line:
            return (error.line, error.column, f"{prefix}unexpected end of line")
        marker = _HEREDOC.match(first_line)
        if marker:
            # lark meets the opener of a heredoc whose closing line never comes as an unusable token.
            return (
                error.line,
                error.column,
                f"{prefix}heredoc {first_line} has no closing {marker.group(1)} line (unterminated heredoc)",
            )
        return (error.line, error.column, f"{prefix}unexpected {_quoted(first_line)}")
    if isinstance(error, UnexpectedCharacters):
        char = error.char
        if not char.isprintable():
            return (error.line, error.column, f"{prefix}unexpected character U+{ord(char):04X}")
        return (error.line, error.column, f"{prefix}unexpected character {char!r}")
    return (getattr(error, "line", 0), getattr(error, "column", 0), "HCL syntax error")


def json_error(error: json.JSONDecodeError, text: str) -> SyntaxProblem:
    """The (line, column, message) of a JSON error; a document cut short says so."""
    if _rest_is_blank(text, error.pos) or error.msg.startswith("Unterminated string"):
        line, column = end_of_file(text)
        return (line, column, "invalid JSON: unexpected end of file")
    return (error.lineno, error.colno, f"invalid JSON: {error.msg}")


def _quoted(shown: str) -> str:
    return repr(shown if len(shown) <= _SHOWN else shown[: _SHOWN - 3] + "...")
