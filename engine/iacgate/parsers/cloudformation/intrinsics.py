"""Intrinsic functions and condition functions, resolved as far as a template alone allows.

A value the template cannot tell (a resource's physical id, ``Fn::ImportValue``, a parameter without a
value) becomes ``Unknown`` in place, with the reason; ``AWS::NoValue`` becomes ``NO_VALUE`` and the
caller drops the property or list item.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from iacgate.graph.model import UNSET_BRANCH, Unknown, opaque
from iacgate.parsers.cloudformation.foreach import expand_in_mapping
from iacgate.parsers.cloudformation.inputs import as_number
from iacgate.parsers.cloudformation.loaded import CustomTag, Path

NO_VALUE: Any = type("NoValue", (), {"__repr__": lambda self: "AWS::NoValue"})()
Tri = bool | Unknown
_SUB = re.compile(r"\$\{([^}]*)\}")
# A dynamic reference: CloudFormation replaces it with a parameter's or secret's value at deploy time.
_DYNAMIC = re.compile(r"\{\{resolve:(ssm|ssm-secure|secretsmanager):")


def dynamic_reference(value: Any) -> Any:
    """A string holding a dynamic reference is unknown as a whole (the reason names the service, which the
    secrets rules read: a plain SSM parameter stores a credential unencrypted); any other value as it is."""
    if isinstance(value, str) and "{{resolve:" in value:
        found = _DYNAMIC.search(value)
        if found is not None:
            return Unknown(f"dynamic reference {{{{resolve:{found.group(1)}:...}}}} resolved at deploy time")
    return value


def text(value: Any) -> str | None:
    """CloudFormation compares and joins values as strings; ``None`` when a value has no string form."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    return None


def as_bool(value: Any) -> Tri:
    if isinstance(value, Unknown):
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return Unknown(f"condition value {value!r} is not a boolean")


def contains_unknown(value: Any) -> Unknown | None:
    if isinstance(value, Unknown):
        return value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            found = contains_unknown(item)
            if found is not None:
                return found
    return None


