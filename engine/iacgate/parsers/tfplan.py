"""Terraform plan JSON (``terraform show -json <planfile>``) into the common resource graph.

Variants handled (details per version in ``../shared/corpus/SOURCES.md``):

- ``format_version`` 0.1 (Terraform 0.12-0.15), 0.2 (1.0), 1.0 (1.1), 1.1 (1.2-1.4), 1.2 (1.5 and later)
  and any later 1.x; unknown keys are ignored. A missing version or a major version above 1 is refused.
- ``planned_values`` is the set of resources after apply, ``child_modules`` nested to any depth; ids are
  the instance addresses exactly as written (``module.a["x"].aws_s3_bucket.b[0]``). A resource whose
  only planned action is ``delete`` (or ``forget``) is kept as deleted, seen only by the rules that judge
  changes. Data sources are kept with
  ``mode="data"``: deferred ones from ``planned_values`` (action ``read``), and those read while
  planning, which 0.13+ records only in ``prior_state`` (``metadata["values_from"] = "prior_state"``),
  because references lead to them. ``metadata["actions"]`` holds the actions from ``resource_changes``.
- Values Terraform knows only after apply are missing from ``values`` and flagged in
  ``resource_changes[].change.after_unknown``; they become ``Unknown`` at exactly that place. Resources
  without ``values`` (deferred reads, 0.13 plans) fall back to ``change.after``.
- ``provider_name`` is bare ``aws`` (0.12), a registry address (0.13+) or an OpenTofu one; the short
  name is its last segment. ``configuration`` may be absent (no edges, regions unknown); see
  ``tfplan_config`` for edges and ``tfplan_region`` for the provider-key forms and region rules.
- Text encodings (UTF-8, UTF-16/32 with BOM) are decoded by ``textio``; lines come from ``tfplan_lines``.
"""

from __future__ import annotations

import functools
import gc
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from iacgate.errors import ParseError, Position
from iacgate.graph.model import (
    ATTRIBUTES_UNKNOWN,
    DELETED,
    DRIFT,
    DRIFT_CONTEXT,
    UNKNOWN,
    AttributePath,
    Change,
    Resource,
    SourceLocation,
    Unknown,
)
from iacgate.parsers import claims, node_types
from iacgate.parsers.base import ParseOptions, ParseResult, parse_each
from iacgate.parsers.jsontext import load_json
from iacgate.parsers.tfplan_address import (
    ModuleStep,
    resource_module,
    short_provider,
    split_module_address,
)
from iacgate.parsers.tfplan_config import ConfigIndex, Instance
from iacgate.parsers.tfplan_lines import Span, locate_resources, top_level_value
from iacgate.parsers.tfplan_origins import ORIGINS, credential_origins
from iacgate.parsers.tfplan_region import Regions
from iacgate.parsers.tfplan_shape import check_plan
from iacgate.parsers.tfplan_source import SourceIndex, attach_source
from iacgate.parsers.tfplan_values import TYPE as VALUE_TYPE
from iacgate.parsers.tfplan_values import value_nodes
from iacgate.secrets.nodes import NODE_TYPE as SECRET_TYPE
from iacgate.secrets.nodes import configuration_literals
from iacgate.textio import SourceFile

