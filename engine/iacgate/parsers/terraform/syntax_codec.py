"""A parsed HCL file as plain JSON data for the parse cache, and back, checked node by node.

What the parser keeps (``syntax.py``) is tuples of strings, numbers, booleans and None, so the JSON form
is that structure with arrays for tuples, and two savings: a literal ``("L", value)`` in an expression
position is written as the bare value (no expression is a bare scalar otherwise; in a template, where a
bare string is literal text, it keeps its array form), and a block is ``[type, labels, attributes,
blocks, start, end]`` with attributes ``[name, expression, line]``. ``decode`` rebuilds exactly the
tuples ``hcltree`` built and checks every field on the way (tags, arities, the type of each field the
evaluator reads): anything that does not fit raises ``Invalid``, and the file is parsed again. A syntax
error is ``{"error": [line, column, message]}``.

Decoding is the warm path of a pre-commit run, so it is written for speed: type checks by identity,
named tuples built without their Python-level constructors.
"""

from __future__ import annotations

from typing import Any, cast

from iacgate.parsers.terraform.syntax import Attribute, Block, Expr

Parsed = tuple[Block, ...] | tuple[int, int, str]

_SCALARS = frozenset({str, int, float, bool, type(None)})
_new = tuple.__new__  # Block/Attribute without NamedTuple.__new__ (a Python function): a third of decoding


class Invalid(ValueError):
    """The data is not a parse result this parser could have produced."""


def encode(value: Parsed) -> dict[str, Any]:
    """The JSON-ready form of a parse result."""
    if value and type(value[0]) is int:
        return {"error": list(value)}
    return {"blocks": [_encode_block(block) for block in cast(tuple[Block, ...], value)]}


def _encode_block(block: Block) -> list[Any]:
    attributes = [[a.name, _encode_expr(a.expr), a.line] for a in block.attributes.values()]
    nested = [_encode_block(inner) for inner in block.blocks]
    return [block.type, list(block.labels), attributes, nested, block.start, block.end]


def _encode_expr(expr: Expr) -> Any:
    tag = expr[0]
    if tag == "L":
        return expr[1]
    if tag in ("V", "A", "B", "U", "T1", "I", "?"):
        return [part if type(part) is str else _encode_expr(part) for part in expr]
    if tag == "T":
        return ["T", [_encode_part(part) for part in expr[1]]]
    if tag == "TU":
        return ["TU", [_encode_expr(item) for item in expr[1]]]
    if tag == "O":
        return ["O", [[_encode_expr(key), _encode_expr(value)] for key, value in expr[1]]]
    if tag == "C":
        return ["C", expr[1], [_encode_expr(arg) for arg in expr[2]], expr[3]]
    if tag == "S":
        ops = [["A", op[1]] if op[0] == "A" else ["I", _encode_expr(op[1])] for op in expr[2]]
        return ["S", _encode_expr(expr[1]), ops]
    if tag == "FT":
        _, key, value, collection, item, condition = expr
        return ["FT", key, value, _encode_expr(collection), _encode_expr(item), _encode_optional(condition)]
    if tag == "FO":
        _, key, value, collection, out_key, out_value, group, condition = expr
        return [
            "FO",
            key,
            value,
            _encode_expr(collection),
            _encode_expr(out_key),
            _encode_expr(out_value),
            group,
            _encode_optional(condition),
        ]
    raise Invalid(f"unknown expression {str(tag)[:10]!r}")


def _encode_optional(expr: Expr | None) -> Any:
    return None if expr is None else _encode_expr(expr)


def _encode_part(part: Any) -> Any:
    if type(part) is str:
        return part
    tag = part[0]
    if tag == "if":
        _, condition, then, other = part
        return [
            "if",
            _encode_expr(condition),
            [_encode_part(item) for item in then],
            [_encode_part(item) for item in other],
        ]
    if tag == "for":
        _, key, value, collection, body = part
        return ["for", key, value, _encode_expr(collection), [_encode_part(item) for item in body]]
    if tag == "L":
        return ["L", part[1]]  # a bare string here is template text
    return _encode_expr(part)


def decode(data: Any) -> Parsed:
    """The parse result ``encode`` wrote; ``Invalid`` (or RecursionError) for anything else."""
    if type(data) is not dict or len(data) != 1:
        raise Invalid("not a parse result")
    blocks = data.get("blocks")
    if type(blocks) is list:
        return tuple([_block(block) for block in blocks])
    error = data.get("error")
    if type(error) is list and len(error) == 3:
        line, column, message = error
        if type(line) is int and type(column) is int and type(message) is str:
            return (line, column, message)
    raise Invalid("not a parse result")


