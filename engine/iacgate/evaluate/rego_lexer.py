"""A strict Rego lexer, just enough to decide which names a policy refers to (``safety.py``).

Soundness matters more than coverage: whatever this lexer takes for a string or a comment is not checked,
so it only accepts forms every Rego engine reads the same way, and refuses the rest. Double-quoted strings
hold JSON escapes only and never a line break or control character (a tab excepted); a comment ends at the
first character any engine might take for a line end; outside strings and comments only ASCII letters,
digits, whitespace and Rego's punctuation are accepted. Anything else is a ``LexError`` naming its line,
never a guess.

Every scan checks every policy, so the whole file is split by one ``findall`` (measured: a third of the
time of a Python step per token) and tokens are read from its tuples on demand.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

TokenKind = Literal["ident", "op", "string", "number", "raw"]

# Whitespace as rego-cpp reads it: form feed and vertical tab separate tokens there too (measured).
_SPACE = "[ \t\r\n\f\v]*"
_LINE_ENDS = "\r\n\f\v\x85\u2028\u2029"
_COMMENTS = rf"{_SPACE}(?:\#[^{_LINE_ENDS}]*{_SPACE})*"
# One token with the whitespace and comments after it, and each kind in a group of its own, in the order
# of ``_KINDS``. The kinds start with different characters, so their order only saves time.
_TOKEN = re.compile(
    rf"""
    (
      (?:
        ([A-Za-z_]\w*)
      | ([:=!<>]=|[-+*/%&|<>=()\[\]{{}},;:.])
      | ("(?:[^"\\\x00-\x08\x0a-\x1f\x7f{_LINE_ENDS}]+|\\["\\/bfnrt]|\\u[0-9A-Fa-f]{{4}})*")
      | ([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
      | (`[^`]*`)
      )
      {_COMMENTS}
    )
    """,
    re.VERBOSE | re.ASCII,
)
_KINDS: tuple[TokenKind, ...] = ("ident", "op", "string", "number", "raw")
_LEADING = re.compile(_COMMENTS)


class LexError(ValueError):
    """Text the lexer does not accept; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


@dataclass(frozen=True)
class Tokens:
    """The tokens of one source outside whitespace and comments, by index."""

    source: str
    leading: int
    found: list[tuple[str, str, str, str, str, str]]

    def __len__(self) -> int:
        return len(self.found)

    def text(self, index: int) -> str:
        """The token as written (a string literal with its quotes)."""
        _whole, *kinds = self.found[index]
        return next(text for text in kinds if text)

    def kind(self, index: int) -> TokenKind:
        _whole, *kinds = self.found[index]
        return next(kind for kind, text in zip(_KINDS, kinds, strict=True) if text)

    def is_op(self, index: int, *texts: str) -> bool:
        return 0 <= index < len(self.found) and self.found[index][2] in texts

    def is_ident(self, index: int) -> bool:
        return 0 <= index < len(self.found) and bool(self.found[index][1])

    def ident(self, index: int) -> str:
        return self.found[index][1]

    def string_value(self, index: int) -> str | None:
        """A string literal's text, decoded; ``None`` for any other token."""
        if not 0 <= index < len(self.found):
            return None
        _whole, _ident, _op, string, _number, raw = self.found[index]
        if string:
            return str(json.loads(string))
        if raw:
            return raw[1:-1]
        return None

    def idents_in(self, names: frozenset[str]) -> list[int]:
        """Indexes of the identifiers spelled as one of ``names``."""
        return [index for index, token in enumerate(self.found) if token[1] in names]

    def offset(self, index: int) -> int:
        return self.leading + sum(len(token[0]) for token in self.found[:index])

    def line(self, index: int) -> int:
        return line_of(self.source, self.offset(index))


def tokens(source: str) -> Tokens:
    """The tokens of ``source``; raises ``LexError`` at the first text it does not accept."""
    leading = _LEADING.match(source)
    start = leading.end() if leading else 0
    found: list[tuple[str, str, str, str, str, str]] = _TOKEN.findall(source, start)
    # Matches never overlap and come in order: they cover the source exactly when their lengths add up
    # to it. Otherwise the first gap is where the lexer stopped understanding the text.
    if start + sum(len(token[0]) for token in found) != len(source):
        position = start
        for end in accumulate((len(token[0]) for token in found), initial=start):
            match = _TOKEN.match(source, end)
            if match is None or end >= len(source):
                position = end
                break
        raise LexError(line_of(source, position), _problem(source, position))
    return Tokens(source, start, found)


def _problem(source: str, position: int) -> str:
    if position >= len(source):
        return "unexpected end of text"
    char = source[position]
    if char == '"':
        return "a string that is not closed on its line, or holds an escape or character JSON does not allow"
    if char == "`":
        return "a raw string that is never closed"
    return f"unexpected character {char!r} (U+{ord(char):04X})"
