"""Provider configurations per module instance: regions, aliases, ``providers`` maps, default tags.

A module sees its own provider blocks, the configurations its call passes in a ``providers`` map, and
(Terraform's implicit inheritance) its parent's default, unaliased configurations. A resource's region
is its own argument where the provider has one (AWS v6 ``region``, azurerm ``location``, google
``region``/``zone``), else its provider configuration's, else ``Unknown`` with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from iacgate.graph.model import Unknown
from iacgate.parsers.terraform.expressions import Evaluator
from iacgate.parsers.terraform.instances import safe_value
from iacgate.parsers.terraform.syntax import Block, traversal

# The suffix of a provider key whose configuration a ``provider`` argument picks by a computed index.
PER_INSTANCE = ".<per instance>"

# Provider types that place resources as another does: google-beta serves the google_* resources.
_FAMILY = {"google-beta": "google"}


def required_types(settings: Iterable[Block]) -> dict[str, str]:
    """Local provider name -> provider type, from ``required_providers`` sources (``gcp = { source =
    "hashicorp/google" }``, or a nested block in ``.tf.json``); an undeclared name is its own type."""
    types: dict[str, str] = {}
    for block in settings:
        for required in (child for child in block.blocks if child.type == "required_providers"):
            sources = {
                name: dict(attribute.expr[1]).get(("L", "source"))
                for name, attribute in required.attributes.items()
                if attribute.expr[0] == "O"
            }
            sources.update(
                {b.type: b.attributes["source"].expr for b in required.blocks if "source" in b.attributes}
            )
            for name, source in sources.items():
                if source is not None and source[0] == "L" and isinstance(source[1], str):
                    types[name] = source[1].rstrip("/").rsplit("/", 1)[-1].lower()
    return types


def provider_kind(local: str, types: Mapping[str, str]) -> str:
    """How resources of a local provider name are placed: by its type (``gcp`` -> ``google``), by family."""
    kind = types.get(local, local)
    return _FAMILY.get(kind, kind)


@dataclass(frozen=True)
class ProviderConfig:
    name: str
    region: str | Unknown
    source: str
    default_tags: Mapping[str, Any] | Unknown = field(default_factory=dict)

    def passed(self, note: str) -> ProviderConfig:
        return ProviderConfig(self.name, self.region, f"provider {self.name} ({note})", self.default_tags)


def _region_of(kind: str, name: str, values: Mapping[str, Any]) -> str | Unknown:
    if kind == "google":
        if "region" in values:
            return _text(values["region"], name)
        zone = values.get("zone")
        if isinstance(zone, str) and zone.count("-") >= 2:
            return zone.rsplit("-", 1)[0]
        if isinstance(zone, Unknown):
            return zone
        return Unknown(f"provider {name} sets no region or zone")
    if kind == "azurerm":
        return Unknown("azurerm resources set their own location; the provider has no region")
    if "region" in values:
        return _text(values["region"], name)
    why = "; it comes from the environment at apply time" if kind == "aws" else ""
    return Unknown(f"provider {name} sets no region{why}")


def _text(value: Any, name: str) -> str | Unknown:
    if isinstance(value, str | Unknown):
        return value
    return Unknown(f"provider {name} sets region to a non-string value")


def provider_config(
    block: Block, evaluator: Evaluator, note: str, types: Mapping[str, str]
) -> ProviderConfig:
    local = block.labels[0]
    kind = provider_kind(local, types)
    alias = block.attributes.get("alias")
    alias_value = safe_value(evaluator, alias.expr, "alias") if alias else None
    name = f"{local}.{alias_value}" if isinstance(alias_value, str) else local
    values: dict[str, Any] = {
        key: safe_value(evaluator, block.attributes[key].expr, f"provider {name} {key}")
        for key in ("region", "zone")
        if key in block.attributes
    }
    tags: Mapping[str, Any] | Unknown = {}
    for nested in block.blocks:
        if nested.type == "default_tags" and "tags" in nested.attributes:
            value = safe_value(evaluator, nested.attributes["tags"].expr, f"provider {name} default_tags")
            tags = value if isinstance(value, dict | Unknown) else {}
    return ProviderConfig(name, _region_of(kind, name, values), f"provider {name}{note}", tags)


def passed_providers(
    call: Block, parent: Mapping[str, ProviderConfig], child: str
) -> dict[str, ProviderConfig]:
    """What a module call hands its child: its ``providers`` map, and the unaliased defaults."""
    given: dict[str, ProviderConfig] = {}
    for name, config in parent.items():
        if "." not in name:
            given[name] = config.passed(f"inherited by {child}")
    mapping = call.attributes.get("providers")
    if mapping is not None and mapping.expr[0] == "O":
        for key_expr, value_expr in mapping.expr[1]:
            key = key_expr[1] if key_expr[0] == "L" else ".".join(traversal(key_expr) or [])
            target = ".".join(traversal(value_expr) or [])
            if key and target in parent:
                given[str(key)] = parent[target].passed(f"{child} via providers map")
            elif key:
                given[str(key)] = ProviderConfig(
                    str(key),
                    Unknown(f"provider {target} passed to {child} is not configured"),
                    f"provider {target}",
                )
    return given


def resource_region(
    kind: str, provider_key: str, attributes: Mapping[str, Any], providers: Mapping[str, ProviderConfig]
) -> tuple[str | Unknown, str, ProviderConfig | None]:
    own = {"azurerm": "location", "google": "region"}.get(kind, "region")
    value = attributes.get(own)
    if kind == "google" and own not in attributes:
        zone = attributes.get("zone")
        if isinstance(zone, str) and zone.count("-") >= 2:
            return zone.rsplit("-", 1)[0], "resource argument zone", providers.get(provider_key)
        value = attributes.get("location")
        own = "location" if "location" in attributes else own
    config = providers.get(provider_key)
    if isinstance(value, str) and value:
        return value, f"resource argument {own}", config
    if isinstance(value, Unknown):
        return (
            Unknown(f"the resource's {own} argument is not known: {value.reason}"),
            f"resource argument {own}",
            config,
        )
    if config is None and provider_key.endswith(PER_INSTANCE):
        reason = (
            f"the provider argument does not name one {kind} configuration (its index is not a "
            "constant), so each instance's region is chosen at apply time"
        )
        return Unknown(reason), "the resource's provider argument", None
    if config is None:
        why = "; the region comes from the environment at apply time" if kind == "aws" else ""
        return Unknown(f"no configuration for provider {provider_key}{why}"), f"provider {provider_key}", None
    return config.region, config.source, config
