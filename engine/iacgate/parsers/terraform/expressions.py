"""Evaluating HCL expressions against a module instance's scope, Unknown propagating through everything.

An operation on an ``Unknown`` gives an ``Unknown`` with the same reason; only the short-circuits that
Terraform decides without the unknown value (a conditional whose condition is known, ``try``, ``can``,
``coalesce`` with an earlier known value, ``&&``/``||`` settled by one side) see past it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Protocol

from iacgate.graph.model import UNSET_BRANCH, Unknown, opaque
from iacgate.parsers.terraform.budget import MAX_WORK
from iacgate.parsers.terraform.functions import FUNCTIONS, NOT_EVALUATED, SPECIAL, FunctionContext
from iacgate.parsers.terraform.policy_document import replace_in_policy
from iacgate.parsers.terraform.syntax import Expr
from iacgate.parsers.terraform.values import (
    Computed,
    EvalError,
    LazyObject,
    UnknownHit,
    concrete,
    equal,
    number,
    to_bool,
    to_number,
    to_string,
)

_ARITHMETIC = {"+", "-", "*", "/", "%"}
_COMPARE = {"<", ">", "<=", ">="}


class Scope(Protocol):
    functions: FunctionContext

    def root(self, name: str, ops: list[Expr], evaluator: Evaluator) -> tuple[Any, int]:
        """The value a root name (``var``, ``local``, ``aws_s3_bucket``...) leads to, and how many of
        ``ops`` it consumed."""
        ...


class Evaluator:
    def __init__(self, scope: Scope, env: dict[str, Any] | None = None) -> None:
        self.scope = scope
        self.env = env or {}
        self.budget = scope.functions.budget

    def with_env(self, **names: Any) -> Evaluator:
        return Evaluator(self.scope, {**self.env, **names})

    def value(self, expr: Expr) -> Any:
        """The expression's value, an ``Unknown`` if it cannot be known; ``EvalError`` if it is invalid."""
        try:
            return self._eval(expr)
        except UnknownHit as hit:
            return hit.unknown
        except RecursionError:
            raise EvalError("expression nested too deeply") from None

    def _eval(self, expr: Expr) -> Any:
        budget = self.budget
        budget.work += 1
        if budget.work > MAX_WORK:
            budget.charge(0)  # raises BudgetExceeded, which no try() sees
        tag = expr[0]
        if tag == "L":
            return expr[1]
        if tag in ("V", "A", "I"):
            return self._traversal(expr)
        if tag == "T1":
            return self._eval(expr[1])
        if tag == "T":
            return self._template(expr[1])
        if tag == "TU":
            return [self._eval(item) for item in expr[1]]
        if tag == "O":
            out: dict[str, Any] = {}
            for key_expr, value_expr in expr[1]:
                key = self._eval(key_expr)
                if isinstance(key, Unknown):
                    return key
                out[to_string(key)] = self._eval(value_expr)
            return out
        if tag == "?":
            condition = self._eval(expr[1])
            if isinstance(condition, Unknown):
                # Either branch may be taken: the reason says so (policies read the "conditional " prefix,
                # lib.unknown_conditional), as a reference the condition makes (to a key it tests) says
                # nothing of the branch taken.
                # A branch that is the literal null may leave the argument unset (lib.unknown_maybe_unset).
                unset = UNSET_BRANCH if any(branch == ("L", None) for branch in (expr[2], expr[3])) else ""
                return Unknown(f"conditional whose condition is unknown ({condition.reason}){unset}")
            return self._eval(expr[2] if to_bool(condition) else expr[3])
        # An operation's unknown result is not its operand's text (Unknown.ends_with): opaque.
        if tag == "B":
            return opaque(self._binary(expr[1], expr[2], expr[3]))
        if tag == "U":
            operand = self._eval(expr[2])
            if isinstance(operand, Unknown):
                return opaque(operand)
            return (not to_bool(operand)) if expr[1] == "!" else number(-to_number(operand))
        if tag == "C":
            return opaque(self._call(expr[1], expr[2], expr[3]))
        if tag == "S":
            return opaque(self._splat(self._eval(expr[1]), expr[2]))
        if tag == "FT":
            return opaque(self._for(expr, tuple_result=True))
        if tag == "FO":
            return opaque(self._for(expr, tuple_result=False))
        raise EvalError(f"unsupported expression {tag}")

    # references -------------------------------------------------------------------------------
    def _traversal(self, expr: Expr) -> Any:
        ops: list[Expr] = []
        node = expr
        while node[0] in ("A", "I"):
            ops.append(("A", node[2]) if node[0] == "A" else ("I", node[2]))
            node = node[1]
        ops.reverse()
        if node[0] == "V":
            name = node[1]
            if name in self.env:
                value, used = self.env[name], 0
            else:
                value, used = self.scope.root(name, ops, self)
        else:
            value, used = self._eval(node), 0
        return self.apply(value, ops[used:])

    def apply(self, value: Any, ops: list[Expr]) -> Any:
        for op in ops:
            if op[0] == "A":
                value = get_attr(value, op[1])
            else:
                key = self._eval(op[1])
                value = index(value, key)
            if isinstance(value, Unknown):
                return value
        return value

    def _splat(self, value: Any, ops: tuple[Expr, ...]) -> Any:
        if isinstance(value, Unknown):
            return value
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        return [self.apply(item, list(ops)) for item in items]

    # templates, operators, calls ---------------------------------------------------------------
    def _template(self, parts: tuple[Any, ...]) -> Any:
        value = self._template_text(parts)
        if not isinstance(value, Unknown) or len(parts) == 1:
            return value  # "${x}" is x itself, with what x is known to end with
        # The literal text after the template's last interpolation is known whatever the interpolations
        # hold: "arn:aws:kms:${var.region}:${local.account}:alias/aws/s3" ends with ":alias/aws/s3". Nothing
        # else is (an inner template's tail is not the whole text's).
        tail: list[str] = []
        for part in reversed(parts):
            if not isinstance(part, str):
                break
            tail.append(part)
        ends_with = "".join(reversed(tail))
        return value if value.ends_with == ends_with else replace(value, ends_with=ends_with)

    def _template_text(self, parts: tuple[Any, ...]) -> Any:
        out: list[str] = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
            elif part[0] == "if":
                condition = self._eval(part[1])
                if isinstance(condition, Unknown):
                    return condition
                chosen = part[2] if to_bool(condition) else part[3]
                value = self._template_text(chosen)
                if isinstance(value, Unknown):
                    return value
                out.append(value)
            elif part[0] == "for":
                collection = self._eval(part[3])
                if isinstance(collection, Unknown):
                    return collection
                for key, item in pairs(collection):
                    self.budget.charge(1)
                    inner = self.with_env(**{part[2]: item, **({part[1]: key} if part[1] else {})})
                    value = inner._template_text(part[4])
                    if isinstance(value, Unknown):
                        return value
                    out.append(value)
            else:
                value = self._eval(part)
                if isinstance(value, Unknown):
                    return value
                out.append(to_string(value))
        text = "".join(out)
        self.budget.charge_size(text)
        return text

    def _binary(self, operator: str, left_expr: Expr, right_expr: Expr) -> Any:
        left = self._eval(left_expr)
        if operator in ("&&", "||"):
            decisive = operator == "||"
            if not isinstance(left, Unknown) and to_bool(left) == decisive:
                return decisive
            right = self._eval(right_expr)
            if not isinstance(right, Unknown) and to_bool(right) == decisive:
                return decisive
            if isinstance(left, Unknown):
                return left
            return right if isinstance(right, Unknown) else to_bool(right)
        right = self._eval(right_expr)
        if isinstance(left, Unknown):
            return left
        if isinstance(right, Unknown):
            return right
        if operator == "==":
            return equal(left, right)
        if operator == "!=":
            return not equal(left, right)
        a, b = to_number(left), to_number(right)
        if operator in _COMPARE:
            return {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[operator]
        if operator == "+":
            return number(a + b)
        if operator == "-":
            return number(a - b)
        if operator == "*":
            return number(a * b)
        if b == 0:
            raise EvalError("division by zero")
        if operator == "/":
            return number(a / b)
        return number(a - b * int(a / b))

    def _call(self, name: str, arg_exprs: tuple[Expr, ...], expand: bool) -> Any:
        short = name.rsplit("::", 1)[-1] if name.startswith("core::") else name
        special = SPECIAL.get(short)
        if special is not None:
            return special(self, arg_exprs)
        function = FUNCTIONS.get(short)
        if function is None:
            if "::" in name:
                return Unknown(f"provider function {name}() is not evaluated statically")
            if short in NOT_EVALUATED:
                return Unknown(f"{short}() is not evaluated statically")
            # Terraform refuses the configuration: an error, which try() cannot hide either.
            raise EvalError(f"call to unknown function {name}()")
        args = [self._eval(arg) for arg in arg_exprs]
        if short == "replace" and len(args) == 3 and not expand:
            # A policy document with pieces known after apply keeps its known pieces through replace().
            replaced = replace_in_policy(*args)
            if replaced is not None:
                return replaced
        if expand and args:
            last = args.pop()
            if isinstance(last, Unknown):
                return last
            args.extend(concrete(last))
        for arg in args:
            if isinstance(arg, Unknown):
                return arg
        try:
            result = function(self.scope.functions, [concrete(arg) for arg in args])
            self.budget.charge_size(result)
            return result
        except UnknownHit as hit:
            return hit.unknown
        except EvalError as error:
            raise EvalError(f"{short}(): {error}") from None
        except re.error as error:
            # Go's RE2 and Python's re read some patterns differently: not Terraform's error, not a value.
            return Unknown(f"{short}(): pattern not evaluated statically ({error.msg})")
        except (TypeError, ValueError, LookupError, AttributeError, ArithmeticError, StopIteration) as error:
            # What Terraform refuses too (an argument of the wrong kind, an item or key not there): an
            # error try() and can() see, never one that aborts the module.
            raise EvalError(f"{short}(): invalid arguments ({error})") from None

    def _for(self, expr: Expr, tuple_result: bool) -> Any:
        key_name, value_name, collection_expr = expr[1], expr[2], expr[3]
        collection = self._eval(collection_expr)
        if isinstance(collection, Unknown):
            return collection
        condition = expr[5] if tuple_result else expr[7]
        items: list[Any] = []
        mapping: dict[str, Any] = {}
        for key, item in pairs(collection):
            inner = self.with_env(**{value_name: item, **({key_name: key} if key_name else {})})
            if condition is not None:
                keep = inner._eval(condition)
                if isinstance(keep, Unknown):
                    return keep
                if not to_bool(keep):
                    continue
            if tuple_result:
                items.append(inner._eval(expr[4]))
                continue
            out_key = inner._eval(expr[4])
            if isinstance(out_key, Unknown):
                return out_key
            text = to_string(out_key)
            out_value = inner._eval(expr[5])
            if expr[6]:
                mapping.setdefault(text, []).append(out_value)
            elif text in mapping:
                raise EvalError(f"duplicate key {text!r} in for expression (use ... to group)")
            else:
                mapping[text] = out_value
        return items if tuple_result else mapping


def pairs(collection: Any) -> list[tuple[Any, Any]]:
    if isinstance(collection, LazyObject):
        collection = collection.materialize()
    if isinstance(collection, dict):
        return list(collection.items())
    if isinstance(collection, list):
        return list(enumerate(collection))
    if collection is None:
        raise EvalError("cannot iterate over a null value")
    raise EvalError(f"cannot iterate over a {type(collection).__name__}")


def get_attr(value: Any, name: str) -> Any:
    if isinstance(value, Unknown):
        return opaque(value)  # x.name of an unknown x is not x's text
    if isinstance(value, LazyObject):
        return value.get(name)
    if isinstance(value, dict):
        if name in value:
            return value[name]
        if isinstance(value, Computed):
            return value.missing(name)
        raise EvalError(f"this object has no attribute {name!r}")
    if value is None:
        raise EvalError(f"attempt to get attribute {name!r} from a null value")
    if isinstance(value, list):
        raise EvalError(f"a list has no attribute {name!r}; did you mean [*].{name}?")
    raise EvalError(f"a {type(value).__name__} has no attribute {name!r}")


def index(value: Any, key: Any) -> Any:
    if isinstance(value, Unknown):
        return opaque(value)
    if isinstance(key, Unknown):
        return opaque(key)
    if isinstance(value, LazyObject):
        return value.get(to_string(key))
    if isinstance(value, list):
        position = to_number(key)
        if not isinstance(position, int) or not 0 <= position < len(value):
            raise EvalError(f"index {key} out of range for a list of {len(value)} elements")
        return value[position]
    if isinstance(value, dict):
        text = to_string(key)
        if text in value:
            return value[text]
        if isinstance(value, Computed):
            return value.missing(text)
        raise EvalError(f"no element with key {text!r}")
    if value is None:
        raise EvalError("attempt to index a null value")
    raise EvalError(f"cannot index a {type(value).__name__}")
