"""Where a root module keeps its state: its ``terraform { backend "<kind>" {...} }`` (or ``cloud {}``)
block as one graph node, so that rules can judge state storage like any resource.

The node has the canonical type ``terraform_backend`` and the id ``terraform_backend.<root>`` (the root
module directory's last name, ``root`` for the scan root: one node per unit); its attributes are
the backend's own arguments plus ``backend`` (the kind: ``s3``, ``azurerm``, ``gcs``, ``http``, ``local``,
``remote``, ``cloud``...), ``declared`` (whether the configuration writes a backend block at all: without
one Terraform keeps the state in a local file) and ``has_provider`` (whether the root writes a
``provider`` block, which is what makes a root "deployed" by default: a reusable module declares resources
but leaves provider configuration to its callers). A root that neither declares a backend nor configures a
provider gets no node.

Terraform allows only literal values in a backend block (no variables, no functions): anything else is
kept as unknown with that reason. A partial configuration leaves arguments to ``terraform init
-backend-config``: the user gives the same arguments to the scan (``--backend-config``, or
``terraform.backend_config`` in iacgate.yaml), applied in order after the block's own, and a finding on
one given in a file is placed at its line there. Without them, what the block does not write is not set.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iacgate.graph.model import Resource, SourceLocation, Unknown, ValueOrigin, under
from iacgate.notifications import Notification
from iacgate.parsers import node_types
from iacgate.parsers.base import BackendSetting
from iacgate.parsers.terraform.config import Located, ModuleConfig
from iacgate.parsers.terraform.syntax import Block, Expr

TYPE = node_types.TERRAFORM_BACKEND
_NOT_LITERAL = Unknown("not a literal: Terraform allows only literal values in a backend block")


@dataclass(frozen=True)
class BackendBlock:
    """The backend a root module declares: its kind, block, file, and the ``terraform`` block around it."""

    kind: str
    block: Block | None
    file: str
    settings: Block


def literal(expr: Expr) -> Any:
    """A backend argument's value: literals, templates without interpolation, tuples and objects of them."""
    tag = expr[0]
    if tag == "L":
        return expr[1]
    if tag == "T" and all(isinstance(part, str) for part in expr[1]):
        return "".join(expr[1])
    if tag == "T1":
        return literal(expr[1])
    if tag == "TU":
        return [literal(item) for item in expr[1]]
    if tag == "O":
        out: dict[str, Any] = {}
        for key_expr, value_expr in expr[1]:
            key = key_expr[1] if key_expr[0] == "L" else _traversal_name(key_expr)
            if key is None:
                return _NOT_LITERAL
            out[str(key)] = literal(value_expr)
        return out
    return _NOT_LITERAL


def _traversal_name(expr: Expr) -> str | None:
    # An object key written bare (``{ role_arn = "..." }``) parses as a root name.
    return str(expr[1]) if expr[0] == "V" else None


def _body(block: Block, prefix: str, lines: dict[str, int]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, attribute in block.attributes.items():
        values[name] = literal(attribute.expr)
        lines[f"{prefix}{name}"] = attribute.line
    for child in block.blocks:
        # Nested blocks (s3 backend assume_role) as Terraform's lists of objects.
        siblings = values.setdefault(child.type, [])
        if isinstance(siblings, list):
            lines.setdefault(f"{prefix}{child.type}", child.start)
            siblings.append(_body(child, f"{prefix}{child.type}[{len(siblings)}].", lines))
    return values


def find_backend(settings: Iterable[Located]) -> BackendBlock | None:
    """The first ``backend`` or ``cloud`` block of the module's ``terraform`` blocks (Terraform refuses
    more than one)."""
    for located in settings:
        for child in located.block.blocks:
            if child.type == "backend" and len(child.labels) == 1:
                return BackendBlock(child.labels[0], child, located.file, located.block)
            if child.type == "cloud":
                return BackendBlock("cloud", child, located.file, located.block)
    return None


def _given(
    settings: Iterable[BackendSetting], scan_root: Path, notes: list[Notification]
) -> Iterator[tuple[str, Any, ValueOrigin]]:
    """The ``-backend-config`` arguments: (name, value, where it was given), in order."""
    from iacgate.parsers.terraform.rootvalues import hcl_assignments, read_text, shown_path

    for setting in settings:
        if setting.file is None:
            # terraform init converts the text to the argument's type: booleans are the ones judged here.
            value: Any = {"true": True, "false": False}.get(setting.value, setting.value)
            yield setting.key, value, ValueOrigin(f"--backend-config {setting.key}")
            continue
        shown = shown_path(setting.file, scan_root)
        what = "backend configuration file"
        if not setting.file.is_file():
            notes.append(Notification("error", f"{what} {setting.file} not found"))
            continue
        text = read_text(setting.file, shown, notes, what)
        if text is None:
            continue
        for name, attribute in hcl_assignments(text, shown, notes, what).items():
            origin = ValueOrigin(f"the {what} {shown}", shown, attribute.line, decides=True)
            yield name, literal(attribute.expr), origin


def backend_resource(
    config: ModuleConfig,
    settings: tuple[BackendSetting, ...] = (),
    scan_root: Path = Path("."),
    notes: list[Notification] | None = None,
) -> Resource | None:
    """The root module's ``terraform_backend`` node; None when it declares no backend and deploys nothing.
    ``settings`` (``terraform init -backend-config``) complete a declared backend; problems reading them
    are added to ``notes``."""
    found = find_backend(config.settings)
    # A provider block: what a reusable module (resources and required_providers only) does not write.
    has_provider = bool(config.providers)
    if found is None and not has_provider:
        return None
    lines: dict[str, int] = {}
    attributes: dict[str, Any] = {}
    if found is not None and found.block is not None:
        attributes.update(_body(found.block, "", lines))
        origins: dict[str, ValueOrigin] = {}
        if found.kind != "cloud":
            for name, value, origin in _given(settings, scan_root, [] if notes is None else notes):
                attributes[name] = value
                origins[name] = origin
                lines = {path: number for path, number in lines.items() if not under(path, name)}
        location = SourceLocation(found.file, found.block.start, found.block.end, lines, origins)
    else:
        where = config.settings[0] if config.settings else (config.providers[0] if config.providers else None)
        if where is not None:
            location = SourceLocation(where.file, where.block.start, where.block.end, {})
        else:
            first = min(config.resources.values(), key=lambda r: (r.file, r.block.start))
            location = SourceLocation(first.file, first.block.start, first.block.start, {})
    attributes["backend"] = found.kind if found is not None else "local"
    attributes["declared"] = found is not None
    attributes["has_provider"] = has_provider
    attributes["root"] = config.directory or "."
    name = posixpath.basename(config.directory).replace(".", "_") if config.directory else "root"
    return Resource(
        id=f"{TYPE}.{name or 'root'}",
        format="terraform",
        native_type=TYPE,
        type=TYPE,
        provider="terraform",
        region=Unknown("a backend has no region of its own"),
        region_source="none",
        attributes=attributes,
        tags={},
        location=location,
    )
