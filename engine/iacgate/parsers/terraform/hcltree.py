"""python-hcl2's raw lark tree (positions kept) into the compact syntax of ``syntax.py``.

The lark tree is walked directly rather than through python-hcl2's own transformer: it is faster,
keeps every line, and leaves expression evaluation to us instead of round-tripping through strings.
"""

from __future__ import annotations

import re
from typing import Any

from lark import Token, Tree

from iacgate.parsers.terraform.syntax import Attribute, Block, Expr
from iacgate.parsers.terraform.template import parse_template
from iacgate.textio import GO_SPACE

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_SKIP = frozenset({"new_line_or_comment"})


def unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _SIMPLE.get(code, "\\" + code)

    return _ESCAPE.sub(one, text) if "\\" in text else text


def _trees(node: Tree[Any]) -> list[Tree[Any]]:
    return [child for child in node.children if isinstance(child, Tree) and child.data not in _SKIP]


def _line(node: Any) -> int:
    """The line a node starts on, from its first token: trees carry no positions (see ``load.py``)."""
    while isinstance(node, Tree):
        node = node.children[0]
    return int(node.line)


def _end_line(node: Tree[Any]) -> int:
    """A block ends at its closing brace, which python-hcl2's grammar keeps as an RBRACE token."""
    last = node.children[-1]
    if isinstance(last, Token) and last.type == "RBRACE" and last.line is not None:
        return last.line
    raise ValueError("block without its closing brace")


