"""Write one rule's fixtures in every IaC format from one specification per resource.

A :class:`Case` is one resource named by the outcome the rule must give it (``fail_*``, ``pass_*``,
``undetermined_*``), with its Terraform arguments, its CloudFormation properties and its Pulumi inputs.
:func:`write` turns a rule's cases into ``fixtures/<pack>/<RULE-ID>/``:

- ``main.tf`` (HCL; arguments named in ``Case.blocks`` become nested blocks at any depth),
- ``<RULE-ID>.tfplan.json`` (``terraform show -json`` shapes, via ``benchmarks/plan_builder.py``),
- ``template.yaml`` (CloudFormation; logical id = the case name in PascalCase),
- ``<RULE-ID>.pulumi.json`` (a ``pulumi stack export``; URN name = the case name).

References between resources are written once as ``Ref("aws_s3_bucket.logs", "id")`` (from
``plan_builder``) anywhere in ``terraform``, ``cloudformation`` properties or ``pulumi`` inputs. Each format
renders it its own way: HCL ``aws_s3_bucket.logs.id``; plan configuration ``references`` with the value
unknown until apply; CloudFormation ``{"Ref": "Logs"}`` (``{"Fn::GetAtt": ["Logs", "Arn"]}`` for ``arn``);
Pulumi the target's id or ARN plus ``dependencies`` and ``propertyDependencies`` naming its URN. A case
whose ``terraform`` is ``None`` (or whose ``cloudformation``/``pulumi`` is ``None``) is left out of those
formats, so a format-specific helper resource (an ``AWS::EC2::FlowLog``) is a case of its own.
A :class:`Parameter` in CloudFormation properties is a ``Ref`` to a parameter the template declares without
a default (a value known only at deploy time), a :class:`Chosen` an ``Fn::If`` on a condition over one.

``formats`` limits which files are written, e.g. to keep a plan file written elsewhere beside the
generated ones; the writer then refuses HCL addresses that the kept plan also holds, because two formats
giving one resource id would hide one format's outcome behind the other's.

``provider`` names the Terraform provider of the cases (:func:`aws` in ``region`` by default). A provider
other than AWS (``Provider("azurerm", ...)``, ``Provider("google", ...)``) gets its ``provider`` block at
the top of ``main.tf`` and its source and settings in the plan; its cases are Terraform only.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from plan_builder import AWS_PROVIDER, UNKNOWN, Ref, Refs, Spec, build_plan  # noqa: E402

__all__ = [
    "ACCOUNT",
    "FORMATS",
    "REGION",
    "UNKNOWN",
    "Case",
    "Chosen",
    "Interpolated",
    "JsonEncoded",
    "Parameter",
    "Provider",
    "Ref",
    "TerraformOnly",
    "aws",
    "pascal",
    "terraform_only",
    "write",
]

REGION = "eu-west-1"
ACCOUNT = "482913057716"
FORMATS = ("terraform", "terraform-plan", "cloudformation", "pulumi")


@dataclass(frozen=True)
class Provider:
    """The Terraform provider the cases belong to.

    ``settings`` are its ``provider`` block's arguments (a nested block is a list of dicts, ``[{}]`` an empty
    one), written in ``main.tf`` when ``declared`` and in the plan's ``provider_config`` expressions.
    """

    key: str  # the provider's local name, e.g. "azurerm"
    source: str  # e.g. "registry.terraform.io/hashicorp/azurerm"
    version_constraint: str
    settings: Mapping[str, Any] = field(default_factory=dict)
    declared: bool = True

    def hcl(self) -> str:
        """The ``provider`` block that opens ``main.tf``, arguments aligned as ``terraform fmt`` does."""
        if not self.declared:
            return ""
        width = max((len(key) for key, value in self.settings.items() if not _is_blocks(value)), default=0)
        lines = [f'provider "{self.key}" {{']
        for key, value in self.settings.items():
            if not _is_blocks(value):
                lines.append(f"  {key.ljust(width)} = {_hcl_value(value)}")
                continue
            for block in value:
                body = _hcl_body(block, None, "    ")
                lines += [f"  {key} {{", *body, "  }"] if body else [f"  {key} {{}}"]
        return "\n".join([*lines, "}", "", ""])


def aws(region: str = REGION) -> Provider:
    """The AWS provider in ``region``; the fixtures leave its block out of ``main.tf``."""
    return Provider("aws", AWS_PROVIDER, "~> 5.60", {"region": region}, declared=False)


@dataclass(frozen=True)
class Interpolated:
    """A string template around one reference, e.g. "${azurerm_storage_account.x.id}/blobServices/default".

    Terraform only: HCL writes the template, the plan an unknown value whose expression is the reference.
    """

    ref: Ref
    suffix: str
    prefix: str = ""  # text before the reference: "storage.googleapis.com/${google_storage_bucket.x.name}"


@dataclass(frozen=True)
class JsonEncoded:
    """A ``jsonencode({...})`` of an object that may hold references (a bucket policy naming its bucket's
    ARN). Terraform HCL only: a plan holds its text, unknown as a whole when a reference is."""

    value: Mapping[str, Any]


@dataclass(frozen=True)
class Parameter:
    """A CloudFormation parameter declared without a ``Default``: its value is given only at deploy time.

    CloudFormation only: written ``{"Ref": name}`` where it stands and declared under ``Parameters``.
    """

    name: str
    type: str = "String"


@dataclass(frozen=True)
class Chosen:
    """A CloudFormation ``Fn::If`` whose condition compares a parameter declared without a default: which
    branch is taken is known only at deploy time. The condition is ``<parameter>IsTrue``."""

    parameter: str
    when_true: Any
    when_false: Any

    @property
    def condition(self) -> str:
        return f"{self.parameter}IsTrue"


@dataclass(frozen=True)
class Case:
    tf_type: str
    name: str  # snake_case, named by outcome; the CloudFormation logical id is its PascalCase
    terraform: Mapping[str, Any] | None  # None: not in main.tf nor the plan
    cloudformation: tuple[str, Mapping[str, Any]] | None = None  # (type, Properties)
    pulumi: tuple[str, Mapping[str, Any]] | None = None  # (type token, inputs)
    # Terraform arguments written as nested blocks (lists of dicts), matched by name at any depth;
    # None: every non-empty list of dicts is written as nested blocks.
    blocks: tuple[str, ...] | None = field(default=())
    # Plan values that differ from the configuration (computed attributes, UNKNOWN), merged over it.
    plan_values: Mapping[str, Any] = field(default_factory=dict)
    # The provider's values for arguments the configuration leaves out, shown under it in the plan only.
    # A dict default describes each block of a nested-block argument: it fills every block written, and a
    # block left out shows as an empty list, as in a plan.
    defaults: Mapping[str, Any] = field(default_factory=dict)
    # A data source (``data "<tf_type>" "<name>"``): written in main.tf only, as a plan holds the data
    # source's result rather than its arguments.
    data: bool = False
    # False: the case is written in main.tf but not in the plan (what HCL evaluates from source, such as a
    # data.aws_iam_policy_document, the plan knows only after apply).
    in_plan: bool = True
    # Addresses of resources the case depends on without referring to them (HCL depends_on, the plan's
    # configuration depends_on, Pulumi dependencies).
    depends_on: tuple[str, ...] = ()

    @property
    def address(self) -> str:
        return f"{'data.' if self.data else ''}{self.tf_type}.{self.name}"


class TerraformOnly(Protocol):
    """A Terraform-only case as the Azure and GCP case lists write it."""

    @property
    def type(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def arguments(self) -> Mapping[str, Any]: ...
    @property
    def defaults(self) -> Mapping[str, Any]: ...


def terraform_only(case: TerraformOnly) -> Case:
    """The :class:`Case` of a Terraform-only case; every non-empty list of dicts is a nested block."""
    return Case(case.type, case.name, case.arguments, blocks=None, defaults=case.defaults)


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _is_blocks(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


# --- HCL -------------------------------------------------------------------------------------------


def _hcl_key(key: str) -> str:
    """An object key as HCL writes it: bare when it is an identifier or already quoted, else quoted
    ("aws:SecureTransport")."""
    return key if re.fullmatch(r'[A-Za-z_][A-Za-z0-9_-]*|".*"', key) else json.dumps(key)


def _hcl_value(value: Any) -> str:
    if isinstance(value, JsonEncoded):
        return f"jsonencode({_hcl_value(value.value)})"
    if isinstance(value, Interpolated):
        return f'"{value.prefix}${{{_hcl_value(value.ref)}}}{value.suffix}"'
    if isinstance(value, Ref):
        return ".".join(part for part in (value.target, value.attribute) if part)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_hcl_key(key)} = {_hcl_value(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_hcl_value(item) for item in value) + "]"
    return json.dumps(value)


def _hcl_body(arguments: Mapping[str, Any], blocks: tuple[str, ...] | None, indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in arguments.items():
        if value is None:
            continue
        nested = _is_blocks(value) if blocks is None else key in blocks and isinstance(value, list | tuple)
        if nested:
            for block in value:
                lines.append(f"{indent}{key} {{")
                lines += _hcl_body(block, blocks, indent + "  ")
                lines.append(f"{indent}}}")
        else:
            lines.append(f"{indent}{key} = {_hcl_value(value)}")
    return lines


def hcl(case: Case) -> str:
    assert case.terraform is not None
    body = _hcl_body(case.terraform, case.blocks, "  ")
    if case.depends_on:
        body.append(f"  depends_on = [{', '.join(case.depends_on)}]")
    keyword = "data" if case.data else "resource"
    return "\n".join([f'{keyword} "{case.tf_type}" "{case.name}" {{', *body, "}", ""])


# --- Terraform plan --------------------------------------------------------------------------------


def _plan_value(value: Any) -> Any:
    if isinstance(value, Ref | Interpolated):
        return UNKNOWN  # a reference to an object created in the same plan is known only after apply
    if isinstance(value, Mapping):
        return {key: _plan_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plan_value(item) for item in value]
    return value


def _configured(value: Any) -> Any:
    """Configuration expressions: a list of references is one expression with several references."""
    if isinstance(value, list) and value and all(isinstance(item, Ref) for item in value):
        return Refs(tuple(value))
    if isinstance(value, Interpolated):
        return value.ref
    if isinstance(value, Mapping):
        return {key: _configured(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_configured(item) for item in value]
    return value


def _with_defaults(arguments: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The provider's defaults under what the configuration sets (see ``Case.defaults``)."""
    values: dict[str, Any] = {key: item for key, item in defaults.items() if not isinstance(item, dict)}
    values.update(arguments)
    for key, default in defaults.items():
        if not isinstance(default, dict):
            continue
        blocks = values.get(key)
        if isinstance(blocks, list) and _is_blocks(blocks):
            values[key] = [_with_defaults(block, default) for block in blocks]
        elif blocks is None:
            values[key] = []
    return values


