"""Where comments are in a source file, so that only a real comment can carry an inline suppression.

A suppression written inside a string (a tag value ``"# iacgate:ignore ENC-EBS-001 ..."``), a heredoc or
a YAML block scalar is data, not a comment, and a JSON text (a plan, a Pulumi preview, a JSON template)
has no comments at all. The lexers here are conservative: where they cannot be sure a ``#`` or ``//``
starts a comment (an unusual quote, a line that may belong to a block scalar) they say it does not, so a
doubt costs a suppression, never a hidden finding.

Lines are numbered as each parser numbers them (``iacgate.textio.parser_lines``), so a comment's line is
the line reports and the trusted-ref comparison use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from iacgate.textio import GO_SPACE, parser_lines

HCL = "hcl"
YAML = "yaml"
NONE = "none"  # JSON and every other syntax without comments

_HEREDOC = re.compile(r"<<-?([A-Za-z_][\w-]*)[ \t\r]*$")
_BLOCK_SCALAR = re.compile(r"[|>][0-9+-]*(?=[ \t]|$)")
_AFTER_BLOCK_SCALAR = re.compile(r"[ \t]*(?:#|$)")


def syntax_of(resource_format: str, relative: str, text: str) -> str:
    """The comment syntax of a file holding a resource of ``resource_format``: HCL for Terraform source
    (``.tf.json`` is JSON), YAML for a CloudFormation template that is not JSON, none for the rest."""
    if resource_format == "terraform":
        return NONE if relative.lower().endswith(".json") else HCL
    if resource_format == "cloudformation":
        return NONE if _is_json(text) else YAML
    return NONE


def _is_json(text: str) -> bool:
    # As the template loader decides: JSON when it opens like JSON and parses as JSON, else YAML.
    if not text.lstrip().startswith(("{", "[")):
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def source_lines(text: str, syntax: str) -> list[str]:
    return parser_lines(text, yaml=syntax == YAML)


def comments(lines: Sequence[str], syntax: str) -> dict[int, str]:
    """Line number (1-based) -> the comment on that line, from its ``#`` (or ``//`` in HCL) to the end."""
    if syntax == HCL:
        return _HclLexer().comments(lines)
    if syntax == YAML:
        return _YamlLexer().comments(lines)
    return {}


@dataclass
class _HclLexer:
    """Quoted templates (with ``${ }``/``%{ }`` holding more strings), heredocs and ``/* */`` comments
    carry over lines; ``#`` and ``//`` start a comment only in plain code."""

    # Open frames above plain code: "string", or a template interpolation with its brace depth.
    stack: list[list[int] | str] = field(default_factory=list)
    heredoc: str | None = None
    block_comment: bool = False

    def comments(self, lines: Sequence[str]) -> dict[int, str]:
        found: dict[int, str] = {}
        for number, line in enumerate(lines, 1):
            if self.heredoc is not None:
                if line.strip(GO_SPACE) == self.heredoc:
                    self.heredoc = None
                continue
            comment = self._line(line)
            if comment is not None:
                found[number] = comment
        return found

    def _line(self, line: str) -> str | None:
        index = 0
        while index < len(line):
            if self.block_comment:
                end = line.find("*/", index)
                if end < 0:
                    return None
                self.block_comment, index = False, end + 2
                continue
            top = self.stack[-1] if self.stack else None
            char, pair = line[index], line[index : index + 2]
            if top == "string":
                if char == "\\":
                    index += 2
                    continue
                if pair in ("$$", "%%") and line[index + 2 : index + 3] == "{":
                    index += 3
                    continue
                if pair in ("${", "%{"):
                    self.stack.append([0])
                    index += 2
                    continue
                if char == '"':
                    self.stack.pop()
                index += 1
                continue
            if char == '"':
                self.stack.append("string")
            elif isinstance(top, list) and char in "{}":
                if char == "{":
                    top[0] += 1
                elif top[0]:
                    top[0] -= 1
                else:
                    self.stack.pop()
            elif top is None and (char == "#" or pair == "//"):
                return line[index:]
            elif pair == "/*":
                self.block_comment = True
                index += 2
                continue
            elif pair == "<<" and (heredoc := _HEREDOC.match(line, index)) is not None:
                self.heredoc = heredoc.group(1)
                return None
            index += 1
        return None


@dataclass
class _YamlLexer:
    """Quoted scalars and block scalars carry over lines; ``#`` starts a comment at the start of a line or
    after a blank, outside them."""

    quote: str | None = None
    # The indentation a block scalar's lines are deeper than, while in one.
    block_indent: int | None = None

    def comments(self, lines: Sequence[str]) -> dict[int, str]:
        found: dict[int, str] = {}
        for number, line in enumerate(lines, 1):
            indent = len(line) - len(line.lstrip(" "))
            if self.block_indent is not None:
                if not line.strip() or indent > self.block_indent:
                    continue
                self.block_indent = None
            comment = self._line(line, indent)
            if comment is not None:
                found[number] = comment
        return found

    def _line(self, line: str, indent: int) -> str | None:
        index = 0
        while index < len(line):
            char = line[index]
            if self.quote is not None:
                if self.quote == '"' and char == "\\":
                    index += 2
                    continue
                if char == self.quote:
                    if self.quote == "'" and line[index + 1 : index + 2] == "'":
                        index += 2
                        continue
                    self.quote = None
                index += 1
                continue
            starts_token = index == 0 or line[index - 1] in " \t[{,:"
            if char == "#" and (index == 0 or line[index - 1] in " \t"):
                return line[index:]
            if char in "\"'" and starts_token:
                self.quote = char
            elif char in "|>" and (index == 0 or line[index - 1] in " \t"):
                scalar = _BLOCK_SCALAR.match(line, index)
                if scalar is not None and _AFTER_BLOCK_SCALAR.match(line, scalar.end()):
                    self.block_indent = indent
            index += 1
        return None
