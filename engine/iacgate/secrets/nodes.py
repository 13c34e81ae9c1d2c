"""Detections as graph nodes: one ``iacgate_secret`` resource per secret found in a file, in a unit of
its own named by the file, so that findings, waivers (by rule, resource and file) and baselines treat a
secret like any resource. The node holds no part of the value: the detector, the key it was assigned
to, its line, a digest prefix and whether it carries a documentation marker."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from iacgate.errors import ParseError
from iacgate.graph.model import Graph, Resource, SourceLocation, Unknown
from iacgate.notifications import Notification
from iacgate.secrets.detect import Detection, detect
from iacgate.textio import SourceFile, read_source

NODE_TYPE = "iacgate_secret"
_NOT_NAME = re.compile(r"[^A-Za-z0-9_]+")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def _name(detection: Detection) -> str:
    base = detection.key or detection.detector
    name = _NOT_NAME.sub("_", base).strip("_") or "secret"
    return name if name[0].isalpha() else f"s_{name}"


def nodes(detections: Sequence[Detection], format_name: str) -> tuple[Resource, ...]:
    """The nodes of one file's detections, ids ``iacgate_secret.<key>`` (``_2``, ``_3``... for repeats)."""
    used: dict[str, int] = {}
    found: list[Resource] = []
    for detection in sorted(detections, key=lambda item: (item.line, item.detector, item.digest)):
        name = _name(detection)
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:
            name = f"{name}_{used[name]}"
        found.append(
            Resource(
                id=f"{NODE_TYPE}.{name}",
                format=format_name,
                native_type=NODE_TYPE,
                type=NODE_TYPE,
                provider="iacgate",
                region=Unknown("a secret in a file has no region"),
                region_source="none",
                attributes={
                    "detector": detection.detector,
                    "key": detection.key,
                    "line": detection.line,
                    "digest": detection.digest,
                    "example": detection.example,
                },
                tags={},
                location=SourceLocation(detection.file, detection.line, detection.line, {}),
            )
        )
    return tuple(found)


# Formats whose files people write (or whose state keeps what they wrote): a plan holds every resolved
# value in clear by design, secrets read from a secrets manager included, so only what its configuration
# section says was written in the code is searched (``plan_detections``).
CONTENT_FORMATS = ("terraform", "cloudformation", "pulumi", "pulumi-config")
# The format a file's secret nodes are reported in, where its parser's name is not a resource format:
# a Pulumi project or stack file speaks Pulumi.
_NODE_FORMAT = {"pulumi-config": "pulumi"}
PLAN_FORMAT = "terraform-plan"


def _constants(node: Any) -> Iterator[tuple[str | None, str]]:
    """(name, text) of the strings written as literals in a plan's ``configuration``: expressions'
    ``constant_value`` (named by the argument), variable defaults (named by the variable). Walked with a
    stack of its own, in document order: a hostile plan may nest deeper than Python's recursion limit."""
    # (value, name, inside a literal): a literal's strings are all yielded, the rest is searched for them.
    stack: list[tuple[Any, str | None, bool]] = [(node, None, False)]
    while stack:
        value, name, literal = stack.pop()
        if isinstance(value, str):
            if literal:
                yield name, value
        elif isinstance(value, Mapping):
            if literal:
                stack.extend((item, str(key), True) for key, item in reversed(list(value.items())))
                continue
            children: list[tuple[Any, str | None, bool]] = []
            for key, item in value.items():
                if key == "constant_value":
                    children.append((item, name, True))
                elif key == "variables" and isinstance(item, Mapping):
                    children.extend(
                        (declared.get("default"), str(variable), True)
                        for variable, declared in item.items()
                        if isinstance(declared, Mapping)
                    )
                else:
                    children.append((item, str(key), False))
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend((item, name, literal) for item in reversed(value))


def configuration_literals(configuration: Any) -> Iterator[tuple[str | None, str]]:
    """(name, text) of the strings written as literals in a plan's ``configuration`` section (nothing when
    it is not an object): the plan parser hands them on in its unit (``ParseResult.literals``)."""
    if isinstance(configuration, Mapping):
        yield from _constants(configuration)