def plan(cases: Sequence[Case], provider: Provider) -> dict[str, Any]:
    specs = [
        Spec(
            case.tf_type,
            case.name,
            {**_plan_value(_with_defaults(case.terraform, case.defaults)), **case.plan_values},
            _configured(case.terraform),
            provider_key=provider.key,
            depends_on=case.depends_on,
        )
        for case in cases
        if case.terraform is not None and case.in_plan and not case.data
    ]
    document: dict[str, Any] = build_plan(specs, providers={provider.key: provider.settings})
    # plan_builder writes the AWS provider; name the cases' own.
    planned = document["planned_values"]["root_module"].get("resources", [])
    for entry in [*planned, *document["resource_changes"]]:
        entry["provider_name"] = provider.source
    document["configuration"]["provider_config"][provider.key].update(
        name=provider.key, full_name=provider.source, version_constraint=provider.version_constraint
    )
    return document


# --- CloudFormation --------------------------------------------------------------------------------


def _cfn_value(value: Any, logical_ids: Mapping[str, str]) -> Any:
    if isinstance(value, Parameter):
        return {"Ref": value.name}
    if isinstance(value, Chosen):
        branches = [_cfn_value(value.when_true, logical_ids), _cfn_value(value.when_false, logical_ids)]
        return {"Fn::If": [value.condition, *branches]}
    if isinstance(value, Ref):
        target = logical_ids[value.target]
        if value.attribute in (None, "id", "name"):
            return {"Ref": target}
        return {"Fn::GetAtt": [target, pascal(value.attribute)]}
    if isinstance(value, Mapping):
        return {key: _cfn_value(item, logical_ids) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_cfn_value(item, logical_ids) for item in value]
    return value