class Refused(ValueError):
    """Text the grammar accepts but HCL or Terraform refuses, at a line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def body(node: Tree[Any]) -> tuple[dict[str, Attribute], tuple[Block, ...]]:
    attributes: dict[str, Attribute] = {}
    blocks: list[Block] = []
    for child in _trees(node):
        if child.data == "attribute":
            name = _name(child.children[0])
            expression = _trees(child)[-1]
            if name in attributes:
                # HCL's "Attribute redefined": the first must not be silently replaced by the second.
                raise Refused(
                    _line(child), f"argument {name!r} was already set at line {attributes[name].line}"
                )
            attributes[name] = Attribute(name, expr(expression), _line(child))
        elif child.data == "block":
            blocks.append(block(child))
    return attributes, tuple(blocks)


def block(node: Tree[Any]) -> Block:
    parts = _trees(node)
    labels = [_name(part) for part in parts[:-1]]
    attributes, blocks = body(parts[-1])
    return Block(labels[0], tuple(labels[1:]), attributes, blocks, _line(node), _end_line(node))


def _name(node: Any) -> str:
    if isinstance(node, Token):
        return str(node)
    if node.data == "string":
        text = "".join(str(part.children[0]) for part in _trees(node) if isinstance(part.children[0], Token))
        return unescape(text)
    return str(node.children[0])


def expr(node: Any) -> Expr:
    if isinstance(node, Token):
        raise ValueError(f"unexpected token {node!r}")
    data = node.data
    kids = _trees(node)
    if data == "expr_term":
        if not kids:
            raise ValueError("empty expression")
        return expr(kids[0])
    if data == "identifier":
        return ("V", str(node.children[0]))
    if data == "keyword":
        return ("V", str(node.children[0]))
    if data == "literal_value":
        return ("L", {"true": True, "false": False, "null": None}[str(node.children[0])])
    if data == "int_lit":
        return ("L", int(str(node.children[0])))
    if data == "float_lit":
        return ("L", float(str(node.children[0])))
    if data == "string":
        return _string(kids)
    if data == "template_string":
        return ("L", unescape(str(node.children[0])[2:-2]))
    if data in ("heredoc_template", "heredoc_template_trim"):
        return _heredoc(str(node.children[0]), data == "heredoc_template_trim", _line(node))
    if data == "tuple":
        return ("TU", tuple(expr(kid) for kid in kids))
    if data == "object":
        return ("O", tuple(_object_elem(kid) for kid in kids))
    if data == "function_call":
        names = [str(kid.children[0]) for kid in kids if kid.data == "identifier"]
        arguments = next((kid for kid in kids if kid.data == "arguments"), None)
        args: tuple[Expr, ...] = ()
        expand = False
        if arguments is not None:
            args = tuple(expr(kid) for kid in _trees(arguments))
            expand = any(isinstance(c, Token) and c.type == "ELLIPSIS" for c in arguments.children)
        return ("C", "::".join(names), args, expand)
    if data == "get_attr_expr_term":
        return ("A", expr(kids[0]), _get_attr(kids[1]))
    if data == "index_expr_term":
        return ("I", expr(kids[0]), _index(kids[1]))
    if data in ("attr_splat_expr_term", "full_splat_expr_term"):
        ops = tuple(_op(kid) for kid in _trees(kids[1]))
        return ("S", expr(kids[0]), ops)
    if data == "conditional":
        return ("?", expr(kids[0]), expr(kids[1]), expr(kids[2]))
    if data == "binary_op":
        left = expr(kids[0])
        term = kids[1]
        term_kids = _trees(term)
        operator = str(term_kids[0].children[0]).strip()
        if operator.startswith(("#", "//", "/*")) or "\n" in operator:
            operator = operator.split()[-1]
        return ("B", operator, left, expr(term_kids[1]))
    if data == "unary_op":
        return ("U", str(node.children[0]), expr(kids[0]))
    if data == "for_tuple_expr":
        key, value, collection = _for_intro(kids[0])
        condition = _for_cond(kids)
        return ("FT", key, value, collection, expr(kids[1]), condition)
    if data == "for_object_expr":
        key, value, collection = _for_intro(kids[0])
        group = any(isinstance(c, Token) and c.type == "ELLIPSIS" for c in node.children)
        return ("FO", key, value, collection, expr(kids[1]), expr(kids[2]), group, _for_cond(kids))
    raise ValueError(f"unsupported expression {data}")


def _object_elem(node: Tree[Any]) -> tuple[Expr, Expr]:
    key_node, value_node = _trees(node)
    key_kids = _trees(key_node)
    key = expr(key_kids[0])
    if key[0] == "V":
        key = ("L", key[1])
    return key, expr(value_node)


def _get_attr(node: Tree[Any]) -> str:
    name = _trees(node)[0]
    return str(name.children[0])


def _index(node: Tree[Any]) -> Expr:
    if node.data == "short_index":
        return ("L", int(str(node.children[-1])))
    return expr(_trees(node)[0])


def _op(node: Tree[Any]) -> Expr:
    if node.data == "get_attr":
        return ("A", _get_attr(node))
    return ("I", _index(node))


def _for_intro(node: Tree[Any]) -> tuple[str | None, str, Expr]:
    kids = _trees(node)
    names = [str(kid.children[0]) for kid in kids if kid.data == "identifier"]
    collection = expr(kids[-1])
    if len(names) == 2:
        return names[0], names[1], collection
    return None, names[0], collection


def _for_cond(kids: list[Tree[Any]]) -> Expr | None:
    for kid in kids:
        if kid.data == "for_cond":
            return expr(_trees(kid)[0])
    return None


def _string(parts: list[Tree[Any]]) -> Expr:
    flat: list[Any] = []
    for part in parts:
        inner = part.children[0]
        if isinstance(inner, Token):
            text = str(inner)
            if inner.type == "ESCAPED_INTERPOLATION" or inner.type == "ESCAPED_DIRECTIVE":
                flat.append(text[1:])
            else:
                flat.append(unescape(text))
            continue
        kind = inner.data
        inner_kids = _trees(inner)
        markers = [
            i for i, kid in enumerate(inner.children) if isinstance(kid, Token) and kid.type == "STRIP_MARKER"
        ]
        if 1 in markers:
            flat.append(STRIP_BEFORE)
        if kind == "interpolation":
            flat.append(expr(inner_kids[0]))
        elif kind == "template_if_start":
            flat.append(("%if", expr(inner_kids[-1])))
        elif kind == "template_for_start":
            names = [str(kid.children[0]) for kid in inner_kids if kid.data == "identifier"]
            key, value = (names[0], names[1]) if len(names) == 2 else (None, names[0])
            flat.append(("%for", key, value, expr(inner_kids[-1])))
        else:
            flat.append(("%" + kind.removeprefix("template_"),))
        if len(inner.children) - 2 in markers:
            flat.append(STRIP_AFTER)
    return assemble(flat)


def assemble(flat: list[Any]) -> Expr:
    """Flat template pieces (``%if``/``%else``/``%endif``/``%for``/``%endfor`` markers) into a tree."""
    stack: list[tuple[Any, list[Any], list[Any] | None]] = [(None, [], None)]
    for piece in _joined(flat):
        if isinstance(piece, tuple) and piece and isinstance(piece[0], str) and piece[0].startswith("%"):
            marker = piece[0]
            if marker in ("%if", "%for"):
                stack.append((piece, [], None))
            elif marker == "%else":
                head, then, _ = stack[-1]
                stack[-1] = (head, then, [])
            else:
                head, then, other = stack.pop()
                if head is None:
                    raise ValueError(f"template {marker[1:]} without its opening directive")
                if head[0] == "%if":
                    node: Any = ("if", head[1], tuple(then), tuple(other or ()))
                else:
                    node = ("for", head[1], head[2], head[3], tuple(then))
                _append(stack, node)
            continue
        _append(stack, piece)
    if len(stack) != 1:
        raise ValueError("template directive not closed")
    parts = stack[0][1]
    if len(parts) == 1 and isinstance(parts[0], str):
        return ("L", parts[0])
    if not parts:
        return ("L", "")
    if len(parts) == 1 and isinstance(parts[0], tuple) and parts[0][0] not in ("if", "for"):
        # "${x}" alone keeps x's type, as in Terraform.
        return ("T1", parts[0])
    return ("T", tuple(parts))


# Strip markers: ``%{~`` trims the blanks ending the text before, ``~}`` those starting the text after.
STRIP_BEFORE = ("~<",)
STRIP_AFTER = ("~>",)


def _joined(flat: list[Any]) -> list[Any]:
    """Adjacent text pieces as one string, joined once: appending them one by one to a growing string
    is quadratic (a quoted string of 80,000 ``$${`` escapes took seconds). Strip markers trim the text
    beside them of Go's blanks (unicode.IsSpace), as HCL's template parser does."""
    out: list[Any] = []
    text: list[str] = []
    trim_next = False

    def flush(trim_end: bool = False) -> None:
        nonlocal trim_next
        joined = "".join(text)
        text.clear()
        if trim_next:
            joined = joined.lstrip(GO_SPACE)
        if trim_end:
            joined = joined.rstrip(GO_SPACE)
        if joined:
            out.append(joined)
        trim_next = False

    for piece in flat:
        if isinstance(piece, str):
            text.append(piece)
        elif piece == STRIP_BEFORE:
            flush(trim_end=True)
        elif piece == STRIP_AFTER:
            trim_next = True
        else:
            flush()
            out.append(piece)
    flush()
    return out


def _append(stack: list[tuple[Any, list[Any], list[Any] | None]], piece: Any) -> None:
    _, then, other = stack[-1]
    target = other if other is not None else then
    if isinstance(piece, str) and target and isinstance(target[-1], str):
        target[-1] += piece
    else:
        target.append(piece)


_INDENT = re.compile(r"^[ \t]*+(?=[^\n]*[^\s])", re.MULTILINE)


def _heredoc(token: str, trim: bool, line: int) -> Expr:
    """The body between the opening line and the closing marker's line, by slicing rather than one
    string per line (a 30 MB heredoc is half a million lines); ``<<-`` removes the smallest indentation
    of the lines that are not blank from every line."""
    start = token.index("\n") + 1
    end = token.rfind("\n", 0, len(token) - 1) + 1  # just after the last body line
    text = token[start:end] if end > start else ""
    if trim and text:
        indents = [len(found.group()) for found in _INDENT.finditer(text)]
        cut = min(indents) if indents else 0
        if cut:
            text = re.sub(rf"(?m)^.{{0,{cut}}}", "", text)
    return parse_template(text.replace("\r\n", "\n"), line)
