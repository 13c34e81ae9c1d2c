"""Line numbers of plan resources and their attribute keys, from the JSON text in one forward pass.

``json.loads`` keeps no positions, so the (already validated) text is read a second time, but only where
it matters: each resource object in ``planned_values`` is found by its ``"address"`` string, then its
brackets and keys are tokenised up to the closing brace. Resources are visited in text order and lines
are counted incrementally, so the work is linear in the size of ``planned_values`` whatever the number
of resources, and the text may be pretty-printed or minified (a minified plan is all line 1).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field

_ADDRESS = re.compile(r'"address"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"')
_TOKEN = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"(\s*:)?|[{}\[\]]')
# Everything up to the next bracket outside a string, in one C-level match (possessive: no backtracking).
_NO_BRACKETS = re.compile(r'(?:[^"{}\[\]]++|"[^"\\]*+(?:\\.[^"\\]*+)*+")*+')
_BLANK = " \t\r\n"


def _unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw
    try:
        decoded = json.loads(f'"{raw}"')
    except ValueError:
        return raw
    return decoded if isinstance(decoded, str) else raw


class _Lines:
    """1-based line of an offset; offsets must be asked in increasing order (that is what keeps it linear)."""

    def __init__(self, text: str, offset: int = 0, line: int = 1) -> None:
        self._text = text
        self._offset = offset
        self._line = line

    def __call__(self, offset: int) -> int:
        if offset > self._offset:
            self._line += self._text.count("\n", self._offset, offset)
            self._offset = offset
        return self._line


def _object_end(text: str, begin: int, inside: bool) -> int:
    """Offset just past the ``}`` closing the object starting at (when ``inside``: enclosing) ``begin``."""
    depth = 1 if inside else 0
    position = begin
    size = len(text)
    while True:
        match = _NO_BRACKETS.match(text, position)
        position = match.end() if match else position
        if position >= size:
            return size
        depth += 1 if text[position] in "{[" else -1
        position += 1
        if depth == 0:
            return position


def _key_lines(text: str, begin: int, end: int, inside: bool, lines: _Lines) -> dict[str, int]:
    """Line of every key under the resource's ``"values"`` (``path_text`` form), and of list items."""
    found: dict[str, int] = {}
    # Each frame: [is_object, path prefix under "values" (None = not tracked), items opened so far].
    frames: list[list[object]] = [[True, None, 0]] if inside else []
    pending: str | None = None
    for match in _TOKEN.finditer(text, begin, end):
        at = match.start()
        char = text[at]
        if char == '"':
            if match.group(2) is None:
                continue
            key = _unescape(match.group(1))
            prefix = frames[-1][1]
            if prefix is None:
                pending = "" if len(frames) == 1 and key == "values" else None
                continue
            pending = f"{prefix}.{key}" if prefix else key
            found[pending] = lines(at)
        elif char in "{[":
            child: str | None = None
            if frames:
                parent = frames[-1]
                if parent[0]:
                    child, pending = pending, None
                elif parent[1] is not None:
                    count = parent[2]
                    assert isinstance(count, int)
                    child = f"{parent[1]}[{count}]"
                    parent[2] = count + 1
                    found[child] = lines(at)
            frames.append([char == "{", child, 0])
        else:
            frames.pop()
    return found


class AttributeLines(Mapping[str, int]):
    """Attribute lines of one resource, worked out on first use.

    Only resources with a finding ever need them, and tokenising every key of a 10,000-resource plan
    would cost more than the rest of the parse; the work is the same linear scan, done per resource.
    Pickling (e.g. across processes) turns it into a plain dict.
    """

    def __init__(self, text: str, begin: int, end: int, inside: bool, line: int) -> None:
        self._source = (text, begin, end, inside, line)
        self._lines: dict[str, int] | None = None

    def _load(self) -> dict[str, int]:
        if self._lines is None:
            text, begin, end, inside, line = self._source
            self._lines = _key_lines(text, begin, end, inside, _Lines(text, begin, line))
            self._source = ("", 0, 0, False, 0)
        return self._lines

    def __getitem__(self, key: str) -> int:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __reduce__(self) -> tuple[type[dict[str, int]], tuple[dict[str, int]]]:
        return dict, (dict(self._load()),)

    def __repr__(self) -> str:
        return f"AttributeLines({self._load()!r})"


@dataclass(frozen=True)
class Span:
    start_line: int
    end_line: int
    attribute_lines: Mapping[str, int] = field(default_factory=dict)


_KEY = re.compile(r'\s*"([^"\\]*(?:\\.[^"\\]*)*)"\s*:\s*')
_SCALAR = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^,}\]\s]*')
_COMMA = re.compile(r"\s*,?")


def top_level_value(text: str, key: str) -> int | None:
    """Offset of the value of the document's own ``key`` (a plan is one JSON object), found by walking its
    members: a key of that name inside a variable's value (Terraform writes ``variables`` first) is not
    it. None when the text is not an object holding it."""
    position = text.find("{") + 1
    if position == 0 or text[: position - 1].strip():
        return None
    size = len(text)
    while position < size:
        match = _KEY.match(text, position)
        if match is None:
            return None
        position = match.end()
        if _unescape(match.group(1)) == key:
            return position
        if position < size and text[position] in "{[":
            position = _object_end(text, position, False)
        else:
            scalar = _SCALAR.match(text, position)
            position = scalar.end() if scalar else size
        comma = _COMMA.match(text, position)
        position = comma.end() if comma else position
    return None


def _object_start(text: str, key_at: int) -> int | None:
    """The ``{`` right before an ``"address"`` key (Terraform writes it first), else ``None``."""
    position = key_at - 1
    while position >= 0 and text[position] in _BLANK:
        position -= 1
    return position if position >= 0 and text[position] == "{" else None


def locate_resources(text: str, addresses: Collection[str]) -> dict[str, Span]:
    """Spans of the resource objects in ``planned_values`` whose address is in ``addresses``."""
    wanted = set(addresses)
    if not wanted:
        return {}
    anchor = top_level_value(text, "planned_values")
    found: dict[str, int] = {}
    for match in _ADDRESS.finditer(text, anchor or 0):
        address = _unescape(match.group(1))
        # The first occurrence is the resource's own key: an attribute named "address" comes later
        # inside its "values" and never equals a resource address.
        if address in wanted and address not in found:
            found[address] = match.start()
            if len(found) == len(wanted):
                break
    lines = _Lines(text)
    spans: dict[str, Span] = {}
    resume = 0
    for address, key_at in sorted(found.items(), key=lambda item: item[1]):
        if key_at < resume:
            # An address string inside an earlier resource's object (never in Terraform's output).
            continue
        opening = _object_start(text, key_at)
        begin = key_at if opening is None else opening
        end = _object_end(text, begin, opening is None)
        start_line = lines(begin)
        end_line = lines(end - 1)
        # A resource written on one line (``terraform show -json`` writes the whole plan on one) has every
        # attribute on that line, which is also where ``line_for`` falls back to: no key needs tokenising.
        keys: Mapping[str, int] = (
            AttributeLines(text, begin, end, opening is None, start_line) if end_line > start_line else {}
        )
        spans[address] = Span(start_line, end_line, keys)
        resume = end
    return spans
