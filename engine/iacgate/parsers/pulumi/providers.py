"""Effective region of a Pulumi resource: its own argument, its provider, or the stack config.

A resource names its provider as ``<provider URN>::<provider id>``. An explicit provider takes its region
from its inputs or, failing that, the deployment environment (unknown here); a default provider
(``default_6_63_0``) also reads the stack config (``aws:region``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from iacgate.graph.model import Unknown

# provider -> (resource arguments, provider arguments) that say where a resource lives.
_REGION_KEYS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "aws": (("region",), ("region",)),
    "azurerm": (("location",), ("location",)),
    "google": (("region", "zone", "location"), ("region", "zone")),
}


@dataclass(frozen=True)
class RegionContext:
    providers: Mapping[str, Mapping[str, Any]]
    """Provider resource URN -> its converted attributes."""
    config: Mapping[str, Any]
    config_keys: Mapping[str, tuple[str, ...]]
    """Pulumi package -> the stack config keys its default provider reads (``azure-native:location``)."""
    option_region: str | None = None


def split_reference(reference: str) -> tuple[str, str]:
    """``urn:pulumi:s::p::pulumi:providers:aws::default_6_63_0::<id>`` -> (provider URN, provider name)."""
    urn = reference.rsplit("::", 1)[0] if reference.count("::") > 3 else reference
    return urn, urn.rsplit("::", 1)[-1]


def _value(attributes: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str | Unknown, str] | None:
    for key in keys:
        value = attributes.get(key)
        if isinstance(value, Unknown) or (isinstance(value, str) and value):
            return value, key
    return None


# How a preview shows a secret config value.
_SECRET = "[secret]"


def effective_region(
    provider: str,
    package: str,
    mode: str,
    attributes: Mapping[str, Any],
    reference: str,
    own_name: str,
    context: RegionContext,
) -> tuple[str | Unknown, str]:
    """(region or ``Unknown``, how it was found); ``own_name`` is the resource's name (for providers).

    ``provider`` is the graph's provider (``azurerm``), ``package`` the Pulumi package whose default
    provider serves the resource (``azure`` or ``azure-native``): each reads its own stack config keys.
    """
    keys = _REGION_KEYS.get(provider)
    if keys is None:
        return Unknown(f"{provider} resources have no region"), "none"
    if mode == "component":
        return Unknown("component resource: its children carry their own regions"), "none"
    resource_keys, provider_keys = keys
    if mode == "provider":
        found = _value(attributes, provider_keys)
        if found:
            return found[0], f"provider argument {found[1]}"
        name = own_name
    else:
        found = _value(attributes, resource_keys)
        if found:
            return found[0], f"resource argument {found[1]}"
        name = "default"
        if reference:
            urn, name = split_reference(reference)
            provider_attributes = context.providers.get(urn)
            if provider_attributes is not None:
                found = _value(provider_attributes, provider_keys)
                if found:
                    return found[0], f"provider {name} argument {found[1]}"
    if not name.startswith("default"):
        return (
            Unknown(f"provider {name} sets no region; it comes from the environment at deployment"),
            f"provider {name}",
        )
    config_keys = context.config_keys.get(package, ())
    for key in config_keys:
        value = context.config.get(key)
        if value == _SECRET:
            return Unknown(f"the stack config {key} is a secret"), f"stack config {key}"
        if isinstance(value, str) and value:
            return value, f"stack config {key}"
    if provider == "aws" and context.option_region:
        return context.option_region, "--region option"
    wanted = config_keys[0] if config_keys else "region"
    return Unknown(
        f"no region: the default {provider} provider has none and the stack config sets no {wanted}"
    ), "none"


def provider_default_tags(reference: Any, context: RegionContext) -> Mapping[str, Any]:
    """The ``defaultTags.tags`` of the provider a resource names (AWS), else nothing.

    A provider's object-valued inputs are usually JSON text in its state: the SDKs ``JSON.stringify`` them
    and an ``aws:defaultTags`` stack config value is JSON (``"{\"tags\":{...}}"``)."""
    if not isinstance(reference, str) or not reference:
        return {}
    settings = context.providers.get(split_reference(reference)[0], {}).get("default_tags")
    if isinstance(settings, str):
        try:
            settings = json.loads(settings)
        except (ValueError, RecursionError):  # not JSON, or nested past Python's limit: no tags read
            return {}
    tags = settings.get("tags") if isinstance(settings, Mapping) else None
    return tags if isinstance(tags, dict) else {}
