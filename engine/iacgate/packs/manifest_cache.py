"""Rule-pack manifests read back from the cache as plain JSON, checked for the shape the loader reads.

A manifest once read (YAML parsed, custom ones validated against the schema: together a quarter of a
pre-commit run) is cached keyed by its text, both schemas and the iacgate version (``iacgate.cache``
binds the entry to that key and checks its digest). Reading it back checks the type of every field
``load.py`` uses, so an entry that is not what this version wrote is read from the manifest again.
"""

from __future__ import annotations

import json
from typing import Any

from iacgate import __version__
from iacgate.cache import Entry, entry, read_json, rejected, write_json
from iacgate.schemas import load_schema

KIND = "manifests"
_SEVERITIES = frozenset({"low", "medium", "high", "critical"})
_SCOPES = frozenset({"resource", "graph"})
_PRECISIONS = frozenset({"very-high", "high", "medium", "low"})
_FORMATS = frozenset({"terraform", "terraform-plan", "cloudformation", "pulumi"})
_ACTIONS = frozenset({"delete", "replace", "update"})
_RULE_TEXTS = ("id", "name", "title", "description", "policy", "rationale", "help_uri")
_PACK_TEXTS = ("pack", "version", "title", "description")


def manifest_entry(text: str, schema_name: str) -> Entry | None:
    schemas = json.dumps([load_schema("rulepack.schema.json"), load_schema(schema_name)])
    return entry(KIND, __version__, schemas, text)


def read_manifest(cached: Entry | None, fragment: bool) -> dict[str, Any] | None:
    """The document cached as ``cached`` when it has the shape of a manifest (or of a fragment)."""
    document = read_json(cached)
    if document is None:
        return None
    if not _is_manifest(document, fragment):
        rejected(cached, "not a rule-pack manifest")
        return None
    return dict(document)


def write_manifest(cached: Entry | None, document: dict[str, Any]) -> None:
    """Cache ``document`` when plain JSON carries it unchanged (YAML can hold what JSON cannot)."""
    try:
        exact = json.loads(json.dumps(document)) == document
    except (TypeError, ValueError, RecursionError):
        exact = False
    if exact:
        write_json(cached, document)


def _strings(value: Any, allowed: frozenset[str] | None = None) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, str) and (allowed is None or item in allowed) for item in value
    )


def is_manifest(document: Any, fragment: bool) -> bool:
    """Whether ``document`` has the shape of a manifest (or of a fragment) in every field the loader reads."""
    return _is_manifest(document, fragment)


def _is_manifest(document: Any, fragment: bool) -> bool:
    if not isinstance(document, dict) or not isinstance(document.get("rules"), list):
        return False
    if not fragment and not (
        all(isinstance(document.get(name), str) for name in _PACK_TEXTS)
        and _strings(document.get("requires_settings", []))
    ):
        return False
    return all(_is_rule(rule) for rule in document["rules"])


def _text_in(value: Any) -> bool:
    return isinstance(value, dict) and all(
        key in ("cloudformation", "pulumi") and isinstance(text, str) for key, text in value.items()
    )


def _is_rule(rule: Any) -> bool:
    if not isinstance(rule, dict) or not all(isinstance(rule.get(name), str) for name in _RULE_TEXTS):
        return False
    remediation = rule.get("remediation")
    controls = rule.get("controls")
    return (
        rule.get("severity") in _SEVERITIES
        and rule.get("scope", "resource") in _SCOPES
        and rule.get("precision", "high") in _PRECISIONS
        and _strings(rule.get("resource_types"))
        and _strings(rule.get("tags", []))
        and _strings(rule.get("formats", []), _FORMATS)
        and _strings(rule.get("actions", []), _ACTIONS)
        and isinstance(remediation, dict)
        and isinstance(remediation.get("text"), str)
        and isinstance(remediation.get("terraform"), str)
        and _text_in(remediation.get("text_in", {}))
        and isinstance(controls, dict)
        and all(isinstance(framework, str) and _strings(ids) for framework, ids in controls.items())
    )
