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
from iacgate.parsers.terraform.values import EvalError, UnknownHit, known, to_bool, to_number, to_string


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    raise EvalError(f"expected a list, got {type(value).__name__}")


def _format(_: FunctionContext, args: list[Any]) -> Any:
    spec, values = to_string(args[0]), list(args[1:])
    position = 0

    def one(match: re.Match[str]) -> str:
        nonlocal position
        flags, verb = match.group(1), match.group(2)
        if verb == "%":
            return "%"
        if position >= len(values):
            raise EvalError("not enough arguments for format string")
        value = known(values[position])
        position += 1
        if verb in "dfeg" or (verb == "v" and isinstance(value, int | float) and not isinstance(value, bool)):
            if verb == "v":
                return to_string(value)
            return ("%" + flags + verb) % to_number(value)
        if verb == "q":
            return '"' + to_string(value).replace('"', '\\"') + '"'
        if verb == "t":
            return "true" if to_bool(value) else "false"
        text = to_string(value)
        return ("%" + flags + "s") % text

    return re.sub(r"%([-+# 0]*\d*(?:\.\d+)?)([a-zA-Z%])", one, spec)


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
        python_replacement = re.sub(r"\$\{?(\d+)\}?", r"\\g<\1>", replacement)
        compiled = _pattern("replace", search[1:-1])
        return _timed(
            context, "replace", lambda timeout: compiled.sub(python_replacement, text, timeout=timeout)
        )
    return text.replace(search, replacement)


def _substr(_: FunctionContext, args: list[Any]) -> Any:
    text, offset, length = to_string(args[0]), int(to_number(args[1])), int(to_number(args[2]))
    if offset < 0:
        offset = max(len(text) + offset, 0)
    return text[offset:] if length == -1 else text[offset : offset + length]


def _regex(context: FunctionContext, args: list[Any], every: bool = False) -> Any:
    pattern, text = to_string(args[0]), to_string(args[1])
    name = "regexall" if every else "regex"
    compiled = _pattern(name, pattern)

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
