"""CloudFormation YAML: its plain scalars, every ``!Tag``, and the line of every node.

PyYAML resolves plain scalars with all YAML 1.1 rules (``2010-09-09`` becomes a date, ``1_000`` a
number), which CloudFormation does not do. Plain scalars are therefore tagged with a private tag while the
node tree is composed and resolved here: numbers and null with the YAML 1.2 core schema, booleans with
YAML 1.1's words as CloudFormation reads them (``yes``/``no``/``on``/``off`` in PyYAML's three casings,
besides ``true``/``false``: ``SqsManagedSseEnabled: off`` is false, ``!Equals [on, yes]`` true). Quoted
scalars are always strings.
Alias expansion is counted before the tree is built (``yamlio.check_expansion``): a template of aliases
to aliases is an error naming its line, not gigabytes of memory.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from iacgate.errors import ParseError, Position
from iacgate.parsers.cloudformation.loaded import CustomTag, Loaded, Path
from iacgate.yamlio import check_expansion, has_anchors, parse_error

_PLAIN = "tag:iacgate,2024:plain"
# Short-form tags CloudFormation and its language extensions know; any other tag is kept as a CustomTag.
INTRINSIC_NAMES = frozenset(
    {
        "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
        "Transform", "And", "Equals", "If", "Not", "Or", "ValueOf", "ValueOfAll", "ToJsonString", "Length",
        "EachMemberEquals", "EachMemberIn", "RefAll", "Contains", "ForEach", "GetStackOutput",
    }
)  # fmt: skip

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
# YAML 1.1's booleans, as PyYAML's resolver lists them (y and n are not among them).
_BOOL = {
    word: value
    for words, value in (("true yes on", True), ("false no off", False))
    for lower in words.split()
    for word in (lower, lower.capitalize(), lower.upper())
}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


class _Resolver(yaml.resolver.BaseResolver):
    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0]:
            return _PLAIN
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return,no-untyped-call]


try:
    import yaml.cyaml

    _CParser: Any = getattr(yaml.cyaml, "CParser", None)  # libyaml: the Python scanner is ~7x slower
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None
if _CParser is not None:

    class _Composer(_CParser, _Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Composer(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _Resolver
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Resolver.__init__(self)


def plain_scalar(text: str) -> Any:
    """An unquoted scalar as CloudFormation reads it: YAML 1.1 booleans, else the YAML 1.2 core schema."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def _is_merge(node: Node) -> bool:
    return isinstance(node, ScalarNode) and (
        node.tag == "tag:yaml.org,2002:merge" or (node.tag == _PLAIN and node.value == "<<")
    )


def _last_line(node: Node) -> int:
    mark = node.end_mark
    return max(node.start_mark.line + 1, mark.line + (1 if mark.column > 0 else 0))


