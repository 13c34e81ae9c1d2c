"""Each resource's effective region, from its own arguments or its provider configuration.

Precedence: the resource's ``region`` value (AWS provider v6 per-resource region; for azurerm its
``location``), then the provider configuration the resource uses. ``provider_config_key`` differs by
version: ``"<call>:aws"`` for every resource in a module in 0.13-1.0 plans (whether or not the module
configures the provider), ``"module.a:aws"`` where a module declares the provider itself, and in newer
plans the key of the configuration the resource really uses (``"aws.ohio"`` for a provider passed into a
module). A key without a configured entry is followed up the module tree: through a module call's
``providers`` map when the plan has one, else by inheritance of the default provider. The region
expression is a constant or a root variable (the plan's ``variables``), or a module variable fed by one.
Anything else is ``Unknown`` with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from iacgate.graph.model import Unknown
from iacgate.parsers.tfplan_address import split_module_address
from iacgate.parsers.tfplan_config import ConfigIndex, Instance, subjects

Region = tuple[str | Unknown, str]

# A resource's own arguments that place it, in the order the residency pack reads them.
_OWN_ARGUMENTS = {"azurerm": ("location",), "google": ("location", "region", "zone")}


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _module_text(path: tuple[str, ...]) -> str:
    return ".".join(f"module.{name}" for name in path)


class Regions:
    def __init__(
        self, configuration: Mapping[str, Any] | None, index: ConfigIndex | None, variables: Any
    ) -> None:
        self._configured = configuration is not None
        self._providers = _mapping(_mapping(configuration).get("provider_config"))
        self._index = index
        self._variables = _mapping(variables)
        self._cache: dict[tuple[str, tuple[str, ...]], Region] = {}

    def for_resource(
        self, instance: Instance, provider: str, attributes: Mapping[str, Any], config: Mapping[str, Any]
    ) -> Region:
        expressions = _mapping(config.get("expressions"))
        for argument in _OWN_ARGUMENTS.get(provider, ("region",)):
            own = attributes.get(argument)
            if isinstance(own, str) and own:
                return own, f"resource argument {argument}"
            # An unknown computed region (pre-v6 aws_s3_bucket) is the provider's; an unknown one the
            # configuration sets (or a resource whose configuration the plan lacks) stays unknown.
            if isinstance(own, Unknown) and (not config or argument in expressions):
                return Unknown(f"the resource's {argument} argument is known only after apply"), (
                    f"resource argument {argument}"
                )
        if not self._configured:
            reason = "the plan has no configuration section, so the provider's region is not recorded"
            return Unknown(reason), f"provider {provider}"
        keys = config.get("provider_config_keys")
        if not isinstance(keys, list) or not keys:
            single = config.get("provider_config_key")
            keys = [single if isinstance(single, str) and single else provider]
        found = {self._for_key(str(key), instance.path) for key in keys}
        if len(found) == 1:
            return found.pop()
        return Unknown("the resource uses one of several provider configurations"), "provider " + ", ".join(
            sorted(str(key) for key in keys)
        )

    def _for_key(self, key: str, path: tuple[str, ...]) -> Region:
        cached = self._cache.get((key, path))
        if cached is None:
            cached = self._cache[(key, path)] = self._resolve(key, path)
        return cached

    def _resolve(self, key: str, path: tuple[str, ...]) -> Region:
        name = key.rsplit(":", 1)[-1]
        entry = _mapping(self._providers.get(key))
        if entry and ("expressions" in entry or not entry.get("module_address")):
            where = str(entry.get("module_address") or "")
            if where:
                note = f" (declared in {where})"
            elif path:
                # Aliased configurations are never inherited, so an alias here was passed explicitly.
                module = _module_text(path)
                note = f" ({module} via providers map)" if "." in name else f" (inherited by {module})"
            else:
                note = ""
            return self._from_entry(entry, name, note, where)
        return self._walk_up(name, path)

    def _walk_up(self, name: str, path: tuple[str, ...]) -> Region:
        note = f" (inherited by {_module_text(path)})" if path else ""
        while path:
            module = _module_text(path)
            for candidate in (f"{module}:{name}", f"module.{path[-1]}:{name}", f"{path[-1]}:{name}"):
                entry = _mapping(self._providers.get(candidate))
                if "expressions" in entry:
                    return self._from_entry(entry, name, f" (declared in {module})", module)
            mapping = _mapping(self._index.module_call(path).get("providers")) if self._index else {}
            if isinstance(mapping.get(name), str):
                name, note = mapping[name], f" ({_module_text(path)} via providers map)"
            elif "." in name:
                reason = (
                    f"provider {name} of {module} comes from its module call; the plan does not say which"
                )
                return Unknown(reason), f"provider {name}"
            path = path[:-1]
        entry = _mapping(self._providers.get(name))
        if not entry:
            why = "; the region comes from the environment at apply time" if name == "aws" else ""
            return Unknown(f"the plan has no configuration for provider {name}{why}"), f"provider {name}"
        return self._from_entry(entry, name, note, "")

    def _from_entry(self, entry: Mapping[str, Any], name: str, note: str, module: str) -> Region:
        source = f"provider {name}{note}"
        expressions = _mapping(entry.get("expressions"))
        expression = expressions.get("region")
        steps = split_module_address(module) if module else ()
        path = tuple(step.name for step in steps) if steps is not None else ()
        zone = expressions.get("zone")
        if (
            not isinstance(expression, Mapping)
            and name.split(".")[0] == "google"
            and isinstance(zone, Mapping)
        ):
            # A google provider with only a default zone (europe-west1-b) places resources in its region.
            value = self._static(zone, path, f"provider {name}")
            if isinstance(value, str) and value.count("-") >= 2:
                return value.rsplit("-", 1)[0], source
            return value, source
        if not isinstance(expression, Mapping):
            why = "; it comes from the environment at apply time" if name.split(".")[0] == "aws" else ""
            return Unknown(f"provider {name} sets no region{why}"), source
        return self._static(expression, path, f"provider {name}"), source

    def _static(self, expression: Mapping[str, Any], path: tuple[str, ...], what: str) -> str | Unknown:
        """A constant, or a variable whose value the plan records (root) or passes in (module)."""
        if "constant_value" in expression:
            value = expression["constant_value"]
            return value if isinstance(value, str) else Unknown(f"{what} sets region to a non-string value")
        refs = expression.get("references")
        parsed = subjects(refs) if isinstance(refs, list) else []
        if len(parsed) != 1 or len(parsed[0]) < 2 or parsed[0][0] != "var":
            shown = ", ".join(str(ref) for ref in refs) if isinstance(refs, list) else "an expression"
            return Unknown(f"{what} takes its region from {shown}, which the plan does not resolve")
        variable = str(parsed[0][1])
        if not path:
            value = _mapping(self._variables.get(variable)).get("value")
            if isinstance(value, str):
                return value
            return Unknown(
                f"{what} takes its region from root variable {variable}, which has no string value"
            )
        call = self._index.module_call(path) if self._index else {}
        given = _mapping(call.get("expressions")).get(variable)
        if not isinstance(given, Mapping):
            return Unknown(f"{what} takes its region from var.{variable}, which its module call does not set")
        return self._static(given, path[:-1], what)
