"""What a stack is given from outside: parameter values, pseudo parameters, and where child templates are."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from iacgate.graph.model import Unknown

NO_REGION = Unknown("deployment region not given: pass --region or set cloudformation.region")


# The partitions other than aws, by the prefix of their regions' names, with their domain suffix (as the
# AWS SDKs' partitions.json lists them).
_PARTITIONS = (
    ("cn-", "aws-cn", "amazonaws.com.cn"),
    ("us-gov-", "aws-us-gov", "amazonaws.com"),
    ("us-iso-", "aws-iso", "c2s.ic.gov"),
    ("us-isob-", "aws-iso-b", "sc2s.sgov.gov"),
    ("eu-isoe-", "aws-iso-e", "cloud.adc-e.uk"),
    ("us-isof-", "aws-iso-f", "csp.hci.ic.gov"),
    ("eusc-", "aws-eusc", "amazonaws.eu"),
)


# The pseudo parameters a scan may be given as parameters (--parameter AWS::AccountId=...): what the
# deployment, not the template, fixes. The region is --region.
GIVEN_PSEUDO = frozenset({"AWS::AccountId", "AWS::StackName"})


def pseudo_parameters(
    region: str | None, stack_name: str | None, account_id: str | None = None
) -> dict[str, Any]:
    partition, suffix = next(
        ((name, domain) for prefix, name, domain in _PARTITIONS if region and region.startswith(prefix)),
        ("aws", "amazonaws.com"),
    )
    return {
        "AWS::Region": region
        or Unknown("deployment region not given: pass --region or set cloudformation.region"),
        "AWS::Partition": partition,
        "AWS::URLSuffix": suffix,
        "AWS::AccountId": account_id
        or Unknown(
            "AWS::AccountId: the deploying account is known at deploy time (pass --parameter "
            "AWS::AccountId=ID)"
        ),
        "AWS::StackName": stack_name or Unknown("AWS::StackName: chosen at deploy time"),
        "AWS::StackId": Unknown("AWS::StackId: known after deploy"),
        "AWS::NotificationARNs": Unknown("AWS::NotificationARNs: chosen at deploy time"),
    }


def parameter_values(declared: Any, given: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, spec in (declared if isinstance(declared, dict) else {}).items():
        spec = spec if isinstance(spec, dict) else {}
        kind = str(spec.get("Type", "String"))
        if name in given:
            value = given[name]
        elif "Default" in spec:
            value = spec["Default"]
        else:
            values[name] = Unknown(f"parameter {name} has no value: pass --parameter {name}=VALUE")
            continue
        if kind.startswith("AWS::SSM::Parameter::Value"):
            value = Unknown(f"parameter {name} is read from SSM parameter {value!r} at deploy time")
        elif (kind == "CommaDelimitedList" or kind.startswith("List<")) and isinstance(value, str):
            value = [part.strip() for part in value.split(",")]
        values[name] = value  # a Number as written: Ref gives its text ("01"), Evaluator.ref a number
    return values


def number_parameters(declared: Any) -> frozenset[str]:
    """The names of the parameters of type ``Number``."""
    specs = declared if isinstance(declared, dict) else {}
    return frozenset(
        name for name, spec in specs.items() if isinstance(spec, dict) and spec.get("Type") == "Number"
    )


def as_number(value: Any) -> Any:
    """A Number parameter's text as the number a property of a number type receives; else the value."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return int(value) if value.strip().lstrip("-").isdigit() else float(value)
    return value


def template_url_hint(value: Any) -> str | None:
    """A TemplateURL's literal shape, unresolved parts as ``${...}``: enough to find a local file."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        key, arg = next(iter(value.items()))
        if key == "Fn::Sub":
            return (
                arg
                if isinstance(arg, str)
                else arg[0]
                if isinstance(arg, list) and arg and isinstance(arg[0], str)
                else None
            )
        if key == "Fn::Join" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
            return str(arg[0]).join(part if isinstance(part, str) else "${x}" for part in arg[1])
    return None


def child_candidates(parent: Path, hint: str) -> list[Path]:
    location = hint.split("://", 1)[1].split("/", 1)[-1] if "://" in hint else hint
    segments = [part for part in location.split("?", 1)[0].split("/") if part and part != "."]
    usable: list[str] = []
    for part in reversed(segments):
        if "${" in part:
            break
        usable.insert(0, part)
    return [parent.parent.joinpath(*usable[index:]) for index in range(len(usable))]