def _decoded_literals(source: SourceFile) -> list[tuple[str | None, str]]:
    """The literals of a plan file the plan parser did not decode (it failed on it)."""
    try:
        document = json.loads(source.text)
    except (ValueError, RecursionError):  # the plan parser reports it (nested too deeply)
        return []
    configuration = document.get("configuration") if isinstance(document, Mapping) else None
    return list(configuration_literals(configuration))


def plan_detections(
    source: SourceFile, literals: Sequence[tuple[str | None, str]] | None = None
) -> list[Detection]:
    """Secrets written in the code a plan was made from: the literals of its ``configuration`` section
    (constants and variable defaults), each searched as ``name = "text"``; the line is where the secret
    last occurs in the plan file (Terraform writes ``configuration`` after the resolved values). Resolved
    values (``planned_values``, ``prior_state``, ``variables``) are not searched: a secret read from a
    secrets manager or given at plan time is there in clear by design. ``literals``: those the plan
    parser found (``configuration_literals``); None reads them from the file, and a file that is not
    readable JSON is left to the plan parser, which reports it."""
    found: dict[tuple[str, str], Detection] = {}
    # A literal written for every instance of a module (a tag, a region) is searched once: half of a
    # 10,000-resource plan's literals repeat. Each is one line of a single text, searched in one call:
    # the detectors read line by line, and a call per literal cost its set-up 6,000 times.
    searched: dict[tuple[str, str], None] = {}
    for name, text in _decoded_literals(source) if literals is None else literals:
        if len(text) >= 8:
            searched.setdefault((name if name and _NAME.fullmatch(name) else "value", text))
    assignments = "".join(f"{key} = {json.dumps(text)}\n" for key, text in searched)
    for detection in detect(assignments, source.relative):
        # The last occurrence: the configuration section follows the resolved values in a plan.
        at = source.text.rfind(detection.value)
        line = source.text.count("\n", 0, at) + 1 if at >= 0 else 1
        found.setdefault((detection.detector, detection.digest), dataclasses.replace(detection, line=line))
    return list(found.values())


def tfvars_files(sources: Sequence[SourceFile]) -> list[SourceFile]:
    """The variable files (``*.tfvars``, ``*.tfvars.json``) beside the scanned Terraform files: Terraform
    reads them with the module, and they are where values are most often written. Links and unreadable
    files are left out (the module's own evaluation reports what it cannot read)."""
    found: dict[Path, SourceFile] = {}
    for source in sources:
        directory = source.path.parent
        base = posixpath.dirname(source.relative)
        for path in sorted(directory.glob("*.tfvars")) + sorted(directory.glob("*.tfvars.json")):
            if path in found or path.is_symlink() or not path.is_file():
                continue
            with contextlib.suppress(ParseError):
                found[path] = read_source(path, posixpath.join(base, path.name) if base else path.name)
    return list(found.values())


def secret_graphs(
    claimed: Mapping[str, Sequence[SourceFile]],
    plan_literals: Mapping[str, Sequence[tuple[str | None, str]]] | None = None,
) -> tuple[list[Graph], list[Notification]]:
    """One graph per file holding secrets, named by the file, from the texts the parsers were given and the
    Terraform variable files beside them. ``plan_literals``: a plan's configuration literals by its file,
    as its parser found them (``ParseResult.literals``); a plan without them is read here.

    Like the parsers (``parsers.guard``), no file can abort the search: a search that raises is an error
    naming its file (the gate fails closed), and every other file is still searched."""
    graphs: list[Graph] = []
    notifications: list[Notification] = []
    given = plan_literals or {}

    def search(source: SourceFile, format_name: str, found: Callable[[], Sequence[Detection]]) -> None:
        try:
            detections = found()
        except Exception as error:
            message = f"internal error while searching for secrets: {type(error).__name__}"
            notifications.append(Notification("error", message, source.relative))
            return
        if detections:
            graphs.append(Graph(nodes(detections, format_name), (), source.relative))

    for source in claimed.get(PLAN_FORMAT, ()):
        search(source, PLAN_FORMAT, functools.partial(plan_detections, source, given.get(source.relative)))
    for format_name in CONTENT_FORMATS:
        sources = list(claimed.get(format_name, ()))
        if format_name == "terraform":
            sources += tfvars_files(sources)
        for source in sources:
            node_format = _NODE_FORMAT.get(format_name, format_name)
            search(source, node_format, functools.partial(detect, source.text, source.relative))
    return graphs, notifications