def template(rule_id: str, cases: Sequence[Case]) -> dict[str, Any]:
    logical_ids = {case.address: pascal(case.name) for case in cases}
    resources = {
        pascal(case.name): {
            "Type": case.cloudformation[0],
            "Properties": _cfn_value(case.cloudformation[1], logical_ids),
        }
        for case in cases
        if case.cloudformation is not None
    }
    document: dict[str, Any] = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"{rule_id} fixtures: logical ids say the expected outcome.",
    }
    parameters: dict[str, Any] = {}
    conditions: dict[str, Any] = {}
    for case in cases:
        if case.cloudformation is None:
            continue
        for found in _parameters(case.cloudformation[1]):
            if isinstance(found, Chosen):
                parameters[found.parameter] = {"Type": "String", "AllowedValues": ["true", "false"]}
                conditions[found.condition] = {"Fn::Equals": [{"Ref": found.parameter}, "true"]}
            else:
                parameters[found.name] = {"Type": found.type}
    if parameters:
        document["Parameters"] = parameters
    if conditions:
        document["Conditions"] = conditions
    document["Resources"] = resources
    return document


def _parameters(value: Any) -> list[Parameter | Chosen]:
    if isinstance(value, Parameter):
        return [value]
    if isinstance(value, Chosen):
        return [value, *_parameters(value.when_true), *_parameters(value.when_false)]
    if isinstance(value, Mapping):
        return [found for item in value.values() for found in _parameters(item)]
    if isinstance(value, list | tuple):
        return [found for item in value for found in _parameters(item)]
    return []


