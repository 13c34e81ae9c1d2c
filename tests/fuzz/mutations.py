"""Hypothesis strategies that turn a valid seed into a hostile file: structure-aware and byte-level mutations.

Structure-aware (JSON, and YAML through its decoded form): replace any value with one of the wrong type
or a value no report can hold (a lone surrogate, NaN, a 400-digit number), delete a key or an item,
insert a key, wrap a value in a list or unwrap it, turn an object into a list and back, duplicate an
item, or copy one part of the document over another. Then the document is written back (JSON with
surrogates as ``\\ud800`` escapes or as raw, invalid UTF-8) and byte-level mutations may follow:
truncation, a snippet inserted at a token boundary (``"\\ud800"``, ``NaN``, ``${``, a heredoc...),
a slice deleted or duplicated, a byte replaced.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from hypothesis import strategies as st

from iacgate.parsers.cloudformation.loaded import CustomTag
from iacgate.parsers.cloudformation.yaml_loader import load_yaml

from .seeds import Seed

Draw = Callable[..., Any]

# Values of every JSON type, and the ones that broke reports or engines.
WEIRD_VALUES: tuple[Any, ...] = (
    None, True, False, 0, -1, 1.5, -0.0, 10**400, 2**63, -(2**64), float("nan"), float("inf"),
    "", " ", "\ud800", "x\udc00", "\ud83d", "\U0001f600", "\x00", "${var.x}", "%{ if true }x%{ endif }",
    "urn:pulumi:s::p::aws:s3/bucket:Bucket::\ud800", "aws_s3_bucket.b", "module.m", "a" * 300,
    "[", "{", "\\", '"', "\n", "!Ref", "Fn::GetAtt", "AWS::S3::Bucket", "../../etc/passwd",
    [], [None], [1.5], ["\ud800"], [[]], [{}], {}, {"\ud800": 1}, {"a": []}, {"Ref": "x"},
    {"Fn::If": [1, 2]}, {"references": [1]}, {"constant_value": {}},
)  # fmt: skip
WEIRD_KEYS: tuple[str, ...] = (
    "", "\ud800", "type", "urn", "resources", "values", "Type", "Properties", "Ref", "Fn::Sub",
    "address", "mode", "index", "change", "after_unknown", "child_modules", "module_calls",
    "expressions", "references", "depends_on", "inputs", "dependencies", "propertyDependencies",
    "Condition", "DependsOn", "Transform", "version", "deployment", "latest", "steps", "newState",
)  # fmt: skip

JSON_SNIPPETS = ('"\\ud800"', "\\ud800", '"\\udc00"', "NaN", "-Infinity", "1e999", "1" * 5000, "{", "}",
                 "[", "]", ",", ":", '"', "\\", "null", "\x00", "\t", "\ufeff")  # fmt: skip
HCL_SNIPPETS = (
    '"\\ud800"', '"\\U0000d800"', '"\\U00110000"', "${", "}", "]", "[", "{", "(", ")", '"', "\\", "null",
    "1e999", "1" * 400, "1" * 5000, "-", "!", "?", ":", "=>", "...", "*", "[*]", ".0", "<<EOF\nx\nEOF\n",
    '<<-EOT\n  ${"\\ud800"}\n  EOT\n', "/*", "#", "//", "\n", "for", "if", "in", "var.x", "local.y",
    "module.m.o", "each.key", "count.index", "self.id", "data.x.y.z", "jsondecode(\"\\\"\\\\ud800\\\"\")",
    "format(\"%c\", 55296)", "tostring(null)", "1/0", "-1", "1.5", "true", "[for x in [1]: x]",
    "{for k, v in {}: k => v...}", "try(1)", "can(x)", 'resource "aws_s3_bucket" {}\n',
    'resource "aws_s3_bucket" "b" "c" {}\n', 'variable {}\n', 'module "m" { source = "../.." }\n',
    'locals { a = local.a }\n', "count = -1", "for_each = 1.5", 'dynamic "x" { content {} }',
    "provider = aws.missing", "depends_on = [1]", "%{ if }", "%{ for x in y }", "\t", "\r", "\ufeff",
    # Functions handed what they do not expect (a name made by jsondecode, paths out of the tree...).
    'file(jsondecode("\\"\\\\ud800\\""))', 'templatefile("../x", {})', 'fileset("/", "**")',
    'file("/etc/passwd")', 'lookup({}, "k")', "element([], 0)", 'cidrsubnet("10.0.0.0/8", 40, 1)',
    'regex("(", "x")', 'substr("x", -5, -7)',
    "range(1e9)", 'format("%d", "x")', "tomap([1])", "merge(1, 2)", "flatten(1)", "coalesce()",
    'split("", null)', 'join(",", [[]])', "upper(1.5e400)", "pow(10, 400)", "abs(-1e999)", "ceil(null)",
    'yamldecode("&a [*a, *a]")', 'base64decode("/w==")', 'jsondecode("1e999")', "tonumber(\"0x\")",
)  # fmt: skip
YAML_SNIPPETS = (
    '"\\ud800"', '"\\U0000d800"', "\\ud800", "&a [1]", "*a", "*nope", "!Ref", "!GetAtt x.y", "!Sub",
    "!If [a, b]", "!Rain::Embed x", ": ", "- ", "? ", "--- ", "...", "%YAML 1.1\n", "\t", "{", "}",
    "[", "]", ".nan", ".inf", "1" * 5000, "~", "null", "0x", "0o9", "'", '"', "|", ">", "#", "\x00",
)  # fmt: skip
SNIPPETS = {"json": JSON_SNIPPETS, "hcl": HCL_SNIPPETS, "yaml": YAML_SNIPPETS}
# Where a snippet goes in text: after a separator, an opening bracket or quote, or at a line start.
_BOUNDARY = re.compile(r'[=:,{\[("\n]\s*')
_BAD_BYTES = (b"\xff", b"\xed\xa0\x80", b"\xc3", b"\x00", b"\xef\xbb\xbf", b"\xe2\x80\xae")

_PATH_LIMIT = 3000


def _paths(document: Any) -> list[tuple[Any, ...]]:
    """Paths (keys and indexes) of every node, the root first, at most ``_PATH_LIMIT``."""
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), document)]
    while stack and len(found) < _PATH_LIMIT:
        path, value = stack.pop()
        found.append(path)
        if isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in reversed(list(enumerate(value))))
    return found


def _get(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def _set(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(document, path[:-1])[path[-1]] = value
    return document


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _value(draw: Draw) -> Any:
    if draw(st.booleans()):
        return copy.deepcopy(draw(st.sampled_from(WEIRD_VALUES)))
    return draw(json_values)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def mutate_structure(draw: Draw, document: Any, donors: Sequence[Any] = ()) -> tuple[Any, str]:
    """One structure-aware mutation of ``document`` (which it may change in place), and what it did."""
    paths = _paths(document)
    path = paths[draw(st.integers(0, len(paths) - 1))]
    node = _get(document, path)
    operation = draw(
        st.sampled_from(
            ("replace", "delete", "insert", "wrap", "unwrap", "retype", "duplicate", "copy", "splice")
        )
    )
    where = "".join(f"[{step!r}]" for step in path) or "<root>"
    if operation == "delete" and path:
        parent = _get(document, path[:-1])
        del parent[path[-1]]
        return document, f"delete {where}"
    if operation == "insert" and isinstance(node, dict):
        key, value = draw(st.sampled_from(WEIRD_KEYS)), _value(draw)
        node[key] = value
        return document, f"insert {where}[{key!r}] = {_shown(value)}"
    if operation == "insert" and isinstance(node, list):
        at, value = draw(st.integers(0, len(node))), _value(draw)
        node.insert(at, value)
        return document, f"insert {where}[{at}] = {_shown(value)}"
    if operation == "wrap":
        return _set(document, path, [node]), f"wrap {where} in a list"
    if operation == "unwrap" and isinstance(node, list | dict) and node:
        inner = node[0] if isinstance(node, list) else next(iter(node.values()))
        return _set(document, path, inner), f"unwrap {where}"
    if operation == "retype" and isinstance(node, dict):
        return _set(document, path, list(node.values())), f"object {where} to a list"
    if operation == "retype" and isinstance(node, list):
        changed = {str(index): item for index, item in enumerate(node)}
        return _set(document, path, changed), f"list {where} to an object"
    if operation == "duplicate" and isinstance(node, list) and node:
        at = draw(st.integers(0, len(node) - 1))
        node.append(copy.deepcopy(node[at]))
        return document, f"duplicate {where}[{at}]"
    if operation == "splice" and donors:  # a part of another seed of the format, anywhere in this one
        donor = donors[draw(st.integers(0, len(donors) - 1))]
        donor_paths = _paths(donor)
        source = donor_paths[draw(st.integers(0, len(donor_paths) - 1))]
        shown = "".join(f"[{step!r}]" for step in source) or "<root>"
        return _set(
            document, path, copy.deepcopy(_get(donor, source))
        ), f"splice {shown} of another seed over {where}"
    if operation == "copy":
        source = paths[draw(st.integers(0, len(paths) - 1))]
        if path[: len(source)] != source:  # not into itself
            shown = "".join(f"[{step!r}]" for step in source) or "<root>"
            return _set(document, path, copy.deepcopy(_get(document, source))), f"copy {shown} over {where}"
    value = _value(draw)
    return _set(document, path, value), f"replace {where} with {_shown(value)}"


def _json_bytes(draw: Draw, document: Any, events: bool) -> bytes:
    ascii_only = draw(st.booleans())
    indent = draw(st.sampled_from((None, 2)))
    if events:
        items = document if isinstance(document, list) else [document]
        text = "\n".join(json.dumps(item, ensure_ascii=ascii_only) for item in items) + "\n"
    else:
        text = json.dumps(document, ensure_ascii=ascii_only, indent=indent)
    return text.encode("utf-8", "surrogatepass")


def _yaml_document(seed: Seed) -> Any | None:
    """A CloudFormation YAML seed as plain data (intrinsics in their long form), if it has no custom tags."""
    value = load_yaml(seed.text, seed.name).value
    plain = True

    def walk(node: Any) -> None:
        nonlocal plain
        if isinstance(node, CustomTag):
            plain = False
        elif isinstance(node, dict):
            for item in node.values():
                walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(value)
    return value if plain else None


def _yaml_bytes(draw: Draw, document: Any) -> bytes:
    try:
        text = yaml.safe_dump(document, allow_unicode=draw(st.booleans()), sort_keys=False)
    except (yaml.YAMLError, ValueError, RecursionError):
        text = json.dumps(document)
    return text.encode("utf-8", "surrogatepass")


def mutate_bytes(draw: Draw, data: bytes, snippets: tuple[str, ...]) -> tuple[bytes, str]:
    """One byte-level mutation of ``data``, and what it did."""
    operation = draw(st.sampled_from(("truncate", "insert", "replace", "delete", "duplicate", "byte")))
    size = len(data)
    if operation == "truncate":
        at = draw(st.integers(0, max(size - 1, 0)))
        return data[:at], f"truncate at byte {at}"
    if operation in ("insert", "replace"):
        text = data.decode("utf-8", "surrogateescape")
        boundaries = [match.end() for match in _BOUNDARY.finditer(text)] or [0]
        at = boundaries[draw(st.integers(0, len(boundaries) - 1))]
        snippet = draw(st.sampled_from(snippets))
        end = at
        if operation == "replace":  # the token that follows: a string, a number or a name
            token = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\w.-]+').match(text, at)
            end = token.end() if token else at
        # Invalid bytes went through as surrogate escapes and come back as they were.
        changed = (text[:at] + snippet + text[end:]).encode("utf-8", "surrogateescape")
        return changed, f"{operation} {text[at:end]!r} at offset {at} with {_shown(snippet)}"
    if size == 0:
        byte = draw(st.sampled_from(_BAD_BYTES))
        return byte, f"an empty file becomes {byte!r}"
    start = draw(st.integers(0, size - 1))
    end = draw(st.integers(start, min(size, start + 200)))
    if operation == "delete":
        return data[:start] + data[end:], f"delete bytes {start}-{end}"
    if operation == "duplicate":
        return data[:end] + data[start:end] + data[end:], f"duplicate bytes {start}-{end}"
    byte = draw(st.sampled_from(_BAD_BYTES))
    return data[:start] + byte + data[start + 1 :], f"byte {start} becomes {byte!r}"


@dataclass(frozen=True)
class Mutant:
    """A mutated file and the mutations that made it (what a failing example shows)."""

    data: bytes
    steps: tuple[str, ...]

    def __repr__(self) -> str:
        return f"Mutant({len(self.data)} bytes, steps={list(self.steps)!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # how Hypothesis shows an example
        printer.text(repr(self))


@st.composite
def mutants(draw: Draw, seed: Seed, donors: Sequence[Seed] = ()) -> Mutant:
    """A mutated file made from ``seed``: at least one mutation, structural and/or byte-level."""
    steps: list[str] = []
    data: bytes
    if seed.format in ("plan", "tfjson", "cfn-json", "pulumi", "pulumi-events"):
        document = copy.deepcopy(seed.document)
        others = [donor.document for donor in donors if donor.format == seed.format and donor is not seed]
        for _ in range(draw(st.sampled_from((0, 1, 1, 1, 2, 3)))):
            document, step = mutate_structure(draw, document, others)
            steps.append(step)
        data = _json_bytes(draw, document, seed.format == "pulumi-events") if steps else seed.text.encode()
        snippets = SNIPPETS["json"]
    elif seed.format == "cfn-yaml":
        document = _yaml_document(seed) if draw(st.booleans()) else None
        if document is not None:
            for _ in range(draw(st.integers(1, 3))):
                document, step = mutate_structure(draw, document)
                steps.append(step)
            data = _yaml_bytes(draw, document)
            steps.append("written back as YAML")
        else:
            data = seed.text.encode()
        snippets = SNIPPETS["yaml"]
    else:
        data = seed.text.encode()
        snippets = SNIPPETS["hcl"]
    # Byte-level damage mostly stops a file at its decoder: after a structural mutation it is the exception,
    # so most examples reach the parser's own checks and the graph.
    for _ in range(draw(st.sampled_from((0, 0, 0, 1, 2) if steps else (1, 1, 2)))):
        data, step = mutate_bytes(draw, data, snippets)
        steps.append(step)
    return Mutant(data, tuple(steps))
