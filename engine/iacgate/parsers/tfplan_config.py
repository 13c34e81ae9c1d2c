"""The plan's ``configuration`` section: expression references and ``depends_on`` become graph edges.

``configuration`` describes modules by call name, without instance keys, while the graph holds instances
(``module.a["x"].aws_s3_bucket.b[0]``). A reference is resolved from the referring instance's module
instance: ``aws_s3_bucket.b[0]`` names one instance, a bare ``aws_s3_bucket.b`` all of them, except when
the referrer has the very same instance keys (``for_each``/``count`` over the same collection), where
instances are linked key by key. ``var.x`` inside a module follows the module call's input expression in
the parent module instance; ``module.m.out`` follows the output's expression inside ``module.m``'s
instances. ``local.*`` values are not part of the plan, so references through locals are not followed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from iacgate.graph.model import Edge
from iacgate.parsers.tfplan_address import (
    Index,
    Key,
    ModuleStep,
    Token,
    canonical_module,
    join_module,
    tokens,
)

# Reference roots that never name a resource or module.
_NOT_OBJECTS = frozenset({"each", "count", "path", "self", "terraform", "local", "provider", "ephemeral"})
_MAX_DEPTH = 64


@dataclass(frozen=True)
class Instance:
    """A resource instance of the graph and where it sits in the configuration."""

    id: str
    steps: tuple[ModuleStep, ...]  # module calls and their instance keys, from the root
    address: str  # address inside its module: "aws_s3_bucket.b" or "data.aws_iam_policy_document.p"
    key: Key
    module: str  # canonical module instance address ("" = root), see ``canonical_module``
    path: tuple[str, ...]  # module call names: the configuration's view, without instance keys

    @classmethod
    def make(cls, id: str, steps: tuple[ModuleStep, ...], address: str, key: Key) -> Instance:
        path = tuple(step.name for step in steps)
        return cls(id, steps, address, key, canonical_module(steps), path)


@dataclass(frozen=True)
class _Context:
    module: str
    path: tuple[str, ...]
    key: Key = None
    keys: frozenset[Key] | None = None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def collect_references(node: Any, out: list[str] | None = None) -> list[str]:
    """Every ``references`` entry in an expression or a nested block (lists of expression maps)."""
    found = [] if out is None else out
    if isinstance(node, dict):
        refs = node.get("references")
        if isinstance(refs, list):
            found.extend(ref for ref in refs if isinstance(ref, str))
        for name, value in node.items():
            if name not in ("references", "constant_value"):
                collect_references(value, found)
    elif isinstance(node, list):
        for item in node:
            collect_references(item, found)
    return found


def subjects(references: Iterable[str]) -> list[tuple[Token, ...]]:
    """Parsed references without the prefixes Terraform 1.x lists beside each traversal."""
    ordered = sorted(set(references))
    kept: list[tuple[Token, ...]] = []
    for position, reference in enumerate(ordered):
        # Extensions of a reference sort right after it (with other strings sharing its text).
        follower = position + 1
        extended = False
        while follower < len(ordered) and ordered[follower].startswith(reference):
            if ordered[follower][len(reference)] in ".[":
                extended = True
                break
            follower += 1
        parts = None if extended else tokens(reference)
        if parts is not None:
            kept.append(parts)
    return kept


class _Group:
    """The instances of one resource (or module call) in one module instance, by key."""

    def __init__(self) -> None:
        self.members: list[tuple[Key, str]] = []
        self.by_key: dict[Key, list[str]] = {}
        self._keys: frozenset[Key] | None = None

    def add(self, key: Key, target: str) -> None:
        self.members.append((key, target))
        self.by_key.setdefault(key, []).append(target)
        self._keys = None

    @property
    def keys(self) -> frozenset[Key]:
        if self._keys is None:
            self._keys = frozenset(self.by_key)
        return self._keys


_EMPTY = _Group()


class ConfigIndex:
    """Lookups from the configuration tree and the planned instances, built once per plan."""

    def __init__(self, configuration: Mapping[str, Any], instances: Sequence[Instance]) -> None:
        self.modules: dict[tuple[str, ...], Mapping[str, Any]] = {}
        self._resources: dict[tuple[tuple[str, ...], str], Mapping[str, Any]] = {}
        self._collect((), _mapping(configuration.get("root_module")))
        self._instances: dict[tuple[str, str], _Group] = {}
        self._children: dict[tuple[str, str], _Group] = {}
        self._calls: dict[str, list[str]] = {}
        self._parent: dict[str, tuple[str, str, Key]] = {}
        self._direct: dict[str, list[str]] = {}
        self._subjects: dict[tuple[str, ...], list[tuple[Token, ...]]] = {}
        self._cache: dict[tuple[_Context, tuple[Token, ...]], frozenset[str]] = {}
        self._expressions: dict[tuple[tuple[str, ...], str], _Expressions] = {}
        for instance in instances:
            self._instances.setdefault((instance.module, instance.address), _Group()).add(
                instance.key, instance.id
            )
            self._direct.setdefault(instance.module, []).append(instance.id)
            self._register_module(instance.steps)

    def _register_module(self, steps: Sequence[ModuleStep]) -> None:
        parent = ""
        for step in steps:
            child = join_module(parent, step.name, step.key)
            if child not in self._parent:
                self._parent[child] = (parent, step.name, step.key)
                self._children.setdefault((parent, step.name), _Group()).add(step.key, child)
                self._calls.setdefault(parent, []).append(child)
            parent = child

    def _collect(self, path: tuple[str, ...], module: Mapping[str, Any]) -> None:
        self.modules[path] = module
        for resource in module.get("resources") or ():
            if isinstance(resource, Mapping) and isinstance(resource.get("address"), str):
                self._resources.setdefault((path, resource["address"]), resource)
        for name, call in _mapping(module.get("module_calls")).items():
            self._collect((*path, name), _mapping(_mapping(call).get("module")))

    def config_resource(self, instance: Instance) -> Mapping[str, Any]:
        return self._resources.get((instance.path, instance.address), {})

    def module_call(self, path: tuple[str, ...]) -> Mapping[str, Any]:
        if not path:
            return {}
        calls = _mapping(self.modules.get(path[:-1], {}).get("module_calls"))
        return _mapping(calls.get(path[-1]))

    def sibling_keys(self, instance: Instance) -> frozenset[Key]:
        return self._instances.get((instance.module, instance.address), _EMPTY).keys

    # -- resolution -------------------------------------------------------------------------------

    def resolve(self, references: Iterable[str], context: _Context, depth: int = 0) -> set[str]:
        targets: set[str] = set()
        if depth > _MAX_DEPTH:
            return targets
        references = tuple(references)
        parsed = self._subjects.get(references)
        if parsed is None:
            parsed = self._subjects[references] = subjects(references)
        for subject in parsed:
            cached = self._cache.get((context, subject))
            if cached is None:
                cached = frozenset(self._resolve_subject(subject, context, depth))
                self._cache[(context, subject)] = cached
            targets |= cached
        return targets

    def _resolve_subject(self, subject: tuple[Token, ...], context: _Context, depth: int) -> set[str]:
        root = subject[0]
        if not isinstance(root, str) or root in _NOT_OBJECTS:
            return set()
        if root == "var":
            return self._through_variable(subject, context, depth)
        if root == "module":
            return self._through_output(subject, context, depth)
        names = subject[1:3] if root == "data" else subject[0:2]
        if len(names) < 2 or not all(isinstance(name, str) for name in names):
            return set()
        address = ".".join(str(name) for name in (subject[0:3] if root == "data" else names))
        rest = subject[3:] if root == "data" else subject[2:]
        index = rest[0] if rest and isinstance(rest[0], Index) else None
        return self._select(self._instances.get((context.module, address), _EMPTY), index, context)

    @staticmethod
    def _select(group: _Group, index: Index | None, context: _Context) -> set[str]:
        if index is not None and index.key is not None:
            return set(group.by_key.get(index.key, ()))
        if index is None and context.key is not None and context.keys == group.keys:
            return set(group.by_key.get(context.key, ()))
        return {target for _, target in group.members}

    def _through_variable(self, subject: tuple[Token, ...], context: _Context, depth: int) -> set[str]:
        if len(subject) < 2 or not isinstance(subject[1], str) or context.module not in self._parent:
            return set()
        expression = _mapping(self.module_call(context.path).get("expressions")).get(subject[1])
        parent, call, key = self._parent[context.module]
        outer = _Context(parent, context.path[:-1], key, self._children.get((parent, call), _EMPTY).keys)
        return self.resolve(collect_references(expression), outer, depth + 1)

    def _through_output(self, subject: tuple[Token, ...], context: _Context, depth: int) -> set[str]:
        if len(subject) < 2 or not isinstance(subject[1], str):
            return set()
        call = subject[1]
        rest = subject[2:]
        index = rest[0] if rest and isinstance(rest[0], Index) else None
        output = next((part for part in rest if isinstance(part, str)), None)
        chosen = self._select(self._children.get((context.module, call), _EMPTY), index, context)
        path = (*context.path, call)
        outputs = _mapping(self.modules.get(path, {}).get("outputs"))
        names = [output] if output is not None else list(outputs)
        targets: set[str] = set()
        for child in sorted(chosen):
            inner = _Context(child, path)
            for name in names:
                expression = _mapping(outputs.get(name)).get("expression")
                targets |= self.resolve(collect_references(expression), inner, depth + 1)
        return targets

    def module_resources(self, module: str) -> list[str]:
        """Every instance inside a module instance and its descendants (``depends_on = [module.m]``)."""
        found = list(self._direct.get(module, ()))
        for child in self._calls.get(module, ()):
            found.extend(self.module_resources(child))
        return found

    def resolve_dependency(self, entry: str, context: _Context) -> set[str]:
        parts = tokens(entry)
        if parts is None:
            return set()
        if parts[0] == "module" and len(parts) >= 2 and isinstance(parts[1], str):
            index = parts[2] if len(parts) > 2 and isinstance(parts[2], Index) else None
            group = self._children.get((context.module, parts[1]), _EMPTY)
            chosen = self._select(group, index, _Context("", ()))
            return {target for child in chosen for target in self.module_resources(child)}
        return self.resolve([entry], _Context(context.module, context.path))

    # -- edges ------------------------------------------------------------------------------------

    def edges(self, instances: Sequence[Instance]) -> list[Edge]:
        found: dict[Edge, None] = {}
        for instance in instances:
            for edge in self._instance_edges(instance):
                if edge.source != edge.target:
                    found[edge] = None
        return list(found)

    def _references(self, instance: Instance) -> _Expressions:
        """Per configuration resource (shared by its instances): attribute -> references, depends_on."""
        found = self._expressions.get((instance.path, instance.address))
        if found is None:
            config = self.config_resource(instance)
            attributes = [
                (attribute, tuple(collect_references(expression)))
                for attribute, expression in _mapping(config.get("expressions")).items()
            ]
            meta = [
                (attribute, tuple(collect_references(config.get(key))))
                for key, attribute in (("count_expression", "count"), ("for_each_expression", "for_each"))
                if key in config
            ]
            found = _Expressions(
                [(name, refs) for name, refs in attributes if refs],
                [(name, refs) for name, refs in meta if refs],
                _strings(config.get("depends_on")),
            )
            self._expressions[(instance.path, instance.address)] = found
        return found

    def _instance_edges(self, instance: Instance) -> Iterable[Edge]:
        expressions = self._references(instance)
        context = _Context(instance.module, instance.path, instance.key, self.sibling_keys(instance))
        for attribute, references in expressions.attributes:
            for target in sorted(self.resolve(references, context)):
                yield Edge(instance.id, target, "reference", attribute)
        plain = _Context(instance.module, instance.path)
        for attribute, references in expressions.meta:
            for target in sorted(self.resolve(references, plain)):
                yield Edge(instance.id, target, "reference", attribute)
        for entry in expressions.depends_on:
            for target in sorted(self.resolve_dependency(entry, plain)):
                yield Edge(instance.id, target, "depends_on", None)
        # A module call's depends_on holds for everything inside the module.
        module = instance.module
        path = instance.path
        while module in self._parent:
            parent, _, _ = self._parent[module]
            for entry in _strings(self.module_call(path).get("depends_on")):
                for target in sorted(self.resolve_dependency(entry, _Context(parent, path[:-1]))):
                    yield Edge(instance.id, target, "depends_on", None)
            module, path = parent, path[:-1]


class _Expressions(NamedTuple):
    attributes: list[tuple[str, tuple[str, ...]]]
    meta: list[tuple[str, tuple[str, ...]]]
    depends_on: list[str]


def _strings(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
