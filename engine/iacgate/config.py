"""``iacgate.yaml``: found at the scan root or named with ``--config``, validated against its schema."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from iacgate.errors import ConfigError
from iacgate.packs.custom import is_pack_path
from iacgate.schemas import load_schema
from iacgate.severity import Severity

CONFIG_NAME = "iacgate.yaml"


@dataclass(frozen=True)
class OpaConfig:
    url: str | None = None
    token_file: Path | None = None
    ca_bundle: Path | None = None
    upload: bool = True
    timeout_seconds: float = 30.0


@dataclass(frozen=True)
class Config:
    """Settings from iacgate.yaml; relative paths in it are relative to the file, not the working dir."""

    path: Path | None = None
    fail_on: Severity | None = None
    packs: tuple[str, ...] = ()
    pack_dirs: tuple[Path, ...] = ()
    format: str | None = None
    exclude: tuple[str, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)
    engine: str | None = None
    opa: OpaConfig = field(default_factory=OpaConfig)
    region: str | None = None
    variables: Mapping[str, str] = field(default_factory=dict)
    var_files: tuple[Path, ...] = ()
    source_dirs: tuple[Path, ...] = ()
    parameters: Mapping[str, str] = field(default_factory=dict)
    parameter_files: tuple[Path, ...] = ()
    # Exceptions and enforcement: see waivers.py and enforcement.py.
    waivers: Path | None = None
    max_waiver_days: int | None = None
    inline_waivers: bool = True
    enforcement: Mapping[str, str] = field(default_factory=dict)


def _scalar_text(value: Any) -> str:
    # HCL and CloudFormation both take these as strings on their command lines.
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _line_of(document_node: yaml.Node | None, path: list[str | int]) -> int:
    node = document_node
    for part in path:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1 if node is not None else 1


def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
        document = yaml.safe_load(text) or {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}{line}: {problem}") from None
    import jsonschema  # here, not at the top: 0.2 s of import every pre-commit run without this file

    validator = jsonschema.Draft202012Validator(load_schema("config.schema.json"))
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    if errors:
        first = errors[0]
        line_number = _line_of(yaml.compose(text), list(first.absolute_path))
        where = "/".join(str(part) for part in first.absolute_path) or "top level"
        raise ConfigError(f"{path}:{line_number}: {where}: {first.message}")
    settings = dict(document.get("settings", {}))
    if "residency" in document:
        if "residency" in settings:
            line_number = _line_of(yaml.compose(text), ["residency"])
            raise ConfigError(f"{path}:{line_number}: residency: given both here and under settings")
        # Policies read it as input.settings.residency, like any other policy parameter.
        settings["residency"] = document["residency"]
    base = path.parent
    opa = document.get("opa", {})
    terraform = document.get("terraform", {})
    cloudformation = document.get("cloudformation", {})
    return Config(
        path=path,
        fail_on=Severity(document["fail_on"]) if "fail_on" in document else None,
        # One list for both: built-in pack ids, and paths (relative to this file) of custom pack directories.
        packs=tuple(entry for entry in document.get("packs", ()) if not is_pack_path(entry)),
        pack_dirs=tuple(
            base / Path(entry).expanduser() for entry in document.get("packs", ()) if is_pack_path(entry)
        ),
        format=document.get("format"),
        exclude=tuple(document.get("exclude", ())),
        settings=settings,
        engine=document.get("engine"),
        opa=OpaConfig(
            url=opa.get("url"),
            token_file=base / opa["token_file"] if "token_file" in opa else None,
            ca_bundle=base / opa["ca_bundle"] if "ca_bundle" in opa else None,
            upload=opa.get("upload", True),
            timeout_seconds=float(opa.get("timeout_seconds", 30.0)),
        ),
        region=cloudformation.get("region", document.get("region")),
        variables={name: _scalar_text(value) for name, value in terraform.get("vars", {}).items()},
        var_files=tuple(base / name for name in terraform.get("var_files", ())),
        source_dirs=tuple(base / name for name in terraform.get("source_dirs", ())),
        parameters={
            name: _scalar_text(value) for name, value in cloudformation.get("parameters", {}).items()
        },
        parameter_files=tuple(base / name for name in cloudformation.get("parameter_files", ())),
        waivers=base / document["waivers"] if "waivers" in document else None,
        max_waiver_days=document.get("max_waiver_days"),
        inline_waivers=document.get("inline_waivers", True),
        enforcement=dict(document.get("enforcement", {})),
    )


def find_config(explicit: Path | None, root: Path) -> Config:
    if explicit is not None:
        return load_config(explicit)
    candidate = root / CONFIG_NAME
    return load_config(candidate) if candidate.is_file() else Config()
