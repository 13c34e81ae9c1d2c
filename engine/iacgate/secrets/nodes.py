"""Detections as graph nodes: one ``iacgate_secret`` resource per secret found in a file, in a unit of
its own named by the file, so that findings, waivers (by rule, resource and file) and baselines treat a
secret like any resource. The node holds no part of the value: the detector, the key it was assigned
to, its line, a digest prefix and whether it carries a documentation marker."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from iacgate.graph.model import Graph, Resource, SourceLocation, Unknown
from iacgate.secrets.detect import Detection, detect
from iacgate.textio import SourceFile

NODE_TYPE = "iacgate_secret"
_NOT_NAME = re.compile(r"[^A-Za-z0-9_]+")


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
# value in clear by design, secrets read from a secrets manager included, so it is not searched.
CONTENT_FORMATS = ("terraform", "cloudformation", "pulumi")


def secret_graphs(claimed: Mapping[str, Sequence[SourceFile]]) -> list[Graph]:
    """One graph per file holding secrets, named by the file, from the texts the parsers were given."""
    graphs: list[Graph] = []
    for format_name in CONTENT_FORMATS:
        for source in claimed.get(format_name, ()):
            found = detect(source.text, source.relative)
            if found:
                graphs.append(Graph(nodes(found, format_name), (), source.relative))
    return graphs
