"""One module directory's configuration: its blocks sorted by kind, each remembering its file.

Override files (``override.tf``, ``*_override.tf``, their ``.tf.json``, ``.tofu`` and ``.tofu.json``
forms) are merged the way Terraform merges them, after the other files, in lexical order: each of their
top-level blocks changes the block of the same kind and name (an error if there is none). An argument
replaces the argument of its name; nested blocks of a type replace all the original's blocks of that type
(``lifecycle`` is merged argument by argument); a ``locals`` entry replaces the local of its name; a
``terraform`` block's ``backend`` or ``cloud`` replaces the original's. What an override file wrote is
remembered with its file and line (``overridden``), so a finding on it points there.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from iacgate.parsers.terraform.syntax import Attribute, Block, ParsedFile

META_ARGUMENTS = frozenset({"count", "for_each", "provider", "depends_on", "lifecycle"})
NOT_ARGUMENTS = frozenset({"lifecycle", "provisioner", "connection"})


_LABELS = {
    "resource": 2,
    "data": 2,
    "ephemeral": 2,
    "variable": 1,
    "output": 1,
    "module": 1,
    "provider": 1,
    "locals": 0,
}
# Every block type Terraform accepts at the top level of a module (1.x, ``ephemeral`` since 1.10).
_TOP_LEVEL = frozenset({*_LABELS, "terraform", "moved", "import", "check", "removed", "ephemeral"})


_OVERRIDE_SUFFIXES = (".tf.json", ".tofu.json", ".tf", ".tofu")
# Blocks Terraform refuses in an override file ("Cannot override 'moved' blocks").
_NOT_OVERRIDDEN = frozenset({"moved", "import", "removed", "check"})


def is_override_file(relative: str) -> bool:
    name = posixpath.basename(relative)
    for suffix in _OVERRIDE_SUFFIXES:
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            return base == "override" or base.endswith("_override")
    return False


def _provider_name(block: Block) -> str:
    """``provider aws`` or ``provider aws.us``: the configuration a provider block declares."""
    alias = _literal(block.attributes.get("alias"))
    return f"provider {block.labels[0]}" + (f".{alias}" if isinstance(alias, str) else "")


@dataclass(frozen=True)
class Located:
    block: Block
    file: str
    # Argument or nested block type -> (override file, line) where an override file wrote it.
    overridden: Mapping[str, tuple[str, int]] = field(default_factory=dict)

    def file_of(self, name: str) -> str:
        """The file that wrote argument (or nested block type) ``name`` of the block."""
        return self.overridden[name][0] if name in self.overridden else self.file


@dataclass(frozen=True)
class ResourceConfig:
    mode: str
    type: str
    name: str
    block: Block
    file: str
    overridden: Mapping[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        local = f"{self.type}.{self.name}"
        return f"data.{local}" if self.mode == "data" else local


@dataclass
class ModuleConfig:
    directory: str
    variables: dict[str, Located] = field(default_factory=dict)
    locals: dict[str, tuple[Attribute, str]] = field(default_factory=dict)
    outputs: dict[str, Located] = field(default_factory=dict)
    resources: dict[str, ResourceConfig] = field(default_factory=dict)
    calls: dict[str, Located] = field(default_factory=dict)
    # ``ephemeral "type" "name"`` blocks (Terraform 1.10), by "type.name": their values never reach a plan.
    ephemerals: dict[str, Located] = field(default_factory=dict)
    providers: list[Located] = field(default_factory=list)
    provider_names: dict[str, None] = field(default_factory=dict)
    # ``terraform`` blocks (required_providers, backend, cloud): read for the root module's state backend.
    settings: list[Located] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str, int]] = field(default_factory=list)
    # Blocks Terraform refuses for their shape (``resource "aws_s3_bucket" {}``): (message, file, line).
    invalid: list[tuple[str, str, int]] = field(default_factory=list)

    @classmethod
    def build(cls, directory: str, files: Iterable[ParsedFile]) -> ModuleConfig:
        config = cls(directory)
        ordered = sorted(files, key=lambda item: item.relative)
        for parsed in [item for item in ordered if not is_override_file(item.relative)]:
            config.files.append(parsed.relative)
            for block in parsed.blocks:
                config._add(block, parsed.relative)
        for parsed in [item for item in ordered if is_override_file(item.relative)]:
            config.files.append(parsed.relative)
            for block in parsed.blocks:
                config._override(block, parsed.relative)
        return config

    def _override(self, block: Block, file: str) -> None:
        kind, labels = block.type, block.labels
        wanted = _LABELS.get(kind)
        if (
            kind in _NOT_OVERRIDDEN
            or (kind not in _TOP_LEVEL)
            or (wanted is not None and len(labels) != wanted)
        ):
            self._add(block, file)  # the same error as in any file, or Terraform's refusal below
            if kind in _NOT_OVERRIDDEN:
                self.invalid.append((f"an override file cannot hold {kind} blocks", file, block.start))
            return
        if kind in ("resource", "data"):
            key = ResourceConfig(
                "data" if kind == "data" else "managed", labels[0], labels[1], block, file
            ).key
            resource = self.resources.get(key)
            if resource is None:
                self._missing(kind, key, file, block.start)
                return
            self.resources[key] = _overridden(resource, block, file)
        elif kind in ("variable", "output", "module"):
            table = {"variable": self.variables, "output": self.outputs, "module": self.calls}[kind]
            located = table.get(labels[0])
            if located is None:
                self._missing(kind, labels[0], file, block.start)
                return
            table[labels[0]] = _overridden(located, block, file)
        elif kind == "provider":
            self._override_provider(block, file)
        elif kind == "locals":
            for name, attribute in block.attributes.items():
                if name not in self.locals:
                    self._missing("local value", name, file, attribute.line)
                else:
                    self.locals[name] = (attribute, file)
        elif kind == "terraform":
            if any(child.type in ("backend", "cloud") for child in block.blocks):
                # The override's backend (or cloud) replaces the original's, as a whole.
                self.settings = [
                    replace(
                        located,
                        block=located.block._replace(
                            blocks=tuple(
                                c for c in located.block.blocks if c.type not in ("backend", "cloud")
                            )
                        ),
                    )
                    for located in self.settings
                ]
            self.settings.append(Located(block, file))

    def _override_provider(self, block: Block, file: str) -> None:
        name = _provider_name(block)
        for index, located in enumerate(self.providers):
            if _provider_name(located.block) == name:
                self.providers[index] = _overridden(located, block, file)
                return
        self._missing("provider configuration", name.removeprefix("provider "), file, block.start)

    def _missing(self, kind: str, name: str, file: str, line: int) -> None:
        # Terraform refuses an override of nothing ("Missing resource to override").
        self.invalid.append(
            (f"override of {kind} {name!r}, which the module's other files do not declare", file, line)
        )

    def _add(self, block: Block, file: str) -> None:
        kind, labels = block.type, block.labels
        wanted = _LABELS.get(kind)
        if wanted is not None and len(labels) != wanted:
            # Read any other way, the block would be dropped without a word (and its findings with it).
            names = f"{wanted} label" + ("" if wanted == 1 else "s")
            self.invalid.append(
                (f"a {kind} block needs {names}, this one has {len(labels)}", file, block.start)
            )
            return
        if kind not in _TOP_LEVEL:
            # Terraform refuses the file (`ource "aws_s3_bucket" "data" {` is a typo, not a new block
            # type): skipping the block would hide its resource from every rule.
            self.invalid.append(
                (f"unsupported block type {kind!r}: Terraform does not accept it", file, block.start)
            )
            return
        if kind in ("resource", "data") and len(labels) == 2:
            resource = ResourceConfig(
                "data" if kind == "data" else "managed", labels[0], labels[1], block, file
            )
            self._unique(self.resources, resource.key, resource, file, block.start)
        elif kind == "variable" and len(labels) == 1:
            self._unique(self.variables, labels[0], Located(block, file), file, block.start)
        elif kind == "output" and len(labels) == 1:
            self._unique(self.outputs, labels[0], Located(block, file), file, block.start)
        elif kind == "module" and len(labels) == 1:
            self._unique(self.calls, labels[0], Located(block, file), file, block.start)
        elif kind == "ephemeral" and len(labels) == 2:
            self._unique(self.ephemerals, f"{labels[0]}.{labels[1]}", Located(block, file), file, block.start)
        elif kind == "provider" and len(labels) == 1:
            # Two configurations of one provider name and alias: Terraform refuses them, or (in an
            # override file) merges one into the other. Read as the last one wins, either could
            # place every resource in a region the other does not name.
            self._unique(self.provider_names, _provider_name(block), None, file, block.start)
            self.providers.append(Located(block, file))
        elif kind == "terraform" and not labels:
            self.settings.append(Located(block, file))
        elif kind == "locals":
            for name, attribute in block.attributes.items():
                self._unique(self.locals, name, (attribute, file), file, attribute.line)

    def _unique(self, table: dict[str, Any], name: str, value: Any, file: str, line: int) -> None:
        if name in table:
            self.duplicates.append((name, file, line))
            return
        table[name] = value


def _block_kind(block: Block) -> str:
    """The attribute a nested block makes: its type, or a ``dynamic "x"`` block's label ``x``."""
    return block.labels[0] if block.type == "dynamic" and block.labels else block.type


