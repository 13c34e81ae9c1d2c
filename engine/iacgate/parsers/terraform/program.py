"""One root module evaluated with the modules it calls, into resources, edges and notifications."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from iacgate.errors import ParseError
from iacgate.graph.model import Edge, Resource, SourceLocation, Unknown, ValueOrigin, under
from iacgate.notifications import Notification
from iacgate.parsers import node_types
from iacgate.parsers.base import ParseOptions, UnresolvedModule
from iacgate.parsers.terraform.budget import MAX_MODULE_DEPTH, Budget, BudgetExceeded
from iacgate.parsers.terraform.config import ModuleConfig, ResourceConfig
from iacgate.parsers.terraform.instances import Body, Tracker, expand
from iacgate.parsers.terraform.modules import ModuleInstance, ResourceInstance
from iacgate.parsers.terraform.policy_document import TYPE as POLICY_DOCUMENT
from iacgate.parsers.terraform.policy_document import policy_json
from iacgate.parsers.terraform.providers import PER_INSTANCE, provider_kind, resource_region
from iacgate.parsers.terraform.reads import FileReads
from iacgate.parsers.terraform.rootvalues import root_values
from iacgate.parsers.terraform.syntax import traversal
from iacgate.parsers.terraform.template import parse_template
from iacgate.parsers.terraform.values import EvalError, UnknownHit, key_text
from iacgate.redaction import Redactor, file_words, shorten
from iacgate.textio import read_bytes

FORMAT = node_types.TERRAFORM
LOCAL_PREFIXES = ("./", "../")


def local_target(directory: str, source: str) -> str:
    """The scan-root-relative directory a local module source names ("" is the scan root itself)."""
    joined = posixpath.normpath(posixpath.join(directory or ".", source))
    return "" if joined == "." else joined


def source_of(config: ModuleConfig, name: str) -> str | None:
    attribute = config.calls[name].block.attributes.get("source")
    if attribute is None or attribute.expr[0] != "L" or not isinstance(attribute.expr[1], str):
        return None
    return attribute.expr[1]


class Program:
    def __init__(
        self,
        root: ModuleConfig,
        configs: Callable[[str], ModuleConfig | None],
        options: ParseOptions,
    ) -> None:
        self.root = root
        self._configs = configs
        self.options = options
        self.scan_root = options.scan_root.resolve()
        self.tracker = Tracker()
        self.budget = Budget()
        self.evaluating: set[str] = set()
        self.notifications: list[Notification] = []
        self.unresolved: list[UnresolvedModule] = []
        self._noted: set[tuple[str, str | None]] = set()
        self.template_parser = parse_template
        self.reads = FileReads(options.readable)
        self._evaluated: dict[str, ModuleConfig] = {root.directory: root}
        # Directories of the module instances built (a call with count = 0 builds none).
        self.instantiated: set[str] = set()
        self._modules_json = self._read_modules_json()

    def note(self, level: str, message: str, file: str | None = None, line: int = 0) -> None:
        if (message, file) not in self._noted:
            self._noted.add((message, file))
            self.notifications.append(Notification(level, message, file, line))  # type: ignore[arg-type]

    def _absolute(self, relative: str) -> Path:
        return self.scan_root / relative if relative else self.scan_root

    def _read_modules_json(self) -> dict[str, str]:
        path = self._absolute(self.root.directory) / ".terraform" / "modules" / "modules.json"
        try:
            document = json.loads(read_bytes(path, "modules.json"))
        except (OSError, ValueError, ParseError, RecursionError):
            return {}
        found: dict[str, str] = {}
        for entry in document.get("Modules") or () if isinstance(document, dict) else ():
            if (
                isinstance(entry, dict)
                and isinstance(entry.get("Key"), str)
                and isinstance(entry.get("Dir"), str)
            ):
                found[entry["Key"]] = local_target(self.root.directory, entry["Dir"])
        return found

    def module_path(self, config: ModuleConfig) -> str:
        relative = posixpath.relpath(config.directory or ".", self.root.directory or ".")
        return relative

    def file_reader(self, config: ModuleConfig) -> Callable[[str], str]:
        """Terraform's file functions read paths relative to the root module, confined to the trusted read
        roots (see ``reads``): a refused path is an unknown value and a warning at the call, never an
        error that ``try()`` could turn into a default. What is read is recorded for redaction."""

        def read(path: str) -> str:
            target = self._absolute(self.root.directory) / path  # an absolute path replaces the base
            refusal = self.reads.refusal(target, path)
            if refusal is not None:
                self.note("warning", refusal, *self.reads.where(config, path))
                raise UnknownHit(Unknown(refusal))
            try:
                resolved = target.resolve()
                if not resolved.exists():
                    # A template the scanned tree does not hold (not copied, or generated by a build).
                    raise EvalError(f"cannot read file {shorten(path)!r}: no file exists there")
                if not resolved.is_file():
                    raise EvalError(f"cannot read file {shorten(path)!r}: not a regular file")
                text = read_bytes(resolved, path).decode("utf-8")
            except ParseError as error:
                raise EvalError(f"cannot read file {shorten(path)!r}: {error.detail}") from None
            except (OSError, RuntimeError, UnicodeDecodeError) as error:
                raise EvalError(
                    f"cannot read file {shorten(path)!r}: {getattr(error, 'strerror', None) or error}"
                ) from None
            self.reads.texts.add(text)
            return text

        return read

    # module calls ---------------------------------------------------------------------------------
    def call(self, parent: ModuleInstance, name: str) -> dict[str | int | None, ModuleInstance] | Unknown:
        located = parent.config.calls[name]
        source = source_of(parent.config, name)
        where = (located.file, located.block.start)
        target = self._call_target(parent, name, source, where)
        if target is None:
            return {}
        config = self._configs(target)
        if config is not None:
            self._evaluated.setdefault(config.directory, config)
        if config is None:
            self.note(
                "warning",
                f"module {name!r} ({source}): no Terraform files in {target or '.'}; not scanned",
                *where,
            )
            # Its resources are never judged: counted in the coverage like a module not installed.
            self._unresolved(parent, name, source or "", where, f"no Terraform files in {target or '.'}")
            return {}
        what = parent.prefix(f"module.{name}")
        if len(parent.call_path) >= MAX_MODULE_DEPTH:
            raise BudgetExceeded(
                f"{what}: module calls nested more than {MAX_MODULE_DEPTH} deep (does a module call itself?)",
                *where,
            )
        expansion = expand(located.block, parent.evaluator, what)
        if expansion.error:
            self.note("error", expansion.error, *where)
            return {}
        if expansion.unknown_reason:
            self.note("warning", f"{what}: {expansion.unknown_reason}; evaluated as one instance", *where)
        children: dict[str | int | None, ModuleInstance] = {}
        if expansion.instances:
            self.instantiated.add(config.directory)
        for key, env in expansion.instances:
            address = what + (key_text(key) if key is not None else "")
            child = children[key] = ModuleInstance(
                self,
                config,
                address,
                (*parent.call_path, name),
                parent.call_input(name, env),
                parent.module_providers(name, address),
            )
            child.caller = (parent, name)
        return children

    def _call_target(
        self, parent: ModuleInstance, name: str, source: str | None, where: tuple[str, int]
    ) -> str | None:
        if source is None:
            self.note("error", f"module {name!r} has no literal source", *where)
            return None
        if source.startswith(LOCAL_PREFIXES) or source in (".", ".."):
            target = local_target(parent.config.directory, source)
            why = "is outside the scanned paths" if target.startswith("..") else None
            why = why or self.options.readable.refusal(self._absolute(target))
            if why is not None:
                self.note(
                    "warning",
                    f"module {name!r} source {shorten(source)!r} {why}; not read, its resources are not "
                    "evaluated",
                    *where,
                )
                self._unresolved(parent, name, source, where, f"source {why}")
                return None
            return target
        key = ".".join((*parent.call_path, name))
        if key in self._modules_json:
            target = self._modules_json[key]
            why = "is outside the scanned paths" if target.startswith("..") else None
            why = why or self.options.readable.refusal(self._absolute(target))
            if why is not None:
                self.note(
                    "warning",
                    f"module {name!r} ({shorten(source)}) is installed in a directory that {why}; not "
                    "read, its resources are not evaluated",
                    *where,
                )
                self._unresolved(parent, name, source, where, f"installed in a directory that {why}")
                return None
            return target
        self.note(
            "warning",
            f"module {name!r} ({source}) not scanned: run terraform init so .terraform/modules/modules.json "
            "records where it is installed",
            *where,
        )
        self._unresolved(parent, name, source, where, "not installed (terraform init not run)")
        return None

    def _unresolved(
        self, parent: ModuleInstance, name: str, source: str, where: tuple[str, int], reason: str
    ) -> None:
        address = parent.prefix(f"module.{name}")
        if not any(item.address == address for item in self.unresolved):
            self.unresolved.append(UnresolvedModule(address, shorten(source), where[0], where[1], reason))

    # output ---------------------------------------------------------------------------------------
    def run(self) -> tuple[list[Resource], list[Edge]]:
        try:
            resources, edges = self._run()
        finally:
            # Notes quote values (an EvalError on a value read from a file): none may quote a file read.
            words = file_words(self.reads.texts, self._source_texts()) if self.reads.texts else frozenset()
            redactor = Redactor(words)
            self.notifications[:] = [
                replace(note, message=redactor.message(note.message)) for note in self.notifications
            ]
        if words:
            resources = [replace(resource, file_words=words) for resource in resources]
        return resources, edges

    def _source_texts(self) -> list[str]:
        """The text of every file of the modules evaluated: words written there are no secret."""
        texts: list[str] = []
        for config in self._evaluated.values():
            for relative in config.files:
                try:
                    texts.append(self._absolute(relative).read_text(encoding="utf-8", errors="replace"))
                except OSError:
                    continue
        return texts

    def _run(self) -> tuple[list[Resource], list[Edge]]:
        values = root_values(
            self.root,
            self._absolute(self.root.directory),
            self.scan_root,
            self.options.variables,
            self.options.var_files,
            self.options.environment,
            self.notifications,
            self.options.readable,
        )
        root = ModuleInstance(self, self.root, "", (), lambda name: (name in values, values.get(name)), {})
        resources: list[Resource] = []
        edges: list[Edge] = []
        pending: list[tuple[str, ModuleInstance, ResourceConfig]] = []
        stack = [root]
        while stack:
            module = stack.pop()
            for key, config in module.config.resources.items():
                try:
                    for instance in module.instances(key):
                        resources.append(self._resource(module, instance, edges, pending))
                except BudgetExceeded as exceeded:
                    raise exceeded.located(config.file, config.block.start) from None
            for name, call in module.config.calls.items():
                try:
                    children = module.children(name)
                except BudgetExceeded as exceeded:
                    raise exceeded.located(call.file, call.block.start) from None
                if not isinstance(children, Unknown):
                    stack.extend(reversed(list(children.values())))
        edges.extend(self._depends_on(pending, resources))
        return resources, edges

    def _resource(
        self,
        module: ModuleInstance,
        instance: ResourceInstance,
        edges: list[Edge],
        pending: list[tuple[str, ModuleInstance, ResourceConfig]],
    ) -> Resource:
        config: ResourceConfig = instance.config
        block = config.block
        body = module.body(instance)
        attributes: dict[str, Any] = dict(body.attributes) if body else {}
        if config.mode == "data" and config.type == POLICY_DOCUMENT and body is not None:
            attributes["json"] = policy_json(body.attributes, "json", instance.address)
        chosen = block.attributes.get("provider")
        provider_names = traversal(chosen.expr) if chosen is not None else None
        provider_key = ".".join(provider_names) if provider_names else config.type.split("_", 1)[0]
        if chosen is not None and not provider_names:
            # ``aws.by_region[each.key]`` (OpenTofu's provider for_each): a configuration chosen per
            # instance, never the default one.
            provider_key += PER_INSTANCE
        kind = provider_kind(provider_key.split(".", 1)[0], module.provider_types)
        region, region_source, provider = resource_region(kind, provider_key, attributes, module.providers)
        tags: Any = attributes.get("tags") if isinstance(attributes.get("tags"), dict) else {}
        if kind == "aws" and provider is not None and provider.default_tags and config.mode == "managed":
            defaults = provider.default_tags
            tags = {} if isinstance(defaults, Unknown) else {**defaults, **tags}
        if kind == "aws" and "tags" in attributes and config.mode == "managed":
            attributes["tags_all"] = (
                tags if not isinstance(attributes["tags"], Unknown) else attributes["tags"]
            )
        metadata: dict[str, Any] = {"provider_config": provider_key}
        if module.address:
            metadata["module"] = module.address
        if instance.expansion.unknown_reason:
            metadata["expansion"] = "unknown"
            metadata["expansion_reason"] = instance.expansion.unknown_reason
            self.note(
                "warning",
                f"{instance.address}: {instance.expansion.unknown_reason}; evaluated as one instance",
                config.file,
                block.start,
            )
        for argument, targets in body.references.items() if body else ():
            edges.extend(
                Edge(instance.address, target, "reference", argument)
                for target in sorted(targets)
                if target != instance.address
            )
        meta = "count" if "count" in block.attributes else "for_each"
        edges.extend(
            Edge(instance.address, target, "reference", meta)
            for target in sorted(instance.expansion_references)
            if target != instance.address
        )
        if "depends_on" in block.attributes:
            pending.append((instance.address, module, config))
        return Resource(
            id=instance.address,
            format=FORMAT,
            native_type=config.type,
            type=config.type,
            provider=kind,
            region=region,
            region_source=region_source,
            attributes=attributes,
            tags=tags if isinstance(tags, dict) else {},
            location=_location(config, module, body),
            mode=config.mode,
            metadata=metadata,
        )

    def _depends_on(
        self, pending: list[tuple[str, ModuleInstance, ResourceConfig]], resources: list[Resource]
    ) -> list[Edge]:
        edges: list[Edge] = []
        addresses = [resource.id for resource in resources]
        for address, module, config in pending:
            expression = config.block.attributes["depends_on"].expr
            items = expression[1] if expression[0] == "TU" else ()
            for item in items:
                names = traversal(item)
                if not names:
                    continue
                if names[0] == "module" and len(names) > 1:
                    prefix = module.prefix(f"module.{names[1]}")
                    targets = [a for a in addresses if a.startswith((prefix + ".", prefix + "["))]
                else:
                    local = ".".join(names[:3] if names[0] == "data" else names[:2])
                    prefix = module.prefix(local)
                    targets = [a for a in addresses if a == prefix or a.startswith(prefix + "[")]
                edges.extend(
                    Edge(address, target, "depends_on", "depends_on")
                    for target in targets
                    if target != address
                )
        return edges


def _location(config: ResourceConfig, module: ModuleInstance, body: Body | None) -> SourceLocation:
    """Where the resource is, and where each argument an override file wrote is: a finding on one is
    placed in the override file, the resource's block beside it."""
    block = config.block
    lines = dict(body.lines) if body else {}
    origins = _origins(module, body)
    for name, (file, line) in config.overridden.items():
        lines = {path: number for path, number in lines.items() if not under(path, name)}
        if not (name in origins and origins[name].decides):
            origins[name] = ValueOrigin(f"the override file {file}", file, line, decides=True)
    return SourceLocation(config.file, block.start, block.end, lines, origins)


def _origins(module: ModuleInstance, body: Body | None) -> dict[str, ValueOrigin]:
    """Arguments written as ``var.x`` whose value a caller's argument or the variable's default decided."""
    found: dict[str, ValueOrigin] = {}
    for path, variable in body.variables.items() if body else ():
        origin = module.input_origin(variable)
        if origin is not None:
            found[path] = origin
    return found