# --- Pulumi ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _PulumiTarget:
    urn: str
    id: str
    arn: str


def _pulumi_value(value: Any, targets: Mapping[str, _PulumiTarget], used: set[str]) -> Any:
    if isinstance(value, Ref):
        target = targets[value.target]
        used.add(target.urn)
        return target.arn if value.attribute == "arn" else target.id
    if isinstance(value, Mapping):
        return {key: _pulumi_value(item, targets, used) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_pulumi_value(item, targets, used) for item in value]
    return value


def stack_export(cases: Sequence[Case], region: str, project: str, stack: str) -> dict[str, Any]:
    prefix = f"urn:pulumi:{stack}::{project}::"
    root_urn = f"{prefix}pulumi:pulumi:Stack::{project}-{stack}"
    provider_urn = f"{prefix}pulumi:providers:aws::default_6_63_0"
    targets = {
        case.address: _PulumiTarget(
            urn=f"{prefix}{case.pulumi[0]}::{case.name}",
            id=case.name,
            arn=f"arn:aws:{case.tf_type.split('_')[1]}:{region}:{ACCOUNT}:{case.name}",
        )
        for case in cases
        if case.pulumi is not None
    }
    resources: list[dict[str, Any]] = [
        {"urn": root_urn, "custom": False, "type": "pulumi:pulumi:Stack"},
        {
            "urn": provider_urn,
            "custom": True,
            "id": "default_6_63_0-id",
            "type": "pulumi:providers:aws",
            "inputs": {"region": region},
            "outputs": {"region": region},
        },
    ]
    for case in cases:
        if case.pulumi is None:
            continue
        token, raw_inputs = case.pulumi
        inputs: dict[str, Any] = {}
        property_dependencies: dict[str, list[str]] = {}
        for key, value in raw_inputs.items():
            used: set[str] = set()
            inputs[key] = _pulumi_value(value, targets, used)
            if used:
                property_dependencies[key] = sorted(used)
        entry: dict[str, Any] = {
            "urn": targets[case.address].urn,
            "custom": True,
            "id": case.name,
            "type": token,
            "inputs": inputs,
            "outputs": inputs,
            "parent": root_urn,
            "provider": f"{provider_urn}::default_6_63_0-id",
        }
        depends_on = {targets[address].urn for address in case.depends_on}
        if property_dependencies or depends_on:
            entry["dependencies"] = sorted(
                {urn for urns in property_dependencies.values() for urn in urns} | depends_on
            )
        if property_dependencies:
            entry["propertyDependencies"] = property_dependencies
        resources.append(entry)
    manifest = {"time": "2025-06-02T09:14:27Z", "magic": project, "version": "v3.136.1"}
    return {"version": 3, "deployment": {"manifest": manifest, "resources": resources}}


