"""String functions: format, formatlist, join, split, replace, substr, regex and regexall."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import regex  # type: ignore[import-untyped]  # python-hcl2 needs it: re with a time limit

from iacgate.graph.model import Unknown
from iacgate.parsers.terraform.budget import MAX_WORK, BudgetExceeded
from iacgate.parsers.terraform.functions_extra import FunctionContext
from iacgate.parsers.terraform.values import (
    EvalError,
    UnknownHit,
    json_text,
    known,
    shortest_g,
    to_bool,
    to_number,
    to_string,
)


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    raise EvalError(f"expected a list, got {type(value).__name__}")


_VERB = re.compile(r"%([-+# 0]*)(?:\[([1-9][0-9]*)\])?([1-9][0-9]*)?(\.[0-9]*)?([a-zA-Z])")


def _format(context: FunctionContext, args: list[Any]) -> Any:
    """cty's format(): Go's verbs over Terraform's types, ``%[n]`` picking an argument (1-based), ``%v``
    a string as it is, a number as Go's shortest ``%g``, anything else (bool, null, list, map) as JSON."""
    spec, values = to_string(args[0]), list(args[1:])
    out: list[str] = []
    position = 0
    at = 0
    while at < len(spec):
        percent = spec.find("%", at)
        if percent < 0:
            out.append(spec[at:])
            break
        out.append(spec[at:percent])
        if spec.startswith("%%", percent):
            out.append("%")
            at = percent + 2
            continue
        match = _VERB.match(spec, percent)
        if match is None:
            raise EvalError(f"invalid format string starting at offset {percent}")
        flags, index, width, precision, verb = match.groups()
        # "%999999999d" would build a gigabyte of padding: paid for, like any text built, before it is.
        context.budget.charge(max(int(width or 0), int(precision[1:] or 0) if precision else 0))
        if index is not None:
            position = int(index) - 1
        if position >= len(values):
            raise EvalError(f"not enough arguments for {match.group(0)!r} at {percent}")
        out.append(_verb(verb, flags, width, precision, known(values[position])))
        position += 1
        at = match.end()
    return "".join(out)


def _verb(verb: str, flags: str, width_text: str | None, precision_text: str | None, value: Any) -> str:
    width = int(width_text) if width_text else -1
    precision = int(precision_text[1:] or "0") if precision_text else -1
    if value is None and verb != "v":
        raise EvalError(f"null value cannot be formatted with %{verb}")
    if verb == "v":
        if "#" in flags or not isinstance(value, str | int | float) or isinstance(value, bool):
            return _pad(json_text(value), flags, width)
        return _pad(value if isinstance(value, str) else shortest_g(to_number(value)), flags, width)
    if verb == "t":
        return "true" if to_bool(value) else "false"
    if verb in "sq":
        text = to_string(value)
        if precision > 0:
            text = text[:precision]
        return _pad(text if verb == "s" else json_text(text), flags, width)
    if verb in "bdoxX":
        whole = to_number(value)
        if whole != int(whole):
            raise EvalError(f"an integer is required for %{verb}")
        return _go_integer(int(whole), verb, flags, width, precision)
    if verb in "eEfgG":
        real = to_number(value)
        if verb in "gG" and precision < 0:
            padding = flags.replace("0", "") if "-" in flags else flags
            return _pad(shortest_g(real, verb == "G"), padding, width)
        spec = "%" + flags + (str(width) if width >= 0 else "") + (f".{precision}" if precision >= 0 else "")
        return (spec + verb) % real
    raise EvalError(f"unsupported format verb %{verb}")


def _pad(text: str, flags: str, width: int) -> str:
    """cty's formatPadWidth: spaces (zeros with ``0``) to ``width`` characters, on the left unless ``-``."""
    if len(text) >= width:
        return text
    pads = ("0" if "0" in flags else " ") * (width - len(text))
    return text + pads if "-" in flags else pads + text


def _go_integer(value: int, verb: str, flags: str, width: int, precision: int) -> str:
    """Go's fmt of a big.Int: [left pad][sign][prefix][zeros][digits][right pad]."""
    digits = format(abs(value), {"b": "b", "d": "d", "o": "o", "x": "x", "X": "X"}[verb])
    if precision == 0 and value == 0:
        digits = ""
    sign = "-" if value < 0 else "+" if "+" in flags else " " if " " in flags else ""
    prefix = {"b": "0b", "o": "0", "x": "0x", "X": "0X"}.get(verb, "") if "#" in flags else ""
    zeros = max(precision - len(digits), 0)
    length = len(sign) + len(prefix) + zeros + len(digits)
    left = right = 0
    if width > length:
        if "-" in flags:
            right = width - length
        elif "0" in flags and precision < 0:
            zeros = width - length
        else:
            left = width - length
    return " " * left + sign + prefix + "0" * zeros + digits + " " * right