class Evaluator:
    """Resolves values of one stack. ``refs`` collects (logical id, top-level attribute) of every reference
    met; ``warnings`` collects why parts of the template could not be evaluated."""

    def __init__(
        self,
        names: Mapping[str, Any],
        resources: frozenset[str],
        mappings: Mapping[str, Any],
        condition: Callable[[str], Tri],
        get_att: Callable[[str, str], Any] | None = None,
        convert_key: Callable[[str], str] = str,
        verbatim: frozenset[str] = frozenset(),
    ) -> None:
        self.names = names  # parameters and pseudo parameters, already resolved
        self.resources = resources
        self.mappings = mappings
        self.condition = condition
        self.get_att_hook = get_att
        self.convert_key = convert_key
        self.verbatim = verbatim
        self.refs: list[tuple[str, str | None]] = []
        self.warnings: list[tuple[str, int]] = []
        self.line_of: Callable[[Path], int | None] = lambda path: None
        self.lines: dict[Path, int] | None = None
        # Parameters whose value is their Default (none given), and where such a value lands in the
        # resource being resolved: a finding on it says so, instead of presenting it as written there.
        self.defaults: frozenset[str] = frozenset()
        self.origins: dict[Path, str] = {}
        # Parameters of type Number: Ref gives the text as written ("01", which Fn::Equals and Fn::Sub
        # compare and join), and a property set to one holds the number (rules compare numbers).
        self.numbers: frozenset[str] = frozenset()

    # -- values -----------------------------------------------------------------------------------
    def resolve(self, value: Any, raw: Path, out: Path = (), convert: bool = False) -> Any:
        if isinstance(value, dict):
            if len(value) == 1:
                key = next(iter(value))
                if key == "Ref" or (key.startswith("Fn::") and not key.startswith("Fn::ForEach::")):
                    return self.intrinsic(key, value[key], (*raw, key), out, convert)
                if key.startswith("Rain::"):  # a Rain directive written as JSON
                    return self.resolve(CustomTag(key, value[key], self.line_of((*raw, key)) or 0), raw)
            elif "Fn::Transform" in value:
                # The macro rewrites the whole mapping it sits in, its sibling keys included.
                return self.intrinsic("Fn::Transform", value["Fn::Transform"], (*raw, "Fn::Transform"), out)
            if any(key.startswith("Fn::ForEach::") for key in value):
                expanded = expand_in_mapping(value, lambda items: self._argument(items, raw, out))
                if isinstance(expanded, Unknown):
                    return expanded
                value = expanded
            result: dict[str, Any] = {}
            for key, item in value.items():
                keep = convert and key not in self.verbatim
                name = self.convert_key(key) if convert else key
                resolved = self.resolve(item, (*raw, key), (*out, name), keep)
                if resolved is NO_VALUE:
                    continue
                result[name] = normalise(resolved) if keep else resolved
                self._line((*raw, key), (*out, name))
            return result
        if isinstance(value, list):
            items: list[Any] = []
            for index, item in enumerate(value):
                resolved = self.resolve(item, (*raw, index), (*out, len(items)), convert)
                if resolved is NO_VALUE:
                    continue
                self._line((*raw, index), (*out, len(items)))
                items.append(normalise(resolved) if convert else resolved)
            return items
        if isinstance(value, CustomTag):
            self.warnings.append(
                (f"!{value.tag} is a pre-processor tag (not evaluated: it must run first)", value.line)
            )
            return Unknown(f"!{value.tag}: pre-processor tag, not evaluated")
        return dynamic_reference(value)

    def _argument(self, value: Any, raw: Path, out: Path) -> Any:
        """``value`` resolved as a function's argument: no lines recorded (its path is not an attribute's)."""
        lines, self.lines = self.lines, None
        try:
            return self.resolve(value, raw, out)
        finally:
            self.lines = lines

    def _line(self, raw: Path, out: Path) -> None:
        if self.lines is not None:
            line = self.line_of(raw)
            if line:
                self.lines[out] = line

    def _ref_edge(self, name: str, out: Path) -> None:
        self.refs.append((name, str(out[0]) if out else None))

    # -- intrinsic functions -----------------------------------------------------------------------
    def intrinsic(self, key: str, arg: Any, raw: Path, out: Path, convert: bool = False) -> Any:
        if key == "Ref":
            name = arg if isinstance(arg, str) else self.resolve(arg, raw, out)
            if not isinstance(name, str):
                return Unknown("Ref of a computed name")
            # A parameter's value may be a dynamic reference (its Default, --parameter): resolved at deploy
            # time like one written in place. Fn::Sub joins it as text first (the result is judged whole).
            return dynamic_reference(self.ref(name, out))
        if key == "Fn::If":
            return self._if(arg, raw, out, convert)
        if key in _CONDITIONS:
            return self.condition_value({key: arg}, raw[:-1])
        handler = _HANDLERS.get(key)
        # Arguments are not attributes: their lines would name paths that do not exist in the result.
        lines, self.lines = self.lines, None
        try:
            if handler is None:
                self.resolve(arg, raw, out)  # for the references inside
                return Unknown(f"{key} is not evaluated by iacgate")
            # A dynamic reference built by a function (Fn::Sub, Fn::Join) is resolved at deploy time too.
            result = dynamic_reference(handler(self, self.resolve_args(key, arg, raw, out), raw, out))
            # Only Fn::Sub and Fn::Join tell what their unknown text ends with; another function's unknown
            # result (Fn::Select of an Fn::Split) is not its argument's text.
            return result if key in _TEXT_TAIL else opaque(result)
        finally:
            self.lines = lines

    def resolve_args(self, key: str, arg: Any, raw: Path, out: Path) -> Any:
        if key in ("Fn::GetAtt", "Fn::Sub"):
            return arg  # resolved piecewise: names inside them are references, not values
        return self.resolve(arg, raw, out)

    def ref(self, name: str, out: Path) -> Any:
        if name == "AWS::NoValue":
            return NO_VALUE
        if name in self.names:
            if name in self.defaults and self.lines is not None:
                self.origins[out] = f"the default of parameter {name}"
            if name in self.numbers and self.lines is not None:  # a property's value, not an argument
                return as_number(self.names[name])
            return self.names[name]
        if name in self.resources:
            self._ref_edge(name, out)
            return Unknown(f"Ref {name}: the resource's physical id is known after deploy")
        return Unknown(f"Ref {name}: no parameter or resource of that name")

    def get_att(self, target: str, attribute: Any, out: Path) -> Any:
        if not isinstance(attribute, str):
            return Unknown(f"Fn::GetAtt {target}: computed attribute name")
        if target in self.resources:
            self._ref_edge(target, out)
        if self.get_att_hook is not None:
            found = self.get_att_hook(target, attribute)
            if found is not None:
                return found
        return Unknown(f"Fn::GetAtt {target}.{attribute}: known after deploy")

    def _if(self, arg: Any, raw: Path, out: Path, convert: bool) -> Any:
        if not (isinstance(arg, list) and len(arg) == 3 and isinstance(arg[0], str)):
            return Unknown("malformed Fn::If")
        state = self.condition(arg[0])
        if isinstance(state, bool):
            return self.resolve(arg[1] if state else arg[2], (*raw, 1 if state else 2), out, convert)
        first = self.resolve(arg[1], (*raw, 1), out, convert)
        second = self.resolve(arg[2], (*raw, 2), out, convert)
        if first == second:
            return first
        # Policies read this reason (lib.unknown_conditional): either branch may be taken, and only when
        # each branch is a Ref or Fn::GetAtt of a resource of the template do the references (edges) say
        # everything the value can be.
        each = "; each branch refers to a resource" if all(map(self._names_resource, arg[1:])) else ""
        # ... and when a branch is AWS::NoValue, the property may not be set at all (lib.unknown_maybe_unset).
        if any(branch == {"Ref": "AWS::NoValue"} for branch in arg[1:]):
            each = UNSET_BRANCH
        return Unknown(f"Fn::If on condition {arg[0]}, which cannot be evaluated ({state.reason}){each}")

    def _names_resource(self, branch: Any) -> bool:
        """The branch is a Ref or Fn::GetAtt of a resource of the template (not a parameter or a literal)."""
        if not (isinstance(branch, dict) and len(branch) == 1):
            return False
        key, arg = next(iter(branch.items()))
        if key == "Ref":
            return isinstance(arg, str) and arg in self.resources
        if key == "Fn::GetAtt":
            if isinstance(arg, str):
                arg = arg.split(".", 1)
            target = arg[0] if isinstance(arg, list) and arg else None
            return isinstance(target, str) and target in self.resources
        return False

    def condition_value(self, value: Any, raw: Path) -> Tri:
        """A condition function (or ``{"Condition": name}``) as true, false or unknown."""
        if isinstance(value, dict) and len(value) == 1:
            key, arg = next(iter(value.items()))
            if key == "Condition" and isinstance(arg, str):
                return self.condition(arg)
            if key == "Fn::Equals":
                if not (isinstance(arg, list) and len(arg) == 2):
                    return Unknown("malformed Fn::Equals")
                left, right = (self.resolve(item, (*raw, key, i)) for i, item in enumerate(arg))
                unknown = contains_unknown(left) or contains_unknown(right)
                if unknown is not None:
                    return unknown
                return bool(_comparable(left) == _comparable(right))
            if key in ("Fn::And", "Fn::Or", "Fn::Not"):
                if not isinstance(arg, list) or not arg:
                    return Unknown(f"malformed {key}")
                states = [self.condition_value(item, (*raw, key, i)) for i, item in enumerate(arg)]
                return _combine(key, states)
        return as_bool(self.resolve(value, raw))