FORMAT = node_types.TERRAFORM_PLAN
_VERSION = re.compile(r"(\d+)\.(\d+)(?:\.\d+)?")
_NOT_EVALUATED = ({"delete"}, {"forget"})
# Top-level AWS arguments naming a KMS key that the provider computes when the configuration leaves them
# out (the service's AWS-managed key, aws/ebs for a volume): the plan shows them unknown until apply,
# though the configuration sets no key. With the plan's configuration at hand, such a value is "not set",
# as in the HCL source; an unknown key the configuration does write (a variable, a key of the same plan)
# stays unknown (#15). Keyed by provider: every resource type of it; _COMPUTED below, by type.
_PROVIDER_COMPUTED: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "aws": (("kms_key_arn",), ("kms_key_id",), ("kms_master_key_id",), ("performance_insights_kms_key_id",)),
}
# Arguments that are optional and computed: the provider reads back what the service chose when the
# configuration says nothing (a Google-managed or AWS-managed key, the instance's default ssl_mode, an
# ElastiCache group's at-rest encryption, on for valkey and off for redis), so a plan of a new resource
# shows them known after apply where the configuration leaves them out. Each path names the nested blocks
# on the way, then the argument; with the plan's configuration at hand, such a value is "not set", as in the
# HCL source, and the service default decides. Only blocks the configuration writes itself (as many as the
# plan holds) are read: a dynamic block's arguments cannot be told apart from the provider's.
# A search domain's encryption options and fine-grained access control (off when never configured).
_SEARCH_DOMAIN_COMPUTED = (
    ("encrypt_at_rest",),
    ("node_to_node_encryption",),
    ("domain_endpoint_options",),
    ("domain_endpoint_options", "tls_security_policy"),
    ("advanced_security_options",),
)
_INSTANCE_DEVICES_COMPUTED = (
    ("root_block_device", "encrypted"),
    ("root_block_device", "kms_key_id"),
    ("ebs_block_device", "encrypted"),
    ("ebs_block_device", "kms_key_id"),
)
_COMPUTED: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "google_compute_instance": (
        ("boot_disk", "kms_key_self_link"),
        ("boot_disk", "source"),
        ("attached_disk", "kms_key_self_link"),
    ),
    # An instance from a template: boot_disk and attached_disk themselves too, read back from the disks the
    # instance takes from its source_instance_template where the configuration writes none.
    "google_compute_instance_from_template": (
        ("boot_disk",),
        ("boot_disk", "kms_key_self_link"),
        ("boot_disk", "source"),
        ("attached_disk",),
        ("attached_disk", "kms_key_self_link"),
    ),
    "google_sql_database_instance": (
        ("encryption_key_name",),
        ("settings", "ip_configuration"),
        ("settings", "ip_configuration", "ssl_mode"),
    ),
    "google_bigtable_instance": (("cluster", "kms_key_name"),),
    "google_container_cluster": (("database_encryption",),),
    # The security policy API Gateway gives a custom domain name left without one, and the one an HTTPS or
    # TLS load balancer listener gets (ELBSecurityPolicy-2016-08).
    "aws_api_gateway_domain_name": (("security_policy",),),
    "aws_lb_listener": (("ssl_policy",),),
    "aws_alb_listener": (("ssl_policy",),),
    "aws_opensearch_domain": _SEARCH_DOMAIN_COMPUTED,
    "aws_elasticsearch_domain": _SEARCH_DOMAIN_COMPUTED,
    "aws_elasticache_replication_group": (("at_rest_encryption_enabled",), ("transit_encryption_enabled",)),
    "aws_elasticache_cluster": (("transit_encryption_enabled",),),
    "aws_efs_file_system": (("encrypted",),),
    # The snapshot a volume was created from: read back, so unknown in a plan where the configuration sets
    # none (ENC-EBS-004 takes a set snapshot_id for a volume that keeps the snapshot's key).
    "aws_ebs_volume": (("snapshot_id",),),
    "aws_msk_cluster": (("encryption_info", "encryption_at_rest_kms_key_arn"),),
    "aws_ssm_parameter": (("key_id",),),
    "aws_codebuild_project": (("encryption_key",),),
    "aws_ecr_repository": (("encryption_configuration", "kms_key"),),
    "aws_mq_broker": (("encryption_options", "kms_key_id"),),
    # An instance's volumes: encrypted and kms_key_id are optional and computed (the provider passes them
    # only when set; the AMI, a snapshot or the account's default EBS key decides otherwise).
    "aws_instance": _INSTANCE_DEVICES_COMPUTED,
    "aws_spot_instance_request": _INSTANCE_DEVICES_COMPUTED,
    # The replicas (a computed set) and each one's key: the region's AWS-managed aws/secretsmanager when the
    # configuration leaves it out.
    "aws_secretsmanager_secret": (("replica",), ("replica", "kms_key_id")),
}


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def load_plan(source: SourceFile) -> Mapping[str, Any]:
    """The decoded plan document, or a ``ParseError`` saying what is wrong and where."""
    if not source.text.strip():
        raise ParseError(Position(source.relative), "file is empty")
    if not source.text.lstrip().startswith("{") and (start := claims.wrapped_plan_line(source.text)):
        raise ParseError(
            Position(source.relative, 1),
            f"not a plan as `terraform show -json` writes it: other text before its JSON on line {start} "
            "(a wrapper's output? with hashicorp/setup-terraform, set terraform_wrapper: false)",
        )
    document = load_json(source.text, source.relative)
    where = Position(source.relative)
    if not isinstance(document, dict):
        raise ParseError(where, f"not a Terraform plan: the top level is a JSON {type(document).__name__}")
    version = document.get("format_version")
    if version is None:
        raise ParseError(
            where, "not a Terraform plan: no format_version (expected `terraform show -json` output)"
        )
    matched = _VERSION.fullmatch(version) if isinstance(version, str) else None
    if matched is None:
        raise ParseError(where, f"not a Terraform plan: format_version {version!r} is not a version number")
    if int(matched.group(1)) > 1:
        raise ParseError(
            where, f"unsupported Terraform plan format_version {version}: iacgate reads 0.x and 1.x"
        )
    if "planned_values" not in document:
        what = "Terraform state (it has values)" if "values" in document else "JSON without planned_values"
        raise ParseError(
            where, f"not a Terraform plan: this is {what}; run `terraform show -json <planfile>`"
        )
    if not isinstance(document["planned_values"], dict):
        raise ParseError(where, "not a Terraform plan: planned_values is not an object")
    return document


