"""Terraform HCL source (``.tf``, ``.tf.json``, and OpenTofu's ``.tofu``, ``.tofu.json``) resolved the way
Terraform would, as far as statically possible.

Files are grouped by directory into modules. A directory that another scanned module calls through a
local source (``./x``, ``../x``) is evaluated through its callers, never as a root with missing inputs;
every other directory is a root module and one unit of the scan. See ``program`` for the evaluation,
``rootvalues`` for variable precedence, ``providers`` for regions and default tags.

Terraform and OpenTofu read a directory alike, except that Terraform ignores ``.tofu`` files and OpenTofu
reads ``x.tofu`` instead of an ``x.tf`` beside it (``x.tofu.json`` instead of ``x.tf.json``). Which of the
two deploys a module is not written anywhere, so a root whose modules hold such a pair is judged twice,
once as each tool reads it (units ``<dir> (OpenTofu)`` and ``<dir> (Terraform)``): a ``.tofu`` file added
beside a ``.tf`` one cannot hide it from the gate. Anywhere else both read the same resources, once.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from iacgate.errors import ParseError
from iacgate.notifications import Notification
from iacgate.parsers import claims
from iacgate.parsers.base import ParseOptions, ParseResult, ReadRoots
from iacgate.parsers.terraform.backends import TYPE as BACKEND_TYPE
from iacgate.parsers.terraform.backends import backend_resource
from iacgate.parsers.terraform.budget import BudgetExceeded
from iacgate.parsers.terraform.config import ModuleConfig
from iacgate.parsers.terraform.declarations import declaration_nodes
from iacgate.parsers.terraform.escapes import check_escapes
from iacgate.parsers.terraform.load import is_json_source, parse_files
from iacgate.parsers.terraform.program import FORMAT, LOCAL_PREFIXES, Program, local_target, source_of
from iacgate.parsers.terraform.syntax import ParsedFile
from iacgate.textio import SourceFile, read_source

_SUFFIXES = claims.TERRAFORM_SUFFIXES
# How a directory's files are read: as OpenTofu does (every file but a ``.tf`` whose ``.tofu`` twin is
# there), which is also Terraform's reading where no file has a twin; or as Terraform does (no ``.tofu``).
OPENTOFU = "OpenTofu"
TERRAFORM = "Terraform"


def _directory(relative: str) -> str:
    parent = posixpath.dirname(relative)
    return parent


def _twin(name: str) -> str | None:
    """The OpenTofu file that replaces ``name`` for OpenTofu (``main.tf`` -> ``main.tofu``), if any."""
    for terraform, opentofu in ((".tf", ".tofu"), (".tf.json", ".tofu.json")):
        if name.endswith(terraform):
            return name[: -len(terraform)] + opentofu
    return None


def _shadowed(names: Sequence[str]) -> set[str]:
    """The files of one directory OpenTofu does not read, a ``.tofu`` twin being there (exact names, as
    OpenTofu compares them)."""
    present = set(names)
    return {name for name in names if (twin := _twin(name)) is not None and twin in present}


def _in_view(names: Sequence[str], view: str) -> list[str]:
    """The files of one directory (base names) the tool ``view`` reads."""
    if view == TERRAFORM:
        return [name for name in names if not name.endswith(claims.OPENTOFU_SUFFIXES)]
    shadowed = _shadowed(names)
    return [name for name in names if name not in shadowed]


def _parse(sources: Sequence[SourceFile], scan_root: Path) -> tuple[list[ParsedFile], list[ParseError]]:
    """``parse_files``, after refusing native-syntax files with escapes that make no character."""
    readable: list[SourceFile] = []
    refused: list[ParseError] = []
    for source in sources:
        try:
            if not is_json_source(source.relative):
                check_escapes(source.text, source.relative)
        except ParseError as error:
            refused.append(error)
        else:
            readable.append(source)
    parsed, errors = parse_files(readable, scan_root)
    return parsed, refused + errors


class _Configs:
    """Module configurations by scan-root-relative directory: the scanned ones, and others read from disk
    on demand (a called module outside the given paths, or under ``.terraform/modules``)."""

    def __init__(
        self,
        scanned: dict[str, ModuleConfig],
        scan_root: Path,
        readable: ReadRoots,
        view: str = OPENTOFU,
        twinned: set[str] | None = None,
    ) -> None:
        self.scanned = scanned
        self.scan_root = scan_root.resolve()
        self.readable = readable
        self.view = view
        # Directories holding a .tf file with a .tofu twin: the tools read them differently.
        self.twinned: set[str] = set() if twinned is None else twinned
        self.notifications: list[Notification] = []

    def __call__(self, directory: str) -> ModuleConfig | None:
        if directory in self.scanned:
            return self.scanned[directory]
        absolute = (self.scan_root / directory).resolve()
        if not absolute.is_relative_to(self.scan_root) or not absolute.is_dir():
            return None
        sources = []
        candidates = sorted(
            path
            for path in absolute.iterdir()
            if path.is_file() and path.name.lower().endswith(_SUFFIXES) and not path.name.startswith(".")
        )
        names = [path.name for path in candidates]
        if _shadowed(names):
            self.twinned.add(directory)
        wanted = set(_in_view(names, self.view))
        for path in candidates:
            if path.name in wanted:
                relative = posixpath.join(directory, path.name) if directory else path.name
                # Each file, not only the directory: a link in it may point out of the tree or into .git.
                why = self.readable.refusal(path)
                if why is not None:
                    self.notifications.append(
                        # An error, as discovery makes a scanned link out of the tree: Terraform would
                        # read the file, so the module's judgement is incomplete and the gate fails closed.
                        Notification(
                            "error", f"module file not read: once links are resolved it {why}", relative
                        )
                    )
                    continue
                try:
                    sources.append(read_source(path, relative))
                except Exception as error:
                    self.notifications.append(Notification("error", str(error), relative))
        if not sources:
            self.scanned[directory] = None  # type: ignore[assignment]
            return None
        parsed, errors = _parse(sources, self.scan_root)
        self.notifications.extend(Notification.from_parse_error(error) for error in errors)
        config = ModuleConfig.build(directory, parsed)
        self.scanned[directory] = config
        return config


def _configs_in_view(by_directory: dict[str, list[ParsedFile]], view: str) -> dict[str, ModuleConfig]:
    configs = {}
    for directory, files in by_directory.items():
        read = set(_in_view([posixpath.basename(item.relative) for item in files], view))
        configs[directory] = ModuleConfig.build(
            directory, [item for item in files if posixpath.basename(item.relative) in read]
        )
    return configs


def _twice_note(root: str, twinned: set[str]) -> Notification:
    where = ", ".join(sorted(directory or "." for directory in twinned))
    return Notification(
        "note",
        f"root module {root or '.'} is judged twice, as OpenTofu and as Terraform read it: a .tofu file "
        f"replaces the .tf file of its name for OpenTofu only (in {where})",
    )


def _local_calls(config: ModuleConfig) -> set[str]:
    """The directories a module's calls with a local source name."""
    found: set[str] = set()
    for name in config.calls:
        call_source = source_of(config, name)
        if call_source is not None and call_source.startswith(LOCAL_PREFIXES):
            found.add(local_target(config.directory, call_source))
    return found


