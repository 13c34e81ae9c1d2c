"""Pulumi type tokens -> canonical (Terraform) types and providers (``parsers/data/pulumi_types.json``)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from iacgate.parsers.pulumi.properties import snake

# azure-native publishes every API version as its own module: azure-native:storage/v20230101:StorageAccount.
_VERSIONED_MODULE = re.compile(r"^(azure-native:[^:/]+)/v[0-9][^:]*:")
_NOT_IDENTIFIER = re.compile(r"[^a-z0-9]+")

PROVIDER_PREFIX = "pulumi:providers:"


@dataclass(frozen=True)
class TypeTable:
    types: Mapping[str, str]
    renames: Mapping[str, Mapping[str, str]]
    packages: Mapping[str, str]
    region_config: Mapping[str, tuple[str, ...]]
    map_properties: frozenset[str]

    def canonical(self, token: str) -> str | None:
        return self.types.get(normalise(token))

    def renames_for(self, token: str) -> Mapping[str, str]:
        return self.renames.get(normalise(token), {})

    def provider(self, token: str) -> str:
        """The provider a resource belongs to; a provider resource belongs to the package it configures."""
        package = package_of(token)
        return self.packages.get(package, package)


def package_of(token: str) -> str:
    """The Pulumi package of a type token (``azure-native``); a provider resource configures one."""
    return token[len(PROVIDER_PREFIX) :] if token.startswith(PROVIDER_PREFIX) else token.split(":", 1)[0]


def normalise(token: str) -> str:
    return _VERSIONED_MODULE.sub(r"\1:", token)


def mechanical(token: str) -> str:
    """A type name for tokens outside the table: ``awsx:x:ec2:Vpc`` -> ``awsx_x_ec2_vpc``.

    Never a Terraform type by accident of spelling only: such names are not routed to any rule.
    """
    segments = token.split(":")
    type_name = snake(_lower_first(segments[-1]))
    parts = [segments[0]]
    for middle in segments[1:-1]:
        module, _, file = middle.partition("/")
        if module != "index":
            parts.append(module)
        if file and snake(file) != type_name:
            parts.append(file)
    parts.append(type_name)
    return "_".join(_NOT_IDENTIFIER.sub("_", part.lower()).strip("_") for part in parts if part)


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


@cache
def load_table() -> TypeTable:
    """Read once per process: the table is package data and never changes while running."""
    text = resources.files("iacgate.parsers").joinpath("data", "pulumi_types.json").read_text("utf-8")
    data = json.loads(text)
    return TypeTable(
        types=data["types"],
        renames=data["renames"],
        packages=data["packages"],
        region_config={key: tuple(value) for key, value in data["region_config"].items()},
        map_properties=frozenset(data["map_properties"]),
    )
