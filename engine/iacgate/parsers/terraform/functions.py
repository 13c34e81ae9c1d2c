"""Terraform's built-in functions, as far as they can run statically.

Each takes the call's arguments already evaluated (top-level unknowns have been returned before the
call; a function that looks inside a value uses ``known`` and so turns a nested unknown into an unknown
result). Functions whose result is only known at apply time (``uuid``, ``timestamp``...) return
``Unknown``. ``try``, ``can``, ``coalesce`` and ``templatefile`` need their unevaluated arguments and live
in ``SPECIAL``.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections.abc import Callable
from typing import Any

from iacgate.graph.model import Unknown
from iacgate.parsers.terraform.functions_extra import EXTRA, SPECIAL, Function, FunctionContext, apply_only
from iacgate.parsers.terraform.functions_text import TEXT_FUNCTIONS
from iacgate.parsers.terraform.values import (
    Computed,
    EvalError,
    UnknownHit,
    as_set,
    equal,
    known,
    number,
    to_bool,
    to_number,
    to_string,
)
from iacgate.textio import GO_SPACE

__all__ = ["FUNCTIONS", "NOT_EVALUATED", "SPECIAL", "FunctionContext"]

# Terraform's built-in functions (internal/lang/functions.go, to 1.10), without ``list`` and ``map``, which
# only tell that they were removed, and ``type``, which exists only in ``terraform console``.
TERRAFORM_FUNCTIONS = frozenset(
    {
        "abs", "abspath", "alltrue", "anytrue", "base64decode", "base64encode", "base64gzip", "base64sha256",
        "base64sha512", "basename", "bcrypt", "can", "ceil", "chomp", "chunklist", "cidrhost", "cidrnetmask",
        "cidrsubnet", "cidrsubnets", "coalesce", "coalescelist", "compact", "concat", "contains", "csvdecode",
        "dirname", "distinct", "element", "endswith", "ephemeralasnull", "file", "filebase64",
        "filebase64sha256", "filebase64sha512", "fileexists", "filemd5", "fileset", "filesha1", "filesha256",
        "filesha512", "flatten", "floor", "format", "formatdate", "formatlist", "indent", "index",
        "issensitive", "join", "jsondecode", "jsonencode", "keys", "length", "log", "lookup", "lower",
        "matchkeys", "max", "md5", "merge", "min", "nonsensitive", "one", "parseint", "pathexpand",
        "plantimestamp", "pow", "range", "regex", "regexall", "replace", "reverse", "rsadecrypt", "sensitive",
        "setintersection", "setproduct", "setsubtract", "setunion", "sha1", "sha256", "sha512", "signum",
        "slice", "sort", "split", "startswith", "strcontains", "strrev", "substr", "sum", "templatefile",
        "templatestring", "textdecodebase64", "textencodebase64", "timeadd", "timecmp", "timestamp", "title",
        "tobool", "tolist", "tomap", "tonumber", "toset", "tostring", "transpose", "trim", "trimprefix",
        "trimspace", "trimsuffix", "try", "upper", "urlencode", "uuid", "uuidv5", "values", "yamldecode",
        "yamlencode", "zipmap",
    }
)  # fmt: skip


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    raise EvalError(f"expected a list, got {type(value).__name__}")


def _map(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise EvalError(f"expected a map, got {type(value).__name__}")


def _merge(_: FunctionContext, args: list[Any]) -> Any:
    out: dict[str, Any] = {}
    computed: Computed | None = None
    for arg in args:
        if arg is not None:
            out.update(_map(arg))
            computed = arg if isinstance(arg, Computed) else computed
    # Merged with a resource, the result still has the resource's attributes the files do not write.
    return Computed(computed.origin, out, computed.later) if computed is not None else out


def _lookup(_: FunctionContext, args: list[Any]) -> Any:
    mapping, key = _map(args[0]), to_string(args[1])
    if key in mapping:
        return mapping[key]
    if isinstance(mapping, Computed):
        # A resource's attribute the configuration does not write: the provider's, not absent.
        raise UnknownHit(mapping.missing(key))
    if len(args) > 2:
        return args[2]
    raise EvalError(f"no key {key!r} in map and no default")


def _concat(_: FunctionContext, args: list[Any]) -> Any:
    return [item for arg in args for item in _list(arg)]


def _compact(_: FunctionContext, args: list[Any]) -> Any:
    return [item for item in _list(args[0]) if item not in (None, "")]


def _length(_: FunctionContext, args: list[Any]) -> Any:
    value = args[0]
    if isinstance(value, str | list | dict):
        return len(value)
    raise EvalError(f"cannot take the length of a {type(value).__name__}")


def _contains(_: FunctionContext, args: list[Any]) -> Any:
    items = _list(args[0])
    target = known(args[1])
    if any(isinstance(item, Unknown) for item in items):
        if any(equal(item, target) for item in items if not isinstance(item, Unknown)):
            return True
        raise UnknownHit(next(item for item in items if isinstance(item, Unknown)))
    return any(equal(item, target) for item in items)


def _whole(value: Any) -> int:
    """A number Terraform takes as a Go int (an index, a size): a fraction is an error, not truncated."""
    found = to_number(value)
    if found != int(found):
        raise EvalError(f"{found} is not a whole number")
    return int(found)


def _element(_: FunctionContext, args: list[Any]) -> Any:
    items, position = _list(args[0]), _whole(args[1])
    if not items:
        raise EvalError("cannot use element() with an empty list")
    # Terraform 1.10 (go-cty 1.15): a negative index counts from the end, wrapping as a positive one does.
    return items[position % len(items)]


def _coalescelist(_: FunctionContext, args: list[Any]) -> Any:
    if not args:
        raise EvalError("at least one argument is required")
    for arg in args:
        if arg is not None and _list(arg):
            return arg
    raise EvalError("no non-null arguments")


def _chunklist(_: FunctionContext, args: list[Any]) -> Any:
    items, size = _list(args[0]), _whole(args[1])
    if size < 0:
        raise EvalError("the size argument must be positive")
    if not items:
        return []
    if size == 0:
        return [items]
    return [items[start : start + size] for start in range(0, len(items), size)]


def _index(_: FunctionContext, args: list[Any]) -> Any:
    for position, item in enumerate(_list(known(args[0]))):
        if equal(item, args[1]):
            return position
    raise EvalError("item not found")


def _flatten(_: FunctionContext, args: list[Any]) -> Any:
    out: list[Any] = []

    def walk(value: Any) -> None:
        if isinstance(value, Unknown):
            raise UnknownHit(value)
        if isinstance(value, list):
            for item in value:
                walk(item)
        else:
            out.append(value)

    walk(_list(args[0]))
    return out


def _distinct(_: FunctionContext, args: list[Any]) -> Any:
    unique: list[Any] = []
    for item in _list(known(args[0])):
        if not any(equal(item, seen) for seen in unique):
            unique.append(item)
    return unique


def _zipmap(_: FunctionContext, args: list[Any]) -> Any:
    keys, values = _list(known(args[0])), _list(args[1])
    if len(keys) != len(values):
        raise EvalError("zipmap() needs lists of the same length")
    return {to_string(key): value for key, value in zip(keys, values, strict=True)}


def _tomap(_: FunctionContext, args: list[Any]) -> Any:
    return dict(_map(args[0]))


def _tolist(_: FunctionContext, args: list[Any]) -> Any:
    return list(_list(args[0]))


def _toset(_: FunctionContext, args: list[Any]) -> Any:
    return as_set(_list(known(args[0])))


def _keys(_: FunctionContext, args: list[Any]) -> Any:
    return sorted(_map(args[0]))


def _values(_: FunctionContext, args: list[Any]) -> Any:
    mapping = _map(args[0])
    return [mapping[key] for key in sorted(mapping)]


def _setproduct(context: FunctionContext, args: list[Any]) -> Any:
    """Every combination of one element of each argument, the first argument varying slowest."""
    if len(args) < 2:
        raise EvalError("at least two arguments are required")
    lists = [_list(known(arg)) for arg in args]
    context.budget.charge(math.prod(len(items) for items in lists))
    return [list(combination) for combination in itertools.product(*lists)]


def _indent(context: FunctionContext, args: list[Any]) -> Any:
    """Every line but the first prefixed by ``spaces`` spaces (cty's strings.Replace of each newline)."""
    spaces, text = max(int(to_number(args[0])), 0), to_string(args[1])
    context.budget.charge(spaces * (text.count("\n") + 1))
    return text.replace("\n", "\n" + " " * spaces)


def _log(_: FunctionContext, args: list[Any]) -> Any:
    """Go's math.Log(number) / math.Log(base)."""
    value, base = to_number(args[0]), to_number(args[1])
    if value <= 0 or base <= 0 or base == 1:
        # Go gives -Inf, +Inf or NaN: numbers Terraform holds and iacgate does not.
        raise UnknownHit(Unknown(f"log({value}, {base}) is not a finite number"))
    return number(math.log(value) / math.log(base))


def _one(_: FunctionContext, args: list[Any]) -> Any:
    items = _list(args[0])
    if len(items) > 1:
        raise EvalError("one() needs a list of at most one element")
    return items[0] if items else None


def _range(_: FunctionContext, args: list[Any]) -> Any:
    numbers = [to_number(arg) for arg in args]
    start, stop, step = (
        (0, numbers[0], 1) if len(numbers) == 1 else (*numbers[:2], numbers[2] if len(numbers) > 2 else 1)
    )
    if step == 0:
        raise EvalError("range() step must not be zero")
    out: list[Any] = []
    current = start
    while (current < stop) if step > 0 else (current > stop):
        out.append(number(current))
        current += step
        if len(out) > 1024:
            raise EvalError("range() too long")
    return out


def _sum(_: FunctionContext, args: list[Any]) -> Any:
    return number(math.fsum(to_number(item) for item in _list(args[0])))


def _is_separator(char: str) -> bool:
    """Go's strings.Title word boundary: not an ASCII letter, digit or "_", nor a letter or digit
    elsewhere; beyond ASCII, only spaces."""
    if char <= "\x7f":
        return not (char.isascii() and (char.isalnum() or char == "_"))
    if unicodedata.category(char)[0] == "L" or unicodedata.category(char) == "Nd":
        return False
    return char in GO_SPACE


def _title(text: str) -> str:
    """Go's strings.Title (what Terraform's title() is): the first letter of each word in title case,
    everything else as it is (Python's str.title lowers the rest)."""
    out: list[str] = []
    previous = " "
    for char in text:
        titled = char.title() if _is_separator(previous) else char
        out.append(titled if len(titled) == 1 else char)  # Go maps one rune to one rune
        previous = char
    return "".join(out)


def _digit(char: str, base: int) -> int:
    if char.isascii() and char.isdigit():
        return ord(char) - ord("0")
    if "a" <= char <= "z":
        return ord(char) - ord("a") + 10
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + (10 if base <= 36 else 36)
    return base


def _parseint(text: str, base_number: int | float) -> int:
    """Go's big.Int SetString with a base from 2 to 62: an optional sign, then digits only (no
    underscore, prefix or blank, all of which Python's int() accepts)."""
    if base_number != int(base_number) or not 2 <= base_number <= 62:
        raise EvalError("base must be a whole number between 2 and 62 inclusive")
    base = int(base_number)
    digits = text[1:] if text[:1] in ("+", "-") else text
    if not digits or any(_digit(char, base) >= base for char in digits):
        raise EvalError(f"cannot parse {text!r} as a base {base} integer")
    value = 0
    for char in digits:
        value = value * base + _digit(char, base)
    return -value if text.startswith("-") else value


def _strings(function: Callable[..., Any]) -> Function:
    return lambda _context, args: function(*(to_string(arg) for arg in args))


def _numbers(function: Callable[..., Any]) -> Function:
    return lambda _context, args: number(function(*(to_number(arg) for arg in args)))


FUNCTIONS: dict[str, Function] = {
    "merge": _merge,
    "lookup": _lookup,
    "concat": _concat,
    "compact": _compact,
    "lower": _strings(str.lower),
    "upper": _strings(str.upper),
    "title": _strings(_title),
    "trimspace": _strings(lambda text: text.strip(GO_SPACE)),
    "trim": _strings(lambda text, chars: text.strip(chars)),
    "trimprefix": _strings(lambda text, prefix: text.removeprefix(prefix)),
    "trimsuffix": _strings(lambda text, suffix: text.removesuffix(suffix)),
    "startswith": _strings(lambda text, prefix: text.startswith(prefix)),
    "endswith": _strings(lambda text, suffix: text.endswith(suffix)),
    "strrev": _strings(lambda text: text[::-1]),
    "strcontains": _strings(lambda text, part: part in text),
    "chomp": _strings(lambda text: text.rstrip("\r\n")),
    "length": _length,
    "keys": _keys,
    "values": _values,
    "contains": _contains,
    "element": _element,
    "flatten": _flatten,
    "distinct": _distinct,
    "zipmap": _zipmap,
    "tomap": _tomap,
    "tolist": _tolist,
    "toset": _toset,
    "tostring": lambda _c, args: None if args[0] is None else to_string(args[0]),
    "tonumber": lambda _c, args: None if args[0] is None else to_number(args[0]),
    "tobool": lambda _c, args: None if args[0] is None else to_bool(args[0]),
    "min": lambda _c, args: number(min(to_number(arg) for arg in args)),
    "max": lambda _c, args: number(max(to_number(arg) for arg in args)),
    "abs": _numbers(abs),
    "ceil": _numbers(math.ceil),
    "floor": _numbers(math.floor),
    "pow": _numbers(math.pow),
    "signum": _numbers(lambda value: (value > 0) - (value < 0)),
    "parseint": lambda _c, args: _parseint(to_string(args[0]), to_number(args[1])),
    "one": _one,
    "setproduct": _setproduct,
    "indent": _indent,
    "log": _log,
    "sum": _sum,
    "range": _range,
    "reverse": lambda _c, args: list(reversed(_list(args[0]))),
    "sort": lambda _c, args: sorted(to_string(item) for item in _list(known(args[0]))),
    "slice": lambda _c, args: _list(args[0])[int(to_number(args[1])) : int(to_number(args[2]))],
    "index": _index,
    "setunion": lambda _c, args: as_set([item for arg in args for item in _list(known(arg))]),
    "setintersection": lambda _c, args: as_set(
        [
            item
            for item in _list(known(args[0]))
            if all(any(equal(item, o) for o in _list(known(a))) for a in args[1:])
        ]
    ),
    "setsubtract": lambda _c, args: as_set(
        [item for item in _list(known(args[0])) if not any(equal(item, o) for o in _list(known(args[1])))]
    ),
    "coalescelist": _coalescelist,
    "chunklist": _chunklist,
    "matchkeys": lambda _c, args: [
        value
        for value, key in zip(_list(args[0]), _list(known(args[1])), strict=False)
        if any(equal(key, wanted) for wanted in _list(known(args[2])))
    ],
    "transpose": lambda _c, args: {
        item: sorted(key for key, items in _map(known(args[0])).items() if item in items)
        for items in _map(known(args[0])).values()
        for item in items
    },
    "alltrue": lambda _c, args: all(to_bool(item) for item in _list(args[0])),
    "anytrue": lambda _c, args: any(to_bool(item) for item in _list(args[0])),
    "uuid": apply_only("uuid() is generated at apply time"),
    "timestamp": apply_only("timestamp() is taken at apply time"),
    "plantimestamp": apply_only("plantimestamp() is taken at plan time"),
    "bcrypt": apply_only("bcrypt() output is random"),
    "uuidv5": apply_only("uuidv5() is not evaluated statically"),
    "timeadd": apply_only("timeadd() is not evaluated statically"),
    "formatdate": apply_only("formatdate() is not evaluated statically"),
    "rsadecrypt": apply_only("rsadecrypt() is not evaluated statically"),
}

FUNCTIONS.update(TEXT_FUNCTIONS)
FUNCTIONS.update(EXTRA)
# Real functions iacgate does not run: their value is unknown, never an error try() or can() would see.
NOT_EVALUATED = TERRAFORM_FUNCTIONS - FUNCTIONS.keys() - SPECIAL.keys()
