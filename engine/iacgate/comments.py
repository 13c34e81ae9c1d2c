"""Where comments are in a source file, so that only a real comment can carry an inline suppression.

A suppression written inside a string (a tag value ``"# iacgate:ignore ENC-EBS-001 ..."``), a heredoc or
a YAML block scalar is data, not a comment, and a JSON text (a plan, a Pulumi preview, a JSON template)
has no comments at all. HCL comments are found by a lexer here, conservative: where it cannot be sure a
``#`` or ``//`` starts a comment it says it does not, so a doubt costs a suppression, never a hidden
finding. YAML comments are where the template loader's own scanner skips them.

Lines are numbered as each parser numbers them (``iacgate.textio.parser_lines``), so a comment's line is
the line reports and the trusted-ref comparison use.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from iacgate.textio import GO_SPACE, parser_lines

HCL = "hcl"
YAML = "yaml"
NONE = "none"  # JSON and every other syntax without comments

# python-hcl2's heredoc marker (``[a-zA-Z][a-zA-Z0-9._-]*``, dots included), and more.
_HEREDOC = re.compile(r"<<-?([A-Za-z_][\w.-]*)[ \t\r]*$")


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


def hcl_heredoc_lines(lines: Sequence[str]) -> frozenset[int]:
    """Line numbers (1-based, of ``lines``) of HCL heredocs after their ``<<EOT`` line: the body and the
    closing marker, as the lexer that finds comments reads them: a ``<<`` in a string or a comment opens
    none, and the marker closes it only alone on its line (Go's blanks around it, as Terraform trims). Where
    the lexer cannot follow the file (a backslash in code), the lines after that are not counted."""
    lexer = _HclLexer()
    lexer.comments(lines)
    return frozenset(lexer.heredoc_body)


def comments(text: str, syntax: str) -> dict[int, str]:
    """Line number (1-based, ``source_lines``) -> the comment on that line, from its ``#`` (or ``//`` in
    HCL) to the end."""
    if syntax == HCL:
        return _HclLexer().comments(source_lines(text, syntax))
    if syntax == YAML:
        return _yaml_comments(text, source_lines(text, syntax))
    return {}


@dataclass
class _HclLexer:
    """Quoted templates (with ``${ }``/``%{ }`` holding more strings), heredocs and ``/* */`` comments
    carry over lines; ``#`` and ``//`` start a comment only in plain code. A backslash in code is no
    HCL, but python-hcl2 reads ``\\"...\\"`` there as a string running to the last such quote, lines
    later maybe: from the first one on, the lexer finds no comment (``lost``)."""

    # Open frames above plain code: "string", or a template interpolation with its brace depth.
    stack: list[list[int] | str] = field(default_factory=list)
    heredoc: str | None = None
    block_comment: bool = False
    lost: bool = False
    # Line numbers of heredoc bodies and closing markers seen (``hcl_heredoc_lines``).
    heredoc_body: set[int] = field(default_factory=set)

    def comments(self, lines: Sequence[str]) -> dict[int, str]:
        found: dict[int, str] = {}
        for number, line in enumerate(lines, 1):
            if self.lost:
                break
            if self.heredoc is not None:
                self.heredoc_body.add(number)
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
            elif char == "\\":
                self.lost = True
                return None
            elif isinstance(top, list) and char in "{}":
                if char == "{":
                    top[0] += 1
                elif top[0]:
                    top[0] -= 1
                else:
                    self.stack.pop()
            elif char == "#" or pair == "//":
                # In a template's ``${ }`` or ``%{ }`` too, the rest of the line is a comment (not reported).
                return line[index:] if top is None else None
            elif pair == "/*":
                self.block_comment = True
                index += 2
                continue
            elif pair == "<<" and (heredoc := _HEREDOC.match(line, index)) is not None:
                self.heredoc = heredoc.group(1)
                return None
            index += 1
        return None


def _yaml_comments(text: str, lines: Sequence[str]) -> dict[int, str]:
    """Where the scanner that loads templates skips a comment: the first ``#`` of a line outside every
    token it reads, to the end of the line. YAML has too many ways to carry a ``#`` in data (a quote in a
    plain scalar, block scalars indented less than their header line, indentation indicators, multi-line
    scalars, tags) for a lexer of its own to follow; the scanner's tokens are what the loader reads as
    data. Text it cannot scan has no comments: the file is reported as bad input anyway."""
    import yaml  # on use: a scan without suppressions imports no YAML here

    from iacgate.parsers.cloudformation.yaml_loader import token_spans

    try:
        spans = token_spans(text)
    except yaml.YAMLError:
        return {}
    starts = [start for start, _ in spans]
    found: dict[int, str] = {}
    offset = 0
    for number, line in enumerate(lines, 1):
        column = line.find("#")
        while column >= 0:
            token = bisect.bisect_right(starts, offset + column) - 1
            if token < 0 or spans[token][1] <= offset + column:
                found[number] = line[column:]
                break
            column = line.find("#", spans[token][1] - offset)
        offset += len(line) + (2 if text.startswith("\r\n", offset + len(line)) else 1)
    return found