def _planned(module: Mapping[str, Any], address: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(module address, resource object) for every resource, child modules to any depth."""
    stack = [(module, address)]
    while stack:
        current, where = stack.pop()
        children = current.get("child_modules")
        if isinstance(children, list):
            for child in reversed(children):
                if isinstance(child, Mapping):
                    stack.append((child, str(child.get("address") or "")))
        for resource in current.get("resources") or ():
            if isinstance(resource, Mapping) and isinstance(resource.get("address"), str):
                yield where, resource


def merge_unknown(value: Any, unknown: Any) -> Any:
    """``value`` with ``Unknown`` wherever ``after_unknown`` (same nesting) says ``true``."""
    if unknown is True:
        return UNKNOWN
    # JSON gives dicts and lists; exact type checks keep this hot path cheap.
    if isinstance(unknown, dict) and unknown:
        if value is not None and not isinstance(value, dict):
            return value
        merged = dict(value or {})
        for key, flag in unknown.items():
            if flag is True or (flag and isinstance(flag, dict | list)):
                merged[key] = merge_unknown(merged.get(key), flag)
        return merged
    if isinstance(unknown, list) and any(unknown):
        if value is not None and not isinstance(value, list):
            return value
        items = list(value or [])
        for position, flag in enumerate(unknown):
            if position < len(items):
                items[position] = merge_unknown(items[position], flag)
            else:
                items.append(merge_unknown(None, flag))
        return items
    return value


def _instance(
    module_address: str, resource: Mapping[str, Any], modules: dict[str, tuple[ModuleStep, ...] | None]
) -> Instance:
    address = str(resource["address"])
    # The containing module's address is short and shared by its resources, so parse that (once).
    if module_address and address.startswith(module_address):
        if module_address not in modules:
            modules[module_address] = split_module_address(module_address)
        steps = modules[module_address]
    else:
        steps = None
    if steps is None:
        steps = (resource_module(address) if address.startswith("module.") else None) or ()
    local = f"{resource.get('type')}.{resource.get('name')}"
    return Instance.make(
        address, steps, f"data.{local}" if resource.get("mode") == "data" else local, resource.get("index")
    )


def _tags(attributes: Mapping[str, Any]) -> Mapping[str, Any]:
    for name in ("tags_all", "tags"):
        value = attributes.get(name)
        if isinstance(value, Mapping):
            return value
    return {}


def _changes(document: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Each address's ``resource_changes`` entry."""
    changes: dict[str, Mapping[str, Any]] = {}
    for entry in document.get("resource_changes") or ():
        # A deposed object (the old copy of a create-before-destroy replacement, being destroyed) shares
        # its address with the current object: that one's change decides, wherever the entries stand.
        if isinstance(entry, Mapping) and isinstance(entry.get("address"), str) and not entry.get("deposed"):
            changes.setdefault(entry["address"], entry)
    return changes


class _Selected(NamedTuple):
    instance: Instance
    module_address: str
    resource: Mapping[str, Any]
    change: Mapping[str, Any]
    origin: str
    # The resource_changes entry: Terraform writes action_reason and previous_address beside its change.
    entry: Mapping[str, Any]


def _select(document: Mapping[str, Any], source: SourceFile) -> list[_Selected]:
    """Planned resources that will exist after apply, plus data sources read while planning.

    Terraform 0.13+ reads most data sources during the plan and records them only in ``prior_state``;
    they are kept because references lead to them (a bucket policy built from a policy document).
    """
    changes = _changes(document)
    modules: dict[str, tuple[ModuleStep, ...] | None] = {}
    selected: list[_Selected] = []
    root = _mapping(document["planned_values"].get("root_module"))
    for module_address, resource in _planned(root, ""):
        entry = changes.get(resource["address"], {})
        change = _mapping(entry.get("change"))
        actions = change.get("actions")
        if isinstance(actions, list) and set(actions) in _NOT_EVALUATED:
            continue
        instance = _instance(module_address, resource, modules)
        selected.append(_Selected(instance, module_address, resource, change, "", entry))
    seen = {entry.instance.id for entry in selected}
    # Resources the plan destroys are in resource_changes only; they are kept, as deleted, for the rules
    # that judge changes (a destroyed database). Their attributes are the state before.
    for entry in document.get("resource_changes") or ():
        if not isinstance(entry, Mapping) or not isinstance(entry.get("address"), str):
            continue
        change = _mapping(entry.get("change"))
        actions = change.get("actions")
        if entry.get("mode", "managed") != "managed":
            continue
        deposed = _deposed(entry)
        if deposed is not None:
            # A deposed object destroyed (the old copy of an earlier create_before_destroy replacement
            # whose destroy failed) is an object of its own beside the current one, named as Terraform
            # names it: what it holds is destroyed too.
            if isinstance(actions, list) and "delete" in actions and deposed not in seen:
                seen.add(deposed)
                module_address = str(entry.get("module_address") or "")
                instance = replace(_instance(module_address, entry, modules), id=deposed)
                selected.append(_Selected(instance, module_address, entry, change, "resource_changes", entry))
            continue
        # A forgotten resource (a removed block with destroy = false) is kept too, as Pulumi's
        # retainOnDelete and CloudFormation's Retain are: it leaves the state and keeps its data.
        if entry["address"] in seen:
            continue
        if isinstance(actions, list) and set(actions) not in _NOT_EVALUATED:
            # Terraform writes every resource that exists after apply in planned_values: a change that
            # creates or keeps one held only here is an edited plan, and its resource is not dropped.
            raise ParseError(
                Position(source.relative, _change_line(source.text, entry["address"])),
                f"resource_changes holds {entry['address']} ({'/'.join(map(str, actions))}), which "
                "planned_values does not: the plan is inconsistent (edited by hand?)",
            )
        if not isinstance(actions, list) or set(actions) not in _NOT_EVALUATED:
            continue
        seen.add(entry["address"])
        module_address = str(entry.get("module_address") or "")
        instance = _instance(module_address, entry, modules)
        selected.append(_Selected(instance, module_address, entry, change, "resource_changes", entry))
    prior = _mapping(_mapping(_mapping(document.get("prior_state")).get("values")).get("root_module"))
    for module_address, resource in _planned(prior, ""):
        if resource.get("mode") == "data" and resource["address"] not in seen:
            seen.add(resource["address"])
            instance = _instance(module_address, resource, modules)
            selected.append(_Selected(instance, module_address, resource, {}, "prior_state", {}))
    return selected


def _deposed(entry: Mapping[str, Any]) -> str | None:
    """The id of a deposed object's entry, as Terraform shows it (``aws_db_instance.a (deposed object
    1a2b3c4d)``); None for the current object."""
    key = entry.get("deposed")
    return f"{entry['address']} (deposed object {key})" if isinstance(key, str) and key else None


def _deposed_line(text: str, key: str) -> int:
    """The line of a deposed object's ``"deposed"`` key in the plan's resource_changes section (1 when
    not found): a variable's value holding the same text is not the place."""
    section = top_level_value(text, "resource_changes")
    pattern = re.compile(r'"deposed"\s*:\s*' + re.escape(json.dumps(key)))
    found = pattern.search(text, section) if section is not None else None
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _change_line(text: str, address: str) -> int:
    """The line of ``address`` in the plan's resource_changes section (its first mention after the key)."""
    section = top_level_value(text, "resource_changes")
    at = text.find(json.dumps(address), section) if section is not None else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else 0


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a plan is decoded and converted.

    Decoding builds millions of acyclic containers; the collector's repeated passes over them took
    about 40% of a 10,000-resource parse (measured: 1.7 s -> 1.0 s). Only the caller that found it
    enabled re-enables it, so overlapping parses in threads still leave it enabled at the end.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_plan(source: SourceFile, values: bool = False, literals: bool = False) -> ParseResult:
    """One plan file's unit; with ``values``, its root variables and outputs as nodes too (tfplan_values);
    with ``literals``, the configuration's literals for the secrets search (``ParseResult.literals``)."""
    with _collector_paused():
        return _parse_plan(source, values, literals)


def _parse_plan(source: SourceFile, values: bool = False, literals: bool = False) -> ParseResult:
    document = load_plan(source)
    check_plan(document, source.text, source.relative)
    selected = _select(document, source)
    instances = [entry.instance for entry in selected]
    configuration = document.get("configuration")
    configured = configuration if isinstance(configuration, Mapping) else None
    index = ConfigIndex(configured, instances) if configured is not None else None
    regions = Regions(configured, index, document.get("variables"))
    spans = locate_resources(source.text, [instance.id for instance in instances])
    given = _mapping(document.get("variables"))
    resources = [
        _resource(source, entry, index, regions, spans.get(entry.instance.id), given) for entry in selected
    ]
    edges = index.edges(instances) if index is not None else []
    drifted = [
        _drifted(_resource(source, entry, index, regions, spans.get(entry.instance.id), given))
        for entry in _drift(document)
    ]
    if values:
        resources += value_nodes(document, source.text, source.relative)
    return ParseResult(
        tuple([*resources, *drifted]),
        tuple(edges),
        partial=partial_reasons(document),
        literals=tuple(configuration_literals(configuration)) if literals else None,
    )


def partial_reasons(document: Mapping[str, Any]) -> tuple[str, ...]:
    """Why a plan holds only part of the change: ``complete: false`` (Terraform 1.8+: made with -target,
    or with deferred changes), ``errored: true`` (planning failed part way), checks that errored."""
    reasons = []
    if document.get("complete") is False:
        reasons.append("the plan is not complete (complete: false: made with -target, or changes deferred)")
    if document.get("errored") is True:
        reasons.append("planning errored (errored: true): the plan holds only what was planned before")
    errored = [
        str(_mapping(check.get("address")).get("to_display") or "?")
        for check in document.get("checks") or ()
        if isinstance(check, Mapping) and check.get("status") == "error"
    ]
    if errored:
        reasons.append(f"checks errored: {', '.join(errored)}")
    return tuple(reasons)


def _drift(document: Mapping[str, Any]) -> list[_Selected]:
    """``resource_drift``: managed resources whose real state differs from the state Terraform recorded
    (changed outside Terraform), seen while refreshing. A resource deleted outside Terraform has no real
    state to judge."""
    modules: dict[str, tuple[ModuleStep, ...] | None] = {}
    selected: list[_Selected] = []
    for entry in document.get("resource_drift") or ():
        if not isinstance(entry, Mapping) or not isinstance(entry.get("address"), str):
            continue
        change = _mapping(entry.get("change"))
        if entry.get("mode", "managed") != "managed" or change.get("actions") != ["update"]:
            continue
        if not isinstance(change.get("after"), Mapping) or not isinstance(change.get("before"), Mapping):
            continue
        module_address = str(entry.get("module_address") or "")
        instance = _instance(module_address, entry, modules)
        selected.append(_Selected(instance, module_address, entry, change, "resource_drift", entry))
    return selected


def _drifted(resource: Resource) -> Resource:
    return replace(resource, metadata={**resource.metadata, DRIFT: True})


def drift_unit(result: ParseResult) -> ParseResult | None:
    """The real state of the resources that drifted, as a unit of its own beside the plan's: judged by the
    rules (a failure the drift caused is reported, see ``evaluate/regression.py``), with the plan's other
    resources as context (``mode`` data: neighbours, never judged again)."""
    drifted = [resource for resource in result.resources if resource.metadata.get(DRIFT)]
    if not drifted:
        return None
    ids = {resource.id for resource in drifted}
    context = [
        replace(resource, mode="data", metadata={**resource.metadata, DRIFT_CONTEXT: True})
        for resource in result.resources
        if resource.id not in ids and not resource.metadata.get(DRIFT) and resource.mode != DELETED
    ]
    return ParseResult(tuple([*context, *drifted]), result.edges, unit=f"{result.unit} (drift)")


def _resource(
    source: SourceFile,
    entry: _Selected,
    index: ConfigIndex | None,
    regions: Regions,
    span: Span | None,
    given: Mapping[str, Any],
) -> Resource:
    instance, module_address, resource, change = (
        entry.instance,
        entry.module_address,
        entry.resource,
        entry.change,
    )
    metadata: dict[str, Any] = {"actions": list(change.get("actions") or [])}
    if entry.origin:
        metadata["values_from"] = entry.origin
    deleted = entry.origin == "resource_changes"
    values = change.get("before") if deleted else resource.get("values")
    if not isinstance(values, Mapping) and not deleted:
        values = change.get("after")
        if not isinstance(values, Mapping) and "after_unknown" not in change:
            metadata["values_absent"] = True
    unknown = None if deleted else change.get("after_unknown")
    attributes = merge_unknown(values if isinstance(values, Mapping) else {}, unknown)
    if not isinstance(attributes, Mapping):
        # after_unknown: true, the whole object known after apply: every rule on it is undetermined.
        metadata[ATTRIBUTES_UNKNOWN] = "the whole resource is known after apply"
        attributes = {}
    type_name = str(resource.get("type") or "")
    provider_name = str(resource.get("provider_name") or type_name.split("_", 1)[0])
    provider = short_provider(provider_name)
    config = index.config_resource(instance) if index is not None else {}
    region, region_source = regions.for_resource(instance, provider, attributes, config)
    # Where the credential attributes come from (tfplan_origins): the plan's values cannot tell.
    expressions = _mapping(config.get("expressions"))
    if config and resource.get("mode") != "data" and not deleted:
        for path in _PROVIDER_COMPUTED.get(provider, ()) + _COMPUTED.get(type_name, ()):
            attributes = _unset_computed(attributes, expressions, path)
    if index is not None and expressions:
        origins = credential_origins(config, instance.path, index.modules, given)
        if origins:
            attributes = {**attributes, ORIGINS: origins}
    metadata["provider_name"] = provider_name
    for name in ("action_reason", "previous_address"):
        if isinstance(entry.entry.get(name), str):
            metadata[name] = entry.entry[name]
    if module_address:
        metadata["module"] = module_address
    if span is None:
        line = _deposed_line(source.text, str(resource["deposed"])) if _deposed(resource) else 1
        location = SourceLocation(source.relative, line, line)
    else:
        location = SourceLocation(source.relative, span.start_line, span.end_line, span.attribute_lines)
    return Resource(
        id=instance.id,
        format=FORMAT,
        native_type=type_name,
        type=type_name,
        provider=provider,
        region=region,
        region_source=region_source,
        attributes=attributes,
        tags=_tags(attributes),
        location=location,
        mode=DELETED if deleted else "data" if resource.get("mode") == "data" else "managed",
        metadata=metadata,
        change=_change(change) if change.get("actions") else None,
    )


def _unset_computed(
    values: Mapping[str, Any], expressions: Mapping[str, Any], path: tuple[str, ...]
) -> Mapping[str, Any]:
    """``values`` with the argument at ``path`` (see ``_COMPUTED`` and ``_PROVIDER_COMPUTED``) set to None
    where the plan shows it unknown and the configuration's block at the same place does not write it."""
    name, rest = path[0], path[1:]
    if not rest:
        if isinstance(values.get(name), Unknown) and name not in expressions:
            return {**values, name: None}
        return values
    blocks, written = values.get(name), expressions.get(name)
    if not (isinstance(blocks, list) and isinstance(written, list) and len(blocks) == len(written)):
        return values
    if not all(
        isinstance(block, Mapping) and isinstance(expr, Mapping)
        for block, expr in zip(blocks, written, strict=True)
    ):
        return values
    updated = [_unset_computed(block, expr, rest) for block, expr in zip(blocks, written, strict=True)]
    return {**values, name: updated}


def _replace_paths(raw: Any) -> tuple[AttributePath, ...]:
    paths = []
    for path in raw if isinstance(raw, list) else ():
        if isinstance(path, list) and path and all(isinstance(part, str | int) for part in path):
            paths.append(tuple(path))
    return tuple(paths)


def _change(change: Mapping[str, Any]) -> Change:
    """The plan's change of a resource; the before-state kept only where rules compare it."""
    actions = tuple(str(action) for action in change.get("actions") or () if isinstance(action, str))
    before = change.get("before")
    return Change(
        actions=actions,
        before=before
        if isinstance(before, Mapping) and ("update" in actions or "delete" in actions)
        else None,
        replace_paths=_replace_paths(change.get("replace_paths")),
    )


class TerraformPlanParser:
    format: str = FORMAT
    suffixes: tuple[str, ...] = (".json",)

    def claims(self, source: SourceFile) -> bool:
        return claims.terraform_plan(source)

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        values = VALUE_TYPE in options.config_nodes
        literals = SECRET_TYPE in options.config_nodes
        results = parse_each(sources, functools.partial(parse_plan, values=values, literals=literals))
        cache: dict[Path, SourceIndex | None] = {}
        units: list[ParseResult] = []
        for source, result in zip(sources, results, strict=True):
            drift = drift_unit(result)
            planned = replace(
                result, resources=tuple(r for r in result.resources if not r.metadata.get(DRIFT))
            )
            units.append(attach_source(source, planned, options, cache) if planned.resources else planned)
            if drift is not None:
                units.append(drift)
        return tuple(units)