class _Builder:
    def __init__(self, relative: str) -> None:
        self.loaded = Loaded(None)
        self.relative = relative

    def build(self, node: Node, path: Path) -> tuple[Any, int]:
        """The value of ``node`` and the last line it spans (block collections end at their last leaf)."""
        tag = node.tag
        if tag.startswith("!") and not tag.startswith("!!"):
            return self._tagged(node, tag[1:], path)
        if isinstance(node, ScalarNode):
            try:
                return self._scalar(node), _last_line(node)
            except ValueError:  # an integer of more digits than Python converts (4300)
                mark = node.start_mark
                where = Position(self.relative, mark.line + 1, mark.column + 1)
                raise ParseError(where, "invalid YAML: a number with more than 4300 digits") from None
        if isinstance(node, SequenceNode):
            items: list[Any] = []
            last = node.start_mark.line + 1
            for index, child in enumerate(node.value):
                child_path = (*path, index)
                self.loaded.lines[child_path] = child.start_mark.line + 1
                value, end = self.build(child, child_path)
                items.append(value)
                last = max(last, end)
            if node.flow_style:
                last = max(last, _last_line(node))
            self.loaded.ends[path] = last
            return items, last
        assert isinstance(node, MappingNode)
        mapping: dict[str, Any] = {}
        merged: list[tuple[dict[str, Any], int]] = []
        last = node.start_mark.line + 1
        for key_node, value_node in node.value:
            if _is_merge(key_node):
                values, end = self._merge(value_node, (*path, "<<"))
                merged.extend((value, key_node.start_mark.line + 1) for value in values)
                last = max(last, end)
                continue
            key = (
                str(key_node.value)
                if isinstance(key_node, ScalarNode)
                else str(self.build(key_node, path)[0])
            )
            child_path = (*path, key)
            self.loaded.lines[child_path] = key_node.start_mark.line + 1
            value, end = self.build(value_node, child_path)
            mapping[key] = value
            last = max(last, end)
        # A merge key (<<), as PyYAML applies it (the AWS CLI's package and deploy read templates with it):
        # keys written in the mapping win, then the merged mappings in their order.
        for source, line in merged:
            for key, value in source.items():
                if key not in mapping:
                    mapping[key] = value
                    self.loaded.lines[(*path, key)] = line
        if node.flow_style:
            last = max(last, _last_line(node))
        self.loaded.ends[path] = last
        return mapping, last

    def _merge(self, node: Node, path: Path) -> tuple[list[dict[str, Any]], int]:
        """The mappings a merge key names: one mapping, or a sequence of them."""
        nodes = node.value if isinstance(node, SequenceNode) else [node]
        values: list[dict[str, Any]] = []
        last = node.start_mark.line + 1
        for index, item in enumerate(nodes):
            value, end = self.build(item, (*path, index))
            if not isinstance(item, MappingNode) or not isinstance(value, dict):
                mark = item.start_mark
                where = Position(self.relative, mark.line + 1, mark.column + 1)
                raise ParseError(
                    where, "invalid YAML: a merge key (<<) takes a mapping or a list of mappings"
                )
            values.append(value)
            last = max(last, end)
        return values, last

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _PLAIN:
            return plain_scalar(node.value)
        if tag == "tag:yaml.org,2002:int":
            return plain_scalar(node.value) if _INT.match(node.value) else node.value
        if tag == "tag:yaml.org,2002:float" and _FLOAT.match(node.value):
            return float(node.value)
        if tag == "tag:yaml.org,2002:bool" and node.value in _BOOL:
            return _BOOL[node.value]
        if tag == "tag:yaml.org,2002:null":
            return None
        return node.value

    def _tagged(self, node: Node, name: str, path: Path) -> tuple[Any, int]:
        key = name if name in ("Ref", "Condition") else f"Fn::{name}"
        inner_path = (*path, key)
        self.loaded.lines[inner_path] = node.start_mark.line + 1
        if isinstance(node, ScalarNode):
            # Under a tag a scalar is an argument (a logical id, a Sub string, '' for !GetAZs): keep its text.
            inner: Any = node.value
            last = _last_line(node)
        else:
            node.tag = "tag:yaml.org,2002:seq" if isinstance(node, SequenceNode) else "tag:yaml.org,2002:map"
            inner, last = self.build(node, inner_path)
        if name in ("Ref", "Condition") or name in INTRINSIC_NAMES:
            return {key: inner}, last
        return CustomTag(name, inner, node.start_mark.line + 1), last


# A block scalar's header line: its indicator, then blanks and a comment to the line's end.
_BLOCK_HEADER = re.compile("([|>][0-9+-]*)[ \t]+#[^\r\n\x85\u2028\u2029]*")


def token_spans(text: str) -> list[tuple[int, int]]:
    """The character offsets (start, end) of every token of ``text`` that holds text, as the scanner that
    loads templates reads it: scalars of every style (quotes, block scalars and their lines), tags,
    anchors, aliases, indicators. What lies between them is blanks, line ends and comments. A leading
    byte-order mark is skipped, as the scanner does; ``yaml.YAMLError`` when the text does not scan."""
    skip = 1 if text.startswith("\ufeff") else 0
    scanner = _Composer(text[skip:])
    spans: list[tuple[int, int]] = []
    try:
        while (token := scanner.get_token()) is not None:
            start, end = token.start_mark.index + skip, token.end_mark.index + skip
            header = _BLOCK_HEADER.match(text, start, end)
            if header is not None:
                # A block scalar's token holds its header line, comment included: that comment is not data.
                spans.append((start, header.end(1)))
                start = header.end()
            if end > start:
                spans.append((start, end))
            if isinstance(token, yaml.StreamEndToken):
                break
    finally:
        scanner.dispose()
    return spans


def load_yaml(text: str, relative: str) -> Loaded:
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
        if has_anchors(text):
            check_expansion(node)  # before the tree is built: aliases may multiply it past any memory
    except yaml.YAMLError as error:
        raise parse_error(error, relative) from None
    finally:
        composer.dispose()
    builder = _Builder(relative)
    if node is None:
        raise ParseError(Position(relative), "file is empty")
    value, _ = builder.build(node, ())
    builder.loaded.value = value
    return builder.loaded
