"""Pulumi project and stack configuration files (``Pulumi.yaml``, ``Pulumi.<stack>.yaml``).

These are where a Pulumi project keeps its settings in the repository, so a pre-commit run or a CI gate
over the project directory reads them, not a preview:

- a stack file says how the stack encrypts its secrets. ``secretsprovider`` names a KMS or Vault key
  by URL (``awskms://alias/pulumi?region=eu-west-1``: the provider is the URL's scheme, as
  SEC-PULUMI-001 names it for a stack export); without it, ``encryptionsalt`` is the passphrase
  provider's; with neither, the file does not say (Pulumi Cloud's ``service`` provider if the stack
  lives there, the passphrase one on a self-managed backend), so the provider is unknown and the rule
  undetermined. It becomes the ``pulumi_secrets_provider`` node a stack export gives, named after the
  stack (``urn:pulumi:<stack>::<project>::iacgate:pulumi:SecretsProvider::<stack>``; the project is the
  ``name`` of the project file beside it when that is scanned too, else the directory's name).
- both hold configuration values, in plaintext unless written as ``secure: v1:...``: the secrets search
  reads the text (``secrets.nodes``), as it reads the other formats' files.

A Pulumi YAML program (``runtime: yaml`` with ``resources:``) is not evaluated here: its resources are
judged from ``pulumi preview --json`` or a stack export, and a warning says so. The files are read with
the bounded YAML loader (``yamlio``); anything not shaped like a configuration is refused naming the file
and line.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from iacgate.errors import ParseError, Position
from iacgate.graph.model import Resource, SourceLocation, Unknown
from iacgate.notifications import Notification
from iacgate.parsers import claims, node_types
from iacgate.parsers.base import ParseOptions, ParseResult
from iacgate.parsers.jsontext import kind
from iacgate.textio import SourceFile
from iacgate.yamlio import parse_error, safe_load

FORMAT = node_types.PULUMI_CONFIG
RESOURCE_FORMAT = node_types.PULUMI
SECRETS_PROVIDER_TOKEN = "iacgate:pulumi:SecretsProvider"
_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:", re.MULTILINE)
_UNSAID = (
    "the stack file names no secrets provider (no secretsprovider, no encryptionsalt): Pulumi Cloud's "
    "(service) if the stack lives there, the passphrase provider on a self-managed backend"
)


def stack_name(relative: str) -> str | None:
    """``dev`` for ``Pulumi.dev.yaml``; None for the project file ``Pulumi.yaml``."""
    found = claims.PULUMI_CONFIG_NAME.match(posixpath.basename(relative))
    return found.group("stack") if found else None


def _document(source: SourceFile) -> Mapping[str, Any]:
    try:
        document = safe_load(source.text)
    except yaml.YAMLError as error:
        raise parse_error(error, source.relative) from None
    if document is None:
        return {}
    if not isinstance(document, Mapping):
        raise ParseError(
            Position(source.relative, 1),
            f"not a Pulumi configuration file: the top level is {kind(document)}, expected a mapping",
        )
    return document


def _line(text: str, key: str) -> int:
    for found in _TOP_KEY.finditer(text):
        if found.group("key") == key:
            return text.count("\n", 0, found.start()) + 1
    return 1


def secrets_provider(document: Mapping[str, Any], relative: str, text: str) -> tuple[str | Unknown, int]:
    """The provider a stack file names and the line that says it (see the module's docstring)."""
    named = document.get("secretsprovider")
    if named is not None:
        line = _line(text, "secretsprovider")
        if not isinstance(named, str) or not named.strip():
            raise ParseError(
                Position(relative, line),
                f"not a Pulumi stack file: secretsprovider is {kind(named)}, expected a provider URL",
            )
        value = named.strip()
        if "://" in value:
            return value.split("://", 1)[0].lower() or value, line
        return ("service" if value.lower() == "default" else value.lower()), line
    if document.get("encryptionsalt") is not None:
        return "passphrase", _line(text, "encryptionsalt")
    return Unknown(_UNSAID), 1


def _project(
    stack_file: SourceFile, sources: Sequence[SourceFile], documents: Mapping[str, Mapping[str, Any]]
) -> str:
    """The project's name, from the project file beside the stack file when it was scanned too, else the
    name of the directory holding them."""
    directory = posixpath.dirname(stack_file.relative)
    for source in sources:
        if posixpath.dirname(source.relative) == directory and stack_name(source.relative) is None:
            name = documents.get(source.relative, {}).get("name")
            if isinstance(name, str) and name.strip():
                return name.strip()
    return stack_file.path.resolve().parent.name or "project"


def _parse_one(
    source: SourceFile,
    document: Mapping[str, Any],
    project: str,
    options: ParseOptions,
) -> ParseResult:
    stack = stack_name(source.relative)
    notifications: list[Notification] = []
    resources: list[Resource] = []
    if stack is None:
        if document.get("resources") is not None:
            notifications.append(
                Notification(
                    "warning",
                    "a Pulumi YAML program: its resources are not judged from Pulumi.yaml; scan "
                    "`pulumi preview --json` or a stack export of it",
                    source.relative,
                )
            )
    elif node_types.PULUMI_SECRETS_PROVIDER in options.config_nodes:
        provider, line = secrets_provider(document, source.relative, source.text)
        resources.append(
            Resource(
                id=f"urn:pulumi:{stack}::{project}::{SECRETS_PROVIDER_TOKEN}::{stack}",
                format=RESOURCE_FORMAT,
                native_type=SECRETS_PROVIDER_TOKEN,
                type=node_types.PULUMI_SECRETS_PROVIDER,
                provider="pulumi",
                region=Unknown("a secrets provider has no region"),
                region_source="none",
                attributes={"secrets_provider": provider},
                tags={},
                location=SourceLocation(source.relative, line, line, {"secrets_provider": line}),
            )
        )
    return ParseResult(tuple(resources), (), tuple(notifications), source.relative)


class PulumiConfigParser:
    format: str = FORMAT
    suffixes: tuple[str, ...] = (".yaml", ".yml")

    def claims(self, source: SourceFile) -> bool:
        return claims.pulumi_config(source)

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        """One unit per file; a file that cannot be read is an error naming it, the others still read."""
        documents: dict[str, Mapping[str, Any]] = {}
        broken: dict[str, ParseError] = {}
        for source in sources:
            try:
                documents[source.relative] = _document(source)
            except ParseError as error:
                broken[source.relative] = error
        units: list[ParseResult] = []
        for source in sources:
            try:
                if source.relative in broken:
                    raise broken[source.relative]
                project = _project(source, sources, documents)
                units.append(_parse_one(source, documents[source.relative], project, options))
            except ParseError as error:
                units.append(
                    ParseResult(notifications=(Notification.from_parse_error(error),), unit=source.relative)
                )
        return tuple(units)
