"""Assemble a ``terraform show -json`` plan document from a list of resource specifications.

One resource is described once (its values, which of them Terraform knows only after apply, the configuration
expressions behind it) and appears consistently in ``planned_values``, ``resource_changes``, ``prior_state``
and ``configuration``, in the shapes Terraform 1.9 writes (format_version 1.2).
Used by the synthetic-plan generator and to write the demo fixture.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

AWS_PROVIDER = "registry.terraform.io/hashicorp/aws"


class _Unknown:
    """Marks a value Terraform knows only after apply; it becomes ``true`` in ``after_unknown``."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


@dataclass(frozen=True)
class Ref:
    """A configuration expression referring to another object, e.g. ``aws_kms_key.ledger.arn``."""

    target: str
    attribute: str | None = None

    def references(self) -> list[str]:
        # Terraform lists the attribute traversal first, then the object itself.
        if self.attribute is None:
            return [self.target]
        return [f"{self.target}.{self.attribute}", self.target]


@dataclass(frozen=True)
class Refs:
    """An expression built from several references, e.g. ``[aws_security_group.a.id, aws_iam_role.b.arn]``."""

    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class Spec:
    type: str
    name: str
    values: Mapping[str, Any]
    # Attributes as written in the configuration: constants, Ref/Refs, or nested blocks (lists of dicts).
    config: Mapping[str, Any] = field(default_factory=dict)
    module: tuple[str, ...] = ()
    index: int | str | None = None
    provider_key: str = "aws"
    actions: tuple[str, ...] = ("create",)
    # The prior state for update, no-op and delete actions (fully known values).
    before: Mapping[str, Any] | None = None
    count_ref: str | None = None
    depends_on: tuple[str, ...] = ()

    @property
    def module_address(self) -> str:
        return ".".join(f"module.{name}" for name in self.module)

    @property
    def address(self) -> str:
        local = f"{self.type}.{self.name}"
        if isinstance(self.index, int):
            local += f"[{self.index}]"
        elif isinstance(self.index, str):
            local += f'["{self.index}"]'
        return f"{self.module_address}.{local}" if self.module else local


@dataclass
class ModuleCall:
    source: str
    expressions: Mapping[str, Any] = field(default_factory=dict)
    variables: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


def known(value: Any) -> Any:
    """The value with unknowns removed, as Terraform writes ``after`` and planned ``values``."""
    if isinstance(value, Mapping):
        return {key: known(item) for key, item in value.items() if item is not UNKNOWN}
    if isinstance(value, list):
        return [None if item is UNKNOWN else known(item) for item in value]
    return value


def unknown_shape(value: Any) -> Any:
    """The ``after_unknown`` mirror: ``true`` where unknown, containers kept, known scalars left out."""
    if value is UNKNOWN:
        return True
    if isinstance(value, Mapping):
        shaped = {key: unknown_shape(item) for key, item in value.items()}
        return {key: item for key, item in shaped.items() if item is not False}
    if isinstance(value, list):
        return [unknown_shape(item) for item in value]
    return False


def sensitive_shape(value: Any) -> Any:
    """The ``sensitive_values``/``after_sensitive`` mirror of a value with nothing sensitive in it."""
    if isinstance(value, Mapping):
        shaped = {key: sensitive_shape(item) for key, item in value.items() if item is not UNKNOWN}
        return {key: item for key, item in shaped.items() if item is not False}
    if isinstance(value, list):
        return [sensitive_shape(item) for item in value]
    return False


