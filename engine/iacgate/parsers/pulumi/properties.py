"""Pulumi property values -> graph attributes: camelCase to snake_case, special values, lines.

Pulumi keeps its own shapes (a max-one block is an object where Terraform has a one-element list); they
are kept as they are and the per-format Rego helpers bridge the difference, so a value is never guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from iacgate.graph.model import Unknown
from iacgate.parsers.pulumi.jsonpos import Node

SIGNATURE = "4dabf18193072939515e22adb298388d"
SECRET = "1b47061264138c4ac30d75fd1eb44270"
ASSET = "c44067f5952c0a294b673a41bacd8c17"
ARCHIVE = "0def7320c3a5731c473e5ecbe6d01bc7"
RESOURCE_REFERENCE = "5cf8f73096256a8f31e491e813e4eb8e"
OUTPUT_VALUE = "d0e6a833031e9bbcd3f4e8bde6ca49a4"
UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

KNOWN_AFTER_UPDATE = Unknown("known after update")
# The attribute listing the paths of Pulumi secrets shown in plaintext (``Converter.secrets``).
SECRETS_KEY = "__pulumi_secrets__"
ENCRYPTED_SECRET = Unknown("secret value (encrypted in the state)")
# ``pulumi preview --json`` replaces every secret, whatever its type, by this string (MassageSecrets in
# pkg/backend/display/json.go): the value Pulumi deploys is not in the file.
PREVIEW_SECRET_MASK = "[secret]"
MASKED_SECRET = Unknown("secret value (shown as [secret] in the preview)")

# Bookkeeping the bridge adds to inputs (defaulted keys) and outputs (a JSON string of schema metadata).
DROPPED_KEYS = frozenset({"__defaults", "__meta", "__internal"})

# Only identifier-shaped names are property names; "Name", "kubernetes.io/role" or "x-y" are user data.
_PROPERTY_NAME = re.compile(r"[a-z][A-Za-z0-9]*\Z")
_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@lru_cache(maxsize=4096)
def snake(name: str) -> str:
    """``storageEncrypted`` -> ``storage_encrypted``, ``kmsKeyId`` -> ``kms_key_id``; others unchanged."""
    if not _PROPERTY_NAME.match(name) or name.islower():
        return name
    return _BOUNDARY.sub("_", name).lower()


def is_unknown_sentinel(value: object) -> bool:
    return value == UNKNOWN_SENTINEL


class Converter:
    """Converts one resource's property maps; records the line of every member it converts.

    ``renames`` maps a dotted snake_case path (ancestors already renamed, list indices left out) to the
    Terraform name; ``verbatim`` names hold user-keyed maps (tags, labels, environment variables) whose
    keys are data, not property names.
    """

    def __init__(
        self,
        renames: Mapping[str, str],
        verbatim: frozenset[str],
        line_of: Callable[[int], int] | None,
        masked_secrets: bool = False,
    ) -> None:
        """``masked_secrets``: the states come from a preview, where "[secret]" stands for a secret."""
        self._renames = renames
        self._masked_secrets = masked_secrets
        self._verbatim = verbatim
        self._line_of = line_of
        self.lines: dict[str, int] = {}
        # Paths (``path_text``) of values the state marks secret but shows in clear (an export made with
        # --show-secrets): the value is read, and rules may tell it was a Pulumi secret (SECRETS_KEY).
        self.secrets: set[str] = set()

    def name(self, key: str, parent: str = "") -> str:
        converted = snake(key)
        if self._renames:
            return self._renames.get(f"{parent}.{converted}" if parent else converted, converted)
        return converted

    def merge(
        self,
        raw: Mapping[str, Any],
        node: Node | None,
        into: dict[str, Any],
        only_missing: bool = False,
    ) -> None:
        """Convert the members of a top-level property map into ``into``; with ``only_missing``, fill gaps."""
        for key, value in raw.items():
            if key in DROPPED_KEYS:
                continue
            name = self.name(key)
            if only_missing and into.get(name) is not None:
                continue
            into[name] = self._member(key, value, name, name, node, name in self._verbatim)

    def _member(self, key: str, value: Any, name: str, text: str, node: Node | None, verbatim: bool) -> Any:
        child: Node | None = None
        if node is not None:
            entry = node.keys.get(key)
            if entry is not None and self._line_of is not None:
                self.lines[text] = self._line_of(entry[0])
                child = entry[1]
        return self.value(value, name, text, child, verbatim)

    def value(self, raw: Any, names: str, text: str, node: Node | None, verbatim: bool) -> Any:
        """``names`` is the rename path so far, ``text`` the ``path_text`` used for line lookups."""
        if isinstance(raw, str):
            if raw == UNKNOWN_SENTINEL:
                return KNOWN_AFTER_UPDATE
            if self._masked_secrets and raw == PREVIEW_SECRET_MASK:
                return MASKED_SECRET
            return raw
        if isinstance(raw, list):
            return [
                self.value(item, names, f"{text}[{index}]", node.item(index) if node else None, verbatim)
                for index, item in enumerate(raw)
            ]
        if isinstance(raw, dict):
            if SIGNATURE in raw:
                return self._special(raw, names, text, verbatim)
            out: dict[str, Any] = {}
            for key, item in raw.items():
                if key in DROPPED_KEYS:
                    continue
                name = key if verbatim else self.name(key, names)
                path = f"{names}.{name}" if names else name
                out[name] = self._member(
                    key,
                    item,
                    name=path,
                    text=f"{text}.{name}" if text else name,
                    node=node,
                    verbatim=verbatim or name in self._verbatim,
                )
            return out
        return raw

    def _special(self, raw: Mapping[str, Any], names: str, text: str, verbatim: bool) -> Any:
        kind = raw[SIGNATURE]
        if kind == SECRET:
            plaintext = raw.get("plaintext")
            if isinstance(plaintext, str):
                self.secrets.add(text)
                try:
                    decoded = json.loads(plaintext)
                except ValueError:
                    decoded = plaintext
                return self.value(decoded, names, text, None, verbatim)
            return ENCRYPTED_SECRET
        if kind == OUTPUT_VALUE:
            if "value" in raw:
                return self.value(raw["value"], names, text, None, verbatim)
            return KNOWN_AFTER_UPDATE
        if kind == RESOURCE_REFERENCE:
            # Terraform would hold the referenced resource's id here.
            reference_id = raw.get("id")
            if isinstance(reference_id, str) and reference_id and reference_id != UNKNOWN_SENTINEL:
                return reference_id
            return KNOWN_AFTER_UPDATE
        if kind in (ASSET, ARCHIVE):
            return {key: value for key, value in raw.items() if key != SIGNATURE}
        return Unknown(f"unrecognised Pulumi special value {kind}")
