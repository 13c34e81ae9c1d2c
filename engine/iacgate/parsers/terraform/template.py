"""Templates outside quoted strings: heredoc bodies and the strings of ``.tf.json`` files.

python-hcl2 returns a heredoc as one raw token, so its ``${...}`` and ``%{...}`` sequences are found
here (braces matched, quoted strings skipped) and each inner expression is parsed on its own.
"""

from __future__ import annotations

import re
from typing import Any

from iacgate.parsers.terraform.syntax import Expr

_FOR = re.compile(r"for\s+([A-Za-z_][\w-]*)(?:\s*,\s*([A-Za-z_][\w-]*))?\s+in\s+(.*)", re.DOTALL)


def _closing(text: str, start: int) -> int:
    """Index of the ``}`` closing the sequence whose body starts at ``start``."""
    depth = 0
    index = start
    quote = False
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == '"':
                quote = False
        elif char == '"':
            quote = True
        elif char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                return index
            depth -= 1
        index += 1
    raise ValueError("unclosed template sequence")


def parse_expression(text: str) -> Expr:
    from iacgate.parsers.terraform import hcltree
    from iacgate.parsers.terraform.load import lark_parse

    tree = lark_parse(f"x = {text.strip()}\n")
    attributes, _ = hcltree.body(tree.children[0])
    return attributes["x"].expr


def parse_template(text: str, line: int = 0) -> Expr:
    from iacgate.parsers.terraform.hcltree import assemble

    flat: list[Any] = []
    index = 0
    literal = ""
    while index < len(text):
        if text.startswith(("$${", "%%{"), index):
            literal += text[index + 1 : index + 3]
            index += 3
            continue
        if text.startswith(("${", "%{"), index):
            end = _closing(text, index + 2)
            inner = text[index + 2 : end].strip().strip("~").strip()
            if literal:
                flat.append(literal)
                literal = ""
            flat.append(parse_expression(inner) if text[index] == "$" else _directive(inner))
            index = end + 1
            continue
        literal += text[index]
        index += 1
    if literal:
        flat.append(literal)
    return assemble(flat)


def _directive(inner: str) -> tuple[Any, ...]:
    word = inner.split(None, 1)[0] if inner else ""
    if word == "if":
        return ("%if", parse_expression(inner[2:]))
    if word in ("else", "endif", "endfor"):
        return ("%" + word,)
    matched = _FOR.fullmatch(inner)
    if matched:
        first, second, collection = matched.groups()
        key, value = (first, second) if second else (None, first)
        return ("%for", key, value, parse_expression(collection))
    raise ValueError(f"unknown template directive %{{{inner}}}")
