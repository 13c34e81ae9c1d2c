"""Value helpers shared by the evaluator and the function library: lazy objects, unknowns, conversions.

Terraform values map onto Python as: string ``str``, number ``int``/``float`` (integral floats become
``int``), bool ``bool``, null ``None``, list/tuple/set ``list`` (sets of strings sorted, like Terraform),
map/object ``dict``. A resource instance or module instance referred to is a ``LazyObject`` so the
referrer records exactly which instance it read when it reads an attribute.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from iacgate.graph.model import Unknown


class EvalError(Exception):
    """An expression Terraform itself would reject (or that we cannot evaluate)."""


class UnknownHit(Exception):
    def __init__(self, unknown: Unknown) -> None:
        super().__init__(unknown.reason)
        self.unknown = unknown


class LazyObject:
    """A resource or module instance: attributes computed on first read, each read recorded as a reference.
    ``later`` (a resource's "known after apply") says that attributes the configuration does not write are
    the provider's, unknown rather than absent, also once the object has passed through a function."""

    __slots__ = ("_get", "_names", "address", "later")

    def __init__(
        self,
        address: str,
        get: Callable[[str], Any],
        names: Callable[[], list[str]],
        later: str | None = None,
    ) -> None:
        self.address = address
        self._get = get
        self._names = names
        self.later = later

    def get(self, name: str) -> Any:
        return self._get(name)

    def names(self) -> list[str]:
        return self._names()

    def materialize(self) -> dict[str, Any]:
        return {name: self._get(name) for name in self._names()}

    def __repr__(self) -> str:
        return f"<{self.address}>"


class Computed(dict[str, Any]):
    """A nested block read from another resource: what the configuration does not write there is
    computed by the provider, so reading it gives an ``Unknown`` instead of an error."""

    def __init__(self, origin: str, values: dict[str, Any], later: str = "known after apply") -> None:
        super().__init__(values)
        self.origin = origin
        self.later = later

    def missing(self, name: str) -> Unknown:
        return Unknown(f"depends on {self.origin}.{name}, {self.later}")


def computed_view(value: Any, origin: str) -> Any:
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return [
            Computed(
                f"{origin}[{number}]",
                {key: computed_view(inner, f"{origin}[{number}].{key}") for key, inner in item.items()},
            )
            for number, item in enumerate(value)
        ]
    return value


class PartialPolicy(dict[str, Any]):
    """A policy document with pieces not known statically, where Terraform would hold its JSON text (the
    ``json`` of a ``data "aws_iam_policy_document"``, a ``jsonencode()`` of a document, or of an EMR
    security configuration): rules read it as they read a CloudFormation ``PolicyDocument``. Used as text
    it is unknown, as that text is."""


def number(value: float) -> int | float:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _decimal(value: int | float) -> tuple[int, str, int]:
    """A finite number as sign, its shortest significant digits and where the decimal point falls
    (``1.5`` is ``(0, "15", 1)``)."""
    sign, digits, exponent = Decimal(value if isinstance(value, int) else repr(value)).as_tuple()
    text = "".join(map(str, digits))
    stripped = text.rstrip("0")
    if not stripped:
        return 0, "0", 1
    return sign, stripped, len(text) + int(exponent)


def _fixed(sign: int, digits: str, point: int) -> str:
    decimals = max(len(digits) - point, 0)
    return format(Decimal((sign, tuple(map(int, digits)), point - len(digits))), f".{decimals}f")


def plain_number(value: int | float) -> str:
    """A number as Terraform writes it as a string or in JSON (big.Float ``Text('f', -1)``): its digits
    without an exponent, ``100000000000000000000`` and ``0.00000015`` rather than Python's ``1e+20``."""
    if isinstance(value, int):
        return str(int(value))
    if not math.isfinite(value):
        raise EvalError(f"{value} is not a number Terraform holds")
    return _fixed(*_decimal(value))


def shortest_g(value: int | float, upper: bool = False) -> str:
    """Go's big.Float ``Text('g', -1)`` (cty's ``%v`` and ``%g`` of a number): the shortest digits, in
    exponent form when the exponent is below -4 or 6 and above (``1e+06``, ``100000``)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise EvalError(f"{value} is not a number Terraform holds")
    sign, digits, point = _decimal(value)
    exponent = point - 1
    if exponent < -4 or exponent >= 6:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        power = f"{'E' if upper else 'e'}{'-' if exponent < 0 else '+'}{abs(exponent):02d}"
        return ("-" if sign else "") + mantissa + power
    return _fixed(sign, digits, point)


def first_unknown(value: Any) -> Unknown | None:
    """The first ``Unknown`` inside a value, looking through lists and maps (not lazy objects)."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, list):
        for item in value:
            found = first_unknown(item)
            if found is not None:
                return found
    elif isinstance(value, dict):
        for item in value.values():
            found = first_unknown(item)
            if found is not None:
                return found
    return None


def concrete(value: Any) -> Any:
    """Lazy objects resolved, deeply, for functions and final attribute values."""
    if isinstance(value, LazyObject):
        values = {key: concrete(item) for key, item in value.materialize().items()}
        return values if value.later is None else Computed(value.address, values, value.later)
    if isinstance(value, list):
        return [concrete(item) for item in value] if any(_needs(item) for item in value) else value
    if isinstance(value, dict) and any(_needs(item) for item in value.values()):
        return {key: concrete(item) for key, item in value.items()}
    return value


def _needs(value: Any) -> bool:
    if isinstance(value, LazyObject):
        return True
    if isinstance(value, list):
        return any(_needs(item) for item in value)
    if isinstance(value, dict):
        return any(_needs(item) for item in value.values())
    return False


def known(value: Any) -> Any:
    """``value`` made concrete; raises ``UnknownHit`` if any part of it is unknown."""
    value = concrete(value)
    found = first_unknown(value)
    if found is not None:
        raise UnknownHit(found)
    return value


def to_string(value: Any) -> str:
    if isinstance(value, Unknown):
        raise UnknownHit(value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return plain_number(value)
    if value is None:
        raise EvalError("a null value cannot be used as a string")
    if isinstance(value, PartialPolicy):
        found = first_unknown(value)
        raise UnknownHit(found if found is not None else Unknown("policy document text not known statically"))
    raise EvalError(f"a {type_name(value)} cannot be used as a string")


def to_number(value: Any) -> int | float:
    if isinstance(value, Unknown):
        raise UnknownHit(value)
    if isinstance(value, bool):
        raise EvalError("a bool cannot be used as a number")
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, str):
        # cty's ParseNumberVal (big.ParseFloat, base 10): no blank, "_", prefix or non-ASCII digit, all
        # of which Python's int() and float() accept.
        try:
            if not _DECIMAL.match(value):
                raise ValueError(value)
            return number(float(value)) if any(c in value for c in ".eE") else int(value)
        except ValueError:  # also Python's limit on the digits of an int
            raise EvalError(f"{value!r} is not a number") from None
    raise EvalError(f"a {type_name(value)} cannot be used as a number")


_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")


def to_bool(value: Any) -> bool:
    if isinstance(value, Unknown):
        raise UnknownHit(value)
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return bool(value == "true")
    raise EvalError(f"a {type_name(value)} cannot be used as a bool")


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "object"


def equal(left: Any, right: Any) -> bool:
    left, right = concrete(left), concrete(right)
    if isinstance(left, bool) != isinstance(right, bool):
        return False
    if isinstance(left, int | float) and isinstance(right, int | float):
        # Exact, as Terraform's arbitrary-precision numbers: float() made 2**53 + 1 equal to 2**53.
        return bool(left == right)
    if isinstance(left, dict) and isinstance(right, dict):
        return bool(left == right)
    if type(left) is not type(right):
        return False
    return bool(left == right)


# Go's encoding/json (what cty's jsonencode() uses) escapes these so that the text is safe in HTML.
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def as_set(values: list[Any]) -> list[Any]:
    """A Terraform set as iacgate holds it: each value once, strings sorted (as Terraform orders them)."""
    unique: list[Any] = []
    for value in values:
        if not any(equal(value, seen) for seen in unique):
            unique.append(value)
    if all(isinstance(value, str) for value in unique):
        unique.sort()
    return unique


def json_text(value: Any) -> str:
    """The JSON text Terraform's jsonencode() gives: keys sorted, no blanks, numbers without exponent,
    ``<``, ``>``, ``&``, U+2028 and U+2029 escaped."""
    return _json(known(value))


def _json(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return plain_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).translate(_JSON_ESCAPES)
    if isinstance(value, list):
        return "[" + ",".join(_json(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(_json(str(key)) + ":" + _json(value[key]) for key in sorted(value)) + "}"
    raise EvalError(f"a {type_name(value)} cannot be encoded as JSON")


def key_text(key: str | int) -> str:
    """An instance key as Terraform writes it in an address: ``[0]`` or ``["ledger"]``."""
    return f"[{key}]" if isinstance(key, int) else "[" + json.dumps(key, ensure_ascii=False) + "]"