def _uncalled(calls: dict[str, set[str]], judged: set[str]) -> list[str]:
    """Scanned directories no evaluated root instantiated (count = 0, a caller that failed, a caller
    that is itself never instantiated): judged as roots, those no other such directory calls first
    (all of them, in a cycle)."""
    left = sorted(directory for directory in calls if directory not in judged)
    top = [d for d in left if not any(d in calls[other] for other in left if other != d)]
    return top or left[:1]


class TerraformParser:
    format: str = FORMAT
    suffixes: tuple[str, ...] = (".tf", ".tofu", ".json")

    def claims(self, source: SourceFile) -> bool:
        return claims.terraform(source)

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        parsed, errors = _parse(sources, options.scan_root)
        by_directory: dict[str, list[ParsedFile]] = {}
        for source in sources:
            by_directory.setdefault(_directory(source.relative), [])
        for item in parsed:
            by_directory[_directory(item.relative)].append(item)
        scanned = _configs_in_view(by_directory, OPENTOFU)
        twinned = {
            directory
            for directory, files in by_directory.items()
            if _shadowed([posixpath.basename(item.relative) for item in files])
        }
        configs = _Configs(dict(scanned), options.scan_root, options.readable, OPENTOFU, twinned)
        calls = {directory: _local_calls(config) for directory, config in scanned.items()}
        units: dict[str, ParseResult] = {}
        touched: dict[str, set[str]] = {}
        error_notes = [Notification.from_parse_error(error) for error in errors]
        instantiated: set[str] = set()
        pending = sorted(
            directory for directory in scanned if not any(directory in c for c in calls.values())
        )
        while pending:
            for directory in pending:
                units[directory], made = self._unit(scanned[directory], configs, options)
                instantiated |= made
                touched[directory] = {directory, *made}
            pending = _uncalled(calls, set(units) | instantiated)
        notes = error_notes + configs.notifications
        results = [units[directory] for directory in sorted(units)]
        twice = sorted(directory for directory in units if touched[directory] & configs.twinned)
        if twice:
            results = [
                replace(result, unit=f"{result.unit} ({OPENTOFU})") if directory in twice else result
                for directory, result in zip(sorted(units), results, strict=True)
            ]
            results.extend(self._as_terraform(twice, by_directory, options, notes))
            notes.extend(_twice_note(directory, touched[directory] & configs.twinned) for directory in twice)
        declared = {name for directory in units for name in scanned[directory].variables}
        notes.extend(
            Notification(
                "warning",
                f"variable {name} (--var or terraform.vars) is declared by no scanned root module; its value "
                "is not used (Terraform refuses an undeclared -var)",
            )
            for name in sorted(set(options.variables) - declared)
        )
        if notes:
            # Once each: a backend configuration file missing is said by every root reading it.
            results.append(ParseResult(notifications=tuple(dict.fromkeys(notes)), unit=""))
        return tuple(results)

    def _as_terraform(
        self,
        roots: Sequence[str],
        by_directory: dict[str, list[ParsedFile]],
        options: ParseOptions,
        notes: list[Notification],
    ) -> list[ParseResult]:
        """The roots whose modules OpenTofu and Terraform read differently, judged again as Terraform reads
        them (a root that is all ``.tofu`` files is nothing to Terraform)."""
        scanned = _configs_in_view(by_directory, TERRAFORM)
        configs = _Configs(dict(scanned), options.scan_root, options.readable, TERRAFORM)
        results = []
        for directory in roots:
            if not scanned[directory].files:
                continue
            result, _ = self._unit(scanned[directory], configs, options)
            results.append(replace(result, unit=f"{result.unit} ({TERRAFORM})"))
        # What both readings say is said once: ``parse`` keeps each notification once.
        notes.extend(configs.notifications)
        return results

    def _unit(
        self, config: ModuleConfig, configs: _Configs, options: ParseOptions
    ) -> tuple[ParseResult, set[str]]:
        """The root module's unit, and the directories it instantiated (none if it could not be
        evaluated: a module whose caller failed is then judged on its own)."""
        unit = config.directory or "."
        for name, file, line in config.duplicates:
            configs.notifications.append(
                Notification("error", f"duplicate declaration of {name!r}", file, line)
            )
        for message, file, line in config.invalid:
            configs.notifications.append(Notification("error", message, file, line))
        program = Program(config, configs, options)
        try:
            resources, edges = program.run()
        except BudgetExceeded as exceeded:
            # Fails closed: the module's resources are not reported, the error names where it stopped.
            where = exceeded.file or (config.files[0] if config.files else unit)
            error = Notification(
                "error", f"{exceeded.message}; module {unit} not evaluated", where, exceeded.line
            )
            return ParseResult(notifications=(*program.notifications, error), unit=unit), set()
        except RecursionError:
            message = f"module {unit}: configuration nested too deeply to evaluate"
            return ParseResult(
                notifications=(
                    *program.notifications,
                    Notification("error", message, config.files[0] if config.files else unit),
                ),
                unit=unit,
            ), set()
        except Exception as error:
            # One module's evaluation failing must not cost the others: each of its files is named.
            message = f"internal error while evaluating module {unit}: {type(error).__name__}"
            files = config.files or [unit]
            notes = tuple(Notification("error", message, file) for file in files)
            return ParseResult(notifications=(*program.notifications, *notes), unit=unit), set()
        backend = (
            backend_resource(config, options.backend_config, options.scan_root, configs.notifications)
            if BACKEND_TYPE in options.config_nodes
            else None
        )
        if backend is not None:
            resources = [*resources, backend]
        resources = [*resources, *declaration_nodes(config, options.config_nodes)]
        result = ParseResult(
            tuple(resources), tuple(edges), tuple(program.notifications), unit, tuple(program.unresolved)
        )
        return result, program.instantiated


__all__ = ["TerraformParser"]