# --- Writing ---------------------------------------------------------------------------------------


def _kept_plan_addresses(directory: Path) -> set[str]:
    addresses: set[str] = set()
    for path in directory.glob("*.tfplan.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        addresses |= {change["address"] for change in document.get("resource_changes", [])}
    return addresses


def write(
    pack: str,
    rule_id: str,
    cases: Sequence[Case],
    *,
    formats: Iterable[str] = FORMATS,
    region: str = REGION,
    provider: Provider | None = None,
    project: str = "fixtures",
    stack: str = "prod",
    root: Path = ROOT,
) -> list[Path]:
    """Write the fixture files of ``rule_id`` under ``<root>/fixtures/<pack>/``; returns the files written.

    A format's file is written only when it is in ``formats`` and some case has that format's part.
    ``provider`` defaults to :func:`aws` in ``region``, the region the Pulumi resources are placed in too.
    """
    wanted = set(formats)
    unknown = wanted - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown fixture formats {sorted(unknown)}; choose from {FORMATS}")
    provider = provider or aws(region)
    if provider.key != "aws" and any(case.cloudformation or case.pulumi for case in cases):
        raise ValueError(f"{rule_id}: CloudFormation and Pulumi cases are written for AWS only")
    directory = root / "fixtures" / pack / rule_id
    directory.mkdir(parents=True, exist_ok=True)
    terraform = [case for case in cases if case.terraform is not None]
    written: list[Path] = []

    def emit(name: str, text: str) -> None:
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)

    if "terraform" in wanted and terraform:
        if "terraform-plan" not in wanted:
            clashes = sorted(_kept_plan_addresses(directory) & {case.address for case in terraform})
            if clashes:
                raise ValueError(f"{rule_id}: HCL addresses also in the kept plan: {', '.join(clashes)}")
        header = f"# {rule_id}: resources are named by the outcome the rule must give them.\n\n"
        emit("main.tf", header + provider.hcl() + "\n".join(hcl(case) for case in terraform))
    if "terraform-plan" in wanted and terraform:
        emit(f"{rule_id}.tfplan.json", json.dumps(plan(cases, provider), indent=2) + "\n")
    if "cloudformation" in wanted and any(case.cloudformation for case in cases):
        emit("template.yaml", yaml.safe_dump(template(rule_id, cases), sort_keys=False))
    if "pulumi" in wanted and any(case.pulumi for case in cases):
        export = stack_export(cases, region, project, stack)
        emit(f"{rule_id}.pulumi.json", json.dumps(export, indent=1) + "\n")
    return written
