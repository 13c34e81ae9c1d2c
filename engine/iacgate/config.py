"""``iacgate.yaml``: found at the scan root or named with ``--config``, validated against its schema."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iacgate.errors import ConfigError
from iacgate.notifications import Notification
from iacgate.packs.custom import is_pack_path
from iacgate.parsers.base import BackendSetting
from iacgate.schemas import load_schema
from iacgate.severity import Severity

CONFIG_NAME = "iacgate.yaml"
# The longest a waiver may run when no trusted configuration says otherwise (max_waiver_days).
DEFAULT_MAX_WAIVER_DAYS = 365


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
    shown: str | None = None
    key_lines: Mapping[str, int] = field(default_factory=dict)
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
    backend_config: tuple[BackendSetting, ...] = ()
    source_dirs: tuple[Path, ...] = ()
    parameters: Mapping[str, str] = field(default_factory=dict)
    parameter_files: tuple[Path, ...] = ()
    # Exceptions and enforcement: see waivers.py and enforcement.py.
    waivers: Path | None = None
    # Approved changes (approvals.py): trusted like waivers.
    approvals: Path | None = None
    max_waiver_days: int | None = None
    inline_waivers: bool = True
    enforcement: Mapping[str, str] = field(default_factory=dict)
    fail_on_undetermined: bool = False


def _scalar_text(value: Any) -> str:
    # HCL and CloudFormation both take these as strings on their command lines.
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def load_config(path: Path, text: str | None = None, shown: str | None = None) -> Config:
    """Read ``path`` (or take its ``text``, e.g. read from a trusted git ref); ``shown`` names it in errors.
    Relative paths inside are relative to ``path``'s directory on disk either way."""
    import yaml  # on use: PyYAML costs 15 ms of every run that reads no YAML

    from iacgate.yamlio import line_of, safe_load

    name = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
        document = safe_load(text) or {}
    except OSError as exc:
        raise ConfigError(f"{name}: cannot read config: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{name}{line}: {problem}") from None
    if not isinstance(document, dict):
        raise ConfigError(f"{name}:1: top level: expected a mapping of settings")
    import jsonschema  # here, not at the top: 0.2 s of import every pre-commit run without this file

    validator = jsonschema.Draft202012Validator(load_schema("config.schema.json"))
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    if errors:
        first = errors[0]
        line_number = line_of(yaml.compose(text), list(first.absolute_path))
        where = "/".join(str(part) for part in first.absolute_path) or "top level"
        raise ConfigError(f"{name}:{line_number}: {where}: {first.message}")
    settings = dict(document.get("settings", {}))
    if "residency" in document:
        if "residency" in settings:
            line_number = line_of(yaml.compose(text), ["residency"])
            raise ConfigError(f"{name}:{line_number}: residency: given both here and under settings")
        # Policies read it as input.settings.residency, like any other policy parameter.
        settings["residency"] = document["residency"]
    base = path.parent
    opa = document.get("opa", {})
    terraform = document.get("terraform", {})
    cloudformation = document.get("cloudformation", {})
    node = yaml.compose(text)
    return Config(
        path=path,
        shown=name,
        key_lines={str(key): line_of(node, [str(key)]) for key in document},
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
        backend_config=tuple(
            BackendSetting.of(str(item), base) for item in terraform.get("backend_config", ())
        ),
        source_dirs=tuple(base / name for name in terraform.get("source_dirs", ())),
        parameters={
            name: _scalar_text(value) for name, value in cloudformation.get("parameters", {}).items()
        },
        parameter_files=tuple(base / name for name in cloudformation.get("parameter_files", ())),
        waivers=base / document["waivers"] if "waivers" in document else None,
        approvals=base / document["approvals"] if "approvals" in document else None,
        max_waiver_days=document.get("max_waiver_days"),
        inline_waivers=document.get("inline_waivers", True),
        enforcement=dict(document.get("enforcement", {})),
        fail_on_undetermined=bool(document.get("fail_on_undetermined", False)),
    )


