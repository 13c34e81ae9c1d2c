"""A small JSON reader that remembers the line of every node (``json.loads`` forgets positions)."""

from __future__ import annotations

import bisect
import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from iacgate.errors import ParseError, Position
from iacgate.parsers.cloudformation.loaded import Loaded, Path
from iacgate.parsers.jsontext import JsonFault, refuse_lone_surrogates

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LINE_END = re.compile(r"\r\n?|\n")
_LITERALS: dict[str, Any] = {"true": True, "false": False, "null": None}


class _Reader:
    def __init__(self, text: str, relative: str) -> None:
        self.text = text
        self.relative = relative
        # The offset of the last character of each line end: CR LF, LF, or CR alone (a file of CR lines).
        self.newlines = [match.end() - 1 for match in _LINE_END.finditer(text)]
        self.loaded = Loaded(None)

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1

    def fail(self, offset: int, message: str) -> ParseError:
        line = self.line(offset)
        start = self.newlines[line - 2] + 1 if line > 1 else 0
        return ParseError(Position(self.relative, line, offset - start + 1), f"invalid JSON: {message}")

    def skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self.text, offset)
        return match.end() if match else offset

    def value(self, offset: int, path: Path) -> tuple[Any, int]:
        text = self.text
        if offset >= len(text):
            raise self.fail(offset, "unexpected end of file")
        char = text[offset]
        if char == "{":
            return self.mapping(offset + 1, path)
        if char == "[":
            return self.sequence(offset + 1, path)
        if char == '"':
            return self.string(offset + 1)
        for word, literal in _LITERALS.items():
            if text.startswith(word, offset):
                return literal, offset + len(word)
        match = _NUMBER.match(text, offset)
        if match:
            number = match.group(0)
            if match.group(1) or match.group(2):
                return float(number), match.end()
            try:
                return int(number), match.end()
            except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
                raise self.fail(offset, "a number with more than 4300 digits") from None
        raise self.fail(offset, f"unexpected character {char!r}")

    def string(self, offset: int) -> tuple[str, int]:
        try:
            value, end = scanstring(self.text, offset, True)
        except json.JSONDecodeError as error:
            raise self.fail(error.pos, error.msg) from None
        return value, end

    def mapping(self, offset: int, path: Path) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        offset = self.skip(offset)
        if self.text.startswith("}", offset):
            self.loaded.ends[path] = self.line(offset)
            return result, offset + 1
        while True:
            if not self.text.startswith('"', offset):
                raise self.fail(offset, "expected a property name in double quotes")
            key_line = self.line(offset)
            key, offset = self.string(offset + 1)
            offset = self.skip(offset)
            if not self.text.startswith(":", offset):
                raise self.fail(offset, "expected ':' after a property name")
            child_path = (*path, key)
            self.loaded.lines[child_path] = key_line
            result[key], offset = self.value(self.skip(offset + 1), child_path)
            offset = self.skip(offset)
            if self.text.startswith(",", offset):
                offset = self.skip(offset + 1)
                continue
            if self.text.startswith("}", offset):
                self.loaded.ends[path] = self.line(offset)
                return result, offset + 1
            raise self.fail(offset, "expected ',' or '}'")

    def sequence(self, offset: int, path: Path) -> tuple[list[Any], int]:
        result: list[Any] = []
        offset = self.skip(offset)
        if self.text.startswith("]", offset):
            self.loaded.ends[path] = self.line(offset)
            return result, offset + 1
        while True:
            child_path = (*path, len(result))
            self.loaded.lines[child_path] = self.line(offset)
            item, offset = self.value(offset, child_path)
            result.append(item)
            offset = self.skip(offset)
            if self.text.startswith(",", offset):
                offset = self.skip(offset + 1)
                continue
            if self.text.startswith("]", offset):
                self.loaded.ends[path] = self.line(offset)
                return result, offset + 1
            raise self.fail(offset, "expected ',' or ']'")


def load_json(text: str, relative: str) -> Loaded:
    reader = _Reader(text, relative)
    try:
        value, offset = reader.value(reader.skip(0), ())
    except RecursionError:
        raise ParseError(Position(relative), "invalid JSON: nested too deeply") from None
    offset = reader.skip(offset)
    if offset != len(text):
        raise reader.fail(offset, "extra data after the JSON value")
    try:
        refuse_lone_surrogates(text)
    except JsonFault as fault:
        raise reader.fail(fault.offset or 0, fault.message) from None
    reader.loaded.value = value
    return reader.loaded