def _block(node: Any) -> Block:
    try:
        kind, labels, attributes, blocks, start, end = node
    except (TypeError, ValueError):
        raise Invalid("block") from None
    if not (
        type(kind) is str
        and type(labels) is list
        and type(attributes) is list
        and type(blocks) is list
        and type(start) is int
        and type(end) is int
    ):
        raise Invalid("block")
    for label in labels:
        if type(label) is not str:
            raise Invalid("block label")
    built: dict[str, Attribute] = {}
    for attribute in attributes:
        try:
            name, expression, line = attribute
        except (TypeError, ValueError):
            raise Invalid("attribute") from None
        if type(name) is not str or type(line) is not int:
            raise Invalid("attribute")
        built[name] = _new(Attribute, (name, _expr(expression), line))
    nested = tuple([_block(inner) for inner in blocks])
    return _new(Block, (kind, tuple(labels), built, nested, start, end))


def _expr(node: Any) -> Expr:
    """One expression (``syntax.py`` lists the tags), the most frequent first."""
    if type(node) is not list:
        if type(node) in _SCALARS:
            return ("L", node)
        raise Invalid("expression")
    if not node:
        raise Invalid("expression")
    tag = node[0]
    size = len(node)
    if tag == "A":
        if size == 3 and type(node[2]) is str:
            return ("A", _expr(node[1]), node[2])
    elif tag == "V":
        if size == 2 and type(node[1]) is str:
            return ("V", node[1])
    elif tag == "TU":
        if size == 2:
            return ("TU", _exprs(node[1]))
    elif tag == "T":
        if size == 2 and type(node[1]) is list:
            return ("T", tuple([_part(part) for part in node[1]]))
    elif tag == "O":
        if size == 2 and type(node[1]) is list:
            return ("O", tuple([_pair(pair) for pair in node[1]]))
    elif tag == "T1":
        if size == 2:
            return ("T1", _expr(node[1]))
    elif tag == "I":
        if size == 3:
            return ("I", _expr(node[1]), _expr(node[2]))
    elif tag == "C":
        if size == 4 and type(node[1]) is str and type(node[3]) is bool:
            return ("C", node[1], _exprs(node[2]), node[3])
    elif tag == "L":
        if size == 2 and type(node[1]) in _SCALARS:
            return ("L", node[1])
    elif tag == "B":
        if size == 4 and type(node[1]) is str:
            return ("B", node[1], _expr(node[2]), _expr(node[3]))
    elif tag == "U":
        if size == 3 and type(node[1]) is str:
            return ("U", node[1], _expr(node[2]))
    elif tag == "?":
        if size == 4:
            return ("?", _expr(node[1]), _expr(node[2]), _expr(node[3]))
    elif tag == "S":
        if size == 3 and type(node[2]) is list:
            return ("S", _expr(node[1]), tuple([_splat_op(op) for op in node[2]]))
    elif tag == "FT":
        if size == 6 and _optional_name(node[1]) and type(node[2]) is str:
            return ("FT", node[1], node[2], _expr(node[3]), _expr(node[4]), _optional(node[5]))
    elif (
        tag == "FO"
        and size == 8
        and _optional_name(node[1])
        and type(node[2]) is str
        and type(node[6]) is bool
    ):
        key, value = _expr(node[4]), _expr(node[5])
        return ("FO", node[1], node[2], _expr(node[3]), key, value, node[6], _optional(node[7]))
    raise Invalid(f"expression {str(tag)[:10]!r}")


def _exprs(node: Any) -> tuple[Expr, ...]:
    if type(node) is not list:
        raise Invalid("expression list")
    return tuple([_expr(item) for item in node])


def _optional(node: Any) -> Expr | None:
    return None if node is None else _expr(node)


def _optional_name(node: Any) -> bool:
    return node is None or type(node) is str


def _pair(node: Any) -> tuple[Expr, Expr]:
    if type(node) is not list or len(node) != 2:
        raise Invalid("object item")
    return (_expr(node[0]), _expr(node[1]))


def _splat_op(node: Any) -> Expr:
    if type(node) is list and len(node) == 2:
        if node[0] == "A" and type(node[1]) is str:
            return ("A", node[1])
        if node[0] == "I":
            return ("I", _expr(node[1]))
    raise Invalid("splat operation")


def _part(node: Any) -> Any:
    """A template part: literal text, an interpolated expression, or an ``if``/``for`` directive."""
    if type(node) is str:
        return node
    if type(node) is list and node:
        tag = node[0]
        if tag == "if" and len(node) == 4 and type(node[2]) is list and type(node[3]) is list:
            then = tuple([_part(part) for part in node[2]])
            return ("if", _expr(node[1]), then, tuple([_part(part) for part in node[3]]))
        if tag == "for" and len(node) == 5 and _optional_name(node[1]) and type(node[2]) is str:
            if type(node[4]) is list:
                return ("for", node[1], node[2], _expr(node[3]), tuple([_part(part) for part in node[4]]))
            raise Invalid("template for")
        return _expr(node)
    raise Invalid("template part")