def find_config(explicit: Path | None, root: Path) -> Config:
    if explicit is not None:
        return load_config(explicit)
    candidate = root / CONFIG_NAME
    return load_config(candidate) if candidate.is_file() else Config()


_WHY = (
    "configuration found in the scanned tree may only tighten the gate (name a trusted file with "
    "--config, or read it from a protected branch with --trusted-ref)"
)


def tighten_only(config: Config) -> tuple[Config, tuple[Notification, ...]]:
    """The part of an untrusted ``iacgate.yaml`` (found in the scanned tree, no trusted ref) that can only
    make the gate stricter, and a warning for every setting left out. Nothing from it chooses where
    requests or credentials go, names a file to read, or runs custom policies."""
    notes: list[Notification] = []
    ignored: list[tuple[int, str]] = []
    file = config.shown

    def ignore(key: str, what: str) -> None:
        ignored.append((config.key_lines.get(key, 0), what))

    default = Config()
    fail_on = config.fail_on
    if fail_on is not None and fail_on.rank > Severity.HIGH.rank:
        ignore("fail_on", f"fail_on: {fail_on.value} (less strict than the default, high)")
        fail_on = None
    if config.packs or config.pack_dirs:
        ignore("packs", "packs (a pack selection or custom packs)")
    if config.exclude:
        ignore("exclude", "exclude")
    weaker = {name: level for name, level in config.enforcement.items() if level != "hard-mandatory"}
    if weaker:
        listed = ", ".join(f"{name}: {level}" for name, level in sorted(weaker.items()))
        ignore("enforcement", f"enforcement ({listed})")
    if config.engine not in (None, "embedded") or config.opa != default.opa:
        ignore("opa" if "opa" in config.key_lines else "engine", "engine and opa (server, token, CA)")
    if config.waivers is not None:
        ignore("waivers", "waivers")
    if config.approvals is not None:
        ignore("approvals", "approvals")
    inputs = {
        "region": config.region is not None,
        "terraform": bool(
            config.variables or config.var_files or config.backend_config or config.source_dirs
        ),
        "cloudformation": bool(config.parameters or config.parameter_files),
    }
    for key, present in inputs.items():
        if present and key in config.key_lines:
            ignore(key, f"{key} (values the scan assumes)")
    # Policy parameters: residency only adds checks (without it the pack does not run); the others
    # (minimum retentions) could only be lowered below the policies' defaults from here.
    settings = {key: value for key, value in config.settings.items() if key == "residency"}
    dropped = sorted(set(config.settings) - set(settings))
    if dropped:
        ignore("settings", f"settings ({', '.join(dropped)})")
    if "residency" in settings:
        notes.append(
            Notification(
                "note",
                "residency taken from configuration in the scanned tree: a change can widen its allowed "
                "regions; read it from a protected branch with --trusted-ref",
                file,
                config.key_lines.get("residency", config.key_lines.get("settings", 0)),
            )
        )
    max_days = config.max_waiver_days
    if max_days is not None and max_days > DEFAULT_MAX_WAIVER_DAYS:
        ignore(
            "max_waiver_days",
            f"max_waiver_days: {max_days} (longer than the default, {DEFAULT_MAX_WAIVER_DAYS})",
        )
        max_days = None
    if ignored:
        ignored.sort()
        listed = "; ".join(what for _, what in ignored)
        notes.insert(0, Notification("warning", f"ignored {listed}: {_WHY}", file, ignored[0][0]))
    tightened = Config(
        path=config.path,
        shown=config.shown,
        key_lines=config.key_lines,
        fail_on=fail_on,
        format=config.format,
        settings=settings,
        enforcement={},
        inline_waivers=config.inline_waivers,
        max_waiver_days=max_days,
        fail_on_undetermined=config.fail_on_undetermined,
    )
    return tightened, tuple(notes)
