"""Escapes in HCL source that make no character: ``"\\ud800"`` (a surrogate, paired or not: HCL has no
surrogate pairs) and ``"\\U00110000"`` (beyond U+10FFFF). The JSON and YAML readers refuse them at the
escape; this does the same for ``.tf`` files, before a string no report, path or engine can take is
built, so the file is one error at its line and column.

Escapes count in quoted strings and in code (where a backslash is a syntax error anyway), not in comments
nor heredoc bodies, where HCL reads a backslash as text. One regular-expression search decides for
almost every file; only a file that has such an escape is walked character by character.
"""

from __future__ import annotations

import re

from iacgate.errors import ParseError, Position
from iacgate.parsers.terraform.grammar import GO_BLANK

_SUSPECT = re.compile(r"\\(?:u[dD][89a-fA-F]|U(?!0000[0-9a-cA-CeEfF]|000[1-9a-fA-F]|0010))")
_HEREDOC = re.compile(r"<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|.)", re.DOTALL)


def check_escapes(text: str, file: str) -> None:
    """Raise a ``ParseError`` at the first escape in ``text`` that makes no character."""
    if _SUSPECT.search(text) is None:
        return
    offset = _first_bad_escape(text)
    if offset is None:
        return
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    match = _ESCAPE.match(text, offset)
    escape = match.group(0) if match else text[offset : offset + 6]
    code = int(escape[2:], 16)
    why = (
        "is a surrogate, not a Unicode character"
        if code <= 0xFFFF
        else "is beyond the last Unicode character"
    )
    raise ParseError(Position(file, line, column), f"HCL string escape {escape} {why}")


def _bad(match: re.Match[str]) -> bool:
    code = match.group(1) or match.group(2)
    if code is None:
        return False
    value = int(code, 16)
    return 0xD800 <= value <= 0xDFFF or value > 0x10FFFF


def _first_bad_escape(text: str) -> int | None:
    """Offset of the first escape that makes no character, outside comments and heredoc bodies.

    ``stack`` holds the open contexts: ``None`` for a quoted string, an int for code and the depth of the
    braces open in it. Code above a string is an interpolation (``${ ... }``), which a ``}`` at depth 0
    closes.
    """
    stack: list[int | None] = [0]
    position, size = 0, len(text)
    while position < size:
        char = text[position]
        top = stack[-1]
        if char == "\\":
            match = _ESCAPE.match(text, position)
            if match is not None and _bad(match):
                return position
            position = match.end() if match else position + 1
            continue
        if top is None:  # in a quoted string
            if char == '"':
                stack.pop()
            elif text.startswith(("$${", "%%{"), position):
                position += 3
                continue
            elif text.startswith(("${", "%{"), position):
                stack.append(0)
                position += 2
                continue
            position += 1
            continue
        if char == '"':
            stack.append(None)
        elif char == "{":
            stack[-1] = top + 1
        elif char == "}":
            if top > 0:
                stack[-1] = top - 1
            elif len(stack) > 1:
                stack.pop()  # the interpolation ends: back in its string
        elif char == "#" or text.startswith("//", position):
            end = text.find("\n", position)
            position = size if end < 0 else end
            continue
        elif text.startswith("/*", position):
            end = text.find("*/", position + 2)
            position = size if end < 0 else end + 2
            continue
        elif text.startswith("<<", position):
            heredoc = _HEREDOC.match(text, position)
            if heredoc is not None:
                marker = re.escape(heredoc.group(1))
                closing = re.compile(rf"^{GO_BLANK}*{marker}{GO_BLANK}*$", re.MULTILINE)
                found = closing.search(text, heredoc.end())
                position = size if found is None else found.end()
                continue
        position += 1
    return None