def _comparable(value: Any) -> Any:
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    return text(value) if text(value) is not None else value


def _combine(key: str, states: list[Tri]) -> Tri:
    known = [state for state in states if isinstance(state, bool)]
    unknown = next((state for state in states if isinstance(state, Unknown)), None)
    if key == "Fn::Not":
        return states[0] if isinstance(states[0], Unknown) else not states[0]
    if key == "Fn::And":
        if False in known:
            return False
        return unknown if unknown is not None else True
    if True in known:
        return True
    return unknown if unknown is not None else False


def normalise(value: Any) -> Any:
    """``"true"``/``"false"`` are booleans: CloudFormation converts them by property schema either way."""
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


_CONDITIONS = frozenset({"Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not"})
Handler = Callable[[Evaluator, Any, Path, Path], Any]


def _get_att(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    if isinstance(arg, str) and "." in arg:
        target, attribute = arg.split(".", 1)
        return ev.get_att(target, attribute, out)
    if isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str):
        return ev.get_att(arg[0], ev.resolve(arg[1], (*raw, 1), out), out)
    return Unknown("malformed Fn::GetAtt")


# The functions whose unknown result carries the literal text it ends with (Unknown.ends_with).
_TEXT_TAIL = frozenset({"Fn::Sub", "Fn::Join"})