def _formatlist(context: FunctionContext, args: list[Any]) -> Any:
    lengths = {len(arg) for arg in args[1:] if isinstance(arg, list)}
    if len(lengths) > 1:
        raise EvalError("formatlist() lists must have the same length")
    count = lengths.pop() if lengths else 1
    return [
        _format(context, [args[0], *(arg[i] if isinstance(arg, list) else arg for arg in args[1:])])
        for i in range(count)
    ]


def _join(_: FunctionContext, args: list[Any]) -> Any:
    separator = to_string(args[0])
    return separator.join(to_string(item) for arg in args[1:] for item in _list(known(arg)))


def _split(_: FunctionContext, args: list[Any]) -> Any:
    separator, text = to_string(args[0]), to_string(args[1])
    return text.split(separator) if text else [""]


def _pattern(name: str, pattern: str) -> Any:
    try:
        return regex.compile(pattern)
    except regex.error as error:
        # Go's RE2 and Python read some patterns differently: not Terraform's error, not a value.
        raise UnknownHit(Unknown(f"{name}(): pattern not evaluated statically ({error})")) from None


def _timed(context: FunctionContext, name: str, run: Callable[[float], Any]) -> Any:
    """``run(timeout)`` with what is left of the evaluation budget as its time, at a microsecond a step:
    RE2 (Terraform's) matches in linear time, Python's backtracking may take for ever on the same
    pattern (``^(a|aa)+$``), so matching is paid for like any other evaluation, and past the budget
    the root module stops (``BudgetExceeded``) rather than the gate."""
    budget = context.budget
    started = time.perf_counter()
    try:
        return run(max(MAX_WORK - budget.work, 1) / 1_000_000)
    except TimeoutError:
        raise BudgetExceeded(f"{name}(): matching takes longer than iacgate's evaluation ceiling") from None
    finally:
        budget.work += int((time.perf_counter() - started) * 1_000_000)


def _replace(context: FunctionContext, args: list[Any]) -> Any:
    text, search, replacement = (to_string(arg) for arg in args[:3])
    if len(search) > 1 and search.startswith("/") and search.endswith("/"):
        compiled = _pattern("replace", search[1:-1])
        return _timed(
            context,
            "replace",
            lambda timeout: compiled.sub(lambda match: _expand(replacement, match), text, timeout=timeout),
        )
    return text.replace(search, replacement)


# Go's Regexp.Expand: "$$", "${name}" or "$name" with the longest name of letters, digits and "_".
_GO_TEMPLATE = re.compile(r"\$(?:(\$)|\{(\w+)\}|(\w+))")


def _expand(template: str, match: Any) -> str:
    """The replacement for one match as Go's ReplaceAllString writes it (what Terraform's replace()
    uses): a group by number or name, empty when the group does not exist or took no part; a "$" that
    starts no reference and every backslash are text."""

    def reference(found: re.Match[str]) -> str:
        if found.group(1):
            return "$"
        name = found.group(2) or found.group(3)
        group: int | str = int(name) if name.isascii() and name.isdigit() else name
        if isinstance(group, int) and group > len(match.groups()):
            return ""
        if isinstance(group, str) and group not in match.re.groupindex:
            return ""
        return str(match.group(group) or "")

    return _GO_TEMPLATE.sub(reference, template)


def _substr(_: FunctionContext, args: list[Any]) -> Any:
    text, offset, length = to_string(args[0]), int(to_number(args[1])), int(to_number(args[2]))
    if offset < 0:
        offset = max(len(text) + offset, 0)
    return text[offset:] if length == -1 else text[offset : offset + length]


def _regex(context: FunctionContext, args: list[Any], every: bool = False) -> Any:
    pattern, text = to_string(args[0]), to_string(args[1])
    name = "regexall" if every else "regex"
    compiled = _pattern(name, pattern)
    if compiled.groupindex and len(compiled.groupindex) != compiled.groups:
        # cty returns a map for named groups, a list for unnamed ones, and refuses both at once.
        raise EvalError("invalid regexp pattern: cannot mix both named and unnamed capture groups")

    def result(match: Any) -> Any:
        if compiled.groupindex:
            return {name: match.group(name) for name in compiled.groupindex}
        if compiled.groups:
            return list(match.groups())
        return match.group(0)

    if every:
        return _timed(
            context, name, lambda timeout: [result(m) for m in compiled.finditer(text, timeout=timeout)]
        )
    found = _timed(context, name, lambda timeout: compiled.search(text, timeout=timeout))
    if found is None:
        raise EvalError("pattern did not match")
    return result(found)


TEXT_FUNCTIONS = {
    "format": _format,
    "formatlist": _formatlist,
    "join": _join,
    "split": _split,
    "replace": _replace,
    "substr": _substr,
    "regex": _regex,
    "regexall": lambda context, args: _regex(context, args, every=True),
}