def expressions(config: Mapping[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in config.items():
        if value is None:
            continue  # an argument left out of the configuration has no expression
        if isinstance(value, Ref):
            result[key] = {"references": value.references()}
        elif isinstance(value, Refs):
            result[key] = {"references": [name for ref in value.refs for name in ref.references()]}
        elif isinstance(value, list) and value and all(isinstance(item, Mapping) for item in value):
            result[key] = [expressions(item) for item in value]
        elif _nested_refs(value):
            # An object holding references (an azapi body { properties = { x = var.y } }): one expression
            # whose references are those of its values, as Terraform writes it.
            result[key] = {"references": [name for ref in _nested_refs(value) for name in ref.references()]}
        else:
            result[key] = {"constant_value": value}
    return result


def _nested_refs(value: Any) -> list[Ref]:
    """The references inside an object or list value, in order (none in a constant)."""
    if isinstance(value, Ref):
        return [value]
    if isinstance(value, Refs):
        return list(value.refs)
    if isinstance(value, Mapping):
        return [ref for item in value.values() for ref in _nested_refs(item)]
    if isinstance(value, list | tuple):
        return [ref for item in value for ref in _nested_refs(item)]
    return []


def _base(spec: Spec) -> dict[str, Any]:
    entry: dict[str, Any] = {"address": spec.address}
    if spec.module:
        entry["module_address"] = spec.module_address
    entry.update(mode="managed", type=spec.type, name=spec.name)
    if spec.index is not None:
        entry["index"] = spec.index
    entry["provider_name"] = AWS_PROVIDER
    return entry


def _state_entry(spec: Spec, values: Mapping[str, Any]) -> dict[str, Any]:
    entry = _base(spec)
    entry.pop("module_address", None)
    entry["schema_version"] = 0
    entry["values"] = known(values)
    entry["sensitive_values"] = sensitive_shape(values)
    return entry


def _change(spec: Spec) -> dict[str, Any]:
    deleting = spec.actions == ("delete",)
    after = None if deleting else spec.values
    entry = _base(spec)
    entry["change"] = {
        "actions": list(spec.actions),
        "before": None if spec.before is None else known(spec.before),
        "after": None if after is None else known(after),
        "after_unknown": {} if after is None else unknown_shape(after),
        "before_sensitive": False if spec.before is None else sensitive_shape(spec.before),
        "after_sensitive": False if after is None else sensitive_shape(after),
    }
    return entry


def _module_tree(entries: Sequence[tuple[tuple[str, ...], dict[str, Any]]]) -> dict[str, Any]:
    """Nest resource entries into ``root_module`` / ``child_modules`` by module path."""
    root: dict[str, Any] = {}
    for path, entry in entries:
        node = root
        for depth in range(1, len(path) + 1):
            address = ".".join(f"module.{name}" for name in path[:depth])
            children = node.setdefault("child_modules", [])
            match = next((child for child in children if child["address"] == address), None)
            if match is None:
                match = {"resources": [], "address": address}
                children.append(match)
            node = match
        node.setdefault("resources", []).append(entry)
    return root


def _config_module(
    specs: Sequence[Spec], calls: Mapping[tuple[str, ...], ModuleCall], path: tuple[str, ...]
) -> dict[str, Any]:
    module: dict[str, Any] = {}
    seen: set[tuple[str, str]] = set()
    resources: list[dict[str, Any]] = []
    for spec in specs:
        if spec.module != path or spec.actions == ("delete",) or (spec.type, spec.name) in seen:
            continue
        seen.add((spec.type, spec.name))
        entry: dict[str, Any] = {
            "address": f"{spec.type}.{spec.name}",
            "mode": "managed",
            "type": spec.type,
            "name": spec.name,
            "provider_config_key": spec.provider_key,
            "expressions": expressions(spec.config),
            "schema_version": 0,
        }
        if spec.count_ref is not None:
            entry["count_expression"] = {"references": [spec.count_ref]}
        if spec.depends_on:
            entry["depends_on"] = list(spec.depends_on)
        resources.append(entry)
    if resources:
        module["resources"] = resources
    children = {sub[-1]: call for sub, call in calls.items() if sub and sub[:-1] == path}
    if children:
        module["module_calls"] = {
            name: {
                "source": call.source,
                "expressions": expressions(call.expressions),
                "module": _config_module(specs, calls, (*path, name)),
            }
            for name, call in children.items()
        }
    own = calls.get(path)
    if own is not None and own.variables:
        module["variables"] = {name: dict(variable) for name, variable in own.variables.items()}
    return module


def build_plan(
    specs: Sequence[Spec],
    *,
    providers: Mapping[str, Mapping[str, Any]],
    modules: Mapping[tuple[str, ...], ModuleCall] | None = None,
    variables: Mapping[str, Any] | None = None,
    variable_declarations: Mapping[str, Mapping[str, Any]] | None = None,
    terraform_version: str = "1.9.5",
    timestamp: str = "2025-06-02T09:14:27Z",
) -> dict[str, Any]:
    calls = dict(modules or {})
    if variable_declarations:
        calls[()] = ModuleCall(source="", variables=variable_declarations)
    planned = _module_tree([(s.module, _state_entry(s, s.values)) for s in specs if s.actions != ("delete",)])
    prior = [(s.module, _state_entry(s, s.before)) for s in specs if s.before is not None]
    plan: dict[str, Any] = {"format_version": "1.2", "terraform_version": terraform_version}
    if variables:
        plan["variables"] = {name: {"value": value} for name, value in variables.items()}
    plan["planned_values"] = {"root_module": planned}
    plan["resource_changes"] = [_change(spec) for spec in specs]
    if prior:
        plan["prior_state"] = {
            "format_version": "1.0",
            "terraform_version": terraform_version,
            "values": {"root_module": _module_tree(prior)},
        }
    plan["configuration"] = {
        "provider_config": {
            key: {
                "name": "aws",
                "full_name": AWS_PROVIDER,
                **({"alias": key.split(".", 1)[1]} if "." in key else {}),
                "version_constraint": "~> 5.60",
                "expressions": expressions(settings),
            }
            for key, settings in providers.items()
        },
        "root_module": _config_module(specs, calls, ()),
    }
    plan.update(timestamp=timestamp, applyable=True, complete=True, errored=False)
    return plan
