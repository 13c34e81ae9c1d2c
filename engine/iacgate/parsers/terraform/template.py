"""Templates outside quoted strings: heredoc bodies and the strings of ``.tf.json`` files.

python-hcl2 returns a heredoc as one raw token, so its ``${...}`` and ``%{...}`` sequences are found
here (braces matched, quoted strings skipped) in one pass, and each distinct inner expression is parsed
once. Both are linear in the text: a 30 MB heredoc is data, not a way to stall the gate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from iacgate.parsers.terraform.syntax import Expr

_FOR = re.compile(r"for\s+([A-Za-z_][\w-]*)(?:\s*,\s*([A-Za-z_][\w-]*))?\s+in\s+(.*)", re.DOTALL)


_BRACE_OR_QUOTE = re.compile(r'[{}"]')
_QUOTE_END = re.compile(r'["\\]')
_SEQUENCE = re.compile(r"\$\$\{|%%\{|\$\{|%\{")


def _closing(text: str, start: int) -> int:
    """Index of the ``}`` closing the sequence whose body starts at ``start`` (quoted strings skipped).
    Jumps from brace to quote with compiled searches: one pass over the text, at C speed."""
    depth = 0
    index = start
    while True:
        found = _BRACE_OR_QUOTE.search(text, index)
        if found is None:
            raise ValueError("unclosed template sequence")
        char = found.group()
        index = found.end()
        if char == '"':
            while True:
                inside = _QUOTE_END.search(text, index)
                if inside is None:
                    raise ValueError("unclosed template sequence")
                index = inside.end() + (1 if inside.group() == "\\" else 0)
                if inside.group() == '"':
                    break
        elif char == "{":
            depth += 1
        elif depth == 0:
            return found.start()
        else:
            depth -= 1


def parse_expression(text: str) -> Expr:
    from iacgate.parsers.terraform import hcltree
    from iacgate.parsers.terraform.load import lark_parse

    tree = lark_parse(f"x = {text.strip()}\n")
    attributes, _ = hcltree.body(tree.children[0])
    return attributes["x"].expr


def parse_template(text: str, line: int = 0) -> Expr:
    """A template's text into an expression, in one pass over the text; each distinct expression is
    parsed once (a template repeating ``${var.x}`` costs one parse)."""
    from iacgate.parsers.terraform.hcltree import STRIP_AFTER, STRIP_BEFORE, assemble

    parsed: dict[str, Expr] = {}

    def expression(inner: str) -> Expr:
        key = inner.strip()
        found = parsed.get(key)
        if found is None:
            found = parsed[key] = parse_expression(key)
        return found

    flat: list[Any] = []
    literal: list[str] = []
    index = 0
    while True:
        found = _SEQUENCE.search(text, index)
        if found is None:
            literal.append(text[index:])
            break
        literal.append(text[index : found.start()])
        sequence = found.group()
        index = found.end()
        if len(sequence) == 3:  # $${ and %%{ are the literal ${ and %{
            literal.append(sequence[1:])
            continue
        end = _closing(text, index)
        raw = text[index:end]
        before, after = raw.startswith("~"), len(raw) > 1 and raw.endswith("~")
        inner = raw[1 if before else 0 : len(raw) - 1 if after else len(raw)].strip()
        if any(literal):
            flat.append("".join(literal))
        literal = []
        if before:
            flat.append(STRIP_BEFORE)
        flat.append(expression(inner) if sequence[0] == "$" else _directive(inner, expression))
        if after:
            flat.append(STRIP_AFTER)
        index = end + 1
    if any(literal):
        flat.append("".join(literal))
    return assemble(flat)


def _directive(inner: str, expression: Callable[[str], Expr]) -> tuple[Any, ...]:
    word = inner.split(None, 1)[0] if inner else ""
    if word == "if":
        return ("%if", expression(inner[2:]))
    if word in ("else", "endif", "endfor"):
        return ("%" + word,)
    matched = _FOR.fullmatch(inner)
    if matched:
        first, second, collection = matched.groups()
        key, value = (first, second) if second else (None, first)
        return ("%for", key, value, expression(collection))
    raise ValueError(f"unknown template directive %{{{inner}}}")