def _merged(original: Block, override: Block) -> Block:
    """``original`` with ``override``'s arguments, and its nested blocks replacing the original's of each
    type; ``lifecycle`` merged argument by argument. The type is the block's as written, as Terraform
    merges bodies before expanding ``dynamic`` blocks: an override's ``dynamic`` blocks hide the
    original's ``dynamic`` blocks, not its ``ingress`` blocks, and the other way round."""
    replaced = {block.type for block in override.blocks}
    blocks = [block for block in original.blocks if block.type not in replaced]
    for block in override.blocks:
        if block.type == "lifecycle":
            before = next((b for b in original.blocks if b.type == "lifecycle"), None)
            if before is not None:
                block = block._replace(attributes={**before.attributes, **block.attributes})
        blocks.append(block)
    return original._replace(attributes={**original.attributes, **override.attributes}, blocks=tuple(blocks))


_Overridable = TypeVar("_Overridable", Located, ResourceConfig)


def _overridden(original: _Overridable, block: Block, file: str) -> _Overridable:
    """``original`` (a resource, module call, variable, output or provider) merged with an override file's
    block, remembering what the override wrote."""
    written = _written(block, file, original.block)
    return replace(
        original, block=_merged(original.block, block), overridden={**original.overridden, **written}
    )


def _written(block: Block, file: str, original: Block | None = None) -> dict[str, tuple[str, int]]:
    """What an override block writes, with file and line: its arguments, and the attributes its nested
    blocks make alone (a ``dynamic "x"`` beside the original's ``x`` blocks shares ``x`` with them)."""
    found = {name: (file, attribute.line) for name, attribute in block.attributes.items()}
    replaced = {nested.type for nested in block.blocks}
    kept = {_block_kind(b) for b in (original.blocks if original else ()) if b.type not in replaced}
    for nested in block.blocks:
        if _block_kind(nested) not in kept:
            found.setdefault(_block_kind(nested), (file, nested.start))
    return found


def _literal(attribute: Attribute | None) -> Any:
    """A literal argument's value (a provider's ``alias``), else None."""
    if attribute is None:
        return None
    expr = attribute.expr
    if expr[0] == "T" and len(expr[1]) == 1 and isinstance(expr[1][0], str):
        return expr[1][0]
    return expr[1] if expr[0] == "L" else None
