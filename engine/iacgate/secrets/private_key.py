"""Private keys: detect-secrets' expression, given only the text iacgate hands it.

The library's ``PrivateKeyDetector``, when a line does not match, opens the file it is told the line came
from (the name as given, so relative to the working directory, not to the scanned tree), at most once per
name in the process and only below 8 kB, and searches the whole file for a key written over several lines.
iacgate never lets a detector read a file: the name it passes is a report path, the file it would open may
lie outside the scanned tree or be another file altogether, and a second scan in one process would never
look again. Instead ``detect`` hands this detector a key's whole block (``block``): the header line and the
lines after it up to the END line, unindented, so that a key in a YAML block scalar, an indented heredoc or
a file of any size is matched by the library's own expression.
"""

from __future__ import annotations

from typing import Any

from detect_secrets.core.potential_secret import PotentialSecret
from detect_secrets.plugins.base import RegexBasedDetector
from detect_secrets.plugins.private_key import PrivateKeyDetector as LibraryDetector
from detect_secrets.util.code_snippet import CodeSnippet

# How far below its header a key's block is read: a 16,384-bit RSA key is about 220 lines of 64 characters.
BLOCK_LINES = 256


class PrivateKeyDetector(LibraryDetector):
    """The library's expressions on the text given, never on a file read from disk."""

    def analyze_line(
        self,
        filename: str,
        line: str,
        line_number: int = 0,
        context: CodeSnippet | None = None,
        raw_context: CodeSnippet | None = None,
        commit_hash: str | None = "",
        **kwargs: Any,
    ) -> set[PotentialSecret]:
        found: set[PotentialSecret] = RegexBasedDetector.analyze_line(
            self,
            filename=filename,
            line=line,
            line_number=line_number,
            context=context,
            raw_context=raw_context,
        )
        return found


def block(lines: list[str], index: int, limit: int) -> str:
    """The text from line ``index`` (a header) through the next line that ends the key, each line without
    its indentation, joined by newlines: at most ``BLOCK_LINES`` lines and ``limit`` characters."""
    taken: list[str] = []
    size = 0
    for line in lines[index : index + BLOCK_LINES]:
        piece = line.strip()
        # The header line is always taken (a piece is at most ``limit`` long already).
        if taken and size + len(piece) + 1 > limit:
            break
        taken.append(piece)
        size += len(piece) + 1
        if len(taken) > 1 and "END" in piece:
            break
    return "\n".join(taken)
