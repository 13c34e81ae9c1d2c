"""One module directory's configuration: its blocks sorted by kind, each remembering its file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from iacgate.parsers.terraform.syntax import Attribute, Block, ParsedFile

META_ARGUMENTS = frozenset({"count", "for_each", "provider", "depends_on", "lifecycle"})
NOT_ARGUMENTS = frozenset({"lifecycle", "provisioner", "connection"})


_LABELS = {"resource": 2, "data": 2, "variable": 1, "output": 1, "module": 1, "provider": 1, "locals": 0}
# Every block type Terraform accepts at the top level of a module (1.x, ``ephemeral`` since 1.10).
_TOP_LEVEL = frozenset({*_LABELS, "terraform", "moved", "import", "check", "removed", "ephemeral"})


@dataclass(frozen=True)
class Located:
    block: Block
    file: str


@dataclass(frozen=True)
class ResourceConfig:
    mode: str
    type: str
    name: str
    block: Block
    file: str

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
    providers: list[Located] = field(default_factory=list)
    # ``terraform`` blocks (required_providers, backend, cloud): read for the root module's state backend.
    settings: list[Located] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str, int]] = field(default_factory=list)
    # Blocks Terraform refuses for their shape (``resource "aws_s3_bucket" {}``): (message, file, line).
    invalid: list[tuple[str, str, int]] = field(default_factory=list)

    @classmethod
    def build(cls, directory: str, files: Iterable[ParsedFile]) -> ModuleConfig:
        config = cls(directory)
        for parsed in sorted(files, key=lambda item: item.relative):
            config.files.append(parsed.relative)
            for block in parsed.blocks:
                config._add(block, parsed.relative)
        return config

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
        elif kind == "provider" and len(labels) == 1:
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