def _sub(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    variables: dict[str, Any] = {}
    template = arg
    if isinstance(arg, list) and len(arg) == 2:
        template = ev.resolve(arg[0], (*raw, 0), out)
        if isinstance(arg[1], dict):
            variables = {k: ev.resolve(v, (*raw, 1, k), out) for k, v in arg[1].items()}
    elif not isinstance(arg, str):
        template = ev.resolve(arg, raw, out)  # a pre-processor's tag (!Rain::Embed): warned, unknown
    if not isinstance(template, str):
        return template if isinstance(template, Unknown) else Unknown("malformed Fn::Sub")
    missing: list[str] = []
    pieces: list[str] = []
    last = 0
    tail_from = 0  # where the text after the last unknown substitution starts, in pieces
    for match in _SUB.finditer(template):
        pieces.append(template[last : match.start()])
        last = match.end()
        name = match.group(1)
        if name.startswith("!"):
            pieces.append("${" + name[1:] + "}")
            continue
        name = name.strip()
        if name in variables:
            value = variables[name]
        elif "." in name and name not in ev.names:
            target, attribute = name.split(".", 1)
            value = ev.get_att(target, attribute, out)
        else:
            value = ev.ref(name, out)
        rendered = text(value)
        if rendered is None:
            missing.append(name)
            tail_from = len(pieces)
            continue
        pieces.append(rendered)
    pieces.append(template[last:])
    if missing:
        names = ", ".join(dict.fromkeys(missing))  # each once, in order
        # What follows the last unknown value is known: "...:${AWS::AccountId}:alias/aws/s3" ends with
        # ":alias/aws/s3" whatever the account.
        reason = f"Fn::Sub depends on values not known before deploy: {names}"
        return Unknown(reason, "".join(pieces[tail_from:]))
    return "".join(pieces)


def _join(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    if not (isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str)):
        return contains_unknown(arg) or Unknown("malformed Fn::Join")
    if not isinstance(arg[1], list):
        return arg[1] if isinstance(arg[1], Unknown) else Unknown("malformed Fn::Join")
    items = [item for item in arg[1] if item is not NO_VALUE]
    parts = [text(item) for item in items]
    if any(part is None for part in parts):
        unknown = contains_unknown(arg[1])
        if unknown is None:
            return Unknown("Fn::Join of a value that is not a string")
        last = max(index for index, part in enumerate(parts) if part is None)
        if isinstance(items[last], Unknown) and last < len(parts) - 1:
            # The parts after the last unknown one are known:
            # [":", [..., !Ref AWS::AccountId, "alias/aws/s3"]] ends with ":alias/aws/s3".
            tail = [part for part in parts[last + 1 :] if part is not None]
            return replace(unknown, ends_with=arg[0] + arg[0].join(tail))
        return unknown
    return arg[0].join(part for part in parts if part is not None)


def _select(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    if not (isinstance(arg, list) and len(arg) == 2):
        return Unknown("malformed Fn::Select")
    index, items = arg
    if isinstance(index, Unknown) or isinstance(items, Unknown):
        return index if isinstance(index, Unknown) else items
    try:
        if int(index) < 0:  # CloudFormation takes 0 to N-1 only; Python would count from the end
            raise IndexError(index)
        return items[int(index)]
    except (ValueError, TypeError, IndexError, KeyError, OverflowError):  # OverflowError: .inf
        return Unknown(f"Fn::Select index {index!r} out of range")


def _split(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    if not (isinstance(arg, list) and len(arg) == 2):
        return Unknown("malformed Fn::Split")
    if isinstance(arg[1], Unknown):
        return arg[1]
    if isinstance(arg[0], str) and isinstance(arg[1], str) and arg[0]:
        return arg[1].split(arg[0])
    return Unknown("malformed Fn::Split")


def _find_in_map(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    if not (isinstance(arg, list) and len(arg) in (3, 4)):
        return Unknown("malformed Fn::FindInMap")
    unknown = contains_unknown(arg[:3])
    default = arg[3].get("DefaultValue", NO_VALUE) if len(arg) == 4 and isinstance(arg[3], dict) else NO_VALUE
    if unknown is not None:
        return unknown
    keys = [text(item) for item in arg[:3]]
    found: Any = ev.mappings
    for key in keys:
        found = found.get(key, NO_VALUE) if isinstance(found, dict) and key is not None else NO_VALUE
    if found is NO_VALUE:
        return default if default is not NO_VALUE else Unknown(f"Fn::FindInMap: no entry {keys}")
    return ev.resolve(found, ("Mappings", *[k for k in keys if k is not None]))


def _base64(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    # The text before encoding is kept, as Terraform's user_data holds it: rules read the content.
    return arg


def _get_azs(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    return Unknown("Fn::GetAZs: the region's availability zones are known at deploy time")


def _import_value(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    return Unknown(f"Fn::ImportValue {text(arg) or '(computed)'}: exported by another stack")


_MAX_CIDR_COUNT = 256  # CloudFormation's limit on the number of CIDRs Fn::Cidr makes


def _cidr(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    unknown = contains_unknown(arg)
    if unknown is not None:
        return unknown
    try:
        block, count, bits = arg
        network = ipaddress.ip_network(str(block), strict=False)
        subnets = network.subnets(new_prefix=network.max_prefixlen - int(bits))
        if not 1 <= int(count) <= _MAX_CIDR_COUNT:
            return Unknown(f"Fn::Cidr count {count} is outside 1-{_MAX_CIDR_COUNT}, CloudFormation's limit")
        return [str(next(subnets)) for _ in range(int(count))]
    except (ValueError, TypeError, StopIteration, OverflowError):  # OverflowError: .inf
        return Unknown("Fn::Cidr with arguments that do not fit")


def _transform(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    specs = arg if isinstance(arg, list) else [arg]
    name = ", ".join(str(spec.get("Name")) for spec in specs if isinstance(spec, dict)) or "(unnamed)"
    line = ev.line_of(raw) or ev.line_of(raw[:-1]) or 0  # a resource's Transform has no Fn::Transform key
    ev.warnings.append((f"Fn::Transform not evaluated: macro {name} must run first", line))
    return Unknown(f"Fn::Transform: macro {name} must run first")


def _to_json_string(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    return contains_unknown(arg) or json.dumps(arg, separators=(",", ":"))


def _length(ev: Evaluator, arg: Any, raw: Path, out: Path) -> Any:
    return len(arg) if isinstance(arg, list) else contains_unknown(arg) or Unknown("malformed Fn::Length")


_HANDLERS: dict[str, Handler] = {
    "Fn::GetAtt": _get_att,
    "Fn::Sub": _sub,
    "Fn::Join": _join,
    "Fn::Select": _select,
    "Fn::Split": _split,
    "Fn::FindInMap": _find_in_map,
    "Fn::Base64": _base64,
    "Fn::GetAZs": _get_azs,
    "Fn::ImportValue": _import_value,
    "Fn::Cidr": _cidr,
    "Fn::Transform": _transform,
    "Fn::ToJsonString": _to_json_string,
    "Fn::Length": _length,
}
