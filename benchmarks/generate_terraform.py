"""Deterministic Terraform HCL for benchmarks: the generated plan's configuration written back as .tf files.

    python benchmarks/generate_terraform.py --resources 1000 --seed 7 -o benchmarks/.generated/hcl-1000

The configuration section of ``generate.generate_plan`` already holds every argument as a constant or as
references, so writing it as HCL gives a module with the same mix of types, compliant and non-compliant
settings and reference edges (the bucket of an encryption configuration, the VPC of a flow log).
Resources inside child modules and those using count/for_each are left out; the plan is generated
large enough to leave exactly the requested number in the root module, 100 per file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from generate import generate_plan

PER_FILE = 100
PROVIDERS = """\
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}

provider "aws" {
  region = "eu-west-1"
}
"""


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value).replace("${", "$${").replace("%{", "%%{")
    if isinstance(value, list):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    return "{ " + ", ".join(f"{json.dumps(key)} = {_literal(item)}" for key, item in value.items()) + " }"


def _expression(expression: dict[str, Any]) -> str:
    if "constant_value" in expression:
        return _literal(expression["constant_value"])
    return str(expression["references"][0])


def _body(expressions: dict[str, Any], indent: str) -> list[str]:
    lines: list[str] = []
    for name, expression in expressions.items():
        if isinstance(expression, list):
            for block in expression:
                lines.append(f"{indent}{name} {{")
                lines.extend(_body(block, indent + "  "))
                lines.append(f"{indent}}}")
        elif isinstance(expression, dict) and (
            "constant_value" in expression or expression.get("references")
        ):
            lines.append(f"{indent}{name} = {_expression(expression)}")
    return lines


def root_resources(resources: int, seed: int) -> list[dict[str, Any]]:
    size = resources
    while True:
        configuration = generate_plan(size, seed)["configuration"]["root_module"]["resources"]
        plain = [
            entry
            for entry in configuration
            if entry["mode"] == "managed"
            and "count_expression" not in entry
            and "for_each_expression" not in entry
        ]
        if len(plain) >= resources:
            return plain[:resources]
        size += resources - len(plain) + 50


def write_module(directory: Path, resources: int, seed: int) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.tf"):
        stale.unlink()
    entries = root_resources(resources, seed)
    names = {f"{entry['type']}.{entry['name']}" for entry in entries}
    written = [directory / "providers.tf"]
    written[0].write_text(PROVIDERS, encoding="utf-8")
    for start in range(0, len(entries), PER_FILE):
        lines: list[str] = []
        for entry in entries[start : start + PER_FILE]:
            # A reference to a resource left out (in a module) would be an unresolvable address.
            expressions = {
                name: expression
                for name, expression in entry["expressions"].items()
                if not (
                    isinstance(expression, dict)
                    and expression.get("references")
                    and ".".join(str(expression["references"][-1]).split(".")[:2]) not in names
                )
            }
            lines.append(f'resource "{entry["type"]}" "{entry["name"]}" {{')
            lines.extend(_body(expressions, "  "))
            lines.append("}\n")
        path = directory / f"resources_{start // PER_FILE:03d}.tf"
        path.write_text("\n".join(lines), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True, help="directory to write the module into")
    args = parser.parse_args(argv)
    files = write_module(args.output, args.resources, args.seed)
    print(f"{args.resources} resources in {len(files)} files under {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
